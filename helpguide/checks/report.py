"""Run the checks: a Sphinx build with the ``dummy`` builder (read and resolve
every document, write nothing) in a fresh environment, so every problem is
reported, not only those of changed files; each warning Sphinx, docutils or our
extension gives becomes one line ``path:line: error: message``.
"""
import io
import os
import re
import tempfile
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import SphinxError
from sphinx.util.console import strip_colors
from sphinx.util.docutils import docutils_namespace, patch_docutils

from ..problems import Problem
from .translations import translation_problems


_MESSAGE = re.compile(r'^(?:(?P<location>.*?): )?(?:WARNING|ERROR|CRITICAL|SEVERE): '
                      r'(?P<text>.*)$')
_LOCATION = re.compile(r'^(?P<path>.*?)(?::(?P<line>\d*))?$')
_ORPHAN = '[toc.not_included]'
_TAG = re.compile(r' \[[\w.-]+\]$')  # Sphinx's [type.subtype] after a warning


def _shown_path(path: str) -> str:
    """Relative to the working directory when inside it, as a user typed it."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) else path
    except ValueError:
        return path


def _messages(text: str):
    """``(location, message)`` per warning. Of a message that runs over several
    lines, the first paragraph is kept (not docutils' echo of the source after
    it), and Sphinx's ``[type]`` tag from its end."""
    lines = strip_colors(text).splitlines()
    starts = [number for number, line in enumerate(lines) if _MESSAGE.match(line)]
    for start, end in zip(starts, [*starts[1:], len(lines)]):
        first = _MESSAGE.match(lines[start])
        paragraph = [first['text']]
        for line in lines[start + 1:end]:
            if not line.strip():
                break
            paragraph.append(line.strip())
        tag = _TAG.search(lines[end - 1])
        if tag and not _TAG.search(paragraph[-1]):
            paragraph.append(tag[0].strip())
        yield first['location'], ' '.join(paragraph)


def parse_warnings(text: str, confpath: str) -> list[Problem]:
    """Problems from Sphinx's warning stream. A problem Sphinx places in no
    file is placed in conf.py; one without a line on line 1 of its file."""
    problems = set()
    for location, message in _messages(text):
        place = _LOCATION.match(location or confpath)
        path = place['path'] if place['path'] not in ('', '<unknown>') else confpath
        problems.add(Problem(_shown_path(path), int(place['line'] or 1), message))
    # A program whose directive failed is in no toctree: that follows, it is no news.
    failed = {p.path for p in problems if not p.message.endswith(_ORPHAN)}
    return sorted(p for p in problems if not (p.message.endswith(_ORPHAN) and p.path in failed))


def check(srcdir, confdir) -> list[Problem]:
    """Every problem in the sources under ``srcdir`` with conf.py in ``confdir``."""
    warnings = io.StringIO()
    confpath = str(Path(confdir) / 'conf.py')
    translations = []
    with tempfile.TemporaryDirectory(prefix='helpguide-check-') as scratch, \
            patch_docutils(confdir), docutils_namespace():
        try:
            app = Sphinx(srcdir, confdir, Path(scratch) / 'out', Path(scratch) / 'doctrees',
                         'dummy', status=None, warning=warnings, freshenv=True)
            app.build(force_all=True)
            translations = translation_problems(app, Problem, _shown_path)
        except SystemExit:
            pass  # a missing root document, reported already
        except SphinxError as exc:
            warnings.write(f'\nERROR: {exc}\n')
    return sorted(parse_warnings(warnings.getvalue(), _shown_path(confpath)) + translations)
