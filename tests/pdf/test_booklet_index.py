"""The booklet's index, read back from the real guide's print and screen
editions: every program with the pages it is on, each page number a link to
a page that holds the term, a bookmark, and a contents line with its page."""
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from pdfread import links, words
from tests.test_index_html import PROGRAMS


def text(pdf: Path, first: int, last: int) -> str:
    """The text of physical pages *first* to *last* (1-based), in reading order."""
    return subprocess.run(['pdftotext', '-f', str(first), '-l', str(last), str(pdf), '-'],
                          check=True, capture_output=True, text=True).stdout


def index_start(reader: PdfReader) -> int:
    """The 0-based page the Index bookmark leads to."""
    [item] = [item for item in reader.outline if not isinstance(item, list)
              and item.title == 'Index']
    return reader.get_destination_page_number(item)


@pytest.fixture(scope='module', params=['guide.pdf', 'guide-screen.pdf'])
def booklet(request, real_guide):
    return Path(real_guide('booklet').outdir) / request.param


def index_lines(pdf: Path, reader: PdfReader) -> list[str]:
    lines = text(pdf, index_start(reader) + 1, len(reader.pages)).splitlines()
    return [line.strip() for line in lines if line.strip()]


NUMBERED = re.compile(r'^(.*?),((?: \d+,?)+)$')


def numbered(line: str) -> tuple[str, list[str]] | None:
    match = NUMBERED.match(line)
    return match and (match[1], match[2].replace(',', ' ').split())


def test_every_program_is_in_the_index_with_its_pages(booklet):
    reader = PdfReader(booklet)
    lines = index_lines(booklet, reader)
    assert lines[0] == 'Index'
    labels = list(reader.page_labels)
    for term, sub in PROGRAMS:
        if sub is None:
            found = [numbered(line) for line in lines if (numbered(line) or ('',))[0] == term]
        else:
            at = next(i for i, line in enumerate(lines)
                      if term in (line, (numbered(line) or ('',))[0]))
            found = [numbered(line) for line in lines[at + 1:]
                     if (numbered(line) or ('',))[0] == sub][:1]
        assert found, f'{term}; {sub} has no page number'
        for page in found[0][1]:
            page_text = text(booklet, labels.index(page) + 1, labels.index(page) + 1)
            flat = ' '.join(page_text.split())
            assert term in flat, f'{term} not on page {page}'
            assert sub is None or sub in flat, f'{sub} not on page {page}'


def test_every_index_number_links_to_the_page_it_names(booklet):
    """Each printed number is the label of the page its own link leads to,
    and every number printed is a link."""
    reader = PdfReader(booklet)
    labels = list(reader.page_labels)
    printed = linked = 0
    for index in range(index_start(reader), len(reader.pages)):
        height = float(reader.pages[index].mediabox.height)
        areas = links(reader, index)
        previous = ''
        for x0, y0, x1, y1, word in words(booklet, index):
            # a page number follows the term's comma ("2000" of "Outlook; 2000" does not)
            is_number = re.fullmatch(r'\d+,?', word) and previous.endswith(',')
            previous = word
            if not is_number:
                continue
            printed += 1
            [target] = [target for (ax0, ay0, ax1, ay1), target in areas
                        if ax0 - 1 <= x0 < ax1 and height - ay1 - 2 <= y0
                        and y1 <= height - ay0 + 2]
            assert word.rstrip(',') == labels[target], (index, word, target)
            linked += 1
    assert printed == linked > 40


def test_the_index_has_a_bookmark_and_a_contents_line(booklet):
    reader = PdfReader(booklet)
    start = index_start(reader)
    label = reader.page_labels[start]
    contents = ' '.join(text(booklet, 1, start).split())
    assert re.search(rf'Index[ .]*{label}\b', contents), contents[-300:]
    assert ' '.join(text(booklet, start + 1, start + 1).split()).startswith('Index A ')
