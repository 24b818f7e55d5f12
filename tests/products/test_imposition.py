"""Saddle-stitch imposition read back sheet by sheet, half by half."""
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, A5, LETTER
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sheet_text import halves, inked, text_by_x, word_boxes

from helpguide.products.imposition import (ImpositionError, Side, impose, padded_count,
                                           printer_spreads)

HALF_LETTER = (LETTER[1] / 2, LETTER[0])  # 5.5 x 8.5 in, upright


def make_booklet(path, count, size=HALF_LETTER, sizes=None):
    """A booklet whose page N says "Page N" in 14-point type."""
    canvas = Canvas(str(path), pagesize=size, invariant=1)
    for number in range(1, count + 1):
        if sizes:
            canvas.setPageSize(sizes[number - 1])
        canvas.setFont('Helvetica', 14)
        canvas.drawString(36, 300, f'Page {number}')
        canvas.showPage()
    canvas.save()
    return path


def test_eight_pages_in_printer_spread_order():
    assert printer_spreads(8) == [Side(8, 1), Side(2, 7), Side(6, 3), Side(4, 5)]


def test_short_booklet_is_padded_with_blanks_at_the_back():
    assert printer_spreads(5) == [Side(None, 1), Side(2, None), Side(None, 3), Side(4, 5)]


# The two tests below try every count of their range, not examples drawn
# from it: all of them take less time than Hypothesis drawing a hundred.

def test_sheets_fold_into_a_booklet_read_in_order():
    for sheets in range(1, 51):
        count = sheets * 4
        sides = printer_spreads(count)
        assert len(sides) == 2 * sheets
        placed = [n for side in sides for n in (side.left, side.right)]
        assert sorted(placed) == list(range(1, count + 1)), count
        for front, back in zip(sides[::2], sides[1::2]):
            # Turned over on its short edge, a sheet's right half backs its left.
            assert (back.left, back.right) == (front.right + 1, front.left - 1), count
        innermost = sides[-1]
        assert innermost.right == innermost.left + 1 == count // 2 + 1, count


def test_blank_pages_pad_the_back_of_the_booklet():
    for count in range(1, 201):
        padded = -(-count // 4) * 4
        assert padded - 4 < count <= padded

        def blanked(number):
            return number if number <= count else None

        assert printer_spreads(count) == [Side(blanked(s.left), blanked(s.right))
                                          for s in printer_spreads(padded)], count


@pytest.mark.parametrize(('count', 'page', 'sheet'), [
    (8, HALF_LETTER, LETTER),
    (6, HALF_LETTER, LETTER),
    (10, A5, A4),  # A5 is 148 mm wide, a hair under half of A4's 297 mm
])
def test_imposed_sheets_read_back_in_spread_order(tmp_path, count, page, sheet):
    source = make_booklet(tmp_path / 'booklet.pdf', count, page)
    target = tmp_path / 'imposed.pdf'

    sheets = impose(source, target, sheet)

    reader = PdfReader(target)
    padded = -(-count // 4) * 4
    assert sheets == padded // 4
    assert len(reader.pages) == padded // 2  # two sides per sheet
    for number, expected in enumerate(printer_spreads(count), start=1):
        side = reader.pages[number - 1]
        width, height = float(side.mediabox.width), float(side.mediabox.height)
        assert (width, height) == pytest.approx((sheet[1], sheet[0]), abs=0.5)  # landscape
        left, right = halves(target, number)
        assert left == (f'Page {expected.left}' if expected.left else '')
        assert right == (f'Page {expected.right}' if expected.right else '')


def test_pages_are_placed_at_their_size_without_scaling(tmp_path):
    source = make_booklet(tmp_path / 'booklet.pdf', 4)
    target = tmp_path / 'imposed.pdf'
    impose(source, target)

    boxes = word_boxes(target, 1)
    assert [word for *_, word in boxes] == ['Page', '4', 'Page', '1']
    # Page 4 on the left, page 1 on the right: 14-point type as drawn, a page width apart.
    width = stringWidth('Page', 'Helvetica', 14)
    assert [(x0, x1 - x0) for x0, _, x1, _, word in boxes if word == 'Page'] == [
        (pytest.approx(36, abs=0.01), pytest.approx(width, abs=0.01)),
        (pytest.approx(36 + HALF_LETTER[0], abs=0.01), pytest.approx(width, abs=0.01))]


def test_pages_meet_at_the_fold_of_a_wider_sheet(tmp_path):
    source = make_booklet(tmp_path / 'booklet.pdf', 4, A5)
    target = tmp_path / 'imposed.pdf'
    impose(source, target, A4)

    fold = A4[1] / 2
    left_margin = fold - A5[0] + 36
    assert text_by_x(target, 1, left_margin - 0.5, left_margin + 0.5) == 'Page'
    assert text_by_x(target, 1, left_margin - 0.5, fold) == 'Page 4'
    assert text_by_x(target, 1, fold + 35.5, fold + 36.5) == 'Page'
    assert text_by_x(target, 1, fold, A4[1]) == 'Page 1'


def test_pages_too_large_for_the_sheet_are_refused(tmp_path):
    source = make_booklet(tmp_path / 'big.pdf', 4, LETTER)
    with pytest.raises(ImpositionError, match=r'big\.pdf: two pages of 612 x 792 pt do not fit'):
        impose(source, tmp_path / 'imposed.pdf', LETTER)
    assert not (tmp_path / 'imposed.pdf').exists()


def test_pages_of_mixed_sizes_are_refused_and_the_old_file_kept(tmp_path):
    source = make_booklet(tmp_path / 'mixed.pdf', 3, sizes=[HALF_LETTER, HALF_LETTER, A5])
    target = tmp_path / 'imposed.pdf'
    impose(make_booklet(tmp_path / 'good.pdf', 4), target)
    before = target.read_bytes()

    with pytest.raises(ImpositionError, match=r'mixed\.pdf: page 3 is'):
        impose(source, target)

    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ['good.pdf', 'imposed.pdf', 'mixed.pdf']


def test_links_are_left_out_of_the_print_file(tmp_path):
    source = tmp_path / 'linked.pdf'
    canvas = Canvas(str(source), pagesize=HALF_LETTER, invariant=1)
    canvas.bookmarkPage('end')
    canvas.drawString(36, 300, 'Page 1')
    canvas.linkRect('', 'end', (36, 290, 100, 320))
    canvas.showPage()
    canvas.save()
    target = tmp_path / 'imposed.pdf'

    impose(source, target)

    side = PdfReader(target).pages[0]
    assert '/Annots' not in side
    assert text_by_x(target, 1, HALF_LETTER[0], LETTER[1]) == 'Page 1'


def test_imposing_is_repeatable_byte_for_byte(tmp_path, repo):
    # Many identical objects (like the booklet's page-number forms) are where
    # a hash-ordered step would differ from one run to the next.
    source = tmp_path / 'booklet.pdf'
    canvas = Canvas(str(source), pagesize=HALF_LETTER, invariant=1)
    for number in range(1, 9):
        for copy in range(6):
            canvas.beginForm(f'n{number}-{copy}')
            canvas.drawString(0, 0, '3')
            canvas.endForm()
            canvas.doForm(f'n{number}-{copy}')
        canvas.showPage()
    canvas.save()
    # Imposed here and in a process of another hash order, as two builds would be.
    here, there = tmp_path / 'imposed-here.pdf', tmp_path / 'imposed-there.pdf'
    impose(source, here)
    seed = '2' if os.environ.get('PYTHONHASHSEED') == '1' else '1'
    subprocess.run([sys.executable, '-c',
                    'import sys; from helpguide.products.imposition import impose; '
                    'impose(sys.argv[1], sys.argv[2])', str(source), str(there)],
                   check=True, cwd=repo, env={**os.environ, 'PYTHONHASHSEED': seed})
    assert here.read_bytes() == there.read_bytes()


def test_what_lies_outside_a_page_stays_off_the_sheet(tmp_path):
    """Each page is clipped to its own box: nothing spills onto its neighbour."""
    source = tmp_path / 'spill.pdf'
    canvas = Canvas(str(source), pagesize=HALF_LETTER, invariant=1)
    for number in range(1, 5):
        canvas.setFont('Helvetica', 14)
        canvas.drawString(36, 300, f'Page {number}')
        canvas.drawString(HALF_LETTER[0] + 20, 200, f'Beyond {number}')  # right of the page
        canvas.showPage()
    canvas.save()
    target = tmp_path / 'imposed.pdf'

    impose(source, target)

    # Side 1 holds page 4 (left) and page 1 (right); page 4's "Beyond 4" would
    # print on page 1, its baseline 200 pt above the bottom of the sheet.
    fold, top = HALF_LETTER[0], HALF_LETTER[1]
    assert inked(target, 1, (fold + 36, top - 314, fold + 90, top - 298), tmp_path)  # "Page 1"
    assert not inked(target, 1, (fold + 20, top - 214, fold + 90, top - 198), tmp_path)


@pytest.mark.parametrize('count', [1, 3, 4, 8, 12, 13])
def test_with_a_blank_back_the_last_page_is_always_blank(count):
    sides = printer_spreads(count, blank_back=True)

    last = len(sides) * 2  # the outside back cover: on the left of the first side
    assert sides[0].left is None
    assert sorted(p for s in sides for p in (s.left, s.right) if p) == list(range(1, count + 1))
    assert last == padded_count(count + 1)
