"""Text the booklet's fonts cannot print is an error in every build, listing
its code points, so ``make html`` stops on what the PDF would print as boxes
(and the two outputs never disagree about a source)."""
from docutils import nodes
from sphinx.util import logging

from ..pdf.fonts import missing_glyphs, regular_face

logger = logging.getLogger(__name__)


def load_font(app, env, docnames) -> None:
    """Parse the font before reading: processes that read in parallel
    (sphinx-build -j) then share it instead of each parsing it again."""
    if docnames:
        regular_face()


def refuse_unprintable_text(app, doctree) -> None:
    for text in doctree.findall(nodes.Text):
        if text.isascii() or isinstance(text.parent, (nodes.comment, nodes.raw)):
            continue
        missing = missing_glyphs(text.astext())
        if missing:
            logger.error("the booklet's fonts have no glyph for "
                         + ', '.join(f'U+{ord(char):04X} ({char})' for char in missing)
                         + ': the PDF would print boxes', location=text.parent,
                         type='helpguide', subtype='glyph')
