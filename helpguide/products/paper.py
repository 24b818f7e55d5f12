"""Paper sizes of the print products, from the one ``guide_paper`` setting.

Letter is the default and A4 the alternative, as for the booklet. A booklet
for saddle-stitching is laid out at half the sheet: half-letter pages for
Letter sheets, A5 pages (exactly half of A4) for A4 sheets.
"""
from sphinx.errors import ConfigError

from helpguide.pdf.templates import PAPER


def sheet_size(config) -> tuple[float, float]:
    """The (width, height) of the paper in points, upright."""
    paper = getattr(config, 'guide_paper', '') or 'letter'
    if paper not in PAPER:
        raise ConfigError(f'guide_paper must be one of {", ".join(sorted(PAPER))}, '
                          f'not {paper!r}')
    return PAPER[paper]


def half_sheet(sheet: tuple[float, float]) -> tuple[float, float]:
    """An upright page half as wide as the sheet turned landscape."""
    width, height = sheet
    return height / 2, width
