"""Limits on the lines of a source, checked before docutils parses it.

Sphinx's parser skips docutils' ``line_length_limit`` (10,000 characters),
which guards the parser against pathological input. Nesting is limited too:
docutils, Sphinx's doctree cache and the writers recurse once or more per
level, and 100 levels raise a RecursionError. A source nested deeper than the
limit is cut at the line that passes it, and the build fails.
"""
from pathlib import Path

from sphinx.util import logging

from ..locale import _

logger = logging.getLogger(__name__)

LINE_LENGTH_LIMIT = 10_000  # docutils' default
NESTING_LIMIT = 32          # levels of indentation; the guide uses 4


def problems(text: str) -> tuple[list[tuple[int, str]], int | None]:
    """``(line, message)`` for each line over a limit, and the line to cut at."""
    found, levels = [], [0]  # indentations of the blocks open at this line
    for lineno, line in enumerate(text.splitlines(), 1):
        if len(line) > LINE_LENGTH_LIMIT:
            found.append((lineno, _('line of %(length)s characters, over the limit of '
                                    '%(limit)s: break it into shorter lines') % {
                'length': f'{len(line):,}', 'limit': f'{LINE_LENGTH_LIMIT:,}'}))
        line = line.expandtabs(8)
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(' '))
        while indent < levels[-1]:
            levels.pop()
        if indent > levels[-1]:
            levels.append(indent)
        if len(levels) - 1 > NESTING_LIMIT:
            found.append((lineno, _('nested %(depth)d levels deep, over the limit of '
                                    '%(limit)d: the rest of the file is left out') % {
                'depth': len(levels) - 1, 'limit': NESTING_LIMIT}))
            return found, lineno
    return found, None


def _refuse(app, source: list[str], location) -> None:
    found, cut = problems(source[0])
    for lineno, message in found:
        logger.error(message, location=location(lineno), type='helpguide', subtype='line')
    if cut is not None:
        source[0] = '\n'.join(source[0].splitlines()[:cut - 1]) + '\n'
        app.statuscode = 1


def refuse_in_document(app, docname: str, source: list[str]) -> None:
    _refuse(app, source, lambda lineno: (docname, lineno))


def refuse_in_included(app, relative_path: Path, parent_docname: str, source: list[str]) -> None:
    path = Path(app.srcdir) / relative_path
    _refuse(app, source, lambda lineno: f'{path}:{lineno}')
