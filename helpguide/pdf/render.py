"""Render a resolved doctree to flowables: the renderer's public entry point.

>>> ctx = new_context(styles, frame_width, frame_height, srcdir)
>>> flowables = render_document(doctree, ctx)      # a one-sheet product
>>> lead_in, body = render_book(doctree, ctx)      # a book
>>> ctx.contents    # [(level, title markup, key)] of the headings in the contents

Importing this module registers every handler of docutils' and Sphinx's
nodes (blocks, tables, images, inline markup); an extension registers those
of its own nodes, as the support checklist does (:mod:`helpguide.checklist.pdf`).
"""
from pathlib import Path

from docutils import nodes
from reportlab.platypus import Flowable
from sphinx import addnodes

from . import blocks, boxes, images, lists, markup, tables  # noqa: F401  (handlers)
from .flowables import Anchor
from .registry import MIN_MEASURE, BookSection, Context, Scope, block
from .styles import StyleSheet


def new_context(styles: StyleSheet, width: float, height: float, srcdir: Path,
                contents_depth: int = 2) -> Context:
    return Context(styles=styles, height=height, srcdir=Path(srcdir),
                   scope=Scope(width=width, floor=min(styles.base * MIN_MEASURE, width * 0.6)),
                   contents_depth=contents_depth)


def index_keys(document: nodes.document, ctx: Context) -> None:
    """Every link target the tree will anchor, and where each document starts.

    Documents are inlined as ``start_of_file`` nodes carrying an ``instance``;
    a document inlined twice (a program under two platforms) is linked to at
    its first copy.
    """
    def walk(node, instance):
        if isinstance(node, addnodes.start_of_file):
            instance = node.get('instance', instance)
            ctx.instances.setdefault(node['docname'], instance)
            ctx.anchors.add(ctx.key('', instance))
        if isinstance(node, nodes.Element):
            ctx.anchors.update(ctx.key(i, instance) for i in node['ids'])
            for child in node.children:
                walk(child, instance)

    root = document.get('docname')
    if root:
        ctx.instances.setdefault(root, ctx.instance)
    ctx.anchors.add(ctx.key(''))
    walk(document, ctx.instance)


def book_section(document: nodes.document) -> nodes.section | None:
    """The root document's one top-level section, whose title is the book's."""
    sections = [c for c in document.children if isinstance(c, nodes.section)]
    return sections[0] if len(sections) == 1 else None


def render_document(document: nodes.document, ctx: Context) -> list[Flowable]:
    """Flowables for the whole tree; they keep no reference to its nodes."""
    index_keys(document, ctx)
    ctx.pending.append(ctx.key(''))
    flowables = block(document, ctx)
    if ctx.pending:
        flowables.append(Anchor(ctx.take_pending()))
    return flowables


def render_book(document: nodes.document, ctx: Context) -> tuple[list[Flowable], list[Flowable]]:
    """(lead-in, body) of a book: the root document's title section titles
    the book (its cover), and what it says before its first chapter is the
    lead-in, set before the contents. (In a one-sheet product it is the
    first heading like any other.)"""
    book = BookSection(book_section(document))
    with ctx.set(book=book):
        body = render_document(document, ctx)
    return book.lead_in, body
