"""Links go to the web, to mail, or inside the guide: nothing active.

A link whose scheme is not in ``guide_link_schemes`` (default ``http``,
``https``, ``mailto``, ``ftp``) is an error with the file and line, in
``make check`` and in every build, and loses its link: ``javascript:``,
``data:``, ``file:`` or ``vbscript:`` never reach the HTML as an ``href``
or the PDF as a URI action. Links without a scheme (pages and anchors of the
guide) are always fine. Raw ``pdf`` and ``html`` content, where conf.py
allows it, is held to the same rule for the links it writes.
"""
import re

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

from .config import add_setting

logger = logging.getLogger(__name__)

DEFAULT_SCHEMES = ('http', 'https', 'mailto', 'ftp')

#: A scheme as browsers read one: they drop ASCII whitespace and controls
#: first, so "java\tscript:" is still javascript:.
_SCHEME = re.compile(r'^([a-zA-Z][a-zA-Z0-9+.-]*):')
_IGNORED = re.compile(r'[\x00-\x20\x7f]+')
#: Where raw markup names a link: href, ReportLab's destination, SVG's xlink:href.
_RAW_LINK = re.compile(r'''\b(?:href|destination|action)\s*=\s*(["'])(.*?)\1''',
                       re.IGNORECASE | re.DOTALL)


def scheme(uri: str) -> str | None:
    """The scheme of *uri*, lower case, or None for a link inside the guide."""
    match = _SCHEME.match(_IGNORED.sub('', uri))
    return match[1].lower() if match else None


def refused(uri: str, allowed) -> str | None:
    """The scheme of *uri* if it is not allowed, else None."""
    found = scheme(uri)
    return found if found is not None and found not in allowed else None


def _allowed(app) -> frozenset[str]:
    return frozenset(s.lower() for s in app.config.guide_link_schemes)


def _report(uri: str, found: str, allowed, node) -> None:
    logger.error(f'link to {uri!r}: the scheme {found!r} is not allowed (allowed: '
                 f'{", ".join(sorted(allowed))}; guide_link_schemes in conf.py widens the '
                 'list)', location=node, type='helpguide', subtype='link')


def refuse_unsafe_links(app, doctree) -> None:
    """Report and unlink references, toctree entries and raw links with a
    scheme outside the allowed list; their text stays."""
    allowed = _allowed(app)
    for node in list(doctree.findall(nodes.reference)):
        uri = node.get('refuri', '')
        if found := refused(uri, allowed):
            _report(uri, found, allowed, node)
            node.replace_self(nodes.inline(node.rawsource, '', *node.children))
    for toctree in doctree.findall(addnodes.toctree):
        entries = []
        for title, ref in toctree['entries']:
            if found := refused(ref, allowed):
                _report(ref, found, allowed, toctree)
                continue
            entries.append((title, ref))
        toctree['entries'] = entries
    for node in list(doctree.findall(nodes.raw)):
        for _quote, uri in _RAW_LINK.findall(node.astext()):
            if found := refused(uri, allowed):
                _report(uri, found, allowed, node)
                node.parent.remove(node)
                break


def setup(app):
    app.setup_extension('helpguide.config')
    add_setting(app, 'guide_link_schemes', list(DEFAULT_SCHEMES), 'env',
                types=frozenset({list, tuple}),
                description='URL schemes links may use (links inside the guide always)')
    app.connect('doctree-read', refuse_unsafe_links)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
