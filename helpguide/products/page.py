"""The page of a single-sheet product (a handout, the fillable checklist):
a brand band at the top, the guide's title and edition in the footer.

Like the booklet's templates it only decides where things go; every font
and colour comes from the booklet's :class:`~helpguide.pdf.styles.StyleSheet`.
"""
from dataclasses import dataclass

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from helpguide.pdf.styles import StyleSheet


@dataclass(frozen=True)
class Furniture:
    """What the band and footer of every page say."""
    brand: str
    product: str        # at the right of the band: "Handout", "Support checklist"
    footer: str         # at the left of the footer: title and edition
    title: str          # the PDF's document title
    author: str = ''
    subject: str = ''


class SheetTemplate(BaseDocTemplate):
    """One page template: band, frame, footer with the page number."""

    def __init__(self, filename, styles: StyleSheet, furniture: Furniture, pagesize):
        width, height = pagesize
        margin = min(width, height) * 0.09
        self.band = styles.base * 3.2
        super().__init__(filename, pagesize=pagesize, title=furniture.title,
                         author=furniture.author, subject=furniture.subject,
                         creator='helpguide', invariant=1,
                         initialFontName=styles['body'].fontName,
                         leftMargin=margin, rightMargin=margin,
                         topMargin=self.band + margin * 0.7, bottomMargin=margin * 1.1)
        self.styles = styles
        self.furniture = furniture
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id='text')
        self.addPageTemplates([PageTemplate('sheet', [frame], onPage=self.decorate)])

    def decorate(self, canv, doc):
        width, height = self.pagesize
        left, right = self.leftMargin, self.leftMargin + self.width
        styles, colors = self.styles, self.styles.colors
        brand, product = styles['cover_brand'], styles['running_head']
        canv.saveState()
        canv.setFillColor(colors['accent'])
        canv.rect(0, height - self.band, width, self.band, stroke=0, fill=1)
        baseline = height - self.band / 2 - brand.fontSize * 0.35
        canv.setFillColor(brand.textColor)
        canv.setFont(brand.fontName, brand.fontSize)
        canv.drawString(left, baseline, self.furniture.brand)
        canv.setFont(product.fontName, product.fontSize * 1.1)
        canv.drawRightString(right, baseline, self.furniture.product)

        footer, folio = styles['running_head'], styles['folio']
        rule = self.bottomMargin * 0.55
        canv.setStrokeColor(colors['rule'])
        canv.setLineWidth(0.5)
        canv.line(left, rule, right, rule)
        text = rule - footer.fontSize * 1.4
        canv.setFillColor(footer.textColor)
        canv.setFont(footer.fontName, footer.fontSize)
        canv.drawString(left, text, self.furniture.footer)
        canv.setFillColor(folio.textColor)
        canv.setFont(folio.fontName, folio.fontSize)
        canv.drawRightString(right, text, f'Page {doc.page}')
        canv.restoreState()
