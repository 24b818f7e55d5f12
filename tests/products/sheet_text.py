"""Reading back what a printed sheet shows: the text of each half of a side."""
import subprocess

from pypdf import PageObject, PdfReader


def pdftotext(path, page: int, crop: tuple[float, float, float, float] | None = None) -> str:
    """poppler's text of one page (1-based), optionally of the area x, y, w, h only."""
    cmd = ['pdftotext', '-f', str(page), '-l', str(page)]
    if crop:
        x, y, w, h = (str(round(v)) for v in crop)
        cmd += ['-x', x, '-y', y, '-W', w, '-H', h]
    out = subprocess.run([*cmd, str(path), '-'], check=True, capture_output=True, text=True)
    return out.stdout.replace('\f', '').strip()


def halves(path, page: int) -> tuple[str, str]:
    """The text on the left and on the right half of side *page* (1-based)."""
    box = PdfReader(path).pages[page - 1].mediabox
    width, height = float(box.width), float(box.height)
    return (pdftotext(path, page, (0, 0, width / 2, height)),
            pdftotext(path, page, (width / 2, 0, width / 2, height)))


def text_by_x(page: PageObject, x0: float, x1: float) -> str:
    """The text whose start lies between x0 and x1 (page coordinates; text
    drawn directly on the page, not inside form XObjects)."""
    parts = []

    def visit(text, cm, tm, _font, _size):
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        if text.strip() and x0 <= x < x1:
            parts.append(text)

    page.extract_text(visitor_text=visit)
    return ''.join(parts).strip()
