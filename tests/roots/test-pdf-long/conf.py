extensions = ['helpguide.pdf']
project = 'Long'
guide_date = 'May 1, 2026'
