extensions = ['helpguide']
language = 'en'
locale_dirs = ['locale/']
guide_brand = 'Example ISP'
guide_title = 'A translated guide'
release = '2026.1'
html_theme = 'helpguide'
