"""Which characters a font file can print, and so which a style prints.

A font's character map is read once per file from the raw ``cmap`` table
(fontTools' reader gives the table; decoding it with fontTools names every
glyph, which took a second for the default style's fonts, in every build,
HTML included) and kept as ranges of code points (:class:`CodePoints`): a
font's characters come in runs, and the default style's 14 fonts held as
sets of numbers took 8 MB for the whole build. :func:`unprintable` is the
one rule of what a style cannot print: the source check reports by it, and
the booklet's font fallback (:mod:`helpguide.pdf.fonts`) prints every other
character.
"""
import struct
from array import array
from bisect import bisect_right
from functools import cache, reduce
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError

#: Scripts whose letters change shape with their neighbours or run right to
#: left (Arabic, Hebrew, Syriac, Thaana, N'Ko, the Indic scripts, Myanmar,
#: Khmer, ...): ReportLab neither shapes nor reorders them, so a font having
#: their glyphs would still print them garbled. They count as unprintable.
NEEDS_SHAPING = ((0x0590, 0x08FF), (0x0900, 0x0DFF), (0x0F00, 0x109F), (0x1780, 0x17FF),
                 (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))


def needs_shaping(code: int) -> bool:
    return any(low <= code <= high for low, high in NEEDS_SHAPING)


def _format4(data: bytes, at: int) -> set[int]:
    segments = struct.unpack_from('>H', data, at + 6)[0] // 2
    ends = struct.unpack_from(f'>{segments}H', data, at + 14)
    starts = struct.unpack_from(f'>{segments}H', data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f'>{segments}h', data, at + 16 + 4 * segments)
    offsets_at = at + 16 + 6 * segments
    offsets = struct.unpack_from(f'>{segments}H', data, offsets_at)
    codes = set()
    for i, (start, end, delta, offset) in enumerate(zip(starts, ends, deltas, offsets)):
        for code in range(start, min(end, 0xFFFE) + 1):
            if offset == 0:
                glyph = (code + delta) & 0xFFFF
            else:
                where = offsets_at + 2 * i + offset + 2 * (code - start)
                glyph = struct.unpack_from('>H', data, where)[0]
                glyph = glyph and (glyph + delta) & 0xFFFF
            if glyph:
                codes.add(code)
    return codes


def _format12(data: bytes, at: int) -> set[int]:
    count = struct.unpack_from('>I', data, at + 12)[0]
    codes = set()
    for group in range(count):
        start, end, glyph = struct.unpack_from('>III', data, at + 16 + 12 * group)
        codes.update(range(start + (glyph == 0), end + 1))
    return codes


class CodePoints:
    """A set of code points held as the edges of its ranges: ``edges`` is
    ascending, each range running from an even-numbered edge up to (not
    including) the next, so a code is in the set when an odd number of edges
    are at or below it."""
    __slots__ = ('edges',)

    def __init__(self, codes=(), *, edges=None):
        if edges is None:
            edges = array('I')
            for code in sorted(codes):
                if edges and edges[-1] == code:
                    edges[-1] = code + 1
                else:
                    edges.extend((code, code + 1))
        self.edges = edges

    def __contains__(self, code: int) -> bool:
        return bisect_right(self.edges, code) % 2 == 1

    def __iter__(self):
        for start, end in zip(self.edges[::2], self.edges[1::2]):
            yield from range(start, end)

    def _combine(self, other: 'CodePoints', both: bool) -> 'CodePoints':
        """The intersection (*both*) or union with *other*: whether a code is
        in the result changes only at an edge of either set."""
        edges, inside = array('I'), False
        for edge in sorted({*self.edges, *other.edges}):
            now = (edge in self and edge in other) if both else (edge in self or edge in other)
            if now != inside:
                edges.append(edge)
                inside = now
        return CodePoints(edges=edges)

    def __and__(self, other: 'CodePoints') -> 'CodePoints':
        return self._combine(other, both=True)

    def __or__(self, other: 'CodePoints') -> 'CodePoints':
        return self._combine(other, both=False)


def characters(table: bytes) -> CodePoints:
    """The characters of a raw ``cmap`` table: its Unicode subtable, the full
    repertoire (format 12) where there is one."""
    subtables = {}
    for number in range(struct.unpack_from('>H', table, 2)[0]):
        platform, encoding, offset = struct.unpack_from('>HHI', table, 4 + 8 * number)
        subtables.setdefault(struct.unpack_from('>H', table, offset)[0], []).append(
            (platform, encoding, offset))
    for kind, read in ((12, _format12), (4, _format4)):
        for platform, encoding, offset in subtables.get(kind, ()):
            if platform == 0 or (platform == 3 and encoding in (1, 10)):
                return CodePoints(read(table, offset))
    return CodePoints()


@cache
def _read(path: Path) -> tuple[str | None, CodePoints]:
    """(why ReportLab cannot embed *path*, or None; its character map)."""
    try:
        with TTFont(str(path), lazy=True) as font:
            if 'CFF ' in font or 'CFF2' in font:
                return ('has PostScript (CFF) outlines, and the PDF renderer embeds only '
                        'TrueType outlines', CodePoints())
            if 'glyf' not in font or 'cmap' not in font:
                return 'is not a font file (no glyf or cmap table)', CodePoints()
            return None, characters(font.reader['cmap'])
    except (TTLibError, AssertionError, KeyError, ValueError, struct.error) as err:
        return f'is not a font file ({err})', CodePoints()
    except OSError as err:
        return f'cannot be read: {err.strerror or err}', CodePoints()


def cmap(path: Path) -> CodePoints:
    return _read(Path(path))[1]


def readable(path: Path) -> str | None:
    """None if *path* is a font ReportLab can embed, else why not."""
    return _read(Path(path))[0]


@cache
def printable(style) -> CodePoints:
    """What *style* prints: a character every main face has (each face then
    prints it itself), or one a font of its fallback chain has (the booklet
    prints it in the first such font)."""
    return reduce(CodePoints.__or__, map(cmap, style.fallback),
                  reduce(CodePoints.__and__, map(cmap, style.main_faces())))


def unprintable(text: str, style) -> list[str]:
    """The characters of *text* that *style* would print as boxes (or, where
    they need shaping, garbled), in code point order."""
    if text.isascii():
        return []
    covered = printable(style)
    return sorted({ch for ch in text if ord(ch) >= 32
                   and (ord(ch) not in covered or needs_shaping(ord(ch)))})
