"""How often a book is laid out: once where each page reference's label fits
the slot the layout set it in (as wide, or narrower with nothing at a fixed
place after it on its line), again where one does not, and every printed
page right either way."""
import re

import pytest
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak
from pypdf import PdfReader

from helpguide.compat import reportlab as compat
from helpguide.pdf.book import MAX_LAYOUTS, Story, write_pdf
from helpguide.pdf.flowables import Anchor
from helpguide.pdf.page_refs import Kept, page_ref, reserve
from helpguide.pdf.paragraphs import Paragraph
from helpguide.pdf.styles import book_styles
from helpguide.pdf.templates import Metadata
from tests.pdf.pdfread import assert_references_print_their_targets, links, page_text, words


def referencing(pages_before, markup='See {ref} for T.', centered=False):
    """Stories of a book that says on its first page where "t" is, page
    *pages_before*(the layouts so far) + 1 (a roman page: the book has no
    body); the labels each layout was given."""
    styles = book_styles()
    style = ParagraphStyle('c', styles['body'], alignment=TA_CENTER) if centered \
        else styles['body']
    given = []

    def stories(labels):
        given.append(labels)
        ref = f'<a href="#t">T</a> {page_ref(reserve(labels, "t"), "t")}'
        pages = [[PageBreak(), Paragraph('More.', styles['body'])]
                 for _ in range(pages_before(len(given)))]
        flowables = [Paragraph(markup.format(ref=ref), style), *sum(pages, []),
                     Anchor(['t', 'u']), Paragraph('T', styles['body'])]
        return Story(flowables, frozenset(), frozenset(['t']))
    return stories, given, styles


def write(tmp_path, stories, styles) -> str:
    write_pdf(tmp_path / 'x.pdf', stories, styles, Metadata('T'), LETTER)
    return ' '.join(page_text(tmp_path / 'x.pdf').split())


def test_a_label_narrower_than_its_slot_is_filled_in_in_one_layout(tmp_path):
    stories, given, styles = referencing(lambda layouts: 1)
    assert 'See T (page ii) for T.' in write(tmp_path, stories, styles)
    assert given == [{}] and isinstance(given[0], Kept)


def test_links_after_a_narrower_label_on_its_line_move_with_their_words(tmp_path):
    stories, given, styles = referencing(lambda layouts: 1, 'See {ref} or <a href="#u">U</a>.')
    assert 'See T (page ii) or U.' in write(tmp_path, stories, styles)
    assert len(given) == 1
    path = tmp_path / 'x.pdf'
    height = float(PdfReader(path).pages[0].mediabox.height)
    [u] = [w for w in words(path, 0) if w[4] == 'U.']
    [(rect, _target)] = [link for link in links(PdfReader(path), 0) if link[0][0] > u[0] - 5]
    assert rect[0] == pytest.approx(u[0], abs=0.5)  # the link starts at its word
    assert rect[1] <= height - (u[1] + u[3]) / 2 <= rect[3]


def test_a_label_wider_than_its_slot_is_laid_out_again(tmp_path):
    stories, given, styles = referencing(lambda layouts: 17)  # page xviii: wider than 000
    assert 'See T (page xviii) for T.' in write(tmp_path, stories, styles)
    assert given == [{}, {'t': 'xviii'}]


@pytest.mark.parametrize('markup, centered', [
    ('See {ref} <span backColor="#dddddd">here</span>.', False),  # a background after it
    ('See {ref} for T.', True),                                   # a line set centred
])
def test_a_narrower_label_whose_line_cannot_move_is_laid_out_again(tmp_path, markup,
                                                                    centered):
    stories, given, styles = referencing(lambda layouts: 1, markup, centered)
    assert '(page ii)' in write(tmp_path, stories, styles)
    assert given == [{}, {'t': 'ii'}]


def test_a_background_before_the_label_does_not_hold_it(tmp_path):
    stories, given, styles = referencing(
        lambda layouts: 1, '<span backColor="#dddddd">See</span> {ref} for T.')
    assert 'See T (page ii) for T.' in write(tmp_path, stories, styles)
    assert len(given) == 1


def test_a_slot_that_cannot_be_found_in_its_text_is_laid_out_again_with_its_label(
        tmp_path, monkeypatch):
    """Text ReportLab writes otherwise (shaped text, a paragraph class of
    its own) shows what its slot reserved: the label once known."""
    monkeypatch.setattr(compat, 'mark_drawn_text', lambda *args: None)
    stories, given, styles = referencing(lambda layouts: 1)
    assert 'See T (page ii) for T.' in write(tmp_path, stories, styles)
    assert given == [{}, {'t': 'ii'}]


def test_a_book_whose_pages_keep_moving_keeps_its_last_layout_with_its_own_pages(tmp_path):
    stories, given, styles = referencing(lambda layouts: layouts, centered=True)
    assert '(page iv)' in write(tmp_path, stories, styles)
    assert len(given) == MAX_LAYOUTS and given[1:] == [{'t': 'ii'}, {'t': 'iii'}]


def test_a_build_from_clean_is_laid_out_once(booklet_of):
    """The long book: references from its lead-in forward to pages of one,
    two and three digits, and from its last pages back and forward (its
    build from clean that tests/pdf/test_page_references.py reads too)."""
    built = booklet_of('pdf-long')
    assert built.layouts == 1
    references = assert_references_print_their_targets(built.reader, built.pdf)
    printed = {re.match(r'\(page (\d+)', after)[1] for _p, _t, after, _target in references}
    assert {len(label) for label in printed} == {1, 2, 3}
    assert any(target < page for page, _t, _a, target in references)   # back
    assert any(target > page for page, _t, _a, target in references)   # forward
    lead_in = ' '.join(page_text(built.pdf).split())
    assert 'See Chapter 60 (page 119) for the end, Chapter 30 (page 59) too, and ' \
        'Chapter 1 (page 1).' in lead_in
