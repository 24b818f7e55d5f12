"""Keeping what a reader needs at once in view: on one page, or on one spread.

A section of class ``keep-together`` (the support checklist's, or any the
sources mark with ``.. rst-class:: keep-together``) is laid out by
:class:`KeepInView`: where it stands if it fits there, else from the top of
the next page, else, when it needs two pages, from the next left-hand page,
so that both halves face each other and no page turn splits it. A chapter
keeps its rule of starting on a fresh page, a right-hand one unless it
needs the spread.
"""
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import ActionFlowable

from ..compat.reportlab import doc_template, frame_at_top, frame_text_height, height_of
from .flowables import RectoBreak

#: The class of a section kept on one page or one spread.
KEEP_TOGETHER = 'keep-together'


class VersoBreak(ActionFlowable):
    """Go on at the top of the next left-hand (even) page."""

    def apply(self, doc):
        doc.handle_verso()


class FreshPage(ActionFlowable):
    """Go on at the top of a page: the next one, unless this one is still empty."""

    def apply(self, doc):
        if not frame_at_top(doc.frame):
            doc.handle_pageBreak()


class KeepInView(Flowable):
    """*flowables* on one page, or across one spread.

    It never draws: asked to fit, it claims more room than any page has, and
    the frame asks it to split, which is when it can see the page it is on;
    it then gives back its flowables, behind the break they need.
    """

    def __init__(self, flowables, *, chapter: bool = False):
        super().__init__()
        self.flowables = list(flowables)
        self.chapter = chapter

    def wrap(self, aW, aH):
        return aW, aH + 1

    def split(self, aW, aH):
        doc = doc_template(self.canv)
        frame = doc.frame
        page_height = frame_text_height(frame)
        _, needed = height_of(self.flowables, aW, self.canv)
        # Sheets (handouts, the stand-alone form) are one-sided: no spreads.
        spread = getattr(doc, 'two_sided', False) and needed <= 2 * page_height
        verso = doc.page % 2 == 0
        flowables = self.flowables
        if self.chapter:
            if needed <= page_height or not spread:
                return [RectoBreak(), *flowables]
            return flowables if verso and frame_at_top(frame) else [VersoBreak(), *flowables]
        if needed <= aH:
            return flowables
        if needed <= page_height:
            return [FreshPage(), *flowables]
        if not spread:  # it reads across page turns whatever is done
            return flowables
        return flowables if verso and needed <= aH + page_height else [VersoBreak(), *flowables]
