"""The guide's navigation: the whole table of contents, rendered once a build.

Sphinx's ``globaltoc.html`` resolves and renders the full table of contents
again for every page, so a build costs pages × entries: quadratic in the
size of the guide. Here the full toctree (every chapter and program, nothing
collapsed) is rendered once per output folder, with a slot in the class of
each entry; a page fills the slots of its own entry and that entry's
ancestors with ``current``, as Sphinx marks them, which is a join of strings.

A page that is not rewritten keeps the navigation it was written with, so
when the navigation changes (a title, a program added, removed or moved)
every page is written again; a change to a page's text alone rewrites only
that page.
"""
import hashlib
import posixpath
import re

from docutils import nodes
from sphinx.environment.adapters.toctree import global_toctree_for_doc

SLOT = 'guide-nav-slot-'
# A slot is the first class of a link, the last of a list item.
_SLOT = re.compile(rf'(?<="){SLOT}(a?\d+) | {SLOT}(a?\d+)')
#: where the navigation that the pages of the output folder carry is noted
DIGEST_FILE = '.guide-nav'
#: a document name that is no page, so that no entry is marked while rendering
_NOWHERE = '_guide_nav_'


class RenderedNavigation:
    """The navigation rendered for the pages of one folder, ready to be marked."""

    def __init__(self, builder, folder: str, maxdepth: int, includehidden: bool):
        self.builder = builder
        self.here = posixpath.join(folder, _NOWHERE)
        toctree = global_toctree_for_doc(builder.env, self.here, builder,
                                         tags=builder.tags, collapse=False,
                                         maxdepth=maxdepth, includehidden=includehidden)
        self.slots_of_uri: dict[str, list[int]] = {}   # a page's own link -> its entries
        self.lineage: list[list[int]] = []      # slot -> slots of it and its ancestors
        self.parts, self.slots = [''], []
        if toctree is None:
            return
        slot_of_item = {}
        for item in toctree.findall(nodes.list_item):
            slot = len(self.lineage)
            slot_of_item[id(item)] = slot
            parent = item.parent
            while parent is not None and not isinstance(parent, nodes.list_item):
                parent = parent.parent
            above = self.lineage[slot_of_item[id(parent)]] if parent is not None else []
            self.lineage.append([slot, *above])
            item['classes'].append(f'{SLOT}{slot}')
            reference = next(item[0].findall(nodes.reference), None)
            if reference is not None and not reference.get('anchorname'):
                self.slots_of_uri.setdefault(reference['refuri'], []).append(slot)
                # The page's own link is marked, its ancestors' links are not.
                reference['classes'].append(f'{SLOT}a{slot}')
        # Split into the text between slots and, per slot, its key (an entry's
        # number for its <li>, "a" and the number for its link) and its text
        # when marked; unmarked, a slot is empty.
        pieces = _SLOT.split(builder.render_partial(toctree)['fragment'])
        self.parts = pieces[::3]
        self.slots = [(first, 'current ') if first else (last, ' current')
                      for first, last in zip(pieces[1::3], pieces[2::3])]

    def for_page(self, pagename: str) -> str:
        uri = self.builder.get_relative_uri(self.here, pagename)
        current = set()
        for own in self.slots_of_uri.get(uri, ()):
            current.update(str(slot) for slot in self.lineage[own])
            current.add(f'a{own}')
        out = [self.parts[0]]
        for (key, marked), text in zip(self.slots, self.parts[1:]):
            if key in current:
                out.append(marked)
            out.append(text)
        return ''.join(out)


class Navigation:
    """Per build: the rendered navigation of each output folder."""

    def __init__(self):
        self.rendered: dict[str, RenderedNavigation] = {}
        self.digest = ''

    def env_updated(self, app, env):
        """A new build: render afresh; rewrite every page if the contents changed."""
        self.rendered, self.digest = {}, ''
        if app.builder.format != 'html':
            return []
        # Noted once the build succeeds, when every page carries it.
        self.digest = navigation_digest(env)
        noted = app.builder.outdir / DIGEST_FILE
        if noted.exists() and noted.read_text(encoding='utf-8') == self.digest:
            return []
        return sorted(env.found_docs)

    def page_context(self, app, pagename, templatename, context, doctree):
        folder = posixpath.dirname(pagename)
        if folder not in self.rendered:
            maxdepth = context.get('theme_globaltoc_maxdepth') or 0
            includehidden = str(context.get('theme_globaltoc_includehidden')).lower() == 'true'
            self.rendered[folder] = RenderedNavigation(app.builder, folder, int(maxdepth),
                                                       includehidden)
        context['guide_nav'] = self.rendered[folder].for_page(pagename)

    def build_finished(self, app, exception):
        if exception is None and self.digest:
            (app.builder.outdir / DIGEST_FILE).write_text(self.digest, encoding='utf-8')


def navigation_digest(env) -> str:
    """What the navigation shows: every document's toctree entries and titles."""
    digest = hashlib.sha256()
    for docname in sorted(env.found_docs):
        toc = env.tocs.get(docname)
        digest.update(f'{docname}\0{env.toctree_includes.get(docname)}\0'.encode())
        digest.update((toc.pformat() if toc is not None else '').encode())
    return digest.hexdigest()


def setup(app):
    navigation = Navigation()
    app.connect('env-updated', navigation.env_updated)
    app.connect('html-page-context', navigation.page_context)
    app.connect('build-finished', navigation.build_finished)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
