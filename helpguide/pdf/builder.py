"""The ``booklet`` builder: the whole project as one printable PDF book.

Every build with the extension loads this module, HTML included, so the
renderer and ReportLab are imported where a book is made (:meth:`write_book`):
importing them was 0.4 s of each HTML build's start.
"""
import datetime
import gc
import os
from contextlib import contextmanager
from pathlib import Path

from docutils import nodes
from reportlab.lib.pagesizes import A4, LETTER
from sphinx import addnodes
from sphinx.builders import Builder
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.display import progress_message
from sphinx.util.docutils import LoggingReporter

from ..locale.dates import long_date

logger = logging.getLogger(__name__)

#: The paper sizes of ``guide_paper``
PAPER = {'letter': LETTER, 'a4': A4}

try:
    from helpguide.programs import select_platform
except ImportError:  # a plain Sphinx project without the guide's extension
    select_platform = None


#: Sphinx's placeholders for an unset ``author`` and ``project``; not worth printing
UNSET = ('Author name not set', 'Project name not set')


def setting(config, name: str, default=''):
    """A guide setting from conf.py, or *default* where the project has none."""
    value = getattr(config, name, None)
    return default if value in (None, '', *UNSET) else value


def book_date(config) -> str:
    """guide_date, else the day of SOURCE_DATE_EPOCH (repeatable builds), else today."""
    if date := setting(config, 'guide_date'):
        return date
    epoch = os.environ.get('SOURCE_DATE_EPOCH')
    day = (datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date() if epoch
           else datetime.date.today())
    return long_date(day, config.language)


@contextmanager
def collection_paused():
    """No automatic garbage collection while the book is made.

    The book's tree and its flowables are a million objects that live until
    they are freed on purpose (the tree by :func:`dismantle` and an explicit
    collection, each flowable once drawn); the automatic collector kept
    walking them all, which was a third of the booklet's time. What the
    making drops in cycles meanwhile is a few megabytes, left to the
    collector once it runs again.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def dismantle(tree: nodes.document) -> None:
    """Cut the book's tree back into its documents.

    Sphinx's role objects keep the inliner of their last use, and with it
    that document (in a full build, the one just read, whose nodes the
    book took over); through ``parent`` and ``children`` any of its nodes
    would keep the whole book alive.
    """
    for sof in list(tree.findall(addnodes.start_of_file)):
        sof.parent = None
        sof.children = []
    tree.children = []


class BookletBuilder(Builder):
    """Inline every toctree of the root document, render it, write one PDF."""

    name = 'booklet'
    format = 'pdf'
    epilog = 'The booklet is in %(outdir)s.'
    supported_image_types = ['image/png', 'image/jpeg', 'image/gif']
    supported_remote_images = False

    def init(self) -> None:
        self.instances = 0
        if self.paper not in PAPER:
            raise ConfigError(f'guide_paper must be one of {", ".join(PAPER)}, '
                              f'not {self.paper!r}')

    @property
    def paper(self) -> str:
        return setting(self.config, 'guide_paper', 'letter')

    @property
    def pagesize(self) -> tuple[float, float]:
        """Size of the book's pages (the saddle-stitch product lays out at half)."""
        return PAPER[self.paper]

    def get_outdated_docs(self) -> str:
        return 'the booklet'  # one output from every document: always rebuilt

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return f'%{docname}'

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to, typ)  # one file: no relative paths

    @property
    def target(self) -> Path:
        name = setting(self.config, 'booklet_filename', 'guide.pdf')
        return Path(self.outdir) / name

    def inline_toctrees(self, tree, docname: str, ancestors: tuple[str, ...]):
        """Replace each toctree by its documents, in order, a fresh copy each.

        A document may appear under several toctrees (a program under both
        platforms); each copy gets its own ``instance`` so its link targets
        stay distinct, and a toctree's ``platform`` selects that platform's
        steps in its copies.
        """
        for toctree in list(tree.findall(addnodes.toctree)):
            platform = toctree.get('platform')
            included = []
            for child in map(str, toctree['includefiles']):
                if child in ancestors:
                    logger.warning('booklet: %s includes itself through its toctree', child,
                                   location=toctree)
                    continue
                subtree = self.doctree(child)  # a tree of its own every time
                self.inline_toctrees(subtree, child, (*ancestors, child))
                if platform and select_platform is not None:
                    select_platform(subtree, platform)
                self.instances += 1
                sof = addnodes.start_of_file(docname=child, instance=f'd{self.instances}')
                sof += subtree.children  # moved, with their parent set to sof
                for section in sof.findall(nodes.section):
                    section.setdefault('docname', child)
                included.append(sof)
            toctree.parent.replace(toctree, included)
        return tree

    @property
    def _read_in_memory(self) -> dict:
        # A private cache of Sphinx (9.0): a Sphinx without it, or a parallel
        # read (whose doctrees stayed in the reading processes), unpickles.
        return getattr(self.env, '_write_doc_doctree_cache', {})

    def doctree(self, docname: str) -> nodes.document:
        """*docname*'s doctree: the one Sphinx has just read, if it kept it in
        memory (taking it saves unpickling a copy and holding both), else
        unpickled. Sphinx's own builders take it the same way, in
        ``get_and_resolve_doctree``, which would also resolve the toctrees
        this builder inlines."""
        tree = self._read_in_memory.pop(docname, None)
        if tree is None:
            return self.env.get_doctree(docname)
        tree.settings.env = self.env
        tree.reporter = LoggingReporter(str(self.env.doc2path(docname)))
        return tree

    def logo(self) -> Path | None:
        """The cover logo (guide_logo, relative to conf.py), if it can be printed."""
        name = setting(self.config, 'guide_logo')
        if not name:
            return None
        path = Path(self.confdir) / name
        if not path.is_file():
            logger.warning('booklet: guide_logo file not found: %s; the cover has no logo', path)
            return None
        from reportlab.lib.utils import ImageReader
        try:
            ImageReader(str(path)).getSize()
        except Exception:  # PIL raises many kinds for files it cannot read
            logger.warning('booklet: guide_logo %s is not a PNG, JPEG or GIF image; the cover '
                           'has no logo', path)
            return None
        return path

    def assemble_doctree(self) -> nodes.document:
        root = self.config.root_doc
        tree = self.doctree(root)
        tree['docname'] = root
        tree = self.inline_toctrees(tree, root, (root,))
        self._read_in_memory.clear()  # documents outside the book: free them
        self.env.resolve_references(tree, root, self)
        for pending in list(tree.findall(addnodes.pending_xref)):
            pending.replace_self(pending.children)  # unresolved: keep the text
        return tree

    @progress_message('assembling the booklet')
    def write_documents(self, _docnames) -> None:
        with collection_paused():
            self.write_book()

    def write_book(self) -> None:
        from reportlab.platypus import LayoutError

        from .book import book_story, write_pdf
        from .cover import CoverInfo
        from .render import book_section, new_context, render_document
        from .styles import book_styles
        from .templates import Metadata, frame_size

        config = self.config
        pagesize = self.pagesize
        tree = self.assemble_doctree()
        styles = book_styles()
        ctx = new_context(styles, *frame_size(pagesize), self.srcdir,
                          contents_depth=int(setting(config, 'booklet_contents_depth', 2)))
        titled = book_section(tree)
        book_title = titled[0].astext() if titled else ''
        body = render_document(tree, ctx)
        # The flowables keep no nodes: the layout can reuse the tree's memory once
        # nothing reaches it and the collector has freed it (it is all cycles).
        dismantle(tree)
        del tree, titled
        gc.unfreeze()  # trees read in this process were frozen with the rest (helpguide.collector)
        gc.collect()
        title = setting(config, 'guide_title',
                        book_title or setting(config, 'project', 'Untitled'))
        brand = setting(config, 'guide_brand', setting(config, 'project'))
        logo = self.logo()
        cover = CoverInfo(
            brand=brand, title=title, subtitle=setting(config, 'guide_subtitle'),
            edition=setting(config, 'guide_edition', setting(config, 'release')),
            date=book_date(config), author=setting(config, 'guide_author',
                                                   setting(config, 'author')),
            logo=logo)
        meta = Metadata(title=title, author=cover.author or brand,
                        subject=setting(config, 'guide_subtitle', title),
                        keywords=brand)
        story = book_story(cover, body, ctx)
        del body  # the layout consumes the story: a flowable is freed once drawn
        try:
            pages = write_pdf(self.target, story, styles, meta,
                              pagesize, {key for _, _, key in ctx.contents})
        except LayoutError as err:
            source, line = getattr(err, 'rst_location', None) or (None, None)
            logger.error('booklet: cannot lay this out (%s); %s is unchanged', err,
                         self.target, location=f'{source}:{line or ""}' if source else None)
            self.app.statuscode = 1
            return
        logger.info('booklet: %d pages written to %s', pages, self.target)

    def finish(self) -> None:
        pass
