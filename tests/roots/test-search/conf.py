extensions = ['helpguide.html.search']
rst_prolog = '.. |product| replace:: Frobnicator'
