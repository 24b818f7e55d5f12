"""The support checklist in the booklet: a page the customer fills in by pen.

The design (labelled write-in lines, a ruled box, tick boxes; optionally
AcroForm fields over them) lives in :mod:`helpguide.products.form`, shared
with the stand-alone form, so the two never drift apart.
"""

from .paragraphs import Paragraph
from .registry import BLOCK, Context, escape


def register_checklist_node() -> None:
    """Claim the guide's checklist node, when the guide's extension is there."""
    try:
        from helpguide.checklist.nodes import support_checklist
        from helpguide.products.form import checklist_flowables
    except ImportError:  # a plain Sphinx project without the guide's extension
        return

    @BLOCK.register(support_checklist)
    def checklist(node, ctx: Context):
        # Fillable on screen; the booklet's FormCanvas keeps the page's fonts embedded.
        fields = checklist_flowables(node.get('fields', []), ctx.styles)
        title = node.get('title')
        heading = [Paragraph(escape(title), ctx.styles['rubric'])] if title else []
        return heading + fields


register_checklist_node()
