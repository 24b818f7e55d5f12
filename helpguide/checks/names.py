"""No source spells what conf.py sets: the brand, host names, contacts.

Every source file is scanned on every build (not only the ones Sphinx
rereads), so such a problem fails each build until it is fixed.
"""
import re
from pathlib import Path

from sphinx.util import logging

from ..locale import _
from ..settings import SETTINGS, SUBSTITUTIONS

logger = logging.getLogger(__name__)

#: Settings whose values a source may not spell, most specific first: a host
#: name that contains the brand is reported once, as the host name.
SPELLED = ('guide_smtp_host', 'guide_support_email', 'guide_support_url',
           'guide_support_phone', 'guide_help_site', 'guide_brand')


def _pattern(value: str) -> re.Pattern:
    # Any run of spaces (or none: "CovenantISP") between words, any case.
    words = [re.escape(word) for word in value.split()]
    return re.compile(r'(?<!\w)' + r'\s*'.join(words) + r'(?!\w)', re.IGNORECASE)


def _domain(host: str) -> str:
    """``mail.example.net`` -> ``example.net``: other hosts of the provider."""
    labels = host.split('.')
    return '.'.join(labels[-2:]) if len(labels) > 2 else ''


def spelled_values(config) -> list[tuple[str, str, re.Pattern]]:
    """``(setting, value, pattern)`` for each setting conf.py gives a value."""
    found = []
    for setting in SPELLED:
        value = getattr(config, setting).strip()
        if value and value != SETTINGS[setting][0]:
            found.append((setting, value, _pattern(value)))
            if setting == 'guide_smtp_host' and _domain(value):
                found.append((setting, value, _pattern(_domain(value))))
    return found


def _advice(setting: str) -> str:
    names = [name for name, (shown, _literal) in SUBSTITUTIONS.items() if shown == setting]
    if names:
        return _('write |%(name)s| instead') % {'name': names[0]}
    return _('leave it to the setting in conf.py')


def find_literal_names(text: str, values) -> list[tuple[int, str]]:
    """``(line, message)`` for each place ``text`` spells a setting's value."""
    found, taken = [], []
    for setting, value, pattern in values:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            line = text.count('\n', 0, match.start()) + 1
            found.append((line, _('"%(text)s" comes from %(setting)s = %(value)r in conf.py: '
                                  '%(advice)s') % {'text': match.group(), 'setting': setting,
                                                   'value': value, 'advice': _advice(setting)}))
    return sorted(found)


def refuse_literal_names(app) -> None:
    values = spelled_values(app.config)
    if not values:
        return
    srcdir = Path(app.srcdir)
    for suffix in app.config.source_suffix:
        for path in sorted(srcdir.rglob(f'*{suffix}')):
            text = path.read_bytes().decode(app.config.source_encoding, 'replace')
            for line, message in find_literal_names(text, values):
                logger.error(message, location=f'{path}:{line}', type='helpguide',
                             subtype='literal_name')
