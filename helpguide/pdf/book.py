"""Put a book together: cover, contents, body; lay it out once; write it safely."""
import os
import tempfile
from pathlib import Path

from reportlab.platypus import Flowable, NextPageTemplate

from .cover import Cover, CoverInfo
from .flowables import BodyStart, ContentsEntry, Heading, RectoBreak, ResolveLinks
from .registry import Context
from .styles import StyleSheet
from .templates import BookTemplate, Metadata

CONTENTS_KEY = 'contents'


def contents_story(entries, styles: StyleSheet, preface=()) -> list[Flowable]:
    """The contents: a heading, the root document's lead-in, then one linked
    entry per (level, markup, key)."""
    story = [Heading('Contents', styles['contents_title'], level=1, keys=[CONTENTS_KEY],
                     text='Contents'), *preface]
    for level, markup, key in entries:
        style = styles[f'contents{min(level, 3)}']
        story.append(ContentsEntry(markup, style, styles['contents2'], key))
    return story


def book_story(cover: CoverInfo, body: list[Flowable], ctx: Context) -> list[Flowable]:
    """Cover, contents (when there are sections to list), body."""
    contents = ([RectoBreak(), *contents_story(ctx.contents, ctx.styles, ctx.preface)]
                if ctx.contents else [])
    return [
        Cover(cover, ctx.styles),
        NextPageTemplate('page'),
        *contents,
        RectoBreak(),
        BodyStart(),
        *body,
        ResolveLinks(ctx.linked),
    ]


def write_pdf(target: Path, story: list[Flowable], styles: StyleSheet, meta: Metadata,
              pagesize, contents_keys) -> int:
    """Lay *story* out once into *target*; return the page count.

    The PDF is written to a temporary file beside *target*, synced and then
    moved over it, so a failed build never leaves a half-written file or
    loses the last good one.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f'.{target.name}.', suffix='.tmp', dir=target.parent)
    try:
        with os.fdopen(fd, 'wb') as out:
            doc = BookTemplate(out, styles, meta, pagesize, frozenset(contents_keys))
            doc.build(story)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(tmp, 0o644)  # mkstemp's 0600 is too strict for a shared output
        os.replace(tmp, target)
    except BaseException:
        os.unlink(tmp)
        raise
    return doc.page
