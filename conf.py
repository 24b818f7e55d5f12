"""Sphinx and guide settings.

Everything a provider changes to rebrand the guide lives in the "Guide
settings" block: the sources use these values through substitutions
(|brand|, |smtp_host|, |help_site|) and never spell them themselves.
"""
import os
import sys

sys.path.insert(0, os.path.abspath(os.path.dirname(__file__)))

# -- Guide settings (rebrand here) -------------------------------------------
guide_brand = 'Covenant ISP'
guide_title = 'Secure Socket Layer (SSL) for Outgoing Mail'
guide_subtitle = 'How to switch on SSL for sending mail in your email program'
guide_edition = '2026.1'
guide_date = ''                       # empty: from SOURCE_DATE_EPOCH, else today
guide_author = 'Covenant ISP Customer Support'
guide_logo = 'assets/logo.png'
guide_smtp_host = 'mail.covenantisp.net'
guide_smtp_ssl_port = ''              # the original guide names no port
guide_help_site = 'Covenant ISP Help'
# Contact details: the original guide gives none; only what is set is shown.
guide_support_phone = ''
guide_support_email = ''
guide_support_url = ''
guide_support_hours = ''
# The guide's subjects: email programs, one file each in source/programs/.
guide_subjects_dir = 'programs'
guide_subject_noun = 'email program'
guide_supported_label = 'SSL for outgoing mail'
# Platforms in chapter order: (id used in the sources, name shown).
guide_platforms = [('windows', 'Windows'), ('macintosh', 'Macintosh')]
# Paper by name (letter, a4, a5, half-letter, legal, ...); guide_papers = ['letter', 'a4']
# would build an edition on each.
guide_paper = 'letter'
# Languages the guide is published in, the sources' own first; the others are
# translated in locale/<language>/LC_MESSAGES/ (make gettext updates them).
guide_languages = ['en', 'fr']

# -- Sphinx ------------------------------------------------------------------
project = guide_title
author = guide_author
copyright = f'{guide_brand}'
version = release = guide_edition
root_doc = 'index'
language = 'en'
# Translations of the sources: locale/<language>/LC_MESSAGES/*.po at the top
# (make gettext), compiled to .mo by Sphinx as it builds.
locale_dirs = ['../locale/']      # relative to source/
# The index's entries are translated too (their words are in the .po files).
gettext_additional_targets = ['index']
extensions = ['helpguide']
exclude_patterns = []
templates_path = []
html_theme = 'helpguide'
html_title = f'{guide_brand}: {guide_title}'
html_short_title = 'SSL for Outgoing Mail'
html_static_path = []
html_copy_source = False
html_show_sourcelink = False
html_show_sphinx = False
html_last_updated_fmt = None
smartquotes = True

# -- Settings in other languages ---------------------------------------------
# A translated build takes these in place of the English values above.
guide_translations = {
    'fr': {
        'guide_title': 'SSL (Secure Socket Layer) pour le courrier sortant',
        'guide_subtitle': "Comment activer SSL pour l'envoi du courrier dans votre "
                          'logiciel de messagerie',
        'guide_author': 'Service clientèle de Covenant ISP',
        'guide_help_site': 'Aide en ligne de Covenant ISP',
        'guide_subject_noun': 'logiciel de messagerie',
        'guide_subject_noun_plural': 'logiciels de messagerie',
        'guide_supported_label': 'SSL pour le courrier sortant',
        'project': 'SSL (Secure Socket Layer) pour le courrier sortant',
        'author': 'Service clientèle de Covenant ISP',
        'html_title': 'Covenant ISP : SSL (Secure Socket Layer) pour le courrier sortant',
        'html_short_title': 'SSL pour le courrier sortant',
    },
}
