"""The ``saddle-stitch`` builder: the booklet laid out at half the sheet
and imposed for printing on both sides and folding in the middle,
``<outdir>/guide-saddle-stitch.pdf``.

The book is made as the booklet builder makes it, on half-letter pages (A5
with ``guide_paper = 'a4'``); :mod:`.imposition` then puts the pages two to
a side of a Letter (A4) sheet in printer-spread order, without scaling.
"""
from sphinx.util import logging
from sphinx.util.display import progress_message

from sphinx.errors import SphinxError

from helpguide.pdf.booklet import write_book
from helpguide.pdf.printing import PrintBuilder
from helpguide.style.paper import page_size

logger = logging.getLogger(__name__)

FILENAME = 'guide-saddle-stitch.pdf'


def half_sheet(sheet: tuple[float, float]) -> tuple[float, float]:
    """An upright page half as wide as the sheet turned landscape: half-letter
    for Letter, A5 (exactly half of A4) for A4."""
    width, height = sheet
    return height / 2, width


def saddle_page(style, sheet: tuple[float, float]) -> tuple[float, float]:
    """The booklet's page on *sheet*: the style's ``[page] saddle_stitch``
    size, else half the sheet."""
    half = half_sheet(sheet)
    size = style['page']['saddle_stitch']
    if size == 'half-sheet':
        return half
    page = page_size(size)
    if page[0] > half[0] + 0.5 or page[1] > half[1] + 0.5:
        raise SphinxError(
            f'{style.path}:{style.line("page", "saddle_stitch")}: [page] saddle_stitch '
            f'{size!r} ({page[0]:.0f} x {page[1]:.0f} pt) is larger than half the sheet '
            f'({half[0]:.0f} x {half[1]:.0f} pt)')
    return page


class SaddleStitchBuilder(PrintBuilder):
    """The booklet at half size, then imposed onto full sheets."""

    name = 'saddle-stitch'
    product = 'the saddle-stitch booklet'
    epilog = 'The saddle-stitch booklet is in %(outdir)s.'

    def write_documents(self, _docnames) -> None:
        record = self.record()
        for paper in self.editions():
            # The half-size booklet: an intermediate file beside the product.
            target = self.target(self.edition_name(FILENAME))
            inputs = self.inputs.of(self.inputs.every_document, paper)
            if self.up_to_date(record, target.name, inputs):
                continue
            pages = self.target(f'.{target.name}.pages.pdf')
            pages.unlink(missing_ok=True)  # left by a build that was killed
            with progress_message('writing the booklet at half size'):
                written = write_book(self, pages, saddle_page(self.style, self.pagesize))
            if written is None:
                return  # it failed and said why; the last imposed file stays
            try:
                self.impose(pages, target)
            finally:
                pages.unlink(missing_ok=True)
            record.note(target.name, inputs)
        record.save()

    @progress_message('imposing the booklet for saddle-stitching')
    def impose(self, pages, target) -> None:
        from .imposition import impose  # pypdf: only where a booklet is imposed

        sheets = impose(pages, target, self.pagesize)
        logger.info('saddle-stitch: %d sheets written to %s', sheets, target)
