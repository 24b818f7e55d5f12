"""The PDF booklet: a Sphinx builder rendering the guide with ReportLab.

``sphinx-build -b booklet`` (or ``python build_pdf.py``) writes one book:
cover, contents, chapters. The pieces, for other print products:

* :mod:`.render` -- ``new_context(styles, width, height, srcdir)`` and
  ``render_document(doctree, ctx) -> list[Flowable]``; ``ctx.contents`` then
  lists the headings, ``ctx.linked`` the link targets used.
* :mod:`.registry` -- ``BLOCK`` and ``INLINE`` handler registries
  (``@BLOCK.register(node_class)``), ``block(node, ctx)`` to render one node.
* :mod:`.styles` -- ``book_styles()``: every paragraph, inline and box style.
* :mod:`.templates` -- ``BookTemplate`` (cover and page templates, running
  heads, folios, page labels, outline, contents page numbers).
* :mod:`.book` -- ``book_story(cover, body, ctx)`` and ``write_pdf(...)``,
  which lays a story out once and replaces the target atomically.
* :mod:`.builder` -- ``BookletBuilder``; ``assemble_doctree()`` inlines the
  toctrees (a fresh copy per inclusion, platform steps selected); ``PAPER``.
"""
from sphinx.application import Sphinx

from .builder import BookletBuilder

__all__ = ['BookletBuilder', 'setup']

#: The booklet's own settings; the guide's (brand, title, logo, ...) come
#: from helpguide.settings, so a plain Sphinx project can use the builder too.
SETTINGS = {
    'guide_paper': 'letter',        # 'letter' or 'a4'
    'booklet_filename': 'guide.pdf',
    'booklet_contents_depth': 2,    # section levels listed in the contents
}


def setup(app: Sphinx) -> dict:
    app.setup_extension('helpguide.settings')
    app.add_builder(BookletBuilder)
    for name, default in SETTINGS.items():
        app.add_config_value(name, default, '', types=frozenset({type(default)}))
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
