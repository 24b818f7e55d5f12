"""What Sphinx adds to the text reaches the booklet (tests/roots/test-pdf-constructs):
numbers, signatures' punctuation, line numbers, abbreviations, URL entries
of a toctree; what the booklet prints its own way is left out with a word."""
import re
import subprocess

import pytest
from PIL import Image

from booklets import build_booklet
from tests.pdf.pdfread import outline, page_text, words


@pytest.fixture(scope='module')
def constructs(booklet_of):
    return booklet_of('pdf-constructs')


@pytest.fixture(scope='module')
def text(constructs):
    return ' '.join(page_text(constructs.pdf).split())


def test_builds_with_only_the_header_warning(constructs):
    assert constructs.app.statuscode == 0
    assert re.findall(r'WARNING: .*', constructs.warnings) == [
        'WARNING: booklet: the header is not printed: the booklet has its own running heads '
        'and page numbers [booklet]']
    assert 'index.rst:2: WARNING: booklet: the header' in constructs.warnings


def test_numbered_toctrees_number_headings_contents_and_bookmarks(constructs, text):
    titles = [title for _, title, _ in outline(constructs.reader)]
    assert titles[2:] == ['1. Numbered things', '1.1. Figures and tables', '2. Code',
                          '3. Signatures', '4. Narrow tables', '5. Pictures',
                          'Index']  # the signatures' own index entries
    assert text.count('1.1. Figures and tables') == 2  # contents and heading


def test_captions_carry_the_numbers_references_print(text):
    for caption in ('Fig. 1.1 A captioned picture.', 'Table 1.1 A small table',
                    'Listing 1.1 A captioned listing'):
        assert caption in text
    # The equation's number is a link: on paper it prints its page too.
    assert 'References: Fig. 1.1, Table 1.1, Listing 1.1 and (1.1) (page 1).' in text


def test_an_equation_prints_its_number_on_its_line(constructs):
    page = next(p for _, t, p in outline(constructs.reader) if t == '1.1. Figures and tables')
    found = words(constructs.pdf, page)
    equation = next(w for w in found if w[4] == 'e^{i\\pi}')
    number = next(w for w in found if w[4] == '(1.1)')
    assert abs(equation[1] - number[1]) < 2 and number[0] > equation[2]


def test_signatures_keep_their_punctuation(text):
    for signature in ('spam(eggs, ham=1, *args, **kw) -> int',
                      'compile(source[, filename[, symbol]])',
                      'int printf(const char *format, ...)',
                      'class Box[T](size: int = 3)'):
        assert signature in text


def test_code_lines_are_numbered_from_lineno_start(constructs):
    lines = [line.strip() for line in page_text(constructs.pdf).splitlines()]
    assert '7 first = 1' in lines
    assert '9 third = 3' in lines
    second = lines.index(next(line for line in lines if line.startswith('8 second = ')))
    # the wrapped rest of line 8 gets a continuation mark and no number
    assert lines[second + 1].startswith('\N{RIGHTWARDS ARROW WITH HOOK} code box')


def test_a_wrapped_code_line_is_marked_as_continued(text):
    assert ('plain = "another very long line that goes on and on and on past the right edge '
            'of the \N{RIGHTWARDS ARROW WITH HOOK} code box, surely now and further"') in text


def test_an_emphasized_line_is_on_a_tint(constructs, tmp_path):
    page = next(p for _, t, p in outline(constructs.reader) if t == '2. Code')
    subprocess.run(['pdftoppm', '-r', '50', '-f', str(page + 1), '-l', str(page + 1), '-png',
                    str(constructs.pdf), str(tmp_path / 'page')], check=True)
    with Image.open(next(tmp_path.glob('page*.png'))) as image:
        colours = image.convert('RGB').getcolors(maxcolors=1 << 24)
        tinted = sum(count for count, rgb in colours if rgb == (255, 241, 184))  # code_emphasis
    assert tinted > 500


def test_abbreviations_print_their_explanation(text):
    assert 'LIFO (last-in, first-out)' in text


def test_a_url_entry_of_a_toctree_is_a_link(constructs, text):
    assert "Python's site (https://www.python.org/)" in text
    uris = [str(annot.get_object()['/A']['/URI'])
            for page in constructs.reader.pages for annot in page.get('/Annots', [])
            if '/URI' in annot.get_object().get('/A', {})]
    assert 'https://www.python.org/' in uris


def test_the_lead_in_has_a_page_of_its_own_and_no_local_contents_box(constructs):
    reader = constructs.reader
    contents = next(p for _, t, p in outline(reader) if t == 'Contents')
    lead = page_text(constructs.pdf, contents + 1)
    assert 'Text before the first chapter' in lead
    assert 'Text before the first chapter' not in page_text(constructs.pdf, contents)
    assert 'On this page' not in page_text(constructs.pdf)


LONG_BRAND = ('The Extraordinarily Long-Named Regional Internet, Telephone and Cable Television '
              'Cooperative of the Northern Valleys Inc')


def test_a_120_character_brand_stays_on_the_cover_band(rootdir, tmp_path):
    assert len(LONG_BRAND) == 120
    booklet = build_booklet(rootdir / 'test-pdf-constructs', tmp_path, guide_brand=LONG_BRAND,
                            guide_logo='pic.png', booklet_editions=['print'])
    width = float(booklet.reader.pages[0].mediabox.width)
    cover = words(booklet.pdf, 0)
    brand = [w for w in cover if w[4] in LONG_BRAND.split()]
    assert ' '.join(w[4] for w in brand[:len(LONG_BRAND.split())]) == LONG_BRAND
    margin = width * 0.05
    assert all(margin < w[0] and w[2] < width - margin for w in brand)
    band_bottom = max(w[3] for w in brand)
    assert band_bottom < min(w[1] for w in cover if w[4] == 'Constructs')


def test_narrow_columns_are_as_wide_as_their_longest_word(constructs):
    page = next(p for _, t, p in outline(constructs.reader) if t == '4. Narrow tables')
    found = [w[4] for w in words(constructs.pdf, page)]
    for word in ('Authentication', 'Encryption', 'Thunderbird', 'Unsupported', 'Webmail',
                 'Program', 'Outlook', 'Express', 'Short', 'words', 'only', 'here.'):
        assert word in found
    # only words longer than a column can be are broken
    assert 'Unbreakableverylongidentifierwordthatcannotfit' not in found


def blue_boxes(pdf, page: int, tmp_path) -> list[tuple[int, int]]:
    """Width and height, in points, of each run of the diagrams' blue on a page
    rendered at 72 dpi (one pixel a point), top to bottom."""
    subprocess.run(['pdftoppm', '-r', '72', '-f', str(page + 1), '-l', str(page + 1), '-png',
                    str(pdf), str(tmp_path / 'page')], check=True)
    with Image.open(next(tmp_path.glob('page*.png'))) as image:
        rgb = image.convert('RGB')
        width, height = rgb.size
        pixels = rgb.load()
        blue = [[pixels[x, y] == (0x33, 0x66, 0xaa) for x in range(width)]
                for y in range(height)]
    boxes, y = [], 0
    while y < height:
        if any(blue[y]):
            top = y
            while y < height and any(blue[y]):
                y += 1
            columns = [x for x in range(width) if any(blue[r][x] for r in range(top, y))]
            boxes.append((columns[-1] - columns[0] + 1, y - top))
        y += 1
    return boxes


def test_svg_images_are_vectors_sized_as_in_html(constructs, tmp_path):
    reader = constructs.reader
    page = next(p for _, t, p in outline(reader) if t == '5. Pictures')
    assert not reader.pages[page].images  # drawn, not embedded as a bitmap
    text = page_text(constructs.pdf, page)
    assert text.count('SVGTEXT') == 2  # the SVG's own text is text
    # 200 x 100 CSS pixels are 150 x 75 points; at :width: 400px, 300 x 150
    assert [(round(w / 2), round(h / 2)) for w, h in blue_boxes(constructs.pdf, page, tmp_path)
            ] == [(75, 38), (150, 75)]


def test_svg_scripts_and_external_references_are_stripped(constructs):
    raw = constructs.pdf.read_bytes()
    text = page_text(constructs.pdf)
    assert 'EVILTEXT' in text  # the harmless part prints
    for leak in ('root:', 'FOREIGN-TEXT', 'SCRIPT-ELEMENT', 'SCRIPT-IN-ATTRIBUTE'):
        assert leak not in text
    for reference in (b'example.org', b'passwd', b'JavaScript', b'/JS'):
        assert reference not in raw
