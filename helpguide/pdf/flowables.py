"""Flowables the booklet adds to ReportLab's own.

Each flowable only lays out and draws; what the document does when one of
them lands on a page (outline, contents page numbers, running head) is the
page template's job (:mod:`.templates`), which recognises them by class.
"""
from reportlab.platypus import Flowable
from reportlab.platypus.doctemplate import ActionFlowable

from ..compat.reportlab import ZeroSize, doc_attribute
from .paragraphs import Paragraph


class Anchor(ZeroSize, Flowable):
    """A zero-size link target (named destination) for one or more keys."""

    def __init__(self, keys):
        super().__init__()
        self.keys = tuple(keys)
        self.keepWithNext = 1  # a target belongs to what follows it

    def wrap(self, aW, aH):
        return 0, 0

    def draw(self):
        for key in self.keys:
            self.canv.bookmarkHorizontal(key, 0, 0)
        # Drawn, not landed: an anchor inside a table or a box never reaches
        # the page template's afterFlowable, and its page is wanted all the same.
        if landed := doc_attribute(self, 'landed'):
            landed(self.keys)


def balanced_width(paragraph, width: float) -> float:
    """The narrowest measure at which *paragraph* keeps the number of lines
    it has at *width*: a title that needs two lines gets two of about equal
    length, never a last line of one word."""
    paragraph.wrap(width, 0xffffff)
    lines = len(paragraph.blPara.lines)
    if lines < 2:
        return width
    low, high = width / 2, width
    while high - low > 1:
        middle = (low + high) / 2
        paragraph.wrap(middle, 0xffffff)
        if len(paragraph.blPara.lines) > lines:
            low = middle
        else:
            high = middle
    return high


class Heading(Flowable):
    """A section title: carries its level, its key and its plain text.

    *level* 1 is a chapter. *keys* are the named destinations set at the
    heading (the first one is its own key); *contents* says whether the
    contents lists it.
    """

    def __init__(self, markup, style, *, level, keys, text, contents=False):
        super().__init__()
        # A slash between names stays with the name before it: no line of a
        # title starts with "/ Incredimail".
        self.paragraph = Paragraph(markup.replace(' / ', '\N{NO-BREAK SPACE}/ '), style)
        self.style = style
        self.level = level
        self.keys = tuple(keys)
        self.key = self.keys[0]
        self.text = text
        self.contents = contents
        self.keepWithNext = getattr(style, 'keepWithNext', 0)

    def wrap(self, aW, aH):
        self.width, self.height = self.paragraph.wrap(balanced_width(self.paragraph, aW), aH)
        return aW, self.height

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def split(self, aW, aH):
        # At the measure it is set at: wider, it could seem to fit where it does not.
        parts = self.paragraph.split(balanced_width(self.paragraph, aW), aH)
        if len(parts) < 2:
            return []
        first = Heading('', self.style, level=self.level, keys=self.keys, text=self.text,
                        contents=self.contents)
        first.paragraph = parts[0]
        return [first, *parts[1:]]

    def draw(self):
        for key in self.keys:
            self.canv.bookmarkHorizontal(key, 0, self.height)
        self.paragraph.drawOn(self.canv, 0, 0)


class ContentsEntry(Flowable):
    """One line of the contents: title, dot leaders, page number, one link.

    The page number is a form XObject named :func:`page_number_form` that
    the page template defines when the heading lands, after this entry has
    been drawn; PDF allows the forward reference, so the body is laid out once.
    """

    def __init__(self, markup, style, number_style, key):
        super().__init__()
        self.paragraph = Paragraph(markup, style)
        self.style = style
        self.number_style = number_style
        self.key = key
        self.keepWithNext = getattr(style, 'keepWithNext', 0)

    @property
    def number_width(self):
        """Room kept at the right for the page number (four digits)."""
        return self.number_style.fontSize * 2.6

    def wrap(self, aW, aH):
        _, h = self.paragraph.wrap(aW - self.number_width - self.style.fontSize, aH)
        self.width, self.height = aW, h
        return aW, h

    def getSpaceBefore(self):
        return self.style.spaceBefore

    def getSpaceAfter(self):
        return self.style.spaceAfter

    def draw(self):
        canv, para, st = self.canv, self.paragraph, self.style
        para.drawOn(canv, 0, 0)
        lines = para.getActualLineWidths0()
        baseline = self.height - st.fontSize - (len(lines) - 1) * st.leading
        # getActualLineWidths0 counts the indents in: it is where the text ends.
        start = (lines[-1] if lines else st.leftIndent) + st.fontSize * 0.5
        stop = self.width - self.number_width
        canv.saveState()
        canv.setFillColor(self.number_style.textColor)
        canv.setFont(self.number_style.fontName, self.number_style.fontSize * 0.8)
        step = st.fontSize * 0.5
        x = start + (-start) % step  # align the dots of every line on one grid
        if stop > x:
            dots = canv.beginText(x, baseline)
            dots.setCharSpace(step - canv.stringWidth('.'))
            dots.textOut('.' * int((stop - x) / step))
            dots.setCharSpace(0)  # the page number form inherits the text state
            canv.drawText(dots)
        canv.translate(self.width, baseline)
        canv.doForm(page_number_form(self.key))
        canv.restoreState()
        canv.linkRect('', self.key, (0, 0, self.width, self.height), relative=1, thickness=0)


def page_number_form(key):
    """Name of the form XObject that prints the page number of *key* in the contents.

    Keys may hold any character; a PDF name may not, so others are spelled out.
    """
    return 'pn-' + ''.join(c if c.isalnum() or c in '-_.' else f'_{ord(c):x}_' for c in key)


class RectoBreak(ActionFlowable):
    """Go on at the top of the next right-hand (odd) page."""

    def apply(self, doc):
        doc.handle_recto()


class LeadIn(ActionFlowable):
    """The root document's lead-in begins here: its pages carry the book's
    title as their running head, not the contents' before them."""

    def apply(self, doc):
        doc.handle_leadIn()


class BodyStart(ActionFlowable):
    """The body begins here: page numbers restart at 1 in arabic figures."""

    def apply(self, doc):
        doc.handle_bodyStart()


class ResolveLinks(ActionFlowable):
    """End of story: point links whose target never landed at the last page."""

    def __init__(self, keys):
        super().__init__()
        self.keys = keys

    def apply(self, doc):
        doc.handle_resolveLinks(self.keys)


class ItemLabel(ZeroSize, Flowable):
    """A list label hung left of a list item that does not start with text."""

    def __init__(self, label, style, indent):
        super().__init__()
        self.label, self.style, self.indent = label, style, indent
        self.keepWithNext = 1

    def wrap(self, aW, aH):
        return 0, 0

    def draw(self):
        st = self.style
        self.canv.setFont(st.bulletFontName, st.fontSize)
        self.canv.setFillColor(st.bulletColor)
        self.canv.drawString(-self.indent, -st.fontSize, self.label)
