"""Run the checks: a Sphinx build with the ``dummy`` builder (read and resolve
every document, write nothing) in a fresh environment, so every problem is
reported, not only those of changed files; each warning Sphinx, docutils or our
extension gives becomes one line ``path:line: error: message``.

The warnings are read as Sphinx's logging records, placed by their own
``location`` (a node, a document and line, or docutils' ``path:line``), not
parsed back from the text Sphinx prints.
"""
import logging
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from docutils import nodes
from docutils.utils import get_source_line
from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.docutils import docutils_namespace, patch_docutils
from sphinx.util.logging import NAMESPACE, OnceFilter, is_suppressed_warning

from ..compat.sphinx import hear_warnings
from ..problems import Problem
from .translations import translation_problems

#: A program whose directive failed is in no toctree: that follows, it is no news.
_ORPHAN = ('toc', 'not_included')


def _shown_path(path: str) -> str:
    """Relative to the working directory when inside it, as a user typed it."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) else path
    except ValueError:
        return path


def first_paragraph(text: str) -> str:
    """Of a message that runs over several lines, the first paragraph, on one
    line (not docutils' echo of the source after it)."""
    lines = []
    for line in text.strip().splitlines():
        if not line.strip():
            break
        lines.append(line.strip())
    return ' '.join(lines)


class Collector(logging.Handler):
    """Each warning of one check run, as a :class:`Problem`. A problem
    Sphinx places in no file is placed in conf.py; one without a line on
    line 1 of its file."""

    def __init__(self, confpath: str):
        super().__init__(logging.WARNING)
        self.confpath = confpath
        self.app: Sphinx | None = None
        self.once = OnceFilter()  # Sphinx's own, for warnings given once
        self.problems: set[Problem] = set()
        self.orphans: set[Problem] = set()

    def attach(self, app: Sphinx) -> None:
        self.app = app
        hear_warnings(self)

    def detach(self) -> None:
        logging.getLogger(NAMESPACE).removeHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        kind = (getattr(record, 'type', '') or '', getattr(record, 'subtype', '') or '')
        if is_suppressed_warning(*kind, self.app.config.suppress_warnings) \
                or not self.once.filter(record):
            return
        path, line = self.place(getattr(record, 'location', None))
        message = first_paragraph(logging.LogRecord.getMessage(record))
        if kind[0] and self.app.config.show_warning_types:
            message += f' [{kind[0]}.{kind[1]}]' if kind[1] else f' [{kind[0]}]'
        self.add(path, line, message, orphan=kind == _ORPHAN)

    def add(self, path: str | None, line: int | None, message: str, orphan=False) -> None:
        problem = Problem(_shown_path(path or self.confpath), line or 1, message)
        (self.orphans if orphan else self.problems).add(problem)

    def place(self, location) -> tuple[str | None, int | None]:
        """``(path, line)`` of a record's location, as Sphinx's logging reads it."""
        if isinstance(location, nodes.Node):
            return get_source_line(location)
        if isinstance(location, tuple):  # (docname, line)
            docname, line = location
            return (str(self.app.env.doc2path(docname)) if docname else None), line
        if not location:
            return None, None
        if ':' not in location:  # a docname
            return str(self.app.env.doc2path(location)), None
        path, _, line = location.rpartition(':')  # docutils' and ours: 'path:line'
        if line and not line.isdigit():
            return location, None
        return (path if path != '<unknown>' else None), int(line) if line else None

    def result(self) -> list[Problem]:
        failed = {problem.path for problem in self.problems}
        return sorted(self.problems | {p for p in self.orphans if p.path not in failed})


_COLLECTING: ContextVar[Collector | None] = ContextVar('helpguide_check', default=None)


def listen(app: Sphinx) -> None:
    """From the checks' ``setup()``: a check run hears the build's warnings
    from then on (Sphinx sets its logging up anew for each application)."""
    collector = _COLLECTING.get()
    if collector is not None:
        collector.attach(app)


@contextmanager
def collecting(confpath: str) -> Iterator[Collector]:
    collector = Collector(confpath)
    token = _COLLECTING.set(collector)
    try:
        yield collector
    finally:
        _COLLECTING.reset(token)
        collector.detach()


def check(srcdir, confdir) -> list[Problem]:
    """Every problem in the sources under ``srcdir`` with conf.py in ``confdir``."""
    confpath = str(Path(confdir) / 'conf.py')
    translations = []
    with tempfile.TemporaryDirectory(prefix='helpguide-check-') as scratch, \
            patch_docutils(confdir), docutils_namespace(), collecting(confpath) as collector:
        try:
            app = Sphinx(srcdir, confdir, Path(scratch) / 'out', Path(scratch) / 'doctrees',
                         'dummy', status=None, warning=None, freshenv=True)
            app.build(force_all=True)
            translations = translation_problems(app, Problem, _shown_path)
        except SystemExit:
            pass  # a missing root document, reported already
        except SphinxError as exc:
            collector.add(None, None, first_paragraph(str(exc)))
    return sorted(collector.result() + translations)
