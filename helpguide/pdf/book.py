"""Put a book together: cover, contents, body; lay it out once; write it safely."""
from pathlib import Path

from pypdf import PdfReader
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak
from sphinx.errors import SphinxError

from ..atomic import replacing
from ..locale import _
from .cover import Cover, CoverInfo
from .flowables import BodyStart, ContentsEntry, Heading, LeadIn, RectoBreak, ResolveLinks
from .registry import Context
from .styles import StyleSheet
from .tagging import Element, build_tagged, group
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


def write_pdf(target: Path, story: list[Flowable], styles: StyleSheet, meta: Metadata,
              pagesize, contents_keys, page_refs=frozenset(), screen=False) -> int:
    """Lay *story* out once into *target*, for print or for the *screen*
    (:class:`~.templates.BookTemplate`); return the page count.

    The PDF is written beside *target*, read back (it opens and has every
    page) and only then moved over it, so a failed build never leaves a
    half-written file or loses the last good one.
    """
    with replacing(target) as partial:
        doc = BookTemplate(str(partial), styles, meta, pagesize, frozenset(contents_keys),
                           frozenset(page_refs), screen)
        build_tagged(doc, story, partial, meta.lang)
        written = len(PdfReader(partial).pages)
        if written != doc.page:
            raise PdfWriteError(f'{target}: wrote {written} of {doc.page} pages')
    return doc.page


class PdfWriteError(SphinxError):
    """The PDF on disk is not the book that was laid out."""

    category = 'PDF not written'

