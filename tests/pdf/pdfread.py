"""Read a PDF back the way a reader gets it: outline, labels, links, words, fonts."""
import os
import re
import subprocess
from dataclasses import dataclass
from functools import lru_cache
from html import unescape

from pypdf import PdfReader

from helpguide.style import Style, default_style

# Fonts are read as the print products' tests read them (poppler's pdffonts).
from products.pdf_fonts import fonts  # noqa: F401  (re-exported for these tests)


@dataclass(frozen=True)
class Entry:
    """A contents line: its words, the number printed at its end, where it links."""
    title: str
    printed: str
    target: int


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page index) of every bookmark, in order."""
    out = []

    def walk(items, depth):
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, item.title, reader.get_destination_page_number(item)))
    walk(reader.outline, 0)
    return out


def stranded_headings(reader: PdfReader, path, style: Style | None = None) -> list[str]:
    """Bookmarked headings with nothing after them in their page's text frame,
    whose edges are *style*'s margins (default: the engine's style): what
    the page template draws in the margins (folio, running head) is no text
    under a heading."""
    style = style or default_style()
    stranded = []
    pages = {}

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
                continue
            page = reader.get_destination_page_number(item)
            if page not in pages:
                box = reader.pages[page].mediabox
                margin = style.margins((float(box.width), float(box.height)))
                top, bottom = margin['top'], float(box.height) - margin['bottom']
                pages[page] = [w for w in words(path, page)
                               if top <= (w[1] + w[3]) / 2 <= bottom]
            texts = [w[4] for w in pages[page]]
            title = item.title.split()
            end = next((i + len(title) for i in range(len(texts))
                        if texts[i:i + len(title)] == title), None)
            if end is not None and not pages[page][end:]:
                stranded.append(item.title)
    walk(reader.outline)
    return stranded


def file_version(path) -> tuple:
    """The file as it is now, the key of the readers' caches: a PDF built
    again at the same path reads anew."""
    stat = os.stat(path)
    return str(path), stat.st_ino, stat.st_size, stat.st_mtime_ns


def _pdftotext(*options: str, path) -> str:
    return subprocess.run(['pdftotext', *options, str(path), '-'], check=True,
                          capture_output=True, text=True).stdout


@lru_cache(maxsize=32)
def _page_texts(version: tuple) -> tuple[str, ...]:
    """pdftotext's text of each page (form feed included), read in one call:
    poppler lays out each page on its own, so a page reads the same alone."""
    return tuple(page + '\f' for page in _pdftotext(path=version[0]).split('\f')[:-1])


@lru_cache(maxsize=32)
def _page_words(version: tuple) -> tuple[tuple, ...]:
    """Every page's words with their boxes, read in one call."""
    return tuple(tuple((float(x0), float(y0), float(x1), float(y1), unescape(text))
                       for x0, y0, x1, y1, text in re.findall(
                           r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                           r'yMax="([\d.]+)">([^<]*)</word>', page))
                 for page in _pdftotext('-bbox', path=version[0]).split('<page ')[1:])


def words(path, page_index: int) -> list[tuple[float, float, float, float, str]]:
    """Words of one page with boxes in PDF points, y measured from the top."""
    return list(_page_words(file_version(path))[page_index])


def assert_page_references_read_as_text(path, word='(page'):
    """Every "(page N)" of the booklet's body reads with one space, its number
    sits one word space after *word* and the next word one word space after
    its ")" (the widest other gap between words of its line, or a third of an
    em, at most; never overlapping), whatever N's digits."""
    reader = PdfReader(path)
    pages, body = len(reader.pages), reader.page_labels.index('1')
    text = ' '.join(page_text(path, body, pages - 1).split())
    assert len(re.findall(re.escape(word) + r' \d+\)', text)) >= 3, text
    assert not re.search(re.escape(word) + r'(\s*\)| \d+ \)| \d+\) [.,;:])', text), text
    found = 0
    for index in range(body, pages):
        page_words = words(path, index)
        for at, (_x0, y0, x1, y1, text) in enumerate(page_words[:-1]):
            number = page_words[at + 1]
            if text != word or abs(number[1] - y0) > 1:
                continue
            line = [w for w in page_words if abs(w[1] - y0) < 1 and w is not number]
            gaps = [b[0] - a[2] for a, b in zip(line, line[1:]) if 0 < b[0] - a[2] < 20]
            assert re.fullmatch(r'\d+\)[.,;:]?', number[4]), number
            space = max(gaps, default=0.35 * (y1 - y0)) + 0.2  # a word space, at most
            assert number[0] - x1 <= space, (index, number, x1, gaps)
            after = page_words[at + 2] if at + 2 < len(page_words) else None
            if after and abs(after[1] - y0) < 1:  # the line goes on after ")"
                assert 0 < after[0] - number[2] <= space, (index, number, after, gaps)
            found += 1
    assert found >= 3


def line_text(path) -> str:
    """The words of every page line by line, top to bottom and left to right:
    what a reader reads, where pdftotext's own order may split a line into
    columns (a heading's number set apart from its words)."""
    out = []
    for page in _page_words(file_version(path)):
        found = sorted(page, key=lambda w: (round(w[1] / 3), w[0]))
        out.extend(word[4] for word in found)
    return ' '.join(out)


def page_text(path, first: int | None = None, last: int | None = None) -> str:
    """pdftotext's text of pages *first*..*last* (0-based, inclusive)."""
    pages = _page_texts(file_version(path))
    if first is None:
        return ''.join(pages)
    return ''.join(pages[first:(last if last is not None else first) + 1])


def link_target(reader: PdfReader, annot) -> int | None:
    """Page index an internal link annotation goes to."""
    dest = annot.get('/Dest')
    if dest is None and annot.get('/A') is not None and annot['/A'].get('/S') == '/GoTo':
        dest = annot['/A']['/D']
    if dest is None:
        return None
    if isinstance(dest, str):
        dest = reader.named_destinations[dest]
        return reader.get_destination_page_number(dest)
    return reader.get_page_number(dest[0].get_object())


def links(reader: PdfReader, page_index: int):
    """(rect, target page index) of the internal links on a page."""
    page = reader.pages[page_index]
    out = []
    for ref in page.get('/Annots', []):
        annot = ref.get_object()
        if annot.get('/Subtype') == '/Link':
            target = link_target(reader, annot)
            if target is not None:
                out.append(([float(v) for v in annot['/Rect']], target))
    return out


def contents(reader: PdfReader, path, pages) -> list[Entry]:
    """Every linked line of the contents pages, with the number printed on it."""
    entries = []
    for index in pages:
        height = float(reader.pages[index].mediabox.height)
        page_words = words(path, index)
        for (x0, y0, x1, y1), target in links(reader, index):
            top, bottom = height - y1, height - y0
            inside = [w for w in page_words if top - 1 <= (w[1] + w[3]) / 2 <= bottom + 1
                      and x0 - 1 <= w[0] <= x1 + 1]
            texts = [w[4] for w in sorted(inside, key=lambda w: (round(w[1]), w[0]))
                     if set(w[4]) != {'.'}]
            entries.append(Entry(' '.join(texts[:-1]), texts[-1] if texts else '', target))
    return entries


def printed_references(reader, path):
    """(page index, linked text, what follows it, target page index) of every
    internal link in the body (up to the index, whose page numbers are its
    links): a link broken over lines is one reference."""
    found = []
    back = [page for depth, title, page in outline(reader) if depth == 0 and title == 'Index']
    for index in range(reader.page_labels.index('1'), (back or [len(reader.pages)])[0]):
        height = float(reader.pages[index].mediabox.height)
        page_words = words(path, index)
        areas = links(reader, index)

        def target_of(word):
            x0, y0, x1, y1, _text = word
            return next((target for (ax0, ay0, ax1, ay1), target in areas
                         if ax0 - 1 <= x0 and x1 <= ax1 + 1
                         and height - ay1 - 2 <= y0 and y1 <= height - ay0 + 2), None)
        targets = [target_of(word) for word in page_words]
        for i, target in enumerate(targets):
            if target is None or (i + 1 < len(targets) and targets[i + 1] == target):
                continue  # not linked, or the reference goes on
            start = i
            while start and targets[start - 1] == target:
                start -= 1
            found.append((index, ' '.join(w[4] for w in page_words[start:i + 1]),
                          ' '.join(w[4] for w in page_words[i + 1:i + 4]), target))
    return found


def assert_references_print_their_targets(reader, path) -> list:
    """Every internal reference in the body prints "(page N)" after its linked
    words, N the label of the page its link leads to; the references."""
    references = printed_references(reader, path)
    assert len(references) >= 3, references
    for page, text, after, target in references:
        printed = re.match(r'\(page (\w+)\)', after)
        assert printed, (page, text, after)
        assert printed[1] == reader.page_labels[target], (page, text, after, target)
    return references


def text_runs(path, page_index: int) -> list[tuple[str, str, float, tuple]]:
    """(text, font, size, fill colour) of each run of text a page shows, as
    its content stream sets them (forms it draws included)."""
    runs = []
    colour = [()]

    def operand(op, args, _cm, _tm):
        if op in (b'rg', b'g', b'k', b'sc', b'scn'):
            colour[0] = tuple(round(float(a), 3) for a in args)

    def text(shown, _cm, _tm, font, size):
        if shown.strip():
            runs.append((shown, font and font.get('/BaseFont'), size, colour[0]))
    PdfReader(path).pages[page_index].extract_text(visitor_operand_before=operand,
                                                   visitor_text=text)
    return runs
