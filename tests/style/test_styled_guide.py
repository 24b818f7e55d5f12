"""The SSL guide rebuilt with a style of the tests' own: its fonts embedded,
its page size, margins and colours read back from the PDF, as a printer and
a reader get them."""
import re
import subprocess

import pytest
from PIL import Image
from pypdf import PdfReader

from styled_guide import BRAND, MENU_ARROW, NOTE_BACKGROUND, NOTE_RULE, styled_guide

pytestmark = pytest.mark.slow
INCH = 72


@pytest.fixture(scope='module')
def project(repo, tmp_path_factory):
    return styled_guide(repo, tmp_path_factory)


@pytest.fixture(scope='module')
def pdf(project):
    return project / 'build' / 'pdf' / 'guide.pdf'


def render(pdf, page: int, folder) -> Image.Image:
    """Page *page* at 72 dpi: one pixel per point."""
    stem = folder / f'page{page}'
    subprocess.run(['pdftoppm', '-r', '72', '-f', str(page), '-l', str(page), '-png',
                    '-singlefile', str(pdf), str(stem)], check=True)
    return Image.open(f'{stem}.png').convert('RGB')


def words(pdf, page: int) -> list[tuple[float, float, float, float, str]]:
    """(x0, y0, x1, y1, word) of a page, y from the top, from poppler."""
    out = subprocess.run(['pdftotext', '-bbox', '-f', str(page), '-l', str(page), str(pdf), '-'],
                         capture_output=True, text=True, check=True).stdout
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        out)]


def test_the_styles_fonts_are_embedded_and_subset(pdf):
    out = subprocess.run(['pdffonts', str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    fonts = {line.split()[0].split('+')[-1]: line.split()[-5:-2]
             for line in out.splitlines()[2:]}
    assert {'Caladea-Regular', 'Caladea-Bold', 'DejaVuSansMono'} <= set(fonts), out
    assert not {'DejaVuSerif', 'DejaVuSans-Bold'} & set(fonts), out  # the default's are gone
    assert all(flags == ['yes', 'yes', 'yes'] for flags in fonts.values()), out


def test_every_page_is_6_by_9_inches(pdf):
    boxes = {(float(page.mediabox.width), float(page.mediabox.height))
             for page in PdfReader(pdf).pages}
    assert boxes == {(6 * INCH, 9 * INCH)}


def test_mirrored_margins_keep_the_text_off_the_spine(pdf):
    """Inner 0.875 in at the spine, outer 0.5 in: on a right-hand (odd) page
    the text starts 63 pt from the left edge, on a left-hand page it ends
    63 pt from the right edge."""
    pages = len(PdfReader(pdf).pages)
    checked = 0
    for page in range(3, pages + 1):
        body = [w for w in words(pdf, page) if 0.65 * INCH < w[1] < 9 * INCH - 0.7 * INCH]
        if len(body) < 20:
            continue
        left, right = min(w[0] for w in body), max(w[2] for w in body)
        if page % 2:
            assert left == pytest.approx(63, abs=1.5), (page, left)
            assert right <= 6 * INCH - 36 + 1, (page, right)
        else:
            assert left == pytest.approx(36, abs=1.5), (page, left)
            assert right <= 6 * INCH - 63 + 1, (page, right)
        checked += 1
    assert checked >= 6


def test_the_folio_is_centred_at_the_foot(pdf):
    page = 5
    label = PdfReader(pdf).page_labels[page - 1]
    foot = [w for w in words(pdf, page) if w[1] > 9 * INCH - 0.7 * INCH and w[4] == label]
    assert foot, label
    x0, _, x1, _, _ = foot[0]
    frame_left = 63 if page % 2 else 36
    assert (x0 + x1) / 2 == pytest.approx(frame_left + (6 * INCH - 99) / 2, abs=1)


def close(pixel, colour, tolerance=6):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour))


def test_the_cover_band_has_the_styles_brand_colour(pdf, tmp_path):
    cover = render(pdf, 1, tmp_path)
    assert cover.size == (432, 648)
    # The band: the frame's top 70 pt (7 body sizes of 10 pt... of 9.5 pt here).
    assert close(cover.getpixel((200, round(0.65 * INCH) + 10)), BRAND)
    assert close(cover.getpixel((200, round(0.65 * INCH) + 60)), BRAND)
    assert close(cover.getpixel((200, round(0.65 * INCH) - 5)), (255, 255, 255))


def test_a_note_box_has_the_styles_colours(pdf, tmp_path):
    for page in range(3, len(PdfReader(pdf).pages) + 1):
        titles = [w for w in words(pdf, page) if w[4] == 'Note']
        if titles:
            break
    else:
        pytest.fail('no note box in the guide')
    image = render(pdf, page, tmp_path)
    x0, y0, x1, y1, _ = titles[0]
    middle = round((y0 + y1) / 2)
    # Padding between the left rule and the title, then the 3 pt rule itself.
    assert close(image.getpixel((round(x0) - 3, middle)), NOTE_BACKGROUND)
    assert close(image.getpixel((round(x0) - 8, middle)), NOTE_RULE)


def test_a_menu_path_has_the_styles_arrow(pdf):
    text = subprocess.run(['pdftotext', str(pdf), '-'], capture_output=True, text=True,
                          check=True).stdout
    assert f'Tools {MENU_ARROW} Options' in text
    assert 'Tools \u2192 Options' not in text
