"""Reading a booklet's index back (tests/pdf/test_booklet_index.py and the
keep rules' other papers), and what the guide's index holds."""
import re
from pathlib import Path

from pypdf import PdfReader

from tests.pdf.pdfread import links, page_text, words

#: (term, subterm) the reader finds in the guide's index, one per program
#: name as the reader knows it.
PROGRAMS = [('Eudora', '3.x'), ('Eudora', '5.x'), ('Eudora', 'on Mac OS X 10.0 or 10.1'),
            ('Eudora Lite', None), ('Netscape', '3.x'), ('Netscape Communicator', '4.7.5 (Mac)'),
            ('Netscape Mail', '6.x and 7.x'), ('Netscape Messenger', '4.7x'),
            ('OS X Mail', None), ('Outlook', '2002'), ('Outlook', '2000'),
            ('Outlook Express', None), ('Outlook Express', '5 and 6'), ('Entourage', None),
            ('Incredimail', None)]


def text(pdf: Path, first: int, last: int) -> str:
    """The text of physical pages *first* to *last* (1-based), in reading order."""
    return page_text(pdf, first - 1, last - 1)


def index_start(reader: PdfReader, title: str = 'Index') -> int:
    """The 0-based page the index's bookmark leads to."""
    [item] = [item for item in reader.outline if not isinstance(item, list)
              and item.title == title]
    return reader.get_destination_page_number(item)


def index_lines(pdf: Path, reader: PdfReader) -> list[str]:
    lines = text(pdf, index_start(reader) + 1, len(reader.pages)).splitlines()
    return [line.strip() for line in lines if line.strip()]


NUMBERED = re.compile(r'^(.*?),((?: \d+,?)+)$')


def numbered(line: str) -> tuple[str, list[str]]:
    """(text, its page numbers) of an index line; ('', []) for a line without."""
    match = NUMBERED.match(line)
    return (match[1], match[2].replace(',', ' ').split()) if match else ('', [])


def check_programs_have_their_pages(pdf: Path) -> None:
    """Every program is in the index with a page number, and each page it
    names holds the program's name (and versions)."""
    reader = PdfReader(pdf)
    lines = index_lines(pdf, reader)
    assert lines[0] == 'Index'
    labels = list(reader.page_labels)
    for term, sub in PROGRAMS:
        at = next(i for i, line in enumerate(lines) if term in (line, numbered(line)[0]))
        if sub is None:
            pages = numbered(lines[at])[1]
        else:
            pages = next(numbered(line)[1] for line in lines[at + 1:]
                         if numbered(line)[0] == sub)
        assert pages, f'{term}; {sub} has no page number'
        for page in pages:
            number = labels.index(page) + 1
            flat = ' '.join(text(pdf, number, number).split())
            assert term in flat, f'{term} not on page {page}'
            assert sub is None or sub in flat, f'{sub} not on page {page}'


def check_numbers_link_to_their_pages(pdf: Path) -> None:
    """Each printed number is the label of the page its own link leads to,
    and every number printed is a link."""
    reader = PdfReader(pdf)
    labels = list(reader.page_labels)
    printed = linked = 0
    for index in range(index_start(reader), len(reader.pages)):
        height = float(reader.pages[index].mediabox.height)
        areas = links(reader, index)
        previous = ''
        for x0, y0, x1, y1, word in words(pdf, index):
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


def check_entries_on_their_pages(pdf: Path) -> None:
    """The passage each number leads to holds the words of the entry it
    follows (the entry's own line, or the line above where the numbers
    wrapped): on the page named, or, for a key term whose passage (a
    program's steps) starts at the foot of that page, on the next."""
    reader = PdfReader(pdf)
    labels = list(reader.page_labels)
    checked = 0
    for index in range(index_start(reader), len(reader.pages)):
        middle = float(reader.pages[index].mediabox.width) / 2
        lines = {}
        for x0, y0, _x1, _y1, word in words(pdf, index):
            lines.setdefault((x0 >= middle, round(y0)), []).append(word)
        entry = ''
        for _key, line in sorted(lines.items()):
            text = ' '.join(line)
            head, numbers = numbered(text)
            if not numbers and re.fullmatch(r'[\d, ]+', text):  # numbers wrapped
                numbers = text.replace(',', ' ').split()
            elif numbers:
                entry = head
            for number in numbers:
                page = labels.index(number)
                on_page = ' '.join(text_words(pdf, page) + text_words(pdf, page + 1)
                                   if page + 1 < len(labels) else text_words(pdf, page)).lower()
                for word in re.findall(r'[\w.]+', entry):
                    assert word.lower() in on_page, (entry, number)
                checked += 1
            if not numbers:
                entry = text
    assert checked > 40


def text_words(pdf: Path, index: int) -> list[str]:
    return [word for *_box, word in words(pdf, index)]
