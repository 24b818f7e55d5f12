"""The guide's navigation: the whole table of contents beside every page, in a
build whose time grows linearly with the guide.

Sphinx's ``globaltoc.html`` resolves and renders the full table of contents
again for every page and writes it into every page: pages × entries, so a
guide ten times larger takes a hundred times longer to write. Here:

- the full toctree (every chapter and program, nothing collapsed) is rendered
  once a build into ``_static/guide-nav.js``; each page loads it with a
  ``<script>`` tag (which works from file://, unlike fetch) and it replaces the
  sidebar's list with the whole tree, marking the page's entry and its
  chapters ``current``. A program listed in two platform chapters has an
  entry in each; the one under its other chapter carries ``?platform=NAME``
  (helpguide.html.builder.carry_platform), so a reader keeps the chapter
  they read along, and only the entry of the chapter the page was reached
  along is marked;
- the page itself carries only the top-level entries (the chapters), with its
  own chapter (its home chapter) marked, for a reader without JavaScript: each chapter page lists
  its programs, so every page stays reachable. That short list is rendered
  once per output folder with a slot in each entry's class, which a page fills.

Pages never hold the whole tree, so when a title changes, pages that a build
does not rewrite still show the new tree: only the script holds it.
"""
import json
import posixpath
import re
from pathlib import Path

from docutils import nodes
from sphinx.environment.adapters.toctree import global_toctree_for_doc

SCRIPT = '_static/guide-nav.js'
SCRIPT_CODE = Path(__file__).with_suffix('.js')   # the script, with the tree left out
SLOT = 'guide-nav-slot-'
# A slot is the first class of a link (its key starts with "a"), the last of a <li>.
_SLOT = re.compile(rf'(?<="){SLOT}(a?\d+) | {SLOT}(a?\d+)')
#: a document name that is no page, so that no entry is marked while rendering
_NOWHERE = '_guide_nav_'


def render_toctree(builder, folder: str, maxdepth: int, includehidden: bool):
    """The global toctree, links relative to ``folder``, nothing marked current."""
    here = posixpath.join(folder, _NOWHERE)
    return global_toctree_for_doc(builder.env, here, builder, tags=builder.tags,
                                  collapse=False, maxdepth=maxdepth,
                                  includehidden=includehidden)


class Chapters:
    """The top-level entries rendered for the pages of one folder, to be marked."""

    def __init__(self, builder, folder: str):
        self.builder, self.here = builder, posixpath.join(folder, _NOWHERE)
        self.slots_of_uri: dict[str, list[int]] = {}   # a page's own link -> its entries
        self.parts, self.slots = [''], []
        toctree = render_toctree(builder, folder, maxdepth=1, includehidden=False)
        if toctree is None:
            return
        for slot, item in enumerate(toctree.findall(nodes.list_item)):
            item['classes'].append(f'{SLOT}{slot}')
            reference = next(item[0].findall(nodes.reference), None)
            if reference is not None and not reference.get('anchorname'):
                self.slots_of_uri.setdefault(reference['refuri'], []).append(slot)
                reference['classes'].append(f'{SLOT}a{slot}')
        # Text and slots alternate; a slot is empty unless its entry is marked.
        pieces = _SLOT.split(builder.render_partial(toctree)['fragment'])
        self.parts = pieces[::3]
        self.slots = [(first, 'current ') if first else (last, ' current')
                      for first, last in zip(pieces[1::3], pieces[2::3])]

    def for_page(self, pagename: str, ancestors: set[str]) -> str:
        """The list with the page's entry (link and item) and its ancestors' items marked."""
        current = set()
        for docname in (pagename, *ancestors):
            uri = self.builder.get_relative_uri(self.here, docname)
            for slot in self.slots_of_uri.get(uri, ()):
                current.add(str(slot))
                if docname == pagename:
                    current.add(f'a{slot}')
        out = [self.parts[0]]
        for (key, marked), text in zip(self.slots, self.parts[1:]):
            if key in current:
                out.append(marked)
            out.append(text)
        return ''.join(out)


class Navigation:
    """Per build: the chapters of each output folder, and the script with the tree."""

    def __init__(self):
        self.chapters: dict[str, Chapters] = {}

    def env_updated(self, app, env):
        self.chapters = {}

    @staticmethod
    def ancestors(builder, docname: str) -> set[str]:
        """The pages above *docname* along its breadcrumb (a page in two
        chapters is under its home chapter, as its breadcrumb says)."""
        found = set()
        parent = builder.relations.get(docname, [None])[0]
        while parent and parent not in found:
            found.add(parent)
            parent = builder.relations.get(parent, [None])[0]
        return found

    def page_context(self, app, pagename, templatename, context, doctree):
        if app.builder.format != 'html':
            return
        folder = posixpath.dirname(pagename)
        if folder not in self.chapters:
            self.chapters[folder] = Chapters(app.builder, folder)
        context['guide_nav'] = self.chapters[folder].for_page(
            pagename, self.ancestors(app.builder, pagename))
        context['guide_nav_page'] = app.builder.get_target_uri(pagename)
        context['guide_nav_script'] = SCRIPT

    def write_script(self, app):
        """Write the whole tree, links relative to the output folder, into the script."""
        builder = app.builder
        if builder.format != 'html':
            return []
        options = builder.globalcontext
        maxdepth = int(options.get('theme_globaltoc_maxdepth') or 0)
        includehidden = str(options.get('theme_globaltoc_includehidden')).lower() == 'true'
        toctree = render_toctree(builder, '', maxdepth, includehidden)
        if toctree is not None and hasattr(builder, 'carry_platform_under_chapters'):
            builder.carry_platform_under_chapters(toctree, _NOWHERE)
        tree = builder.render_partial(toctree)['fragment'] if toctree is not None else ''
        target = Path(builder.outdir, SCRIPT)
        target.parent.mkdir(parents=True, exist_ok=True)
        code = SCRIPT_CODE.read_text(encoding='utf-8')
        target.write_text(code.replace('"@TREE@"', json.dumps(tree, ensure_ascii=False)),
                          encoding='utf-8')
        return []


def setup(app):
    navigation = Navigation()
    app.connect('env-updated', navigation.env_updated)
    app.connect('html-page-context', navigation.page_context)
    app.connect('html-collect-pages', navigation.write_script)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
