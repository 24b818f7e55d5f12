"""The support checklist in the PDF products: a page the customer fills in
by pen, or on screen.

The design (labelled write-in lines, a ruled box, tick boxes, AcroForm
fields over them) is the renderer's form primitive,
:mod:`helpguide.pdf.form`, shared by the booklet and the stand-alone form so
the two never drift apart. Importing this module registers the handler;
:func:`helpguide.checklist.setup` does so for PDF builders only, so HTML
builds import no ReportLab.
"""
from helpguide.pdf.form import checklist_flowables
from helpguide.pdf.paragraphs import Paragraph
from helpguide.pdf.registry import BLOCK, Context, escape

from .nodes import support_checklist


@BLOCK.register(support_checklist)
def checklist(node, ctx: Context):
    # Fillable on screen; the booklet's FormCanvas keeps the page's fonts embedded.
    fields = checklist_flowables(node.get('fields', []), ctx.styles)
    title = node.get('title')
    heading = [Paragraph(escape(title), ctx.styles['rubric'])] if title else []
    return heading + fields
