"""The ``booklet`` builder: the whole project as one PDF book, in a print
edition (``guide.pdf``) and a screen edition (``guide-screen.pdf``)."""
import logging as logging_
from contextlib import contextmanager

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
        name = self.setting('booklet_filename', 'guide.pdf')
        said = set()
        record = self.record()
        for paper in self.editions():
            for screen in (edition == 'screen' for edition in self.config.booklet_editions):
                target = self.target(self.edition_name(screen_name(name) if screen else name))
                # Every document is in the book.
                inputs = self.inputs.of(self.inputs.every_document, paper, f'screen={screen}')
                if self.up_to_date(record, target.name, inputs):
                    continue
                with said_once(said, screen):
                    pages = write_book(self, target, self.book_page, screen=screen)
                if pages is None:
                    return
                record.note(target.name, inputs)
                logger.info('booklet: %d pages written to %s', pages, target)
        record.save()


def _said_key(record: logging_.LogRecord):
    return record.levelno, record.getMessage(), str(getattr(record, 'location', ''))


@contextmanager
def said_once(said: set, screen: bool):
    """The print edition's messages as they come, their (level, message,
    location) kept in *said*; the screen edition's, rendered from the same
    sources, only where the print edition did not say the same."""
    if not screen:
        with logging.pending_logging() as memory:
            yield
            said.clear()
            said.update(map(_said_key, memory.buffer))
        return
    with logging.suppress_logging() as memory:
        yield
    for record in memory.buffer:
        if _said_key(record) not in said:
            logging_.getLogger(logging.NAMESPACE).handle(record)


def screen_name(filename: str) -> str:
    """The screen edition's file name: ``guide-screen.pdf`` for ``guide.pdf``."""
    stem, dot, suffix = filename.rpartition('.')
    return f'{stem}-screen{dot}{suffix}' if dot else f'{filename}-screen'
