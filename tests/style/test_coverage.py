"""A font's characters are kept as ranges of code points: the same
characters the font's cmap maps to a glyph, for a fraction of the memory."""
from fontTools.ttLib import TTFont
from hypothesis import given, strategies as st

from helpguide.style import default_style
from helpguide.style.coverage import CodePoints, cmap, printable

codes = st.sets(st.integers(0, 300))


@given(codes, codes)
def test_code_points_are_the_set_they_were_made_of(first, second):
    a, b = CodePoints(first), CodePoints(second)
    both, either = a & b, a | b  # made once, not once per code point asked
    for code in range(-1, 302):
        assert (code in a) == (code in first)
        assert (code in both) == (code in first & second)
        assert (code in either) == (code in first | second)
    assert set(a) == first


def glyph_of(font: TTFont) -> dict[int, str]:
    """fontTools' own reading of the font's Unicode cmap (the one
    ReportLab embeds glyphs by)."""
    return {code: name for code, name in font.getBestCmap().items()
            if font.getGlyphID(name) != 0}


def test_each_font_of_the_default_style_covers_what_its_cmap_maps():
    style = default_style()
    for path in dict.fromkeys([*style.main_faces(), *style.fallback]):
        with TTFont(str(path)) as font:
            expected = set(glyph_of(font))
        assert set(cmap(path)) == expected, path.name


def test_a_style_prints_what_every_main_face_or_any_fallback_has():
    style = default_style()
    faces = [set(cmap(path)) for path in style.main_faces()]
    expected = set.intersection(*faces).union(*(set(cmap(path)) for path in style.fallback))
    covered = printable(style)
    assert set(covered) == expected
    assert ord('✓') in covered and ord('ไ') in covered and 0x1230 not in covered
