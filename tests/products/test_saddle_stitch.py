"""The real guide imposed for saddle-stitching, read back half-sheet by half-sheet."""
import re

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER
from sheet_text import halves, outside_margins, pdftotext

from helpguide.products.imposition import printer_spreads


def squeeze(text: str) -> str:
    return re.sub(r'\s+', '', text)


@pytest.fixture(scope='module', params=['letter', 'a4'])
def imposed(request, real_guide):
    """The imposed guide, the half-size booklet it was made from, the sheet
    size and the output folder."""
    app = real_guide('saddle-stitch', request.param)
    assert app.warnings_text == ''
    return (app.outdir / 'guide-saddle-stitch.pdf', real_guide.half_size_pages(request.param),
            {'letter': LETTER, 'a4': A4}[request.param], app.outdir)


def test_booklet_is_laid_out_at_half_the_sheet(imposed):
    _, pages, sheet, _ = imposed
    for page in PdfReader(pages).pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == \
            pytest.approx((sheet[1] / 2, sheet[0]))


def test_sheets_are_landscape_and_hold_every_page_padded_to_four(imposed):
    sides, pages, sheet, outdir = imposed
    sides, count = PdfReader(sides).pages, len(PdfReader(pages).pages)
    assert len(sides) == 2 * -(-(count + 1) // 4)  # the back cover stays blank
    for side in sides:
        assert (float(side.mediabox.width), float(side.mediabox.height)) == \
            pytest.approx((sheet[1], sheet[0]))
    # The half-size intermediate is not left behind; the record of what the
    # product was made from is kept beside it.
    assert sorted(p.name for p in outdir.iterdir()) == ['.saddle-stitch.buildinfo',
                                                        'guide-saddle-stitch.pdf']


def test_each_half_sheet_is_the_page_the_spread_order_says(imposed):
    sides, pages, _, _ = imposed
    count = len(PdfReader(pages).pages)
    order = printer_spreads(count, blank_back=True)
    assert len(order) == len(PdfReader(sides).pages)
    texts = [squeeze(pdftotext(pages, n)) for n in range(1, count + 1)]
    assert texts[0].startswith(squeeze('Covenant ISP'))  # the cover
    for number, expected in enumerate(order, start=1):
        left, right = (squeeze(text) for text in halves(sides, number))
        assert left == (texts[expected.left - 1] if expected.left else ''), number
        assert right == (texts[expected.right - 1] if expected.right else ''), number


def test_no_word_is_near_the_paper_edge(imposed):
    sides, _, _, _ = imposed
    assert outside_margins(sides, 24) == []


def test_the_imposition_keeps_title_and_language_untagged(imposed):
    """For print shops: not tagged (README), but it says its language and title."""
    target, pages, _size, _outdir = imposed
    sheets, book = PdfReader(target), PdfReader(pages)
    assert sheets.root_object['/Lang'] == book.root_object['/Lang'] == 'en'
    assert sheets.metadata.title == book.metadata.title
    assert sheets.root_object['/ViewerPreferences']['/DisplayDocTitle']
    assert '/StructTreeRoot' not in sheets.root_object
