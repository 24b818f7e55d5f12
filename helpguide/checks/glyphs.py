"""Text no font of the style can print is an error in every build, listing
its code points, so ``make html`` stops on what the PDF would print as boxes
(and the two outputs never disagree about a source).

The rule is :func:`helpguide.style.coverage.unprintable`, by which the
booklet's font fallback prints every other character; the booklet sets this
check up too, and reports nothing of its own, so a character is named once.
"""
from docutils import nodes
from sphinx.util import logging

from ..style import style_of
from ..style.coverage import printable, unprintable

logger = logging.getLogger(__name__)


def load_font(app, env, docnames) -> None:
    """Read the fonts before reading: processes that read in parallel
    (sphinx-build -j) then share them instead of each parsing them again."""
    if docnames:
        printable(style_of(app))


def refuse_unprintable_text(app, doctree) -> None:
    style = style_of(app)
    for text in doctree.findall(nodes.Text):
        if isinstance(text.parent, (nodes.comment, nodes.raw)):
            continue
        missing = unprintable(text.astext(), style)
        if missing:
            logger.error('the fonts of the style (%s:%d) and its fallback chain have no glyph '
                         'for %s: the PDF would print boxes', style.path, style.line('fonts'),
                         ', '.join(f'U+{ord(char):04X} ({char})' for char in missing),
                         location=text.parent, type='helpguide', subtype='glyph')


def setup(app):
    app.setup_extension('helpguide.style')
    # A document with a missing glyph is read again by the next build, so
    # an output built from the shared cache reports it too.
    app.setup_extension('helpguide.checks.reread')
    app.connect('env-before-read-docs', load_font)
    app.connect('doctree-read', refuse_unprintable_text)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
