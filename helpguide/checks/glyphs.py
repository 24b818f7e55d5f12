"""Text no font of the style can print is an error in every build, listing
its code points, so ``make html`` stops on what the PDF would print as boxes
(and the two outputs never disagree about a source).

A character prints if every main face of the style (body, heading, mono)
has it, or a font of its fallback chain does: the booklet cuts text runs by
the same chain (:func:`helpguide.pdf.fonts.with_fallback`).
"""
from functools import cache

from docutils import nodes
from sphinx.util import logging

from ..locale import _
from ..style import Style, style_of
from ..style.coverage import cmap, needs_shaping

logger = logging.getLogger(__name__)


@cache
def printable(style: Style) -> frozenset[int]:
    mains = [cmap(path) for path in style.main_faces()]
    covered = frozenset.intersection(*mains)
    for path in style.fallback:
        covered |= cmap(path)
    return covered


def load_font(app, env, docnames) -> None:
    """Read the fonts before reading: processes that read in parallel
    (sphinx-build -j) then share them instead of each parsing them again."""
    if docnames:
        printable(style_of(app))


def refuse_unprintable_text(app, doctree) -> None:
    style = style_of(app)
    covered = None
    for text in doctree.findall(nodes.Text):
        if text.isascii() or isinstance(text.parent, (nodes.comment, nodes.raw)):
            continue
        covered = covered or printable(style)
        missing = sorted({ch for ch in text.astext() if ord(ch) >= 32
                          and (ord(ch) not in covered or needs_shaping(ord(ch)))})
        if missing:
            logger.error('the fonts of the style (%s:%d) and its fallback chain have no glyph '
                         'for %s: the PDF would print boxes', style.path, style.line('fonts'),
                         ', '.join(f'U+{ord(char):04X} ({char})' for char in missing),
                         location=text.parent, type='helpguide', subtype='glyph')
