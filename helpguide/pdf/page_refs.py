"""Page references laid out before their pages are known.

A reference prints "(page N)" in its paragraph's text. In the first layout
of a book no N is known where a reference comes before its target, so each
reference is set with a *slot*: digits as wide as the widest label expected
(:func:`reserve`), marked by an ``<onDraw>`` callback after them. As the
slot is drawn its digits are swapped in the page's content for a token
(:meth:`Slots.drawn`); once its target has landed and the page is written,
the token becomes the label (:meth:`Slots.fill`). The label is the text of
the content stream itself: copied, searched and read aloud in its place.

A label as wide as its slot changes nothing else. A narrower one moves the
rest of its line left as the text flows (the line was broken for the slot,
so it may end a word sooner than a layout with the label known would);
what the line draws at fixed places after it moves too: its links
(annotations) are moved with it, and a line with a background, an
underline or an image after the slot, or set other than flush left, needs
the exact width. Where a label cannot be
filled in so (:meth:`Slots.fit`), the book is laid out again with slots
of the labels known (:func:`.book.write_pdf`).
"""
from dataclasses import dataclass

from reportlab.lib.enums import TA_LEFT
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..compat import reportlab as rl
from ..locale import _
from .registry import escape

#: The callback a slot's ``<onDraw>`` names.
CALLBACK = 'page_ref'
#: A slot's digits: three, as wide as any label of a book under a thousand
#: pages in a font of tabular figures (as most are).
RESERVE = '000'


def reserve(labels: dict[str, str], key: str) -> str | None:
    """What the slot of a reference to *key* is as wide as, given the
    *labels* of the layout before: *key*'s own, or, in the first layout
    (:class:`Kept`), :data:`RESERVE`, or the label the last build printed
    where that is longer; None where the reference prints no page (its
    target was not laid out)."""
    label = labels.get(key)
    if isinstance(labels, Kept):
        return label if label and len(label) > len(RESERVE) else RESERVE
    return label or None


def page_ref(reserved: str, key: str) -> str:
    """"(page N)" in the paragraph's own type, as one unbreakable word, N a
    slot of the width of *reserved* that the page *key* lands on fills in."""
    before, _s, after = str(_('(page %s)')).partition('%s')
    number = (escape(reserved)
              + f'<onDraw name="{CALLBACK}" label="{escape(reserved)}:{escape(key)}"/>')
    return (escape(before) + number + escape(after)).replace(' ', '\N{NO-BREAK SPACE}')


@dataclass
class Slot:
    key: str
    page: int            # where it is drawn
    token: str           # what stands for its digits in the page's content
    reserved: str        # the digits it was laid out with
    font: tuple[str, float]
    scale: float         # page units per text unit along the line
    x: float             # on the page, where the digits end
    y: float             # on the page, the baseline
    after: tuple         # (list, start): the annotations drawn after it on its page
    movable: bool        # whether a narrower label may move the rest of its line
    filled: bool = False


class Slots:
    """The slots of one layout, and whether every label went into its own."""

    def __init__(self, canvas):
        self.canvas = canvas
        self.pending: list[Slot] = []
        self.unmarked: list[tuple[str, str]] = []  # (key, reserved) of slots not found
        self.exact = True
        self.ended = False  # every target that lands has landed

    def drawn(self, canvas, _kind, label: str) -> None:
        """The ``<onDraw>`` callback after a slot's digits."""
        reserved, _c, key = label.partition(':')
        token = f'\x00{len(self.pending)}\x00'
        drawn = rl.mark_drawn_text(canvas, label, reserved, token)
        if drawn is None:  # not drawn as one run of text: it shows what it reserved
            self.unmarked.append((key, reserved))
            return
        x, y = canvas.absolutePosition(drawn.x, drawn.y)
        x0, _y0 = canvas.absolutePosition(0, 0)
        x1, _y1 = canvas.absolutePosition(1, 0)
        self.pending.append(Slot(
            key, canvas.getPageNumber(), token, reserved, drawn.font, x1 - x0, x, y,
            rl.annotations_from_here(canvas),
            drawn.alignment == TA_LEFT and not drawn.fixed_after))

    def fill(self, written: int, labels: dict[str, tuple[int, str]]) -> None:
        """Fill in the slots on the pages up to *written* whose targets have
        *labels* (key -> (page, label)); once :attr:`ended`, every slot
        there (a target never laid out has no page: its slot stays empty)."""
        for slot in self.pending:
            if slot.filled or slot.page > written or not (slot.key in labels or self.ended):
                continue
            label = labels.get(slot.key, (None, ''))[1]
            moved = (stringWidth(slot.reserved, *slot.font)
                     - stringWidth(label, *slot.font)) * slot.scale
            if not label or moved < -0.001 or (abs(moved) > 0.001 and not slot.movable):
                self.exact = False  # the label shown, in a layout done again
            if abs(moved) > 0.001 and slot.movable:
                rl.move_annotations(self.canvas, *slot.after, slot.x - 0.001, slot.y, -moved)
            rl.replace_in_page(self.canvas, slot.page, slot.token, label)
            slot.filled = True

    def fit(self, labels: dict[str, tuple[int, str]]) -> bool:
        """Whether every slot got its label (key -> (page, label)), of its
        width or movable, once the last page is written; a slot that could
        not be filled in fits where it reserved its own label."""
        return (self.exact and all(slot.filled for slot in self.pending)
                and all(labels.get(key, (None, ''))[1] == reserved
                        for key, reserved in self.unmarked))


class Kept(dict):
    """The labels the last build printed, key -> label, given to the first
    layout: only the width of its slots (:func:`reserve`) comes from them,
    so the book is the same from clean and from these."""
