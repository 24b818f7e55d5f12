"""Keep rules: what a reader needs at once stays in view.

* :func:`heading_lead`: a heading stays with its data box and first two
  steps; :class:`KeptTable`: a short note or box is never split;
  :class:`KeepTail`: a chapter never ends with a line or two on a page of
  their own. (Paragraph styles forbid widows and orphans, see
  :mod:`.styles`.)
* :class:`KeepInView`: a section kept on one page or one spread.

A section of class ``keep-together`` (the support checklist's, or any the
sources mark with ``.. rst-class:: keep-together``) is laid out by
:class:`KeepInView`: where it stands if it fits there, else from the top of
the next page, else, when it needs two pages, from the next left-hand page,
so that both halves face each other and no page turn splits it. A chapter
keeps its rule of starting on a fresh page, a right-hand one unless it
needs the spread.
"""
from reportlab.platypus import Flowable, KeepTogether, Table
from reportlab.platypus.doctemplate import ActionFlowable, NullActionFlowable

from ..compat.reportlab import (container_flowables, doc_template, frame_at_top, frame_of,
                                frame_space_after, frame_text_height, is_zero_size,
                                measured_height, set_measure, table_height, transfers_space)
from .flowables import Heading, RectoBreak

#: The class of a section kept on one page or one spread.
KEEP_TOGETHER = 'keep-together'


def flat(flowables):
    """*flowables* with the keeps among them opened: what they hold is
    measured, where a keep would claim more room than any page has."""
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            yield from flat(container_flowables(flowable))
        elif isinstance(flowable, (KeepInView, KeepTail)):
            yield from flat(flowable.flowables)
        else:
            yield flowable


def placed(flowables: list) -> list:
    """A split's result led by an action: ReportLab places the first
    flowable of a split at once, where a keep among them would not fit,
    and a heading would skip being grouped with what follows it."""
    return [NullActionFlowable(), *flowables]


def height(flowables, width, canv, frame=None) -> float:
    """The height *flowables* take when a frame places them one after the
    other, as ReportLab's Frame does (ReportLab's own list measure counts
    the spaces around a zero-size flowable, an anchor, otherwise): from the
    top of a page, or from where *frame* stands."""
    from reportlab.platypus.doctemplate import Indenter

    at_top = frame is None or frame_at_top(frame)
    previous = 0 if frame is None else frame_space_after(frame)
    used = last_after = 0.0
    for flowable in flat(flowables):
        if isinstance(flowable, Indenter):
            width -= flowable.left + flowable.right
            continue
        if getattr(flowable, 'frameAction', None):
            continue
        zero = is_zero_size(flowable)
        space = 0
        if not at_top:
            space = previous if zero or transfers_space(flowable) else flowable.getSpaceBefore()
            space = max(space - previous, 0)
        _, tall = flowable.wrapOn(canv, width, 0xffffff)
        last_after = flowable.getSpaceAfter()
        used += space + tall + last_after
        previous = last_after
        at_top = at_top and zero and not tall
    return used - last_after


def height_here(keep, flowables, width, canv, frame) -> float:
    """The height *flowables*, what *keep* holds, take from where *frame*
    stands, to compare with the height the frame offers *keep*: the frame
    has already taken from it the space before *keep* (ReportLab's Frame
    adds and splits a flowable so), a KeepTogether's first flowable's, none
    for a :class:`KeepInView`. Counted twice, a heading and its first block
    moved a line too early; not at all, a kept section went over the page."""
    used = height(flowables, width, canv, frame)
    if frame is None or frame_at_top(frame):
        return used
    return used - max(keep.getSpaceBefore() - frame_space_after(frame), 0)


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
        needed = height(self.flowables, aW, self.canv)  # from the top of a page
        here = height_here(self, self.flowables, aW, self.canv, frame)
        # Sheets (handouts, the stand-alone form) are one-sided: no spreads.
        spread = getattr(doc, 'two_sided', False) and needed <= 2 * page_height
        verso = doc.page % 2 == 0
        flowables = self.flowables
        if self.chapter:
            if needed <= page_height or not spread:
                return placed([RectoBreak(), *flowables])
            if verso and frame_at_top(frame):
                return placed(flowables)
            return placed([VersoBreak(), *flowables])
        if here <= aH:
            return placed(flowables)
        if needed <= page_height:
            return placed([FreshPage(), *flowables])
        if not spread:  # it reads across page turns whatever is done
            return placed(flowables)
        if verso and here <= aH + page_height:
            return placed(flowables)
        return placed([VersoBreak(), *flowables])


class Keep(KeepTogether):
    """ReportLab's KeepTogether, measured as the frame will place it: the
    keeps inside opened and spaces counted as the frame will add them
    (:func:`height`): measured by ReportLab, a heading kept with its
    paragraph was placed at a page foot and the paragraph went over. With
    *limit*, content taller than *limit* points is not kept but flows. The print templates group
    ``keepWithNext`` flowables with it too (``keepTogetherClass``)."""

    def __init__(self, flowables, limit: float | None = None):
        super().__init__(flowables)
        self.limit = limit

    def wrap(self, aW, aH):
        canv = getattr(self, 'canv', None)
        content = container_flowables(self)
        measured = height_here(self, content, aW, canv, frame_of(self))
        first = next(flat(content), None)
        set_measure(self, aW, aH, measured,
                    first.wrapOn(canv, aW, 0xffffff)[1] if first is not None else 0)
        return aW, 0xffffff  # always asked to split, as ReportLab's

    def split(self, aW, aH):
        if self.limit is not None and measured_height(self, aW, aH) > self.limit:
            return placed(container_flowables(self))
        parts = super().split(aW, aH)
        if parts and parts[0].getKeepWithNext():
            # As ReportLab's: placed at once. Led by an action, it would be
            # grouped again with what it was grouped with, for ever.
            return parts
        return placed(parts)


class KeptTable(Table):
    """A table (a tinted box, a note) that a page turn splits only when it is
    taller than *limit* points: a short one moves to the next page whole.
    Unlike a keep around it, it stays a table inside a table's cell."""

    def __init__(self, *args, limit: float | None = None, **kwargs):
        super().__init__(*args, **kwargs)  # ReportLab makes the parts of a split without it
        self.limit = limit

    def split(self, aW, aH):
        if self.limit is not None and table_height(self) <= self.limit:
            return []
        return super().split(aW, aH)


def item_start(flowable, list_key, index: int) -> None:
    """Mark *flowable* as the first of item *index* (0-based) of a list."""
    flowable.list_item = (list_key, index)


def heading_lead(flow: list, limit: float) -> list:
    """*flow* (a heading, then its section's body) with the heading kept
    with what a reader needs under it: everything up to the end of the
    second item of the section's first list (a program's data box and its
    first two steps), or the first block where there is no list."""
    end = None
    first_list = None
    for index, flowable in enumerate(flow[1:], start=1):
        if isinstance(flowable, Heading):
            break  # a subsection: its own heading keeps its own lead
        marker = getattr(flowable, 'list_item', None)
        if marker is None:
            continue
        if first_list is None:
            first_list = marker[0]
        if marker == (first_list, 2):
            end = index
            break
    if end is None:
        return flow
    return [Keep(flow[:end], limit), *flow[end:]]


class KeepTail(Flowable):
    """A chapter whose last page is never near-empty: its last flowables,
    at least *share* of a page high, move to the next page together rather
    than a line or two of them standing alone before a blank page."""

    def __init__(self, flowables, share: float = 0.25):
        super().__init__()
        self.flowables = list(flowables)
        self.share = share

    def wrap(self, aW, aH):
        return aW, aH + 1

    def split(self, aW, aH):
        page_height = frame_text_height(doc_template(self.canv).frame)
        start, tail = len(self.flowables), 0.0
        while start > 1 and tail < self.share * page_height:
            start -= 1
            flowable = self.flowables[start]
            tail += height([flowable], aW, self.canv) + flowable.getSpaceAfter()
        # What keeps with the next (a heading) goes with the tail: ReportLab
        # would measure a keep beside it as taller than a page and part them.
        while start > 1 and self.flowables[start - 1].getKeepWithNext():
            start -= 1
        if start <= 1:
            return placed(self.flowables)
        return placed([*self.flowables[:start], Keep(self.flowables[start:], page_height)])
