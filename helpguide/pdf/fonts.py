"""The style's TrueType fonts, registered with ReportLab, and font fallback.

Only embedded TrueType fonts are used (never the standard 14), so every
character the sources contain prints as itself. Each role of the style
(body, heading, mono) is registered as a family with its bold and italic
faces so Paragraph markup ``<b>``/``<i>`` works. A face is registered by
name, and its file read only when the book first sets text in it: the real
guide and the benchmark's book use 5 of the default style's 10 faces, and
ReportLab keeps each face it reads whole (23 MB for the ten). Where a face
has no glyph for a character, the first font of the style's fallback chain
that has one prints it (:func:`with_fallback`, applied where Paragraph
markup becomes fragments, and :func:`draw_string` for the page furniture).
"""
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics

from helpguide.compat.reportlab import UnreadTTFont, register_unread
from helpguide.style import Style, default_style
from helpguide.style.coverage import cmap

#: font file -> the name ReportLab knows it by
_NAMES: dict[Path, str] = {}


def font_name(path: Path) -> str:
    """Register *path* (once) under a name made from its file name; its file
    is read when the name is first used."""
    path = Path(path)
    if path not in _NAMES:
        name, taken = path.stem, set(_NAMES.values())
        number = 1
        while name in taken:
            number += 1
            name = f'{path.stem}-{number}'
        register_unread(UnreadTTFont(name, str(path)))
        _NAMES[path] = name
    return _NAMES[path]


@cache
def glyphs(name: str) -> dict[int, int]:
    """The character map of a registered font."""
    return pdfmetrics.getFont(name).face.charToGlyph


@dataclass(frozen=True)
class Fonts:
    """The registered faces of a style: ``families[role]`` is (regular, bold,
    italic, bold italic) font names; ``chain`` the fallback's font files,
    each registered with ReportLab only once a character needs it (the CJK
    and emoji fonts are large)."""
    families: dict
    chain: tuple[Path, ...]

    def face(self, role: str, bold: bool = False, italic: bool = False) -> str:
        return self.families[role][bold + 2 * italic]

    def fallback_for(self, code: int) -> str | None:
        for path in self.chain:
            if code in cmap(path):
                return font_name(path)
        return None

    def runs(self, text: str, name: str) -> list[tuple[str, str]]:
        """*text* cut into (text, font name) runs: each character in *name*
        where it has a glyph, else in the first font of the chain that has
        one (else in *name*: it prints a box, which the glyph check reported
        by the same rule, :func:`helpguide.style.coverage.unprintable`)."""
        text = str(text)  # a lazy translation, say
        if text.isascii():
            return [(text, name)]
        own = glyphs(name)
        runs: list[tuple[str, str]] = []
        for ch in text:
            code = ord(ch)
            font = name if code in own or code < 32 else (self.fallback_for(code) or name)
            if runs and runs[-1][1] == font:
                runs[-1] = (runs[-1][0] + ch, font)
            else:
                runs.append((ch, font))
        return runs


def register_fonts(style: Style | None = None) -> Fonts:
    """Register the style's faces and chain; cheap after the first call."""
    return _register(style or default_style())


@cache
def _register(style: Style) -> Fonts:
    families = {}
    for role in ('body', 'heading', 'mono'):
        names = tuple(font_name(path) for path in style.family(role))
        families[role] = names
        family = names[0]
        # The regular face last: ReportLab maps a face name back to the one
        # family slot it was given last, and <b> in a regular run starts there.
        for (bold, italic), name in reversed(list(zip(((0, 0), (1, 0), (0, 1), (1, 1)),
                                                     names, strict=True))):
            addMapping(family, bold, italic, name)
    return Fonts(families, tuple(dict.fromkeys(style.fallback)))


def with_fallback(frags: list, fonts: Fonts) -> list:
    """Paragraph fragments cut where a character needs a fallback font."""
    out = []
    for frag in frags:
        text = getattr(frag, 'text', '')
        if not text or text.isascii() or getattr(frag, 'cbDefn', None) is not None:
            out.append(frag)
            continue
        runs = fonts.runs(text, frag.fontName)
        if len(runs) == 1 and runs[0][1] == frag.fontName:
            out.append(frag)
        else:
            out.extend(frag.clone(text=part, fontName=font) for part, font in runs)
    return out


def string_width(text: str, name: str, size: float, fonts: Fonts) -> float:
    return sum(pdfmetrics.stringWidth(part, font, size) for part, font in fonts.runs(text, name))


def fit_string(text: str, name: str, size: float, fonts: Fonts, room: float) -> str:
    """*text*, or as many of its words as fit in *room* followed by '…'
    ('' when not even one does): a line of page furniture never runs into
    its neighbour."""
    if string_width(text, name, size, fonts) <= room:
        return text
    words = text.split()
    while words:
        words.pop()
        shortened = ' '.join(words).rstrip(' ·,:;') + '…'
        if words and string_width(shortened, name, size, fonts) <= room:
            return shortened
    return ''


def draw_string(canv, x: float, y: float, text: str, name: str, size: float, fonts: Fonts,
                align: str = 'left') -> None:
    """``canv.drawString`` with the fallback chain; *align* left, right or centre on *x*."""
    width = string_width(text, name, size, fonts)
    x -= {'left': 0, 'right': width, 'center': width / 2}[align]
    for part, font in fonts.runs(text, name):
        canv.setFont(font, size)
        canv.drawString(x, y, part)
        x += pdfmetrics.stringWidth(part, font, size)
