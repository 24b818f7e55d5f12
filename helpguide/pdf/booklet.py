"""Make the book: every toctree of the root document inlined, rendered by
the renderer, laid out into one PDF (again while the pages its references
print move). The booklet builder writes it on
the paper; the saddle-stitch builder on half sheets, then imposes it.

The renderer and ReportLab are imported in :func:`write_book`, where a book
is made: importing them was 0.4 s of each HTML build's start.
"""
import datetime
import gc
import os
from contextlib import contextmanager
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging

from helpguide.programs import select_platform

from ..locale.dates import long_date
from ..online import page_address
from ..safety import is_remote

from .numbers import number_tree
from .printing import PrintBuilder

logger = logging.getLogger(__name__)


def book_date(builder: PrintBuilder) -> str:
    """guide_date, else the day of SOURCE_DATE_EPOCH (repeatable builds), else today."""
    if date := builder.setting('guide_date'):
        return date
    epoch = os.environ.get('SOURCE_DATE_EPOCH')
    day = (datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date() if epoch
           else datetime.date.today())
    return long_date(day, builder.config.language)


#: Document copies in a book from which its tree is freed before the layout (a
#: ×10 benchmark guide has about 100; the real guide 20).
LARGE_BOOK = 100


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


def url_entry(title: str | None, ref: str, toctree) -> nodes.paragraph | None:
    """A toctree's entry that is a URL, as a paragraph linking to it."""
    if not is_remote(ref):
        return None  # 'self', or a document Sphinx did not find (it has said so)
    text = title or ref
    para = nodes.paragraph('', '', nodes.reference(text, text, refuri=ref))
    para.source, para.line = toctree.source, toctree.line
    return para


class BookAssembly:
    """One document tree of the whole book, from the root document down."""

    def __init__(self, builder: PrintBuilder):
        self.builder = builder
        self.instances = 0

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
            documents = set(map(str, toctree['includefiles']))
            for title, child in toctree['entries']:
                if child not in documents:
                    if url := url_entry(title, child, toctree):
                        included.append(url)
                    continue
                if child in ancestors:
                    logger.warning('booklet: %s includes itself through its toctree', child,
                                   location=toctree)
                    continue
                subtree = self.builder.doctree(child)  # a tree of its own every time
                self.inline_toctrees(subtree, child, (*ancestors, child))
                if platform:
                    select_platform(subtree, platform)
                self.instances += 1
                sof = addnodes.start_of_file(docname=child, instance=f'd{self.instances}')
                sof += subtree.children  # moved, with their parent set to sof
                for section in sof.findall(nodes.section):
                    section.setdefault('docname', child)
                included.append(sof)
            toctree.parent.replace(toctree, included)
        return tree

    def tree(self) -> nodes.document:
        builder = self.builder
        root = builder.config.root_doc
        tree = builder.doctree(root)
        tree['docname'] = root
        tree = self.inline_toctrees(tree, root, (root,))
        builder.drop_read_doctrees()  # documents outside the book: free them
        builder.env.resolve_references(tree, root, builder)
        for pending in list(tree.findall(addnodes.pending_xref)):
            pending.replace_self(pending.children)  # unresolved: keep the text
        number_tree(tree, builder.env)
        return tree


def logo(builder: PrintBuilder) -> Path | None:
    """The cover logo (guide_logo, relative to conf.py), if it can be printed."""
    name = builder.setting('guide_logo')
    if not name:
        return None
    path = Path(builder.confdir) / name
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


def write_book(builder: PrintBuilder, target: Path, pagesize, *,
               screen: bool = False) -> int | None:
    """Write the book to *target* on pages of *pagesize*, for print or the
    *screen*; its page count, or None if it could not be laid out (said, and
    the build failed)."""
    with collection_paused():
        return _write_book(builder, target, pagesize, screen)


def _write_book(builder: PrintBuilder, target: Path, pagesize, screen: bool) -> int | None:
    from reportlab.platypus import LayoutError

    from .book import Story, book_story, write_pdf
    from .cover import CoverInfo
    from .index import document_copies, index_matter
    from .page_labels import labels_path
    from .registry import RenderError
    from .render import book_section, new_context, render_book
    from .styles import book_styles
    from .tagging import pdf_language
    from .templates import Metadata, frame_size

    setting = builder.setting
    if builder.style_failed():
        return None
    tree = BookAssembly(builder).tree()
    copies = document_copies(tree)
    styles = book_styles(builder.style)
    titled = book_section(tree)
    book_title = titled[0].astext() if titled else ''
    del titled
    title = setting('guide_title', book_title or setting('project', 'Untitled'))
    brand = setting('guide_brand', setting('project'))
    cover = CoverInfo(
        brand=brand, title=title, subtitle=setting('guide_subtitle'),
        edition=setting('guide_edition', setting('release')),
        date=book_date(builder), author=setting('guide_author', setting('author')),
        logo=logo(builder), online=page_address(builder.config, builder.config.root_doc))
    meta = Metadata(title=title, author=cover.author or brand,
                    subject=setting('guide_subtitle', title), keywords=brand,
                    lang=pdf_language(builder.config.language))

    large = sum(map(len, copies.values())) >= LARGE_BOOK

    def stories(page_labels: dict[str, str]) -> Story:
        """The book rendered for a layout, its references printing *page_labels*."""
        nonlocal tree
        if tree is None:  # freed after the rendering before: assembled again
            if large:  # first the layout before, garbage the paused collector left
                gc.collect()
            tree = BookAssembly(builder).tree()
        ctx = new_context(styles, *frame_size(pagesize, styles.style), builder.srcdir,
                          contents_depth=int(setting('booklet_contents_depth', 2)))
        ctx.page_labels = page_labels  # on paper a reference prints its page
        lead_in, body = render_book(tree, ctx)
        # Not kept through the layout: a book whose pages moved is assembled
        # again from the doctrees, which costs less than a tree beside a
        # layout.
        free(tree, collect=large)
        tree = None
        story = book_story(cover, lead_in, body, ctx, index_matter(builder, copies, ctx))
        return Story(story, frozenset(key for _, _, key in ctx.contents),
                     frozenset(ctx.page_refs))

    edition = 'screen' if screen else 'print'
    labels = labels_path(builder.doctreedir, builder.name, edition, builder.paper,
                         builder.config.language)
    try:
        return write_pdf(target, stories, styles, meta, pagesize, screen, labels=labels)
    except RenderError as err:
        return failed(builder, err, err.message, target)
    except LayoutError as err:
        return failed(builder, err, f'cannot lay this out ({err})', target)
    except OSError as err:  # a full disk or a read-only folder: named as the target
        raise OSError(err.errno, err.strerror, str(target)) from None
    finally:
        if tree is not None:  # its rendering failed
            free(tree, collect=False)


def free(tree: nodes.document, collect: bool) -> None:
    """Let *tree*'s memory be reused: by the layout of a large book if
    *collect*.

    The flowables keep no nodes: once nothing reaches the tree the collector
    can free it (it is all cycles). A full collection walks every object of
    the process, most of a small book's build, and a small tree is not worth it.
    """
    dismantle(tree)
    gc.unfreeze()  # trees read in this process were frozen with the rest (helpguide.collector)
    if collect:
        gc.collect()


def failed(builder: PrintBuilder, err: Exception, message: str, target: Path) -> None:
    """Say *message* at the node *err* names; the build fails, *target* stays."""
    source, line = getattr(err, 'rst_location', None) or (None, None)
    logger.error('%s: %s; %s is unchanged', builder.name, message, target,
                 location=f'{source}:{line or ""}' if source else None)
    builder.failed()
