"""The ``booklet`` builder: the whole project as one printable PDF book."""
from sphinx.util import logging
from sphinx.util.display import progress_message

from .booklet import write_book
from .printing import PrintBuilder

logger = logging.getLogger(__name__)


class BookletBuilder(PrintBuilder):
    """Inline every toctree of the root document, render it, write one PDF."""

    name = 'booklet'
    product = 'the booklet'
    epilog = 'The booklet is in %(outdir)s.'

    @progress_message('writing the booklet')
    def write_documents(self, _docnames) -> None:
        for _paper in self.editions():
            target = self.target(self.edition_name(self.setting('booklet_filename',
                                                                'guide.pdf')))
            pages = write_book(self, target, self.book_page)
            if pages is None:
                return
            logger.info('booklet: %d pages written to %s', pages, target)
