"""Reading a style sheet: every mistake named by file and line, the default
style complete, sizes and lengths read as a printer means them."""
from pathlib import Path

import pytest

from helpguide.style import default_style, load_style
from helpguide.style.paper import length, page_size
from helpguide.style.sheet import system_font
from styled_guide import TEST_STYLE


def problems_of(tmp_path, text: str) -> list[str]:
    path = tmp_path / 'style.toml'
    path.write_text(text, encoding='utf-8')
    style, problems = load_style(path)
    if problems:
        assert style is default_style()  # the build goes on with it, to report more
    return [str(problem).replace(str(tmp_path) + '/', '') for problem in problems]


def test_the_default_style_has_every_key_and_no_problem():
    style = default_style()
    assert style['page']['size'] == 'paper' and style['colors']['brand'] == '#1F4E79'
    assert [path.name for path in style.family('body')] == [
        'DejaVuSerif.ttf', 'DejaVuSerif-Bold.ttf', 'DejaVuSerif-Italic.ttf',
        'DejaVuSerif-BoldItalic.ttf']
    # DejaVu Sans Mono has no italic we ship: the upright faces stand in.
    assert [path.name for path in style.family('mono')] == [
        'DejaVuSansMono.ttf', 'DejaVuSansMono-Bold.ttf', 'DejaVuSansMono.ttf',
        'DejaVuSansMono-Bold.ttf']
    assert [path.name for path in style['fonts']['fallback']] == [
        'DejaVuSans.ttf', 'NotoSansThai-Regular.ttf', 'NotoSansSymbols2-Regular.ttf']


def test_the_test_style_reads_without_problems():
    style, problems = load_style(TEST_STYLE / 'style.toml')
    assert problems == []
    assert style['colors']['brand'] == '#7A1F3D'
    assert style['colors']['muted'] == '#5A6470'  # not set: the default's
    assert style.page_size('letter') == pytest.approx((432, 648))
    assert style.margins((432, 648)) == pytest.approx(
        {'inner': 63, 'outer': 36, 'top': 46.8, 'bottom': 50.4})


@pytest.mark.parametrize('text, expected', [
    ('[colors]\nbrand = "#123456"\nbrnad = "#000000"\n',
     "style.toml:3: error: unknown key 'brnad' in [colors]: keys are brand, accent,"),
    ('[colours]\nbrand = "#123456"\n',
     'style.toml:1: error: unknown section [colours]: sections are [fonts], [text],'),
    ('[colors]\n\n\nlink = "blue"\n',
     "style.toml:4: error: [colors] link: 'blue' is not a colour: write it as #RRGGBB or #RGB"),
    ('[text]\nsize = "big"\n', "style.toml:2: error: [text] size: 'big' is not a number"),
    ('[text]\nsize = 0\n', 'style.toml:2: error: [text] size: 0 is outside 4 to 72'),
    ('[text]\nmenu_arrow = "then"\n',
     "style.toml:2: error: [text] menu_arrow: 'then' is not a mark of one to three"),
    ('[headings]\nsizes = [20, 14]\n',
     'style.toml:2: error: [headings] sizes: give four sizes in points, for heading levels'),
    ('[page]\nsize = "tabloid"\n',
     "style.toml:2: error: [page] size: 'tabloid' is not a paper size: give one of letter,"),
    ('[page]\ninner = "2 furlongs"\n',
     "style.toml:2: error: [page] inner: '2 furlongs' is not a length"),
    ('[page]\nfolio = "middle"\n', "style.toml:2: error: [page] folio: 'middle' is not one of"),
    ('[cover]\ntitle_color = "brandy"\n',
     "style.toml:2: error: [cover] title_color: 'brandy' is neither a colour (#RRGGBB) nor "
     'a name in [colors]'),
    ('[fonts]\n# the body\nbody = { regular = "Nowhere-Regular.ttf" }\n',
     'style.toml:3: error: [fonts] body: font file not found: Nowhere-Regular.ttf (looked '
     "beside the style, in the engine's fonts and in /usr/share/fonts"),
    ('[fonts]\nmono = { regular = "DejaVuSansMono.ttf", oblique = "x.ttf" }\n',
     "style.toml:2: error: [fonts] mono: unknown face 'oblique': faces are regular, bold,"),
    ('[fonts]\nfallback = ["NotoSansThai-Regular.ttf", "Gone.ttf"]\n',
     'style.toml:2: error: [fonts] fallback: font file not found: Gone.ttf'),
    ('[page]\nsize = "6x9in"\nmirrored = yes\n', 'style.toml:3: error: not valid TOML: '),
])
def test_each_mistake_is_named_by_file_and_line(tmp_path, text, expected):
    problems = problems_of(tmp_path, text)
    assert len(problems) == 1 and problems[0].startswith(expected), problems


def test_a_file_that_is_no_font_is_named(tmp_path):
    (tmp_path / 'Fake.ttf').write_bytes(b'OTTO' + bytes(200))
    problems = problems_of(tmp_path, '[fonts]\nbody = { regular = "Fake.ttf" }\n')
    assert len(problems) == 1 and problems[0].startswith(
        'style.toml:2: error: [fonts] body: font file Fake.ttf is not a font file'), problems


def test_a_font_with_postscript_outlines_is_named(tmp_path):
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder(['.notdef', 'A'])
    builder.setupCharacterMap({0x41: 'A'})
    pen = T2CharStringPen(500, None)
    builder.setupCFF('Cff', {'FullName': 'Cff'},
                     {'.notdef': pen.getCharString(), 'A': pen.getCharString()}, {})
    builder.setupHorizontalMetrics({'.notdef': (500, 0), 'A': (500, 0)})
    builder.setupHorizontalHeader()
    builder.setupNameTable({'familyName': 'Cff', 'styleName': 'Regular'})
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(tmp_path / 'Cff.otf'))
    problems = problems_of(tmp_path, '[fonts]\nmono = { regular = "Cff.otf" }\n')
    assert len(problems) == 1 and problems[0].startswith(
        'style.toml:2: error: [fonts] mono: font file Cff.otf has PostScript (CFF) outlines, '
        'and the PDF renderer embeds only TrueType outlines'), problems


def test_a_main_face_without_the_characters_every_guide_prints_is_refused(tmp_path):
    # Noto Sans Thai has Thai and not the Latin letters of "Page 3".
    problems = problems_of(tmp_path, '[fonts]\nheading = { regular = "NotoSansThai-Regular.ttf" }\n')
    assert len(problems) == 1 and problems[0].startswith(
        'style.toml:2: error: [fonts] heading: font file NotoSansThai-Regular.ttf has no glyph '
        'for U+0021'), problems


def test_several_mistakes_are_all_named_in_line_order(tmp_path):
    problems = problems_of(tmp_path, '[page]\nsize = "x"\n[colors]\nbrand = "red"\n'
                                     'nope = 1\n')
    assert [p.split(': error')[0] for p in problems] == ['style.toml:2', 'style.toml:4',
                                                         'style.toml:5']


@pytest.mark.parametrize('name, points', [
    ('letter', (612, 792)), ('a4', (595.28, 841.89)), ('A5', (419.53, 595.28)),
    ('half-letter', (396, 612)), ('6x9in', (432, 648)), ('6 x 9 in', (432, 648)),
    ('148 x 210 mm', (419.53, 595.28)), ('5.5x8.5in', (396, 612)),
])
def test_page_sizes_by_name_or_measure(name, points):
    assert page_size(name) == pytest.approx(points, abs=0.01)


def test_lengths_in_points_units_and_shares():
    assert length(36, 612) == 36
    assert length('0.5in', 612) == 36
    assert length('10mm', 612) == pytest.approx(28.35, abs=0.01)
    assert length('12%', 612) == pytest.approx(73.44)
    with pytest.raises(ValueError):
        length('-3mm', 612)


def test_the_html_stylesheet_declares_the_styles_colours_and_fonts():
    from helpguide.style.html import stylesheet

    style, _ = load_style(TEST_STYLE / 'style.toml')
    css, files = stylesheet(style)
    assert '--guide-brand: #7A1F3D;' in css and '--guide-note-background: #FFF1CC;' in css
    assert 'font-family: "guide-body"; src: url("fonts/Caladea-Regular.ttf")' in css
    assert files['Caladea-Regular.ttf'] == (TEST_STYLE / 'fonts' / 'Caladea-Regular.ttf').resolve()
    assert Path(files['DejaVuSansMono.ttf']).is_file()


EXAMPLE = Path(__file__).resolve().parents[2] / 'helpguide' / 'style' / 'examples' / \
    'print-shop-6x9.toml'


@pytest.mark.skipif(any(system_font(name) is None for name in (
    'LiberationSerif-Regular.ttf', 'Carlito-Regular.ttf')),
    reason="Debian's fonts-liberation2 and fonts-crosextra-carlito are not installed "
           '(.ci/run installs them)')
def test_the_shipped_example_style_reads_without_problems():
    style, problems = load_style(EXAMPLE)
    assert problems == []
    assert style['page']['mirrored'] and style.page_size('a4') == pytest.approx((432, 648))
    assert {path.name for path in style.main_faces()} >= {
        'LiberationSerif-Regular.ttf', 'Carlito-Bold.ttf', 'LiberationMono-Regular.ttf'}


@pytest.mark.parametrize('setting, sheet, page', [
    ('half-sheet', 'letter', (396, 612)), ('half-sheet', 'a4', (420.94, 595.28)),
    ('5x8in', 'letter', (360, 576)),
])
def test_the_saddle_stitch_page_follows_the_sheet_or_the_style(tmp_path, setting, sheet, page):
    from helpguide.products.saddle_stitch import saddle_page

    path = tmp_path / 'style.toml'
    path.write_text(f'[page]\nsaddle_stitch = "{setting}"\n', encoding='utf-8')
    style, problems = load_style(path)
    assert problems == []
    assert saddle_page(style, page_size(sheet)) == pytest.approx(page, abs=0.01)


def test_a_saddle_stitch_page_larger_than_half_the_sheet_is_named(tmp_path):
    from sphinx.errors import SphinxError

    from helpguide.products.saddle_stitch import saddle_page

    path = tmp_path / 'style.toml'
    path.write_text('[page]\n\nsaddle_stitch = "a5"\n', encoding='utf-8')
    style, _ = load_style(path)
    with pytest.raises(SphinxError, match=r'style\.toml:3: \[page\] saddle_stitch \'a5\' '
                                          r'\(420 x 595 pt\) is larger than half the sheet'):
        saddle_page(style, page_size('letter'))
