"""Page references in print, in a book of some 120 pages: "(page N)" is laid
out with N known, whatever its digits, in the type of its paragraph."""
import re
import subprocess

import pytest
from PIL import Image

from tests.pdf.pdfread import (assert_page_references_read_as_text, assert_references_print_their_targets,
                     page_text, text_runs, words)


@pytest.fixture(scope='module')
def long(booklet_of):
    return booklet_of('pdf-long')


def test_a_three_digit_page_prints_whole_one_space_before_the_next_word(long):
    text = ' '.join(page_text(long.pdf).split())
    assert 'See Chapter 60 (page 119) for the end' in text
    assert 'Chapter 60 (page 119), the middle one' in text
    assert_page_references_read_as_text(long.pdf)


def test_every_printed_page_is_the_label_of_the_page_its_link_leads_to(long):
    references = assert_references_print_their_targets(long.reader, long.pdf)
    assert max(int(re.match(r'\(page (\d+)', a)[1]) for *_, a, _t in references) >= 100


def lead_in_page(long) -> int:
    reader = long.reader
    return next(i for i in range(reader.page_labels.index('1'))
                if 'See Chapter 60' in page_text(long.pdf, i))


def test_the_number_is_shown_in_the_paragraphs_font_and_size(long):
    """"(page" and its number in one run of text: one font, one size (the
    lead-in's sans, not the body's serif)."""
    runs = [run for run in text_runs(long.pdf, lead_in_page(long)) if '(page' in run[0]]
    assert runs
    for text, font, size, _colour in runs:
        for after in re.findall(r'\(page(.{0,5})', text):
            assert re.match(r' \d+\)', after), (text, font, size)
    assert {font for _t, font, _s, _c in runs} == {
        font for text, font, _s, _c in runs if 'More words follow here' in text}


def ink(image, box, height) -> tuple[int, int, int]:
    """The darkest colour inside a word's *box* (PDF points, from the top)."""
    scale = image.height / height
    x0, y0, x1, y1 = (round(v * scale) for v in box)
    return min((colour for _n, colour in image.crop((x0, y0, x1, y1)).getcolors(1 << 24)),
               key=sum)


def test_the_number_is_printed_in_the_paragraphs_colour(long, tmp_path):
    page = lead_in_page(long)
    subprocess.run(['pdftoppm', '-r', '150', '-f', str(page + 1), '-l', str(page + 1),
                    '-singlefile', '-png', str(long.pdf), str(tmp_path / 'page')], check=True)
    image = Image.open(tmp_path / 'page.png').convert('RGB')
    height = float(long.reader.pages[page].mediabox.height)
    found = words(long.pdf, page)
    at = next(i for i, w in enumerate(found) if w[4] == '(page' and found[i + 1][4] == '119)')
    paragraph = ink(image, found[at - 3][:4], height)  # "See"
    assert paragraph != (0, 0, 0)  # the lead-in's grey: the test can tell
    assert ink(image, found[at][:4], height) == paragraph
    assert ink(image, found[at + 1][:4], height) == paragraph
