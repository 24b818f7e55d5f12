"""What a tool laid out: the text of its PDF, read back as poppler extracts it.

The benchmark compares tools only on equal text, so it counts, per PDF, the
characters (white space not counted, ligatures as their letters: Unicode
NFKC), the words and the pages of the text a reader reads. Two things each
tool draws in its own way are not text of the guide and are left out:

- page furniture: the running heads and folios. A row of words is furniture
  when it is the top or bottom row of its page and the same row (same
  height, same text once page numbers are read as one) is the top or bottom
  row of another page too. A chapter's title or a body line is a page's top
  row too, but never the same text at the same height on two pages;
- leader dots, the dots between a contents entry and its page number.

    python benchmarks/content.py some.pdf [...]
"""
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

_NS = '{http://www.w3.org/1999/xhtml}'
_LEADER = re.compile(r'[.\u2026\u00b7]+')
_FOLIO = re.compile(r'\d+|\b[ivxlcdm]+\b')


@dataclass(frozen=True)
class Word:
    text: str
    top: float
    bottom: float


def pdf_words(pdf: Path) -> list[list[Word]]:
    """The words of each page, as ``pdftotext -bbox`` places them."""
    xhtml = subprocess.run(['pdftotext', '-bbox', '-enc', 'UTF-8', str(pdf), '-'],
                           check=True, capture_output=True, text=True).stdout
    pages = []
    for page in ElementTree.fromstring(xhtml).iter(f'{_NS}page'):
        pages.append([Word(unicodedata.normalize('NFKC', w.text or ''),
                           float(w.get('yMin')), float(w.get('yMax')))
                      for w in page.iter(f'{_NS}word')])
    return pages


def rows(words: list[Word]) -> list[list[Word]]:
    """The page's words in rows, top to bottom: words whose heights overlap."""
    found: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.bottom)):
        row = found[-1] if found else None
        if row and word.top < max(w.bottom for w in row) - 0.5:
            row.append(word)
        else:
            found.append([word])
    return found


def _signature(edge: str, row: list[Word]) -> tuple:
    text = ' '.join(w.text for w in row)
    return edge, round(min(w.top for w in row)), _FOLIO.sub('#', text)


def furniture(pages: list[list[list[Word]]]) -> set[int]:
    """ids of the rows (of ``pages``' rows) that are running heads or folios."""
    edges = []
    for page in pages:
        if page:
            edges.append(('top', page[0]))
            if len(page) > 1:
                edges.append(('bottom', page[-1]))
    seen = Counter(_signature(edge, row) for edge, row in edges)
    return {id(row) for edge, row in edges if seen[_signature(edge, row)] > 1}


def is_leader(word: Word, row: list[Word]) -> bool:
    if not _LEADER.fullmatch(word.text):
        return False
    return len(word.text) >= 3 or sum(bool(_LEADER.fullmatch(w.text)) for w in row) >= 3


def laid_out(pdf: Path) -> dict:
    """Characters, words and pages of the guide's text in ``pdf``, and the
    characters left out as furniture and leaders."""
    pages = [rows(words) for words in pdf_words(pdf)]
    skip = furniture(pages)
    chars = words = furniture_chars = leader_chars = 0
    for page in pages:
        for row in page:
            for word in row:
                size = len(''.join(word.text.split()))
                if id(row) in skip:
                    furniture_chars += size
                elif is_leader(word, row):
                    leader_chars += size
                elif size:
                    chars += size
                    words += 1
    return {'chars': chars, 'words': words, 'pages': len(pages),
            'furniture_chars': furniture_chars, 'leader_chars': leader_chars}


def text_rows(pdf: Path) -> list[str]:
    """The rows counted, as text: for looking at what a tool laid out."""
    pages = [rows(words) for words in pdf_words(pdf)]
    skip = furniture(pages)
    return [' '.join(w.text for w in row if not is_leader(w, row))
            for page in pages for row in page if id(row) not in skip]


if __name__ == '__main__':
    for name in sys.argv[1:]:
        print(name, laid_out(Path(name)))
