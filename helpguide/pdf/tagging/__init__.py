"""Tagged PDF (PDF/UA-1) and PDF/A-2 for everything the renderer writes.

Handlers write no tags. The pieces:

* :mod:`.roles` -- the structure element a docutils node's flowables go
  in; :func:`helpguide.pdf.registry.block` calls :func:`tag_block`.
* :mod:`.tree` -- :class:`Element` and :func:`group`, which puts flowables
  in an element and gives each flowable that draws content its own.
* :mod:`.canvas` -- :class:`TaggingCanvas`: marked content around each
  tagged flowable's drawing, everything else on the page an Artifact;
  :func:`element` for flowables that draw several things (the cover).
* :mod:`.writer` -- :func:`finish`: the structure tree, language, title
  display, tab order, XMP metadata and output intent, added to ReportLab's
  document before it writes the file (once: the layouts not kept are never
  written).
* :mod:`.archive` -- PDF/A-2 and PDF/UA-1 identification (XMP) and the
  sRGB output intent.
* :mod:`.check` -- ``python -m helpguide.pdf.tagging.check FILE...``
  (``make check-pdf``): the conditions of PDF/UA-1 and PDF/A-2 a machine
  can check in our files.
"""
from docutils import nodes

from ...compat.reportlab import lay_out_unsaved
from .canvas import TaggingCanvas, element
from .roles import element_for
from .tree import Element, group
from .writer import Document, finish

__all__ = ['Document', 'Element', 'TaggingCanvas', 'element', 'finish',
           'group', 'lay_out_tagged', 'pdf_language', 'tag_block']


def tag_block(node: nodes.Node, flowables: list) -> None:
    """Wrap what *node*'s handler returned in the element of *node*'s type."""
    made = element_for(node)
    if made is not None and flowables:
        group(made, flowables)


def lay_out_tagged(doc, story: list) -> Element:
    """Lay *story* out with *doc*, its content marked, without writing its
    file; the root of its structure, for :func:`finish` (``finish(doc.canv,
    root, ...)``) once the layout is the one kept."""
    root = group(Element('Document'), story)
    lay_out_unsaved(doc, story, TaggingCanvas)
    return root


def pdf_language(language: str | None) -> str:
    """Sphinx's ``language`` (``pt_BR``) as a PDF /Lang (``pt-BR``)."""
    return (language or 'en').replace('_', '-')
