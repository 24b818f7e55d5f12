"""The booklet's TrueType fonts, registered once with ReportLab.

Only embedded TrueType fonts are used (never the standard 14), so every
character the sources contain prints as itself. Each family is registered
with its bold and italic faces so Paragraph markup ``<b>``/``<i>`` works.
"""
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[1] / 'fonts'

#: family name -> (regular, bold, italic, bold italic) font files; a face
#: the family lacks (DejaVu Sans Mono has no italic we ship) is None and
#: falls back to the upright face of the same weight.
FAMILIES = {
    'serif': ('DejaVuSerif', 'DejaVuSerif-Bold', 'DejaVuSerif-Italic',
              'DejaVuSerif-BoldItalic'),
    'sans': ('DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique',
             'DejaVuSans-BoldOblique'),
    'mono': ('DejaVuSansMono', 'DejaVuSansMono-Bold', None, None),
}
FACES = ('', '-Bold', '-Italic', '-BoldItalic')


def face(family: str, bold: bool = False, italic: bool = False) -> str:
    """The ReportLab font name of one face of a family."""
    index = bold + 2 * italic
    if FAMILIES[family][index] is None:
        index = int(bold)
    return family + FACES[index]


@cache
def _register(name: str, stem: str) -> TTFont:
    """Register one face; each file is parsed once, which is the costly part."""
    font = TTFont(name, FONT_DIR / f'{stem}.ttf')
    pdfmetrics.registerFont(font)
    return font


@cache
def register_fonts() -> None:
    """Register every family; idempotent, and cheap after the first call."""
    for family, files in FAMILIES.items():
        for suffix, stem in zip(FACES, files, strict=True):
            if stem is not None:
                _register(family + suffix, stem)
        pdfmetrics.registerFontFamily(
            family, normal=family, bold=face(family, bold=True),
            italic=face(family, italic=True),
            boldItalic=face(family, bold=True, italic=True))


def regular_face(family: str = 'serif') -> TTFont:
    """The family's regular face, registered alone (a source check needs no more)."""
    return _register(family, FAMILIES[family][0])


def missing_glyphs(text: str, family: str = 'serif') -> list[str]:
    """Characters of *text* that the family's regular face cannot print."""
    cmap = regular_face(family).face.charToGlyph
    return sorted({ch for ch in text if ord(ch) >= 32 and ord(ch) not in cmap})
