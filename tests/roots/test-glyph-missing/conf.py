extensions = ['helpguide']
project = 'Missing glyph'
guide_brand = 'Example ISP'
guide_title = 'A script no font has'
guide_date = 'May 1, 2026'
html_copy_source = False
