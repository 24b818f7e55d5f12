extensions = ['helpguide']
guide_brand = 'Example ISP'
guide_smtp_host = 'smtp.example.net'
