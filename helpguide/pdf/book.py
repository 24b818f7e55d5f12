"""Put a book together: cover, contents, body; lay it out (again while its
page references' pages move); write it safely."""
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


#: Layouts of a book at most. A reference prints the page its target had in
#: the layout before; if a target moved from one layout to the next (a wider
#: number rewrapped a line), the book is laid out again, as LaTeX and
#: ReportLab's ``multiBuild`` do. Should a page still move in the last, that
#: layout is kept: a number one page off beats a build that never ends.
MAX_LAYOUTS = 3


@dataclass
class Story:
    """What one rendering of a book gives its layout: the flowables, the keys
    of the headings the contents list, and of the targets whose page
    references print."""
    flowables: list[Flowable]
    contents_keys: frozenset[str]
    page_refs: frozenset[str]


def write_pdf(target: Path, stories: Callable[[dict[str, str] | None], Story],
              styles: StyleSheet, meta: Metadata, pagesize, screen=False, *,
              labels: Path | None = None) -> int:
    """Lay out the book into *target*, for print or for the *screen*
    (:class:`~.templates.BookTemplate`); return the page count.

    *stories* renders the book, given the page labels its references print
    (None where none are known yet). A book without page references is laid
    out once; one with them again with the pages of the layout before, until
    no target moves (:data:`MAX_LAYOUTS`). A layout consumes its story, hence
    a rendering each. The first layout prints the labels kept at *labels*
    by the last build (:mod:`.page_labels`), and where the book has not
    moved since it is the only one; the labels of the layout kept are kept
    there once the PDF is published.

    The PDF is written beside *target*, read back (it opens and has every
    page) and only then moved over it, so a failed build never leaves a
    half-written file or loses the last good one.
    """
    with replacing(target) as partial:
        printed = page_labels.load(labels) or None
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
            if all((printed or {}).get(key) == label for key, label in landed.items()):
                break
            printed = landed
        finish(doc.canv, root, Document(lang=meta.lang))  # only the layout kept is written
        written = len(PdfReader(partial).pages)
        if written != doc.page:
            raise PdfWriteError(f'{target}: wrote {written} of {doc.page} pages')
    if landed:
        page_labels.store(labels, landed)
    return doc.page


class PdfWriteError(SphinxError):
    """The PDF on disk is not the book that was laid out."""

    category = 'PDF not written'

