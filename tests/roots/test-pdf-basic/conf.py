extensions = ['helpguide.pdf']
project = 'Test Book'
guide_brand = 'Example ISP'
guide_title = 'A Small Test Book'
guide_edition = '1.0'
guide_date = 'May 1, 2026'
guide_logo = 'pic.png'
