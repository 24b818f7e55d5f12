"""The booklet's index, read back from the real guide's print and screen
editions: every program with the pages it is on, each page number a link to
the page it names, which holds the term; a bookmark, a contents line with
its page, an Index structure element. A book without index entries has no
index. (The A4 booklet and the saddle-stitch pages are read the same way in
tests/products/test_keep_rules.py.)"""
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from index_read import (check_entries_on_their_pages, check_numbers_link_to_their_pages,
                        check_programs_have_their_pages, index_start, text)
from structure import structure


@pytest.fixture(scope='module', params=['guide.pdf', 'guide-screen.pdf'])
def booklet(request, real_guide):
    return Path(real_guide('booklet').outdir) / request.param


def test_every_program_is_in_the_index_with_its_pages(booklet):
    check_programs_have_their_pages(booklet)


def test_every_index_number_links_to_the_page_it_names(booklet):
    check_numbers_link_to_their_pages(booklet)


def test_the_index_has_a_bookmark_and_a_contents_line(booklet):
    reader = PdfReader(booklet)
    start = index_start(reader)
    assert start == len(reader.pages) - 1  # back matter: the book's last page(s)
    label = reader.page_labels[start]
    contents = ' '.join(text(booklet, 1, start).split())
    assert re.search(rf'Index[ .]*{label}\b', contents), contents[-300:]
    assert ' '.join(text(booklet, start + 1, start + 1).split()).startswith('Index A ')


def test_the_index_is_an_index_element_with_its_heading_and_entries(booklet):
    [index] = structure(booklet).find('Index')
    assert index.roles[0] == 'H1'
    assert index.roles.count('H2') >= 8  # the letters: A, E, I, N, O, P, S, T, U
    assert index.roles.count('P') > 50
    assert index.find('Link')


def test_a_book_without_index_entries_has_no_index(booklet_of):
    book = booklet_of('pdf-basic')
    titles = [item.title for item in book.reader.outline if not isinstance(item, list)]
    assert 'Contents' in titles and 'Index' not in titles
    assert 'Index' not in text(book.pdf, 1, len(book.reader.pages))


def test_every_page_an_entry_names_holds_its_words(booklet):
    check_entries_on_their_pages(booklet)
