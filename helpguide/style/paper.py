"""Paper and page sizes by name or by measure, and lengths, in points."""
import re

from reportlab.lib import pagesizes
from reportlab.lib.units import cm, inch, mm

UNITS = {'mm': mm, 'cm': cm, 'in': inch, 'pt': 1}

#: Names a style or conf.py may give a size by (portrait, in points).
PAPERS = {
    'letter': pagesizes.LETTER,
    'legal': pagesizes.LEGAL,
    'half-letter': (5.5 * inch, 8.5 * inch),
    'executive': (7.25 * inch, 10.5 * inch),
    'a3': pagesizes.A3,
    'a4': pagesizes.A4,
    'a5': pagesizes.A5,
    'a6': pagesizes.A6,
    'b5': pagesizes.B5,
}
_MEASURE = re.compile(r'^\s*(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt)\s*$', re.I)
_LENGTH = re.compile(r'^\s*(\d+(?:\.\d+)?)\s*(mm|cm|in|pt|%)?\s*$')


def page_size(text: str) -> tuple[float, float]:
    """``'a4'`` or ``'6x9in'`` or ``'148 x 210 mm'`` in points; ValueError if neither."""
    name = str(text).strip().lower()
    if name in PAPERS:
        return PAPERS[name]
    match = _MEASURE.match(name)
    if not match:
        raise ValueError(f'{text!r} is not a paper size: give one of {", ".join(PAPERS)}, '
                         'or width x height with mm, cm, in or pt (such as "6x9in")')
    unit = UNITS[match[3].lower()]
    width, height = float(match[1]) * unit, float(match[2]) * unit
    if not (72 <= width <= 14400 and 72 <= height <= 14400):
        raise ValueError(f'{text!r}: a page is from 1 in to 200 in on each side')
    return width, height


def length(value, whole: float) -> float:
    """A margin in points: a number of points, ``'18mm'``, or ``'12%'`` of *whole*."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value < 0:
            raise ValueError(f'{value!r} is negative')
        return float(value)
    match = _LENGTH.match(str(value))
    if not match:
        raise ValueError(f'{value!r} is not a length: give points, or a number with '
                         'mm, cm, in, pt or %')
    number, unit = float(match[1]), (match[2] or 'pt')
    return whole * number / 100 if unit == '%' else number * UNITS[unit]
