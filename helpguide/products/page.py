"""The page of a single-sheet product (a handout, the fillable checklist):
a brand band at the top, the guide's title and edition in the footer.

Like the booklet's templates it only decides where things go; every font
and colour comes from the booklet's :class:`~helpguide.pdf.styles.StyleSheet`.
"""
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reportlab.platypus import Flowable, Frame, LayoutError, PageTemplate
from sphinx.errors import SphinxError

from helpguide.pdf.fonts import draw_string, fit_string, string_width
from helpguide.pdf.qr import PlacedFigure, alt_text, draw_address, draw_code
from helpguide.pdf.styles import StyleSheet
from helpguide.pdf.tagging import Document, finish, lay_out_tagged, pdf_language
from helpguide.pdf.templates import PrintTemplate
from helpguide.settings import setting

from ..atomic import replacing
from ..locale import _


@dataclass(frozen=True)
class Furniture:
    """What the band and footer of every page say."""
    brand: str
    product: str        # at the right of the band: "Handout", "Support checklist"
    footer: str         # at the left of the footer: title and edition
    title: str          # the PDF's document title
    author: str = ''
    subject: str = ''
    lang: str = 'en'    # the PDF's /Lang
    heading: str = ''   # what the sheet is about ("Eudora 5.x (Windows)"): on
                        # every page of a sheet that runs to more than one
    online: str = ''    # the address of the sheet's page online: a QR code in the band

    @classmethod
    def from_config(cls, config, product: str, heading: str, online: str = '') -> 'Furniture':
        """The guide's brand, title and edition; *heading* leads the PDF's title."""
        brand = setting(config, 'guide_brand', setting(config, 'project'))
        title = setting(config, 'guide_title', setting(config, 'project', 'Untitled'))
        edition = setting(config, 'guide_edition', setting(config, 'release'))
        return cls(brand=brand, product=product,
                   footer=_('%(title)s · Edition %(edition)s') % {
                       'title': title, 'edition': edition} if edition else title,
                   title=_('%(heading)s: %(title)s') % {'heading': heading, 'title': title},
                   author=setting(config, 'guide_author', brand), subject=title,
                   lang=pdf_language(config.language), heading=heading, online=online)


@dataclass(frozen=True)
class Margins:
    """Where things sit on a sheet product's page.

    Nothing is printed within *edge* of the paper's edges, where office
    printers cannot print: the band is inset, not bled off the page.
    """
    edge: float         # blank border all round
    side: float         # left and right margins of the text (and the band)
    top: float          # frame top, below the band
    bottom: float       # frame bottom, above the footer
    band: float         # height of the brand band
    code: float = 0     # side of the QR code at the band's right end (0: none)

    @classmethod
    def of(cls, pagesize, styles: StyleSheet, *, online: str = '') -> 'Margins':
        """The margins of a sheet; one whose page is *online* has the style's
        QR code in its band, which grows to hold it."""
        edge = min(pagesize) * 0.05
        look = styles.style['handout']
        band = styles.base * look['band_height']
        code = styles.base * look['qr_size'] if online and look['qr_code'] != 'none' else 0
        band = max(band, code + styles.base * 0.8)
        return cls(edge=edge, side=min(pagesize) * 0.09, top=edge + band + styles.base * 1.6,
                   bottom=edge + styles.base * 3, band=band, code=code)

    def code_box(self, pagesize) -> tuple[float, float]:
        """The lower left corner of the QR code, centred in the band's height
        and as far from the band's right end."""
        width, height = pagesize
        pad = (self.band - self.code) / 2
        return width - self.side - pad - self.code, height - self.edge - self.band + pad

    def frame_size(self, pagesize) -> tuple[float, float]:
        width, height = pagesize
        return width - 2 * self.side, height - self.top - self.bottom


class SheetTemplate(PrintTemplate):
    """One page template: band, frame, footer with the page number; on a
    sheet of *pages* pages (more than one), "Page 1 of 2" and what the sheet
    is about, so a page that comes loose still says whose it is."""

    def __init__(self, filename, styles: StyleSheet, furniture: Furniture, pagesize,
                 pages: int = 1):
        margins = Margins.of(pagesize, styles, online=furniture.online)
        self.margins = margins
        super().__init__(filename, pagesize=pagesize, title=furniture.title,
                         author=furniture.author, subject=furniture.subject,
                         creator='helpguide', invariant=1,
                         initialFontName=styles['body'].fontName,
                         leftMargin=margins.side, rightMargin=margins.side,
                         topMargin=margins.top, bottomMargin=margins.bottom)
        self.styles = styles
        self.furniture = furniture
        self.pages = pages
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id='text')
        self.addPageTemplates([PageTemplate('sheet', [frame], onPage=self.decorate)])

    def decorate(self, canv, doc):
        width, height = self.pagesize
        m, base = self.margins, self.styles.base
        left, right = self.leftMargin, self.leftMargin + self.width
        styles, colors = self.styles, self.styles.colors
        brand, product = styles['cover_brand'], styles['running_head']
        look, fonts = styles.style['handout'], styles.fonts
        canv.saveState()
        canv.setFillColor(styles.color(look['band_color']))
        band_bottom = height - m.edge - m.band
        canv.rect(left, band_bottom, right - left, m.band, stroke=0, fill=1)
        baseline = band_bottom + m.band / 2 - brand.fontSize * 0.35
        canv.setFillColor(styles.color(look['text_color']))
        draw_string(canv, left + base, baseline, self.furniture.brand, brand.fontName,
                    brand.fontSize, fonts)
        if m.code:  # the product and the address (PlacedFigure) left of the code
            draw_string(canv, self.code_text_right(), self.product_baseline(),
                        self.furniture.product, product.fontName, product.fontSize * 1.1,
                        fonts, 'right')
        else:
            draw_string(canv, right - base, baseline, self.furniture.product,
                        product.fontName, product.fontSize * 1.1, fonts, 'right')

        footer, folio = styles['running_head'], styles['folio']
        text = m.edge + footer.fontSize * 0.5
        rule = text + footer.fontSize * 1.6
        canv.setStrokeColor(colors['rule'])
        canv.setLineWidth(0.5)
        canv.line(left, rule, right, rule)
        page_folio = self.folio(doc.page)
        room = right - left - base - string_width(page_folio, folio.fontName, folio.fontSize,
                                                  fonts)
        canv.setFillColor(footer.textColor)
        draw_string(canv, left, text, fit_string(self.furniture.footer, footer.fontName,
                                                 footer.fontSize, fonts, room),
                    footer.fontName, footer.fontSize, fonts)
        canv.setFillColor(folio.textColor)
        draw_string(canv, right, text, page_folio, folio.fontName, folio.fontSize,
                    fonts, 'right')
        canv.restoreState()

    def product_baseline(self) -> float:
        """With a QR code: the product's name at the top of the band."""
        m, size = self.margins, self.styles['running_head'].fontSize * 1.1
        return self.pagesize[1] - m.edge - (m.band - m.code) / 2 - size

    def code_text_right(self) -> float:
        return self.margins.code_box(self.pagesize)[0] - self.styles.base * 0.8

    def online_figure(self) -> PlacedFigure:
        """The QR code of the sheet's page online in the band, its address
        under the product's name, as one Figure of the story."""
        address, styles = self.furniture.online, self.styles
        x, y = self.margins.code_box(self.pagesize)
        brand = styles['cover_brand']
        brand_end = self.leftMargin + styles.base * 2 + string_width(
            self.furniture.brand, brand.fontName, brand.fontSize, styles.fonts)
        right = self.code_text_right()
        look = styles.style['handout']

        def draw(canv):
            draw_code(canv, address, x, y, self.margins.code, styles.color(look['qr_color']),
                      styles['body'].fontName)
            draw_address(canv, address, right,
                         self.product_baseline() - styles['running_head'].fontSize * 0.4,
                         right - brand_end, styles, size=styles.base * look['qr_label_size'],
                         color=styles.color(look['text_color']))
        return PlacedFigure(draw, alt_text(address))

    def folio(self, page: int) -> str:
        if self.pages == 1:
            return _('Page %(page)d') % {'page': page}
        folio = _('Page %(page)d of %(pages)d') % {'page': page, 'pages': self.pages}
        if not self.furniture.heading:
            return folio
        return _('%(heading)s · %(folio)s') % {'heading': self.furniture.heading, 'folio': folio}


def with_code(doc: SheetTemplate, story: list[Flowable]) -> list[Flowable]:
    """*story*, led by the QR code of the sheet's page online if it has one."""
    return [doc.online_figure(), *story] if doc.margins.code else story


def write_sheets(target, story: Callable[[], list[Flowable]], styles: StyleSheet,
                 furniture: Furniture, pagesize, *, location: str) -> int:
    """Lay the flowables *story* makes out into the PDF *target*; return its
    page count. A sheet of more than one page is laid out again, fresh (a
    story is used up by its layout), now knowing its count for the folios;
    only the layout kept is written.

    The file is replaced only once complete, with blank form fields naming
    no font. A story that cannot be laid out (a flowable larger than the
    page) stops the build with *location* (``file:line``) in the message.
    """
    with replacing(target) as partial:
        try:
            doc = SheetTemplate(str(partial), styles, furniture, pagesize)
            root = lay_out_tagged(doc, with_code(doc, story()))
            if doc.page > 1:
                doc = SheetTemplate(str(partial), styles, furniture, pagesize, pages=doc.page)
                root = lay_out_tagged(doc, with_code(doc, story()))
        except LayoutError as err:
            raise SphinxError(f'{location}: cannot lay out {Path(target).name}: {err}; '
                              'the last good file is kept') from None
        finish(doc.canv, root, Document(lang=furniture.lang))
    return doc.page
