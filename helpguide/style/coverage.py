"""Which characters a font file can print: its character map, read once per
file. The glyph check and the PDF's font fallback ask the same question."""
from functools import cache
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFError, TTFontFile


#: Scripts whose letters change shape with their neighbours or run right to
#: left (Arabic, Hebrew, Syriac, Thaana, N'Ko, the Indic scripts, Myanmar,
#: Khmer, ...): ReportLab neither shapes nor reorders them, so a font having
#: their glyphs would still print them garbled. They count as unprintable.
NEEDS_SHAPING = ((0x0590, 0x08FF), (0x0900, 0x0DFF), (0x0F00, 0x109F), (0x1780, 0x17FF),
                 (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))


def needs_shaping(code: int) -> bool:
    return any(low <= code <= high for low, high in NEEDS_SHAPING)


@cache
def font_file(path: Path) -> TTFontFile:
    """*path* parsed (TTFError if ReportLab cannot embed it: not TrueType
    outlines, or not a font at all)."""
    return TTFontFile(str(path), validate=0)


def cmap(path: Path) -> frozenset[int]:
    return _cmap(Path(path))


@cache
def _cmap(path: Path) -> frozenset[int]:
    return frozenset(font_file(path).charToGlyph)


def readable(path: Path) -> str | None:
    """None if *path* is a font ReportLab can embed, else why not."""
    try:
        font_file(Path(path))
    except TTFError as err:
        return f'cannot be embedded: {err}'
    except OSError as err:
        return f'cannot be read: {err.strerror or err}'
    return None


__all__ = ['TTFError', 'cmap', 'font_file', 'needs_shaping', 'readable']
