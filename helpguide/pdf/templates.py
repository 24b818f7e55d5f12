"""Page templates of the booklet and what happens as flowables land.

The shape follows ReportLab's own manual template (tools/docco/rltemplate.py):
``beforeDocument`` resets the state, ``afterFlowable`` reacts to headings
(anchors call :meth:`BookTemplate.landed` as they are drawn), the page
decoration is drawn at the end of each page. The contents' page numbers are
form XObjects defined here when their heading lands, and references' page
numbers slots filled in here once a page is written and their targets have
landed (:mod:`.page_refs`): a book is laid out once where every label fits
its slot (:func:`.book.write_pdf`).
"""
from dataclasses import dataclass

from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import BaseDocTemplate, Frame, Indenter, LayoutError, PageTemplate
from roman_numerals import RomanNumeral

from helpguide.style import Style, default_style

from ..compat.reportlab import move_frame

from .cover import Cover
from .flowables import Heading, page_number_form
from .fonts import draw_string
from .keeps import Keep
from .page_refs import CALLBACK, Slots
from .styles import StyleSheet


@dataclass(frozen=True)
class Metadata:
    """What the PDF says about itself, and the running head's fallback."""
    title: str
    author: str = ''
    subject: str = ''
    keywords: str = ''
    lang: str = 'en'    # the PDF's /Lang


def frame_size(pagesize, style: Style | None = None) -> tuple[float, float]:
    """Width and height of the text frame on a page of *pagesize*."""
    m = (style or default_style()).margins(pagesize)
    return (pagesize[0] - m['inner'] - m['outer'], pagesize[1] - m['top'] - m['bottom'])


class PrintTemplate(BaseDocTemplate):
    """What the pages of every print product share: the PDF outline built
    from the headings as they land, and a fresh page for a chapter opener
    (the booklet's RectoBreak), on the right-hand side when *two_sided*,
    and for a spread (:class:`~helpguide.pdf.keeps.VersoBreak`) on the left.

    ``outline_level`` the outline's current depth, ``page_used`` whether the
    current page holds anything visible, ``blanks`` pages left empty for a
    right-hand start.
    """

    two_sided = False
    headings = (Heading,)   # flowables that make an outline entry as they land

    def beforeDocument(self):
        # keepWithNext groups, measured as they will be placed (an argument of
        # ReportLab's constructor, which every template would have to pass).
        self.keepTogetherClass = Keep
        self.outline_level = -1
        self.page_used = False
        self.blanks = set()

    def beforePage(self):
        self.page_used = False

    def handle_keepWithNext(self, flowables):
        """As ReportLab's, the flowable kept with being the first that takes
        room: an indent (an Indenter, a block set in) is not a next of its
        own, or a heading above a list or quote stays alone at a page foot."""
        run = 0
        while run < len(flowables) and flowables[run].getKeepWithNext():
            run += 1
        while run and run < len(flowables) and isinstance(flowables[run], Indenter):
            flowables[run].keepWithNext = 1
            run += 1
        super().handle_keepWithNext(flowables)

    def afterFlowable(self, flowable):
        if getattr(flowable, 'height', 0) or getattr(flowable, 'width', 0):
            self.page_used = True
        if isinstance(flowable, self.headings):
            self.heading_landed(flowable)

    def heading_landed(self, heading):
        # The outline may go down one level at a time only.
        level = min(max(heading.level - 1, 0), self.outline_level + 1)
        self.outline_level = level
        # str(): a lazy translation (no catalog registered) is no PDF string.
        self.canv.addOutlineEntry(str(heading.text), heading.key, level=level,
                                  closed=level > 1)

    def handle_recto(self):
        self.fresh_page(odd=True)

    def handle_verso(self):
        """A spread opener (:class:`~helpguide.pdf.keeps.VersoBreak`)."""
        self.fresh_page(odd=False)

    def fresh_page(self, *, odd: bool):
        """Go on at the top of a page; an odd (or even) one when *two_sided*."""
        if self.page_used:
            self.handle_pageBreak()
            self.clean_hanging()
        if self.two_sided and self.page % 2 != odd:
            self.blanks.add(self.page)
            self.handle_pageBreak()
            self.clean_hanging()


class BookTemplate(PrintTemplate):
    """A book: a cover page, then pages with a running head and a folio.

    State kept while laying out (reset in :meth:`beforeDocument`):
    ``body_start`` the physical page where arabic numbering starts,
    ``chapter`` the running head, ``openers`` pages where a chapter starts
    (no running head), ``defined`` keys whose destination exists,
    ``key_pages`` where each landed, ``slots`` the references' page
    numbers to fill in; and :class:`PrintTemplate`'s.
    """

    two_sided = True
    headings = (Heading, Cover)

    def __init__(self, filename, styles: StyleSheet, meta: Metadata, pagesize=LETTER,
                 contents_keys=frozenset(), screen=False):
        page = styles.style['page']
        self.margin = styles.style.margins(pagesize)
        # The screen edition: one page after another, no blank left for a
        # right-hand start, every page laid out as a right-hand one, and the
        # reader opens with the bookmarks shown.
        self.screen = screen
        self.two_sided = not screen
        self.mirrored = page['mirrored'] and not screen
        super().__init__(filename, pagesize=pagesize, title=meta.title,
                         author=meta.author, subject=meta.subject,
                         keywords=meta.keywords, creator='helpguide booklet',
                         invariant=1, initialFontName=styles['body'].fontName,
                         leftMargin=self.margin['inner'],
                         rightMargin=self.margin['outer'], topMargin=self.margin['top'],
                         bottomMargin=self.margin['bottom'], allowSplitting=1)
        self.styles = styles
        self.meta = meta
        self.contents_keys = contents_keys
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                      id='text')
        self.addPageTemplates([
            PageTemplate('cover', [frame]),
            PageTemplate('page', [frame], onPageEnd=self.decorate),
        ])

    def handle_pageBegin(self):
        """With mirrored margins the inner margin is at the spine: on the left
        of right-hand (odd) pages, on the right of left-hand ones."""
        if self.mirrored:
            for frame in self.pageTemplate.frames:
                move_frame(frame, self.frame_left(self.page + 1))
        super().handle_pageBegin()

    def frame_left(self, page: int) -> float:
        """The left margin of *page*: the inner one, or the outer one on a
        left-hand page with mirrored margins."""
        return self.margin['outer' if self.mirrored and page % 2 == 0 else 'inner']

    # -- state ---------------------------------------------------------------
    def beforeDocument(self):
        super().beforeDocument()
        self.body_start = None
        self.chapter = ''
        self.openers = set()
        self.defined = set()
        self.key_pages = {}  # key -> (page, its label) where its destination landed
        self.slots = Slots(self.canv)
        self.canv.setNamedCB(CALLBACK, self.slots.drawn)
        self.canv.setPageCallBack(self.page_written)
        self.canv.addPageLabel(0, 'ROMAN_LOWER')
        if self.screen:
            self.canv.showOutline()  # /PageMode /UseOutlines

    def landed(self, keys):
        """*keys* have their destination on this page: references print it."""
        for key in set(keys) - self.defined:
            self.key_pages[key] = (self.page, self.page_label(self.page))
        self.defined.update(keys)

    def page_written(self, page: int):
        self.slots.fill(page, self.key_pages)

    def heading_landed(self, heading: Heading | Cover):
        self.landed(heading.keys)
        if heading.level <= 1:
            self.chapter = heading.text
            self.openers.add(self.page)
        super().heading_landed(heading)
        if heading.key in self.contents_keys:
            self.define_page_number(heading.key, self.page_label(self.page))

    def define_page_number(self, key, label):
        """The form XObject that prints *label* in the contents' style,
        ending at its origin."""
        st = self.styles['contents2']
        self.canv.beginForm(page_number_form(key), lowerx=-st.fontSize * 6,
                            lowery=-st.fontSize, upperx=0, uppery=st.fontSize * 2)
        text = self.canv.beginText(-self.canv.stringWidth(label, st.fontName, st.fontSize), 0)
        text.setFont(st.fontName, st.fontSize)
        text.setCharSpace(0)  # whatever the page around it uses
        text.setFillColor(st.textColor)
        text.textOut(label)
        self.canv.drawText(text)
        self.canv.endForm()

    def handle_flowable(self, flowables):
        """As ReportLab does; any error names the node being laid out."""
        flowable = flowables[0] if flowables else None
        try:
            super().handle_flowable(flowables)
        except Exception as err:  # whatever ReportLab raises, reported at its node
            if not isinstance(err, LayoutError):
                err = LayoutError(f'{type(err).__name__}: {err}').with_traceback(None)
            err.rst_location = getattr(flowable, 'rst_location', None)
            raise err from None

    # -- actions of the flowables in .flowables -------------------------------
    def handle_leadIn(self):
        self.chapter = self.meta.title

    def handle_bodyStart(self):
        self.body_start = self.page
        self.chapter = self.meta.title
        self.canv.addPageLabel(self.page - 1, 'ARABIC', start=1)

    def handle_resolveLinks(self, keys):
        self.slots.ended = True
        self.slots.fill(self.page - 1, self.key_pages)
        for key in sorted(set(keys) - self.defined):
            self.canv.bookmarkPage(key)
        for key in sorted(self.contents_keys - self.defined):
            self.define_page_number(key, '')

    # -- page decoration ------------------------------------------------------
    def page_label(self, page: int) -> str:
        if self.body_start is not None and page >= self.body_start:
            return str(page - self.body_start + 1)
        return RomanNumeral(page).to_lowercase()  # as PDF page labels print it

    def decorate(self, canv, doc):
        """Running head (not on chapter openers) and folio where the style
        puts them (by default the head at the top and the folio at the
        bottom, on the outer side)."""
        page = self.page
        if page in self.blanks:
            return
        recto = page % 2 == 1 or not self.two_sided
        left = self.frame_left(page)
        right = left + self.width
        head, folio = self.styles['running_head'], self.styles['folio']
        fonts = self.styles.fonts
        where = self.styles.style['page']
        canv.saveState()
        if page not in self.openers and self.chapter and where['running_head'] != 'none':
            edge, x, align = self.place(where['running_head'], recto, left, right)
            y = self.baseline(edge)
            canv.setFillColor(head.textColor)
            draw_string(canv, x, y, self.chapter, head.fontName, head.fontSize, fonts, align)
            # The rule sits between the head and the text.
            rule = y - head.fontSize * 0.6 if edge == 'top' else y + head.fontSize * 1.2
            canv.setStrokeColor(self.styles.colors['rule'])
            canv.setLineWidth(0.5)
            canv.line(left, rule, right, rule)
        if where['folio'] != 'none':
            edge, x, align = self.place(where['folio'], recto, left, right)
            canv.setFillColor(folio.textColor)
            draw_string(canv, x, self.baseline(edge), self.page_label(page), folio.fontName,
                        folio.fontSize, fonts, align)
        canv.restoreState()

    def baseline(self, edge: str) -> float:
        """The baseline of page furniture in the top or bottom margin."""
        if edge == 'top':
            return self.pagesize[1] - self.margin['top'] * 0.55
        return self.margin['bottom'] * 0.5

    @staticmethod
    def place(position: str, recto: bool, left: float, right: float):
        """(edge, x, alignment) of ``top-outer`` and the like on this page."""
        edge, side = position.split('-')
        if side == 'center':
            return edge, (left + right) / 2, 'center'
        at_right = recto == (side == 'outer')
        return edge, (right if at_right else left), ('right' if at_right else 'left')
