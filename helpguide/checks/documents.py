"""Documents docutils would refuse: empty ones, and lines over its length limit.

An empty document is an error, never an empty page. Sphinx's parser skips
docutils' check of ``line_length_limit`` (10,000 characters), which guards the
parser against pathological input; it is made here, with the file and line.
"""
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Nodes that show nothing by themselves.
_INVISIBLE = (nodes.comment, nodes.substitution_definition, nodes.target,
              nodes.system_message, nodes.meta, nodes.docinfo)
LINE_LENGTH_LIMIT = 10_000  # docutils' default


def _shows_something(doctree: nodes.document) -> bool:
    stack = [doctree]  # a stack, not recursion: documents may nest deeply
    while stack:
        node = stack.pop()
        if isinstance(node, _INVISIBLE):
            continue
        if isinstance(node, nodes.image) or (isinstance(node, nodes.Text) and node.strip()):
            return True
        stack.extend(node.children)
    return False


def refuse_empty(app, doctree) -> None:
    # A document whose only directive failed is reported for that failure.
    failed = any(message['level'] >= 3 for message in doctree.findall(nodes.system_message))
    if not failed and not _shows_something(doctree):
        logger.error('document is empty: give it a title and content, or delete it',
                     location=(app.env.current_document.docname, 1),
                     type='helpguide', subtype='empty')


def _long_lines(text: str, limit: int):
    for lineno, line in enumerate(text.splitlines(), 1):
        if len(line) > limit:
            yield lineno, (f'line of {len(line):,} characters, over the limit of {limit:,}: '
                           'break it into shorter lines')


def refuse_long_lines(app, docname: str, source: list[str]) -> None:
    for lineno, message in _long_lines(source[0], LINE_LENGTH_LIMIT):
        logger.error(message, location=(docname, lineno), type='helpguide', subtype='line')


def refuse_long_included_lines(app, relative_path: Path, parent_docname: str,
                               content: list[str]) -> None:
    for lineno, message in _long_lines(content[0], LINE_LENGTH_LIMIT):
        logger.error(message, location=f'{Path(app.srcdir) / relative_path}:{lineno}',
                     type='helpguide', subtype='line')
