"""Search result snippets that work from file://, as on an install CD.

Sphinx's searchtools.js fetches every result page to cut a snippet from it,
and browsers refuse fetch() on file:// URLs, so on a CD the results would
come without any text. Instead the build writes the plain text of every page
(and of each of its parts) into ``_static/searchtexts.js``; the search page
loads it with a <script> tag, and ``offline-search.js`` cuts the snippets
from it. Nothing is fetched.
"""
import json
from pathlib import Path

from docutils import nodes
from sphinx.util.fileutil import copy_asset_file

from ..compat.sphinx import keep_index_entries

STATIC_DIR = Path(__file__).parent / 'static'
TEXTS_FILE = 'searchtexts.js'
SCRIPT_FILE = 'offline-search.js'
#: The call names the format, so a searchtexts.js of an older format is not reused.
_PREFIX, _SUFFIX = 'OfflineSearch.setPages(', ');\n'

#: Nodes whose text a reader never sees on the page.
_HIDDEN = (nodes.Invisible, nodes.raw, nodes.system_message)


def plain_text(node: nodes.Node) -> str:
    """The text a reader sees in *node*, on one line."""
    return ' '.join(_visible_text(node).split())


def _visible_text(node: nodes.Node) -> str:
    # node.astext() without the hidden nodes, read in place: copying each
    # page to prune it cost more than the rest of this module.
    if isinstance(node, _HIDDEN):
        return ''
    if isinstance(node, nodes.Text) or type(node).astext is not nodes.Element.astext:
        return node.astext()
    return node.child_text_separator.join(_visible_text(child) for child in node.children)


def page_texts(doctree: nodes.document) -> dict:
    """The page's title and text, and the text of each of its parts.

    A part is a section below the page's own, or a block a rubric titles (a
    program's steps for one platform). Each part lists the ids of the anchors
    in it that no inner part holds, so that a search hit on an index entry's
    anchor is shown with the part it lies in.
    """
    title = next(doctree.findall(nodes.title), None)
    parts: list[dict] = []
    _collect_parts(doctree, (), parts, None)
    return {'title': plain_text(title) if title else '', 'text': plain_text(doctree),
            'parts': parts}


def _part_title(node: nodes.Node) -> str | None:
    """The title of *node* if it is a part, else None."""
    if isinstance(node, nodes.section) and not isinstance(node.parent, nodes.document):
        return plain_text(node[0]) if node.children else ''
    if (isinstance(node, nodes.Element) and not isinstance(node, nodes.section)
            and node.children and isinstance(node[0], nodes.rubric)):
        return plain_text(node[0])
    return None


def _collect_parts(node: nodes.Element, trail: tuple, parts: list, part: dict | None):
    for child in node.children:
        if not isinstance(child, nodes.Element):
            continue
        title = _part_title(child)
        if title is not None:
            inner = {'title': ' › '.join((*trail, title)), 'text': plain_text(child),
                     'ids': list(child['ids'])}
            parts.append(inner)
            _collect_parts(child, (*trail, title), parts, inner)
            continue
        if part is not None:
            part['ids'].extend(child['ids'])
        _collect_parts(child, trail, parts, part)


def _uses_search(builder) -> bool:
    return builder.format == 'html' and getattr(builder, 'search', False)


def copy_script(app):
    """offline-search.js into ``_static``, before the search page that loads
    it (and sums it for its ``?v=``) is written.

    Not through ``html_static_path``: a setting changed during the build made
    every other builder sharing the doctrees find "the configuration has
    changed" and read every source again.
    """
    if _uses_search(app.builder):
        copy_asset_file(STATIC_DIR / SCRIPT_FILE, Path(app.builder.outdir, '_static'),
                        force=True)
    return []


def load_on_search_page(app, pagename, templatename, context, doctree):
    if pagename == 'search' and _uses_search(app.builder):
        # Deferred, so they run after searchtools.js and before the index
        # (also deferred) starts the query.
        app.add_js_file(SCRIPT_FILE, defer='defer')
        app.add_js_file(TEXTS_FILE, defer='defer', priority=501)


class PageTexts:
    """The texts of the pages of one build, written to searchtexts.js."""

    def __init__(self):
        self.texts: dict[str, dict] = {}

    def record(self, app, doctree, docname):
        """Keep the text of each page as it is resolved for writing."""
        if _uses_search(app.builder):
            self.texts[docname] = page_texts(doctree)

    def write(self, app):
        """Write searchtexts.js with the text of every page.

        Runs on html-collect-pages: after the pages are written and before
        the search page, so that page's ``?v=`` checksum of the file is
        current. A page that this (incremental) build did not rewrite keeps
        the text it had in the previous searchtexts.js, as Sphinx's search
        index keeps its words; failing that, it is resolved for its text.
        """
        builder = app.builder
        if not _uses_search(builder):
            return []
        target = Path(builder.outdir, '_static', TEXTS_FILE)
        previous = _read_texts(target)
        texts = {}
        for docname in sorted(app.env.found_docs):
            uri = builder.get_target_uri(docname)
            if docname in self.texts:
                texts[uri] = self.texts[docname]
            elif uri in previous:
                texts[uri] = previous[uri]
            else:
                texts[uri] = page_texts(app.env.get_and_resolve_doctree(
                    docname, builder, tags=builder.tags))
        payload = json.dumps(texts, ensure_ascii=False, sort_keys=True, separators=(',', ':'))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f'{_PREFIX}{payload}{_SUFFIX}', encoding='utf-8')
        return []


def _read_texts(path: Path) -> dict:
    """The texts in a searchtexts.js of an earlier build, or {} if unreadable."""
    try:
        script = path.read_text(encoding='utf-8')
    except OSError:
        return {}
    if not (script.startswith(_PREFIX) and script.endswith(_SUFFIX)):
        return {}
    try:
        return json.loads(script[len(_PREFIX):-len(_SUFFIX)])
    except ValueError:
        return {}


def keep_index_entries_on_rebuild(app) -> None:
    """On ``builder-inited``: the search index a rebuild writes keeps the
    index entries of the pages it does not write again. Sphinx's own
    ``load_indexer`` takes their words and titles back from the index it
    wrote last, but not their index entries, so a search after any rebuild
    lost every hit that leads to an index entry's place (Sphinx 9.0)."""
    builder = app.builder
    load = getattr(builder, 'load_indexer', None)
    if load is None:  # not an HTML builder
        return

    def load_indexer(docnames) -> None:
        load(docnames)
        try:
            with open(builder.outdir / builder.searchindex_filename,
                      'r' if builder.indexer_dumps_unicode else 'rb') as file:
                written = builder.indexer_format.load(file)
        except (OSError, ValueError):  # none yet, or one Sphinx could not read either
            return
        keep_index_entries(builder.indexer, written, set(builder.env.all_docs) - set(docnames))
    builder.load_indexer = load_indexer


def setup(app):
    app.connect('builder-inited', keep_index_entries_on_rebuild)
    app.connect('html-page-context', load_on_search_page)
    texts = PageTexts()
    # Late, so the text is taken after other extensions have filled the page.
    app.connect('doctree-resolved', texts.record, priority=900)
    app.connect('html-collect-pages', copy_script)
    app.connect('html-collect-pages', texts.write)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
