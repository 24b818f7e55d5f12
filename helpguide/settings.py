"""The guide's settings: brand, servers and contacts, in conf.py only.

Sources never spell the brand or a host name; they use the substitutions
defined here (``|brand|``, ``|smtp_host|``, ``|help_site|``), so another ISP
rebrands the guide by editing conf.py.
"""
from docutils import nodes
from sphinx.transforms import SphinxTransform

from helpguide.config import add_setting

#: setting name -> (default, what it is for). Strings shown only when set.
SETTINGS = {
    'guide_brand': ('', 'brand name of the provider'),
    'guide_title': ('', 'title of the guide; empty: the root document\'s title'),
    'guide_subtitle': ('', 'line under the title on the cover'),
    'guide_edition': ('', 'edition printed on the cover and footers'),
    'guide_date': ('', 'date of the edition; empty: from SOURCE_DATE_EPOCH or today'),
    'guide_author': ('', 'author named in the PDF metadata'),
    'guide_logo': ('', 'logo file, relative to conf.py'),
    'guide_smtp_host': ('', 'outgoing (SMTP) mail server host name'),
    'guide_smtp_ssl_port': ('', 'port for SMTP over SSL, if the guide should name it'),
    'guide_help_site': ('', 'name of the online help site'),
    'guide_support_phone': ('', 'support telephone number'),
    'guide_support_email': ('', 'support email address'),
    'guide_support_url': ('', 'web address for online case submission'),
    'guide_support_hours': ('', 'support opening hours'),
    'guide_volume_label': ('', 'ISO 9660 volume label of the CD image; empty: from the brand'),
}

#: substitution name -> setting it shows, and whether it is set as literal text.
SUBSTITUTIONS = {
    'brand': ('guide_brand', False),
    'guide_title': ('guide_title', False),
    'smtp_host': ('guide_smtp_host', True),
    'help_site': ('guide_help_site', False),
}

#: Sphinx's placeholders for an unset ``author`` and ``project``; not worth printing
UNSET = ('Author name not set', 'Project name not set')


def setting(config, name: str, default=''):
    """A setting from conf.py, or *default* where the project has none."""
    value = getattr(config, name, None)
    return default if value in (None, '', *UNSET) else value


class GuideSubstitutions(SphinxTransform):
    """Defines the settings' substitutions in every document, as nodes.

    Ready nodes rather than ``.. |x| replace::`` text added to each source:
    no markup to escape, and no nested parse per definition per document
    (a sixth of Sphinx's reading time on a large guide). A document's own
    definition of the same name wins.
    """

    # Before docutils' Substitutions transform (220) resolves the references.
    default_priority = 100

    def apply(self, **kwargs) -> None:
        for name, (setting, literal) in SUBSTITUTIONS.items():
            value = getattr(self.config, setting)
            if not value or name in self.document.substitution_defs:
                continue
            definition = nodes.substitution_definition(names=[name])
            definition += nodes.literal(value, value) if literal else nodes.Text(value)
            self.document.note_substitution_def(definition, name)


def setup(app):
    app.setup_extension('helpguide.config')
    for name, (default, description) in SETTINGS.items():
        add_setting(app, name, default, 'env', description=description)
    app.add_transform(GuideSubstitutions)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
