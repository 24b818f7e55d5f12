"""The original guide's text, read as data: its program menu and its steps.

Tests compare the built outputs against the seed itself, so a step that is
lost or reordered is caught. MENDS lists the garbled seed steps and the text
that replaced them in the sources (the damage is not copied).
"""
import re
from pathlib import Path

SEED = Path(__file__).resolve().parent / 'corpus' / 'original-guide.txt'

BROKEN_HOST = 'mail. Covenant ISP.net'

_STARTTLS_SEED = ('If Required, Alternate Port does not work, select Required, STARTTLS if '
                  'Required. However, if you use this method, mail. Covenant ISP.net must be '
                  'specified as the server in "Outgoing Mail".')
_STARTTLS = ('If Required, Alternate Port does not work, select Required, STARTTLS instead. '
             'However, if you use this method, {host} must be specified as the server in '
             'Outgoing Mail.')
_SSL_BOX_SEED = ('Under Outgoing server (SMTP), place a check in the box labeled section at the '
                 'top, place a check in the box labeled This server requires a secure '
                 'connection (SSL)')
_NETSCAPE_OPEN = ('Open Netscape Mail. If you open Mail from the browser: in Netscape 6.x, go to '
                  'Tasks and select Mail & Newsgroups; in Netscape 7.x, go to Window and select '
                  'Mail & Newsgroups.')
_NETSCAPE_TICK = ('On the right, in the Use secure connection (SSL): section, place a tick in '
                  'the radio button labeled When available (or Always).')

#: seed fragment -> the mended text in our sources ({host} is the SMTP host).
MENDS = {
    _STARTTLS_SEED: _STARTTLS,
    _SSL_BOX_SEED: ('Under Outgoing server (SMTP), place a check in the box labeled This server '
                    'requires a secure connection (SSL).'),
    ('Open Netscape Mail. If opening Mail via the browser, for Netscape 6.x, go to Tasks and '
     'select Mail & Newsgroups for Netscape 7.x, go to Window and select Mail & Newsgroups.'):
        _NETSCAPE_OPEN,
    ('Open Netscape Mail. If opening the Mail via the browser, for Netscape 6.x, go to Tasks and '
     'select Mail & Newsgroups for Netscape 7.x, go to Window and select Mail & Newsgroups.'):
        _NETSCAPE_OPEN,
    'From the Edit menu,select Mail & News Groups Account Settings.':
        'From the Edit menu, select Mail & Newsgroups Account Settings.',
    ('On the right, place a tick in the radio button labeled When available (or Always) under '
     'Use secure connection (SSL):.'): _NETSCAPE_TICK,
    ('On the right, place a tick in the radio button labeled When available (or Always) in the '
     'Use secure connection (SSL): section.'): _NETSCAPE_TICK,
    'next to SSL for SMTP: .': 'next to SSL for SMTP.',
}


def normalize(text: str) -> str:
    """Fold what typesetting changes: quotes, ellipses, spacing, a final period."""
    text = (text.replace('\u201c', '"').replace('\u201d', '"').replace('\u2018', "'")
            .replace('\u2019', "'").replace('\u2026', '...').replace('\u00a0', ' '))
    text = re.sub(r'\s+', ' ', text)
    text = re.sub(r'\s+([.,:;)])', r'\1', text)
    text = re.sub(r'\(\s+', '(', text)
    text = re.sub(r'\s*/\s*', '/', text)
    return text.strip().rstrip('.')


def _lines():
    return SEED.read_text(encoding='utf-8').splitlines()


def menu() -> dict[str, list[str]]:
    """Program names per platform, in the order of the seed's menu."""
    lines = [line.strip().lstrip('\u2022').strip() for line in _lines()]
    start = lines.index('Windows')
    order = {'windows': [], 'macintosh': []}
    platform = 'windows'
    for line in lines[start + 1:]:
        if line == 'Macintosh':
            platform = 'macintosh'
        elif line.startswith('Email programs that do NOT'):
            return order
        elif line:
            order[platform].append(line)
    raise AssertionError('seed menu not found')


def steps(host: str, brand: str) -> list[tuple[str, str, str]]:
    """(platform, program name, mended step text) for every numbered step."""
    found = []
    platform = program = None
    lines = _lines()
    start = next(i for i, line in enumerate(lines)
                 if line.strip() == 'Windows' and line.startswith('    '))
    for line in lines[start:]:
        stripped = line.strip()
        if stripped.startswith('Help us help you'):
            break
        if stripped in ('Windows', 'Macintosh'):
            platform = stripped.lower()
            continue
        numbered = re.match(r'^\s+\d+\.\s+(.*)$', line)
        if numbered:
            found.append([platform, program, numbered.group(1)])
        elif line.startswith('      ') and stripped and not stripped.startswith('Note') \
                and found and found[-1][1] == program and not line.startswith('       '):
            found[-1][2] += ' ' + stripped
        elif line.startswith('    ') and not line.startswith('     ') and stripped \
                and stripped != 'Top' and not stripped.startswith('Note'):
            program = stripped
    result = []
    for platform_id, name, text in found:
        for seed, mended in MENDS.items():
            text = text.replace(seed, mended)
        text = text.replace(BROKEN_HOST, host).format(host=host)
        result.append((platform_id, name, text.replace('Covenant ISP', brand)))
    return result
