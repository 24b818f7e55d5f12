"""Safe by default: a source file cannot reach outside the source folder.

``raw`` and file insertion (``include``, ``literalinclude``, ``csv-table``
and ``raw`` with ``:file:``) are off unless conf.py turns them on with
``guide_allow_raw`` / ``guide_allow_file_insertion``; even then a file must
lie inside the source folder, and a ``:url:`` is never fetched. Images and
downloads must be files inside the source folder, never http(s): the outputs
ship offline. What is refused is an error with the file and line, and it is
left out of the doctree, so nothing leaks even without ``-W``. Every path is
judged where it really is, symbolic links resolved: a source file, image,
download or inserted file that links outside the source folder is refused.
"""
import re
from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.directives.misc import Raw, adapt_path
from sphinx import addnodes
from sphinx.directives.code import LiteralInclude
from sphinx.directives.other import Include
from sphinx.directives.patches import CSVTable
from sphinx.util import logging

from helpguide.config import add_setting

logger = logging.getLogger(__name__)

#: setting name -> (default, what it is for).
SETTINGS = {
    'guide_allow_raw': (False, 'output code passed through as it is'),
    'guide_allow_file_insertion': (False, 'files from inside the source folder only'),
}

_SCHEME = re.compile(r'^[a-zA-Z][a-zA-Z0-9+.-]+:')


def is_remote(uri: str) -> bool:
    """A URI with a scheme (``https:``, ``file:``…) or a network path (``//host``)."""
    return uri.startswith('//') or bool(_SCHEME.match(uri))


def is_inside(path, folder) -> bool:
    return Path(path).resolve().is_relative_to(Path(folder).resolve())


# -- Directives ----------------------------------------------------------------

def _env(directive):
    return directive.state.document.settings.env


def _require(directive, setting: str) -> None:
    if not getattr(_env(directive).config, setting):
        raise directive.error(f'"{directive.name}" is off: set {setting} = True in conf.py '
                              f'to allow it ({SETTINGS[setting][1]})')


def _require_inside(directive, path, folder=None) -> None:
    env = _env(directive)
    if not is_inside(path, folder or env.srcdir):
        raise directive.error(f'"{directive.name}" may not read {path}: '
                              'it is outside the source folder')


def _refuse_url(directive) -> None:
    if 'url' in directive.options:
        raise directive.error(f'"{directive.name}" may not fetch {directive.options["url"]}: '
                              'the guide is built offline; put the file in the source '
                              'folder and use :file:')


def _own_path(directive, name: str) -> str:
    """Where docutils will look for a ``:file:`` of ``raw`` or ``csv-table``."""
    return adapt_path(directives.path(name), directive.state.document.current_source,
                      directive.state.document.settings.root_prefix)


class SafeInclude(Include):
    def run(self):
        _require(self, 'guide_allow_file_insertion')
        name = self.arguments[0]
        if name.startswith('<') and name.endswith('>'):
            # docutils' own substitution sets (<isonum.txt>), and nothing beside them.
            folder = self.standard_include_path
            _require_inside(self, folder / name[1:-1], folder)
        else:
            _require_inside(self, self.env.relfn2path(name)[1])
        return super().run()


class SafeLiteralInclude(LiteralInclude):
    def run(self):
        _require(self, 'guide_allow_file_insertion')
        for name in (self.arguments[0], self.options.get('diff')):
            if name:
                _require_inside(self, self.env.relfn2path(name)[1])
        return super().run()


class SafeCSVTable(CSVTable):
    def run(self):
        _refuse_url(self)
        if 'file' in self.options:
            _require(self, 'guide_allow_file_insertion')
            name = self.options['file']
            if name.startswith('/') and not Path(name).exists():
                # Sphinx reads a missing absolute path from the source folder.
                path = _env(self).srcdir / name[1:]
            else:
                path = _own_path(self, name)
            _require_inside(self, path)
        return super().run()


class SafeRaw(Raw):
    def run(self):
        _require(self, 'guide_allow_raw')
        _refuse_url(self)
        if 'file' in self.options:
            _require(self, 'guide_allow_file_insertion')
            _require_inside(self, _own_path(self, self.options['file']))
        return super().run()


# -- Images, downloads and raw HTML ----------------------------------------------

def refuse_outside_assets(app, doctree) -> None:
    """Drop images and downloads that are remote or outside the source folder.

    Runs before Sphinx's own collectors (priority 400 < 500), so a refused
    file is never copied into an output.
    """
    env = app.env
    docname = env.current_document.docname
    for node in list(doctree.findall(nodes.image)):
        uri = node['uri']
        if uri.startswith('data:'):
            continue
        if is_remote(uri):
            problem = 'is remote: the outputs ship offline, so put the image in the source folder'
        elif not is_inside(env.relfn2path(uri, docname)[1], env.srcdir):
            problem = 'is outside the source folder'
        else:
            continue
        logger.error(f'image {uri} {problem}', location=node, type='helpguide',
                     subtype='asset')
        # An image with a :target: goes with the link around it.
        gone = node.parent if isinstance(node.parent, nodes.reference) else node
        gone.parent.remove(gone)
    for node in list(doctree.findall(addnodes.download_reference)):
        target = node['reftarget']
        if not is_remote(target) and not is_inside(env.relfn2path(target, docname)[1],
                                                   env.srcdir):
            logger.error(f'download {target} is outside the source folder',
                         location=node, type='helpguide', subtype='asset')
            node.replace_self(nodes.literal(node.astext(), node.astext()))


def refuse_outside_sources(app, docname: str, source: list[str]) -> None:
    """A source file that is a link to a file outside the source folder is
    not read: it is an error, and the document is empty."""
    path = app.env.doc2path(docname)
    if not is_inside(path, app.env.srcdir):
        logger.error(f'{Path(path).name} is a link to {Path(path).resolve()}, outside the '
                     'source folder; it is not read', location=(docname, 1),
                     type='helpguide', subtype='source')
        source[0] = ''


def no_copy_of_outside_sources(app, pagename, templatename, context, doctree) -> None:
    """Sphinx's copy of a page's source (``_sources/``) is not made of a file
    outside the source folder."""
    if context.get('sourcename') and not is_inside(app.env.doc2path(pagename),
                                                   app.env.srcdir):
        context['sourcename'] = ''


def _setting_location(app, setting: str) -> str:
    """``conf.py:LINE`` where ``setting`` is assigned (line 1 if it is set elsewhere)."""
    conf = Path(app.confdir) / 'conf.py'
    lines = conf.read_text(encoding='utf-8').splitlines() if conf.exists() else []
    line = next((number for number, text in enumerate(lines, 1)
                 if re.match(rf'{setting}\s*[+]?=', text)), 1)
    return f'{conf}:{line}'


#: Where HTML loads something: src, srcset, data and poster attributes, a
#: <link href>, CSS url() and @import. (A link a reader follows, <a href>, is fine.)
_HTML_ASSET = re.compile(r"""(?:\b(?:src|srcset|data|poster)\s*=\s*["']?"""
                         r"""|<link\b[^>]*\bhref\s*=\s*["']?"""
                         r"""|url\(\s*["']?|@import\s+["']?)"""
                         r"""\s*(?:https?:)?//""", re.IGNORECASE)


def refuse_remote_raw(app, doctree) -> None:
    """Raw HTML, when conf.py allows it, may not load anything from the network."""
    for node in list(doctree.findall(nodes.raw)):
        if 'html' in node.get('format', '').split() and _HTML_ASSET.search(node.astext()):
            logger.error('raw HTML loads from the network: the outputs ship offline',
                         location=node, type='helpguide', subtype='asset')
            node.parent.remove(node)


def refuse_remote_html_assets(app) -> None:
    """Stylesheets, scripts, logo and favicon of the HTML come from the tree."""
    config = app.config
    names = {'html_logo': [config.html_logo], 'html_favicon': [config.html_favicon],
             'html_css_files': config.html_css_files, 'html_js_files': config.html_js_files}
    for setting, entries in names.items():
        for entry in entries or ():
            uri = entry[0] if isinstance(entry, (tuple, list)) else str(entry or '')
            if is_remote(uri):
                logger.error(f'{setting} loads {uri}: the outputs ship offline, so '
                             'keep it in the project', location=_setting_location(app, setting),
                             type='helpguide', subtype='asset')


def apply_settings(app) -> None:
    settings = app.env.settings
    settings['file_insertion_enabled'] = app.config.guide_allow_file_insertion
    settings['raw_enabled'] = app.config.guide_allow_raw
    if app.builder.format == 'html':
        refuse_remote_html_assets(app)


def setup(app):
    app.setup_extension('helpguide.config')
    app.setup_extension('helpguide.link_schemes')
    for name, (default, description) in SETTINGS.items():
        add_setting(app, name, default, 'env', description=description)
    app.add_directive('include', SafeInclude, override=True)
    app.add_directive('literalinclude', SafeLiteralInclude, override=True)
    app.add_directive('csv-table', SafeCSVTable, override=True)
    app.add_directive('raw', SafeRaw, override=True)
    app.connect('builder-inited', apply_settings)
    app.connect('source-read', refuse_outside_sources, priority=100)
    app.connect('html-page-context', no_copy_of_outside_sources)
    app.connect('doctree-read', refuse_outside_assets, priority=400)
    app.connect('doctree-read', refuse_remote_raw)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
