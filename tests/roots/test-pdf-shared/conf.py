extensions = ['helpguide.pdf']
project = 'Shared documents'
