extensions = ['helpguide']
language = 'en'
locale_dirs = ['locale/']
guide_brand = 'Example ISP'
guide_title = 'A translated guide'
release = guide_edition = '2026.1'
html_theme = 'helpguide'
guide_languages = ['en', 'fr']
html_title = 'A translated guide'
guide_translations = {'fr': {'guide_title': 'Un guide traduit', 'html_title': 'Un guide traduit'}}
