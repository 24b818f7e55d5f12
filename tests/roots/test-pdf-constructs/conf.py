extensions = ['helpguide.pdf']
project = 'Constructs'
numfig = True
