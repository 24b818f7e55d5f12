extensions = ['helpguide']
project = 'Fallback'
guide_brand = 'Example ISP'
guide_title = 'Fonts for every script'
guide_date = 'May 1, 2026'
html_copy_source = False
