"""SVG images as vector drawings (svglib), with nothing active or external.

Before svglib sees an SVG, what could run or reach outside the file is cut
from it: scripts, ``foreignObject``, event attributes (``onload``...), style
sheets that import, and every reference that is not to a part of the same
file (``#id``) or an embedded ``data:image/...``: an ``<image>`` or ``<use>``
of another file or URL is dropped. The drawing's size is the one a browser
gives the file (CSS pixels at 96 to the inch, as svglib reads them).
"""
import re

from lxml import etree
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable
from svglib.svglib import SvgRenderer

XLINK = '{http://www.w3.org/1999/xlink}href'
#: Elements that run code, hold other documents or load style sheets.
ACTIVE = {'script', 'foreignObject', 'iframe', 'handler', 'listener'}
_IMPORT = re.compile(r'@import|url\(\s*["\']?\s*(?!#)', re.IGNORECASE)


class SvgError(Exception):
    """The file is not an SVG that can be drawn."""


def local_name(element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ''


def inside(reference: str) -> bool:
    """A reference to a part of this file, or an image embedded in it."""
    return reference.startswith('#') or reference.lower().startswith('data:image/')


def sanitize(root) -> None:
    """Remove from *root*, in place, what could run or load anything."""
    for element in list(root.iter()):
        if not isinstance(element.tag, str):  # comments, processing instructions
            element.getparent().remove(element)
            continue
        name = local_name(element)
        references = [element.get(key) for key in ('href', XLINK) if element.get(key)]
        if (name in ACTIVE or not all(inside(r) for r in references)
                or name == 'style' and _IMPORT.search(element.text or '')):
            if element.getparent() is not None:
                element.getparent().remove(element)
            continue
        for key in list(element.attrib):
            lower = key.lower()
            if lower.startswith('on') or (lower == 'style' and _IMPORT.search(element.get(key))):
                del element.attrib[key]


def embedded_text(group, font: str) -> None:
    """Set the drawing's text in *font*: svglib names PDF's standard fonts,
    which are not embedded (and lack most of Unicode)."""
    if getattr(group, 'fontName', None) is not None:
        group.fontName = font
    for item in getattr(group, 'contents', ()):
        embedded_text(item, font)


def svg_drawing(path, font: str) -> Drawing:
    """The SVG file at *path* as a drawing, sanitized, its text in *font*;
    SvgError if it is not one."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             remove_comments=True, huge_tree=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as err:
        raise SvgError(f'is not a readable SVG file: {err}') from None
    if local_name(root) != 'svg':
        raise SvgError(f'is not an SVG file (its root is <{local_name(root)}>)')
    sanitize(root)
    try:
        drawing = SvgRenderer(str(path)).render(root)
    except Exception as err:  # svglib on an odd file: the image prints as its description
        raise SvgError(f'cannot be drawn: {type(err).__name__}: {err}') from None
    if not drawing or not drawing.width or not drawing.height:
        raise SvgError('has no size (no width, height or viewBox)')
    embedded_text(drawing, font)
    drawing.initialFontName = font  # ReportLab starts a drawing in Helvetica otherwise
    return drawing


class SvgFlowable(Flowable):
    """A drawing at *width* x *height* points, placed like an image (a Drawing
    itself takes no spacing or alignment: its attributes are checked)."""

    def __init__(self, drawing: Drawing, width: float, height: float):
        super().__init__()
        drawing.scale(width / drawing.width, height / drawing.height)
        drawing.width, drawing.height = width, height
        self.drawing, self.width, self.height = drawing, width, height

    def wrap(self, aW, aH):
        return self.width, self.height

    def draw(self):
        self.drawing.drawOn(self.canv, 0, 0)
