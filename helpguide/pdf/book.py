"""Put a book together: cover, contents, body; lay it out (again where a page
reference's label did not fit its slot, and while their pages move); write
it safely."""
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak
from sphinx.errors import SphinxError
from sphinx.util.logging import suppress_logging

from ..atomic import replacing
from ..locale import _
from . import page_labels
from .page_refs import Kept
from .cover import Cover, CoverInfo
from .flowables import BodyStart, ContentsEntry, Heading, LeadIn, RectoBreak, ResolveLinks
from .registry import Context
from .styles import StyleSheet
from .tagging import Document, Element, finish, group, lay_out_tagged
from .templates import BookTemplate, Metadata

CONTENTS_KEY = 'contents'


def contents_story(entries, styles: StyleSheet) -> list[Flowable]:
    """The contents: a heading, then one linked entry per (level, markup, key)."""
    title = _('Contents')
    story = [Heading(title, styles['contents_title'], level=1, keys=[CONTENTS_KEY],
                     text=title)]
    levels = [level for level, _markup, _key in entries]
    entries = [ContentsEntry(markup, styles[f'contents{min(level, 3)}'], styles['contents2'], key)
               for level, markup, key in entries]
    for entry, level, after in zip(entries, levels, levels[1:] + [0]):
        # An entry keeps with its own sections' entries only: a run of chapters
        # without sections kept together would be one block too tall for a page.
        entry.keepWithNext = entry.keepWithNext and after > level
    group(Element('TOC'), entries)
    return story + entries


def book_story(cover: CoverInfo, lead_in: list[Flowable], body: list[Flowable],
               ctx: Context, back: list[Flowable] = ()) -> list[Flowable]:
    """Cover, contents (when there are sections to list), the root document's
    *lead_in* on a page of its own (often the contents' blank back), body, and
    the *back* matter (the index) from a right-hand page."""
    contents = ([RectoBreak(), *contents_story(ctx.contents, ctx.styles)]
                if ctx.contents else [])
    lead_in = [PageBreak(), LeadIn(), *lead_in] if lead_in else []
    return [
        Cover(cover, ctx.styles),
        NextPageTemplate('page'),
        *contents,
        *lead_in,
        RectoBreak(),
        BodyStart(),
        *body,
        *([RectoBreak(), *back] if back else []),
        ResolveLinks(ctx.linked),
    ]


#: Layouts of a book at most. Each sets a page reference's number as a
#: slot filled in once its target lands (:mod:`.page_refs`); where a label
#: did not fit its slot, the book is laid out again with slots as wide as
#: the labels of the layout before, until every label fits. Should one
#: still not fit in the last, that layout is kept (every number right, a
#: line a digit long or short): better than a build that never ends.
MAX_LAYOUTS = 3


@dataclass
class Story:
    """What one rendering of a book gives its layout: the flowables, the keys
    of the headings the contents list, and of the targets whose page
    references print."""
    flowables: list[Flowable]
    contents_keys: frozenset[str]
    page_refs: frozenset[str]


def write_pdf(target: Path, stories: Callable[[dict[str, str]], Story],
              styles: StyleSheet, meta: Metadata, pagesize, screen=False, *,
              labels: Path | None = None) -> int:
    """Lay out the book into *target*, for print or for the *screen*
    (:class:`~.templates.BookTemplate`); return the page count.

    *stories* renders the book, given the page labels of its references'
    targets that the slots of its page references are sized by
    (:func:`.page_refs.reserve`): in the first layout those kept at
    *labels* by the last build (:mod:`.page_labels`), as a
    :class:`~.page_refs.Kept`, then those of the layout before. A book is
    laid out once where every label fits its slot (:data:`MAX_LAYOUTS`). A
    layout consumes its story, hence a rendering each. The labels of the
    layout kept are kept at *labels* once the PDF is published.

    The PDF is written beside *target*, read back (it opens and has every
    page) and only then moved over it, so a failed build never leaves a
    half-written file or loses the last good one.
    """
    with replacing(target) as partial:
        printed = Kept(page_labels.load(labels))
        for layout in range(MAX_LAYOUTS):
            # The layout before is not needed once its labels are known:
            # let it go before this one is rendered.
            story = doc = root = None
            # The first layout has said what there is to say about the book.
            with suppress_logging() if layout else nullcontext():
                story = stories(printed)
                doc = BookTemplate(str(partial), styles, meta, pagesize, story.contents_keys,
                                   screen)
                root = lay_out_tagged(doc, story.flowables)
            landed = {key: doc.key_pages.get(key, (None, ''))[1] for key in story.page_refs}
            if doc.slots.fit(doc.key_pages):
                break
            printed = landed
        labels_landed = {key: label for key, (_page, label) in doc.key_pages.items()}
        # Only the layout kept is written.
        finish(doc.canv, root, Document(lang=meta.lang, page_labels=labels_landed))
        pages, story, doc, root = doc.page, None, None, None  # freed before reading the PDF
        with open(partial, 'rb') as pdf:  # read where needed, not copied into memory whole
            written = len(PdfReader(pdf).pages)
        if written != pages:
            raise PdfWriteError(f'{target}: wrote {written} of {pages} pages')
    if landed:
        page_labels.store(labels, landed)
    return pages


class PdfWriteError(SphinxError):
    """The PDF on disk is not the book that was laid out."""

    category = 'PDF not written'

