"""A document with nothing to show is an error, never an empty page."""
from docutils import nodes
from sphinx.util import logging

from ..locale import _

logger = logging.getLogger(__name__)

#: Nodes that show nothing by themselves.
_INVISIBLE = (nodes.comment, nodes.substitution_definition, nodes.target,
              nodes.system_message, nodes.meta, nodes.docinfo)


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
        logger.error(_('document is empty: give it a title and content, or delete it'),
                     location=(app.env.current_document.docname, 1),
                     type='helpguide', subtype='empty')

