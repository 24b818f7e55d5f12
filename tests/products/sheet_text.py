"""Reading back what a printed sheet shows, with pypdf."""
from pypdf import PageObject


def text_by_x(page: PageObject, x0: float, x1: float) -> str:
    """The text whose start lies between x0 and x1 (page coordinates)."""
    parts = []

    def visit(text, cm, tm, _font, _size):
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        if text.strip() and x0 <= x < x1:
            parts.append(text)

    page.extract_text(visitor_text=visit)
    return ''.join(parts).strip()


def halves(page: PageObject) -> tuple[str, str]:
    """The text on the left and on the right half of a sheet side."""
    width = float(page.mediabox.width)
    return text_by_x(page, 0, width / 2), text_by_x(page, width / 2, width)
