"""A QR code to a page online, drawn as vectors by ReportLab's own QR widget
and labelled with its address, as one Figure whose alternate text names
the address (helpguide.online gives the addresses)."""
import re

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import white
from reportlab.platypus import Flowable

from ..locale import _
from .fonts import draw_string, string_width
from .styles import StyleSheet
from .tagging import Element, element
from .tagging.tree import tag_flowable

#: White modules round the code; the standard's four, inside the square
#: drawn, so the code reads on a coloured band too.
QUIET = 4
#: Where an address may break over lines: after these.
BREAKS = re.compile(r'(?<=[/?&=])')


def alt_text(address: str) -> str:
    return _('QR code: %(address)s') % {'address': address}


def draw_code(canv, address: str, x: float, y: float, side: float, color, font: str) -> None:
    """The code of *address* on a white square of *side* (quiet zone
    included) with its lower left corner at (*x*, *y*). A drawing sets a
    font, which draws nothing here: *font*, an embedded one, not
    ReportLab's default Helvetica, which no PDF/A may name unembedded."""
    canv.saveState()
    canv.setFillColor(white)
    canv.rect(x, y, side, side, stroke=0, fill=1)
    code = QrCodeWidget(address, barLevel='M', barBorder=QUIET, barWidth=side,
                        barHeight=side, barFillColor=color)
    drawing = Drawing(side, side, initialFontName=font)
    drawing.add(code)
    renderPDF.draw(drawing, canv, x, y)
    canv.restoreState()


def address_lines(address: str, font: str, size: float, room: float, styles: StyleSheet):
    """*address* in lines no wider than *room*, broken after / ? & =."""
    lines = ['']
    for part in BREAKS.split(address):
        if lines[-1] and string_width(lines[-1] + part, font, size, styles.fonts) > room:
            lines.append('')
        lines[-1] += part
    return lines


def draw_address(canv, address: str, x: float, top: float, room: float, styles: StyleSheet,
                 *, size: float, color, align: str = 'right') -> float:
    """*address* in lines of the URL style at *size*, the first line's top
    at *top*, aligned on *x*; return the bottom of the last line."""
    font = styles['running_head'].fontName
    canv.setFillColor(color)
    y = top
    for line in address_lines(address, font, size, room, styles):
        y -= size * 1.2
        draw_string(canv, x, y + size * 0.25, line, font, size, styles.fonts, align)
    return y


class PlacedFigure(Flowable):
    """A figure drawn where the page says, not in the text's flow: it takes
    no room, and *draw* (``draw(canvas)``) works in page coordinates. In
    the story it is a Figure of the structure tree, with *alt* text."""

    def __init__(self, draw, alt: str):
        super().__init__()
        self.draw_on_page = draw
        self.width = self.height = 0
        tag_flowable(self, Element('Figure', alt=alt))

    def wrap(self, aW, aH):
        return 0, 0

    def draw(self):
        canv = self.canv
        x, y = canv.absolutePosition(0, 0)
        canv.saveState()
        canv.translate(-x, -y)
        self.draw_on_page(canv)
        canv.restoreState()


def figure(canv, address: str):
    """The Figure element the cover draws its code and address in."""
    return element(canv, 'Figure', alt=alt_text(address))
