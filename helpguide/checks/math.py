"""Math is not typeset: said at each formula, in ``make check`` and every build.

Neither output can show a formula as one: the booklet prints its LaTeX
source in monospace, and the offline HTML cannot load MathJax from the web.
Typesetting it (matplotlib's mathtext, drawn as vector paths) would add
matplotlib, numpy and their dependencies, 117 MB installed, to every guide,
and 1.2 s to each build with a formula (3.8 s the first time, as matplotlib
builds its font cache; measured on the project's machine): too much for
guides for customers, which rarely need a formula. The README says so.
"""
from docutils import nodes
from sphinx.util import logging

logger = logging.getLogger(__name__)


def refuse_math(app, doctree) -> None:
    for node in doctree.findall(lambda n: isinstance(n, (nodes.math, nodes.math_block))):
        logger.error('math is not typeset: the booklet would print its LaTeX source '
                     f'({node.astext()[:40]!r}); write it in words, or as an image',
                     location=node, type='helpguide', subtype='math')
