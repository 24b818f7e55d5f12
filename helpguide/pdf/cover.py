"""The cover page: logo and brand, title, subtitle, edition and date."""
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from ..compat.reportlab import page_size
from ..locale import _
from .fonts import draw_string
from .paragraphs import Paragraph
from .qr import address_lines, draw_address, draw_code, figure
from .registry import escape
from .styles import StyleSheet
from .tagging import element


@dataclass(frozen=True)
class CoverInfo:
    brand: str
    title: str
    subtitle: str = ''
    edition: str = ''
    date: str = ''
    author: str = ''
    logo: Path | None = None
    online: str = ''    # the guide's start page online: a QR code where the style says


class Cover(Flowable):
    """Fills the cover page's frame. It is also the outline's first entry.

    Tagged as a division holding the logo (a Figure whose alternate text is
    the brand), the brand, the title (the first heading) and the lines below
    it; the band and the rules are artifacts."""

    tag_role = 'Div'
    level = 1
    key = 'cover'
    keys = (key,)

    @property
    def text(self) -> str:
        """The outline's entry, in the build's language."""
        return _('Cover')

    def __init__(self, info: CoverInfo, styles: StyleSheet):
        super().__init__()
        self.info = info
        self.styles = styles

    def wrap(self, aW, aH):
        self.width, self.height = aW, aH
        return aW, aH

    def _para(self, text, style, y_top, role='P'):
        """Draw *text* in *style* with its top at *y_top*; return its bottom."""
        p = Paragraph(escape(text), self.styles[style])
        _, h = p.wrap(self.width, self.height)
        with element(self.canv, role):
            p.drawOn(self.canv, 0, y_top - h)
        return y_top - h

    def draw(self):
        canv, info, base = self.canv, self.info, self.styles.base
        colors, look = self.styles.colors, self.styles.style['cover']
        canv.bookmarkPage(self.key)
        if look['background']:
            self.draw_background(look['background'])
        band = base * look['band_height']
        top = self.height
        canv.saveState()
        canv.setFillColor(self.styles.color(look['band_color']))
        canv.rect(0, top - band, self.width, band, stroke=0, fill=1)
        x_text, x_end = base * 1.5, self.width - base * 1.5
        if info.logo and look['logo'] != 'none':
            img = ImageReader(str(info.logo))
            iw, ih = img.getSize()
            size = band - base * 2
            scale = size / max(iw, ih)
            if look['logo'] == 'left':
                x_logo = base
                x_text = base * 2 + iw * scale
            else:
                x_logo = self.width - base - iw * scale
                x_end = x_logo - base
            with element(canv, 'Figure', alt=info.brand):
                canv.drawImage(img, x_logo, top - band + base, iw * scale, ih * scale,
                               mask='auto')
        self.draw_brand(x_text, x_end - x_text, top - band / 2, band - base)
        canv.restoreState()

        y = self._para(info.title, 'cover_title', top - band - self.height * 0.18, 'H1')
        if info.subtitle:
            y = self._para(info.subtitle, 'cover_subtitle', y - base)
        canv.setStrokeColor(colors['accent'])
        canv.setLineWidth(2)
        canv.line(0, y - base * 1.5, base * 6, y - base * 1.5)

        meta = ' · '.join(part for part in (
            info.edition and _('Edition %(edition)s') % {'edition': info.edition}, info.date)
            if part)
        lines = [meta, info.author]
        canv.setStrokeColor(colors['rule'])
        canv.setLineWidth(0.5)
        canv.line(0, base * 4.5, self.width, base * 4.5)
        if info.online and look['qr_code'] != 'none':
            self.draw_online(look, base * 5.2)
        y = base * 3.8
        for line in filter(None, lines):
            y = self._para(line, 'cover_meta', y)

    def draw_brand(self, x: float, room: float, middle: float, height: float):
        """The brand on one line in the band, smaller if it is too long (down to
        the body size), wrapped to the band's width if it is longer still."""
        canv, brand, base = self.canv, self.styles['cover_brand'], self.styles.base
        size = brand.fontSize
        width = stringWidth(self.info.brand, brand.fontName, size)
        if width > room:
            size = max(base, size * room / width)
        canv.setFillColor(brand.textColor)
        with element(canv, 'P'):
            if stringWidth(self.info.brand, brand.fontName, size) <= room:
                draw_string(canv, x, middle - size * 0.35, self.info.brand, brand.fontName,
                            size, self.styles.fonts)
                return
            style = ParagraphStyle('cover_brand_wrapped', parent=brand, fontSize=size,
                                   leading=size * 1.15)
            para = Paragraph(escape(self.info.brand), style)
            _, h = para.wrap(room, height)
            para.drawOn(canv, x, middle - min(h, height) / 2)

    def draw_online(self, look, bottom: float):
        """The QR code of the guide's start page online and its address
        under it, at the right or left of the page, on *bottom*."""
        canv, base, address = self.canv, self.styles.base, self.info.online
        side, size = base * look['qr_size'], base * look['qr_label_size']
        right = look['qr_code'] == 'bottom-right'
        room = self.width * 0.6
        lines = len(address_lines(address, self.styles['running_head'].fontName, size, room,
                                  self.styles))
        y = bottom + lines * size * 1.2 + size * 0.4
        with figure(canv, address):
            draw_code(canv, address, self.width - side if right else 0, y, side,
                      self.styles.color(look['qr_color']), self.styles['body'].fontName)
            draw_address(canv, address, self.width if right else 0, y, room, self.styles,
                         size=size, color=self.styles['running_head'].textColor,
                         align='right' if right else 'left')

    def draw_background(self, path):
        """The style's image over the whole page, under everything else."""
        canv = self.canv
        x, y = canv.absolutePosition(0, 0)  # the frame's corner on the page
        width, height = page_size(canv)
        canv.drawImage(ImageReader(str(path)), -x, -y, width, height, mask='auto')
