extensions = ['helpguide']
guide_brand = 'Example ISP'
guide_smtp_host = 'smtp.example.net'
guide_subjects_dir = 'programs'
guide_subject_noun = 'email program'
guide_supported_label = 'SSL for outgoing mail'
# One edition of the booklet: the tests lay out as little as they can.
booklet_editions = ['print']
guide_style = 'style.toml'
