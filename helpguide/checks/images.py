"""Images every output can use (:mod:`helpguide.image_policy`), checked as
the sources are read: the HTML does not ship what the PDF refuses, and a
truncated file is caught before anything is built."""
from pathlib import Path

from docutils import nodes
from sphinx.util import logging

from ..image_policy import image_problem

logger = logging.getLogger(__name__)


def refuse_unusable_images(app, doctree) -> None:
    srcdir = Path(app.srcdir)
    for node in doctree.findall(nodes.image):
        if not node.get('alt', '').strip():  # a screen reader, or the tagged PDF's Figure, says it
            logger.error(f'image {node.get("uri", "")} has no alternate text: give it an '
                         ':alt: option saying what it shows', location=node,
                         type='helpguide', subtype='image')
        for candidate in node.get('candidates', {}).values():
            path = srcdir / candidate
            problem = path.is_file() and image_problem(path)
            if problem:
                logger.error(f'image {candidate} {problem}', location=node,
                             type='helpguide', subtype='image')
