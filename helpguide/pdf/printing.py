"""The base of every print builder: the booklet, the saddle-stitch booklet,
the handouts and the support checklist form.

What they share is here and nothing else: the paper (``guide_paper``) and
page size, the guide's settings, links that stay inside one PDF, and access
to the doctrees Sphinx has read. Each builder writes its product in
:meth:`PrintBuilder.write_documents`.

Every build with the extension loads this module, HTML included, so nothing
of the renderer or ReportLab's layout engine is imported here.
"""
from functools import cached_property
from pathlib import Path

from docutils import nodes
from sphinx.builders import Builder
from sphinx.util import logging
from sphinx.util.docutils import LoggingReporter

from helpguide.compat.sphinx import doctrees_in_memory, fail_build
from helpguide.settings import setting
from helpguide.style import style_of, style_problems
from helpguide.style.paper import PAPERS as PAPER

from ..staging import scratch_path
from .uptodate import Inputs, Record

logger = logging.getLogger(__name__)


class PrintBuilder(Builder):
    """A builder whose output is made from every document at once.

    *product* names the output in Sphinx's "building [...]: targets" line
    and in this builder's one-line errors.
    """

    format = 'pdf'
    product = 'the PDF'
    # SVG last: where a source names 'picture.*', a bitmap is preferred
    supported_image_types = ['image/png', 'image/jpeg', 'image/gif', 'image/svg+xml']
    supported_remote_images = False

    def setting(self, name: str, default=''):
        """A setting from conf.py, or *default* where the project has none."""
        return setting(self.config, name, default)

    @property
    def paper(self) -> str:
        """The paper of the edition being written (:meth:`editions`), else ``guide_paper``."""
        return getattr(self, '_edition', None) or self.setting('guide_paper', 'letter')

    @property
    def papers(self) -> list[str]:
        """The papers of the editions: ``guide_papers``, else ``guide_paper`` alone."""
        return list(self.config.guide_papers) or [self.setting('guide_paper', 'letter')]

    def editions(self):
        """Each paper of :attr:`papers`, with :attr:`paper` (and so the page
        sizes) that paper's while the caller writes its edition."""
        for paper in self.papers:
            self._edition = paper
            try:
                yield paper
            finally:
                self._edition = None

    def edition_name(self, filename: str, paper: str | None = None) -> str:
        """*filename* as an edition names it: ``guide-a4.pdf`` for ``guide.pdf``
        where several papers are listed; unchanged for a single paper."""
        if len(self.papers) < 2:
            return filename
        stem, dot, suffix = filename.rpartition('.')
        return f'{stem}-{paper or self.paper}{dot}{suffix}' if dot else f'{filename}-{paper}'

    @property
    def pagesize(self) -> tuple[float, float]:
        """Size of the product's pages on the paper."""
        return PAPER[self.paper]

    @property
    def style(self):
        """The guide's style (:mod:`helpguide.style`): fonts, colours, page geometry."""
        return style_of(self)

    @property
    def book_page(self) -> tuple[float, float]:
        """The booklet's page: the paper's, unless the style sets its own size."""
        return self.style.page_size(self.paper)

    def style_failed(self) -> bool:
        """True (and the build fails) if the style has mistakes: they were
        reported as the build began, and nothing is written with a wrong look."""
        if style_problems(self):
            logger.error('%s: not written, the style has errors; the last good output '
                         'is kept', self.name)
            self.failed()
            return True
        return False

    def get_outdated_docs(self) -> str:
        return self.product  # one output from every document: always rebuilt

    def get_target_uri(self, docname: str, typ: str | None = None) -> str:
        return f'%{docname}'  # a destination inside the PDF (pdf/markup.py)

    def get_relative_uri(self, from_: str, to: str, typ: str | None = None) -> str:
        return self.get_target_uri(to, typ)  # one file: no relative paths

    @property
    def _read_in_memory(self) -> dict:
        # A parallel read's doctrees stayed in the reading processes: unpickled.
        return doctrees_in_memory(self.env)

    def doctree(self, docname: str) -> nodes.document:
        """*docname*'s unresolved doctree, a tree of its own on every call:
        the one Sphinx has just read, if it kept it in memory (taking it
        saves unpickling a copy and holding both), else unpickled."""
        tree = self._read_in_memory.pop(docname, None)
        if tree is None:
            return self.env.get_doctree(docname)
        tree.settings.env = self.env
        tree.reporter = LoggingReporter(str(self.env.doc2path(docname)))
        return tree

    def drop_read_doctrees(self) -> None:
        """Free the doctrees Sphinx kept in memory that were not taken."""
        self._read_in_memory.clear()

    def resolved_doctree(self, docname: str) -> nodes.document:
        """*docname*'s doctree with its references and toctrees resolved."""
        tree = self.env.get_and_resolve_doctree(docname, self, tags=self.tags)
        tree['docname'] = docname
        return tree

    def missing(self, what: str) -> None:
        """Say in one line that the project lacks what this product is made
        from, and fail the build without writing anything."""
        logger.error('%s: %s, so there is nothing to write', self.name, what)
        self.failed()

    def failed(self) -> None:
        """The build fails (exit status 1) without a crash report."""
        fail_build(self)

    def target(self, name: str) -> Path:
        return Path(self.outdir) / name

    @property
    def published(self) -> Path:
        """The folder this build's files are published in: the output folder,
        or the one it is the scratch folder of (a product whose files share
        their folder with other products', :mod:`helpguide.staging`)."""
        outdir = Path(self.outdir)
        return outdir.parent if scratch_path(outdir.parent) == outdir else outdir

    @cached_property
    def inputs(self) -> Inputs:
        """What this product's files are made from (:mod:`.uptodate`)."""
        return Inputs(self)

    def record(self) -> Record:
        """The record of what each published file was made from."""
        return Record(self.name, self.published, Path(self.outdir))

    def up_to_date(self, record: Record, filename: str, inputs: str) -> bool:
        """True (and said) if *filename* need not be made again."""
        if not record.up_to_date(filename, inputs):
            return False
        logger.info('%s: %s is up to date', self.name, self.published / filename)
        return True

    def finish(self) -> None:
        pass
