extensions = ['helpguide']
guide_brand = 'Example ISP'
guide_smtp_host = 'smtp.example.net'
guide_subjects_dir = 'programs'
guide_subject_noun = 'email program'
guide_supported_label = 'SSL for outgoing mail'
