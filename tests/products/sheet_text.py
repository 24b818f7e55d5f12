"""Reading back what a printed sheet shows: the text of each half of a side."""
import subprocess
from functools import lru_cache

from PIL import Image
from pypdf import PdfReader

from tests.pdf.pdfread import file_version, words


def pdftotext(path, page: int, crop: tuple[float, float, float, float] | None = None) -> str:
    """poppler's text of one page (1-based), optionally of the area x, y, w, h only."""
    return _page_texts(file_version(path), crop and tuple(round(v) for v in crop))[page - 1]


@lru_cache(maxsize=32)
def _page_texts(version: tuple, crop: tuple[int, int, int, int] | None) -> tuple[str, ...]:
    """poppler's text of every page (of the same area of each), in one call:
    poppler lays out each page on its own, so a page reads the same alone."""
    cmd = ['pdftotext']
    if crop:
        cmd += [option for name, value in zip(('-x', '-y', '-W', '-H'), crop)
                for option in (name, str(value))]
    out = subprocess.run([*cmd, version[0], '-'], check=True, capture_output=True, text=True)
    return tuple(page.strip() for page in out.stdout.split('\f')[:-1])


def halves(path, page: int) -> tuple[str, str]:
    """The text on the left and on the right half of side *page* (1-based)."""
    box = PdfReader(path).pages[page - 1].mediabox
    width, height = float(box.width), float(box.height)
    return (pdftotext(path, page, (0, 0, width / 2, height)),
            pdftotext(path, page, (width / 2, 0, width / 2, height)))


def word_boxes(path, page: int) -> list[tuple[float, float, float, float, str]]:
    """(x0, y0, x1, y1, word) of one page (1-based), y measured from the top."""
    return words(path, page - 1)


def text_by_x(path, page: int, x0: float, x1: float) -> str:
    """The words of one page (1-based) whose left edge lies between x0 and x1
    (points from the left of the paper), as poppler places them."""
    return ' '.join(word for left, _, _, _, word in word_boxes(path, page) if x0 <= left < x1)


def inked(path, page: int, box: tuple[float, float, float, float], workdir) -> bool:
    """Whether poppler prints anything in *box* (x0, y0, x1, y1: points from
    the top left) of one page (1-based): what the paper shows, clipping
    included, which its text extraction ignores."""
    stem = workdir / f'page-{page}'
    subprocess.run(['pdftoppm', '-f', str(page), '-l', str(page), '-r', '72', '-gray',
                    '-singlefile', '-png', str(path), str(stem)], check=True)
    with Image.open(stem.with_suffix('.png')) as image:
        darkest, _ = image.convert('L').crop(tuple(round(v) for v in box)).getextrema()
    return darkest < 128


def outside_margins(path, margin: float) -> list[str]:
    """Words of any page closer than *margin* points to an edge of the paper."""
    reader = PdfReader(path)
    stray = []
    for number, page in enumerate(reader.pages, start=1):
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        for x0, y0, x1, y1, word in word_boxes(path, number):
            if x0 < margin or y0 < margin or x1 > width - margin or y1 > height - margin:
                stray.append(f'page {number}: {word!r} at ({x0:.0f}, {y0:.0f})')
    return stray
