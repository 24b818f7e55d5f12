"""Sphinx and guide settings of 'Securing your home Wi-Fi'.

The second guide shipped with helpguide, an example of a subject other than
email programs: router models on two firmware families. Made by
``python -m helpguide new``, then written. Everything that names the provider, or
what the guide calls its subjects and platforms, is set here: the sources
use |brand| and |guide_title| and never spell them.
"""
# -- Guide settings (rebrand here) -------------------------------------------
guide_brand = 'Example Broadband'
guide_title = 'Securing your home Wi-Fi'
guide_subtitle = 'How to protect your wireless network with WPA2 on your router'
guide_edition = '2026.1'
guide_date = ''                       # empty: from SOURCE_DATE_EPOCH, else today
guide_author = 'Example Broadband Customer Support'
guide_logo = ''                       # a logo file for the cover, relative to this folder
guide_help_site = 'Example Broadband Help'
# Contact details: only what is set is shown.
guide_support_phone = '0800 555 0100'
guide_support_email = ''
guide_support_url = ''
guide_support_hours = 'Every day, 8 am to 10 pm'
guide_paper = 'letter'                # 'letter' or 'a4'
guide_versions_label = 'Hardware versions'

# The guide's subjects: router models, one file each in source/models/.
guide_subjects_dir = 'models'
guide_subject_noun = 'router model'
guide_subject_noun_plural = 'router models'
guide_platform_noun = 'firmware family'
guide_platform_noun_plural = 'firmware families'
guide_supported_label = 'WPA2 encryption'   # label of :supported: in each data box
# Platforms in chapter order: (id used in the sources, name shown).
guide_platforms = [('classic', 'Classic firmware'), ('nova', 'Nova firmware')]

# -- Sphinx ------------------------------------------------------------------
project = guide_title
author = guide_author
copyright = guide_brand
version = release = guide_edition
root_doc = 'index'
language = 'en'
extensions = ['helpguide']
html_theme = 'helpguide'
html_title = f'{guide_brand}: {guide_title}'
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_last_updated_fmt = None
# The router's address, for every source: |router_address|.
rst_prolog = '.. |router_address| replace:: ``192.168.1.1``'
