"""The guide's settings: brand, servers and contacts, in conf.py only.

Sources never spell the brand or a host name; they use the substitutions
defined here (``|brand|``, ``|smtp_host|``, ``|help_site|``), so another ISP
rebrands the guide by editing conf.py.
"""
import re

from sphinx.errors import ConfigError

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

_INLINE_MARKUP = re.compile(r'([\\`*_|<>\[\]])')


def _escape(text: str) -> str:
    return _INLINE_MARKUP.sub(r'\\\1', text)


def substitution_prolog(config) -> str:
    lines = []
    for name, (setting, literal) in SUBSTITUTIONS.items():
        value = getattr(config, setting)
        if not value:
            continue
        if literal:
            if '`' in value:
                raise ConfigError(f'{setting} may not contain a backquote: {value!r}')
            shown = f'``{value}``'
        else:
            shown = _escape(value)
        lines.append(f'.. |{name}| replace:: {shown}')
    return '\n'.join(lines)


def add_substitutions(app, config):
    prolog = substitution_prolog(config)
    # At the end, not the start: Sphinx puts a prolog inside a leading field list.
    config.rst_epilog = '\n'.join(filter(None, [config.rst_epilog, prolog]))


def setup(app):
    for name, (default, _doc) in SETTINGS.items():
        app.add_config_value(name, default, 'env', types=frozenset({str}))
    app.connect('config-inited', add_substitutions)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
