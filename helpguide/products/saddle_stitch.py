"""The ``saddle-stitch`` builder: the booklet laid out at half the sheet
and imposed for printing on both sides and folding in the middle,
``<outdir>/guide-saddle-stitch.pdf``.

The booklet builder lays the book out on half-letter pages (A5 with
``guide_paper = 'a4'``); :mod:`.imposition` then puts the pages two to a
side of a Letter (A4) sheet in printer-spread order, without scaling.
"""
from pathlib import Path

from sphinx.util import logging
from sphinx.util.display import progress_message

from helpguide.pdf.builder import BookletBuilder

logger = logging.getLogger(__name__)

FILENAME = 'guide-saddle-stitch.pdf'


def half_sheet(sheet: tuple[float, float]) -> tuple[float, float]:
    """An upright page half as wide as the sheet turned landscape: half-letter
    for Letter, A5 (exactly half of A4) for A4."""
    width, height = sheet
    return height / 2, width


class SaddleStitchBuilder(BookletBuilder):
    """The booklet at half size, then imposed onto full sheets."""

    name = 'saddle-stitch'
    epilog = 'The saddle-stitch booklet is in %(outdir)s.'

    @property
    def sheet(self) -> tuple[float, float]:
        """The paper (``guide_paper``): the booklet builder's page size."""
        return super().pagesize

    @property
    def pagesize(self) -> tuple[float, float]:
        return half_sheet(self.sheet)

    @property
    def target(self) -> Path:
        """The half-size booklet, an intermediate file beside the product."""
        return Path(self.outdir) / f'.{FILENAME}.pages.pdf'

    def write_documents(self, docnames) -> None:
        self.target.unlink(missing_ok=True)  # left by a build that was killed
        super().write_documents(docnames)
        if not self.target.exists():
            return  # the booklet failed and said why; the last imposed file stays
        self.impose()

    @progress_message('imposing the booklet for saddle-stitching')
    def impose(self) -> None:
        from .imposition import impose  # pypdf: only where a booklet is imposed

        pages = self.target
        target = Path(self.outdir) / FILENAME
        try:
            sheets = impose(pages, target, self.sheet)
        finally:
            pages.unlink(missing_ok=True)
        logger.info('saddle-stitch: %d sheets written to %s', sheets, target)
