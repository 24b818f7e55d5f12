"""The PDF booklet: a Sphinx builder rendering the guide with ReportLab.

``sphinx-build -b booklet`` (or ``python build_pdf.py``) writes one book:
cover, contents, chapters. The pieces, for other print products:

* :mod:`.render` -- ``new_context(styles, width, height, srcdir)``,
  ``render_document(doctree, ctx) -> list[Flowable]`` and, for a book,
  ``render_book(doctree, ctx) -> (lead_in, body)``; ``ctx.contents`` then
  lists the headings, ``ctx.linked`` the link targets used.
* :mod:`.registry` -- ``BLOCK`` and ``INLINE`` handler registries
  (``@BLOCK.register(node_class)``), ``block(node, ctx)`` to render one node.
* :mod:`.styles` -- ``book_styles(style)``: every paragraph, inline and box style,
  from the guide's style sheet (:mod:`helpguide.style`).
* :mod:`.templates` -- ``BookTemplate`` (cover and page templates, running
  heads, folios, page labels, outline, contents page numbers).
* :mod:`.book` -- ``book_story(cover, lead_in, body, ctx)`` and ``write_pdf(...)``,
  which lays the book out (again with the pages known, while it has page
  references) and replaces the target atomically.
* :mod:`.printing` -- ``PrintBuilder``, the base of every print builder
  (paper, page size, settings, doctree access); ``PAPER``.
* :mod:`.booklet` -- ``write_book(builder, target, pagesize)``: the toctrees
  inlined (a fresh copy per inclusion, platform steps selected), rendered,
  laid out; shared by the booklet and saddle-stitch builders.
* :mod:`.builder` -- ``BookletBuilder``.
"""
from sphinx.application import Sphinx

from sphinx.util import logging

from helpguide.config import BadSetting, add_setting

from .builder import BookletBuilder
from .printing import PAPER

__all__ = ['BookletBuilder', 'setup']

logger = logging.getLogger(__name__)

#: The booklet's own settings; the guide's (brand, title, logo, ...) come
#: from helpguide.settings.
SETTINGS = {
    'booklet_filename': ('guide.pdf', 'file name of the booklet in the output folder'),
    'booklet_contents_depth': (2, 'section levels listed in the contents'),
}


def refuse_unknown_papers(app, config) -> None:
    """Each paper of ``guide_papers`` is one ``guide_paper`` could name."""
    unknown = [paper for paper in config.guide_papers if paper not in PAPER]
    if unknown or len(set(config.guide_papers)) != len(config.guide_papers):
        logger.error('guide_papers must list different papers of %s, not %r',
                     ', '.join(PAPER), list(config.guide_papers))
        raise BadSetting


EDITIONS = ('print', 'screen')


def editions_problem(value) -> str | None:
    """What ``booklet_editions`` must be, if *value* is not it."""
    if not value or len(set(value)) != len(value) or not set(value) <= set(EDITIONS):
        return "a list of 'print', 'screen' or both, each once"
    return None


def setup(app: Sphinx) -> dict:
    # The book selects each platform's steps and prints the checklist; the
    # glyph check names what it would print as boxes.
    for part in ('helpguide.config', 'helpguide.settings', 'helpguide.style',
                 'helpguide.checks.glyphs', 'helpguide.programs', 'helpguide.checklist',
                 'helpguide.online'):
        app.setup_extension(part)
    app.setup_extension('helpguide.link_schemes')  # no active links, even in a plain project
    app.add_builder(BookletBuilder)
    add_setting(app, 'guide_paper', 'letter', '', choices=PAPER,
                description='paper of every print product')
    add_setting(app, 'guide_papers', [], '', types=(list, tuple),
                description='papers of the editions made at once (guide-letter.pdf, '
                            'guide-a4.pdf, ...); empty: guide_paper alone')
    add_setting(app, 'booklet_editions', list(EDITIONS), '', types=(list, tuple),
                check=editions_problem,
                description="the booklet's editions: 'print' (guide.pdf, chapters on "
                            "right-hand pages) and 'screen' (guide-screen.pdf)")
    app.connect('config-inited', refuse_unknown_papers, priority=795)
    for name, (default, description) in SETTINGS.items():
        add_setting(app, name, default, '', description=description)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
