"""Dispatch of docutils nodes to the handlers that turn them into flowables.

Two channels, each a :class:`Registry` looked up through ``type(node).__mro__``:

* ``BLOCK``: ``handler(node, ctx) -> list[Flowable]``
* ``INLINE``: ``handler(node, ctx) -> str``, escaped ReportLab Paragraph markup

A node no handler claims is warned about (with its source location) and its
children are rendered, so an unknown extension's node never loses its text.
"""
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.sax.saxutils import escape as _escape

from docutils import nodes
from docutils.utils import get_source_line
from reportlab.platypus import Flowable
from sphinx.errors import SphinxError
from sphinx.util import logging

from .flowables import Anchor
from .paragraphs import Paragraph
from .styles import StyleSheet
from .tagging import tag_block

logger = logging.getLogger(__name__)

#: Narrowest text measure nesting may leave on a page, in body sizes.
MIN_MEASURE = 15


def escape(text: str) -> str:
    """Plain text as Paragraph markup."""
    # ReportLab breaks lines at a narrow no-break space (French spacing before
    # ; : ! ?): a no-break space keeps the sign with its word.
    return _escape(text, {'"': '&quot;', '\u202f': '\u00a0'})


class Registry:
    """Handlers by node class; the most specific class in the MRO wins."""

    def __init__(self, name: str):
        self.name = name
        self.handlers: dict[type, Callable] = {}

    def register(self, *classes: type) -> Callable:
        def decorate(func):
            for cls in classes:
                self.handlers[cls] = func
            return func
        return decorate

    def lookup(self, cls: type) -> Callable | None:
        for klass in cls.__mro__:
            if klass in self.handlers:
                return self.handlers[klass]
        return None


BLOCK = Registry('block')
INLINE = Registry('inline')


@dataclass
class Hang:
    """A label (bullet, number, footnote mark) that a list hands to the
    paragraph that hangs it in its left margin, *indent* wide."""
    paragraph: nodes.Node
    label: str
    indent: float
    taken: bool = False


@dataclass
class BookSection:
    """The root document's title section, whose title is the book's (its
    cover); ``lead_in`` receives what it says before its first chapter."""
    section: nodes.section | None
    lead_in: list = field(default_factory=list)


@dataclass(frozen=True)
class Scope:
    """What a handler hands to the nodes it renders, for as long as it
    renders them (:meth:`Context.set`).

    ``width`` is the room available to the current block, narrowed by
    :meth:`Context.indented` down to ``floor`` at most (see
    :meth:`Context.room`); ``level`` is the section level (1 = chapter);
    ``instance`` names the inlined copy of a document being rendered, so the
    same program rendered under two platforms gets distinct link keys;
    ``links`` is off where links make no sense (headings); ``para_style`` is
    the style of paragraphs here (smaller in table cells); ``hang`` the
    label a list or a footnote hands to its first paragraph; ``book`` the
    book's title section, where a book is rendered.
    """
    width: float
    floor: float = 0
    instance: str = 'd0'
    level: int = 0
    links: bool = True
    para_style: str = 'body'
    hang: Hang | None = None
    book: BookSection | None = None


@dataclass
class Context:
    """What the whole render of one tree shares, and the :class:`Scope` of
    the node being rendered.

    Set once: ``styles``, ``height`` (the frame's), ``srcdir``,
    ``contents_depth``. Indexed before the walk: ``anchors``, every link
    target the tree will anchor, and ``instances``, where each document
    starts. Gathered by the walk: ``contents``, the headings listed in the
    contents; ``linked``, the link targets used; ``page_refs``, the keys of
    the references printing a page; ``pending``, keys of ids met but not yet
    anchored. ``page_labels``, set where references print the page they lead
    to (the book): the page label of each key in the layout before, which
    sizes the slot the page is printed in (:func:`.page_refs.reserve`).
    """
    styles: StyleSheet
    height: float
    scope: Scope
    srcdir: Path = Path('.')
    contents_depth: int = 2
    anchors: set[str] = field(default_factory=set)
    instances: dict[str, str] = field(default_factory=dict)
    contents: list = field(default_factory=list)
    linked: set[str] = field(default_factory=set)
    page_labels: dict[str, str] | None = None
    page_refs: set[str] = field(default_factory=set)
    pending: list[str] = field(default_factory=list)

    width = property(lambda self: self.scope.width)
    floor = property(lambda self: self.scope.floor)
    instance = property(lambda self: self.scope.instance)
    level = property(lambda self: self.scope.level)
    links = property(lambda self: self.scope.links)
    para_style = property(lambda self: self.scope.para_style)
    book = property(lambda self: self.scope.book)

    def key(self, node_id: str, instance: str | None = None) -> str:
        return f'{instance or self.instance}/{node_id}'

    def doc_key(self, docname: str) -> str | None:
        instance = self.instances.get(docname)
        return instance and self.key('', instance)

    def take_pending(self) -> list[str]:
        keys, self.pending = self.pending, []
        return keys

    @contextmanager
    def hanging(self, paragraph: nodes.paragraph, label: str, indent: float) -> Iterator[Hang]:
        """While the caller renders: *paragraph* is to hang *label* in a
        margin *indent* wide (the :class:`Hang` says whether it did)."""
        hang = Hang(paragraph, label, indent)
        with self.set(hang=hang):
            yield hang

    def take_label(self, paragraph: nodes.Node) -> tuple[str, float] | None:
        """The label handed to *paragraph*, if any and not taken yet."""
        hang = self.scope.hang
        if hang is None or hang.paragraph is not paragraph or hang.taken:
            return None
        hang.taken = True
        return hang.label, hang.indent

    def room(self, left: float, right: float = 0) -> tuple[float, float]:
        """How much of an indent fits: deep nesting keeps a readable measure.

        The text stays at least ``floor`` wide: ``MIN_MEASURE`` body sizes on
        the page, most of the width in a table cell.
        """
        wanted = left + right
        spare = max(self.width - self.floor, 0)
        scale = min(1, spare / wanted) if wanted else 1
        return left * scale, right * scale

    def indented(self, left: float, right: float = 0) -> AbstractContextManager[None]:
        return self.set(width=max(self.width - left - right, self.styles.base * 4))

    @contextmanager
    def set(self, **values) -> Iterator[None]:
        """The scope changed by *values* while the caller renders."""
        saved = self.scope
        self.scope = replace(saved, **values)
        try:
            yield
        finally:
            self.scope = saved


def warn(msg: str, node: nodes.Node) -> None:
    logger.warning(msg, location=node, type='booklet')


class RenderError(SphinxError):
    """A node that cannot be rendered: *message*, and the node's ``(source, line)``.

    Every exception a handler raises becomes one, naming the innermost node
    being rendered, so a build reports ``file:line`` instead of a traceback.
    """

    category = 'Booklet error'

    def __init__(self, message: str, location: tuple | None):
        message = ' '.join(message.split())  # one line, whatever ReportLab says
        source, line = location or (None, None)
        where = f'{source}:{line or ""}: ' if source else ''
        super().__init__(where + message)
        self.message = message
        self.rst_location = location


def location(node: nodes.Node) -> tuple:
    """``(source, line)`` of *node*, or of its nearest ancestor that knows its line."""
    source, line = get_source_line(node)
    while not line and node.parent is not None:  # Sphinx gives some nodes line 0
        node = node.parent
        line = node.line
    return source, line


def rendering(handler, node: nodes.Node, ctx: 'Context'):
    """``handler(node, ctx)``, any exception turned into a :class:`RenderError`."""
    try:
        return handler(node, ctx)
    except RenderError:
        raise
    except Exception as exc:  # a handler or ReportLab's markup parser, on odd input
        raise RenderError(f'cannot render this {type(node).__name__}: '
                          f'{type(exc).__name__}: {exc}', location(node)) from exc


def block(node: nodes.Node, ctx: Context) -> list[Flowable]:
    """Flowables for one block-level node, in the structure element of its type."""
    if isinstance(node, nodes.Element) and node.get('ids'):
        ctx.pending.extend(ctx.key(i) for i in node['ids'])
    handler = BLOCK.lookup(type(node))
    if handler is None:
        warn(f'booklet: no handler for node {type(node).__name__!r}; '
             'rendering its children', node)
        handler = children
    flowables = rendering(handler, node, ctx)
    where = None
    for flowable in flowables:  # for error messages: where in the sources it came from
        if getattr(flowable, 'rst_location', None) is None:
            # (source, line), not the node: the tree can be freed before the layout
            where = where or location(node)
            flowable.rst_location = where
    tag_block(node, flowables)
    if ctx.pending and flowables:
        flowables.insert(0, Anchor(ctx.take_pending()))
    return flowables


def inline(node: nodes.Node, ctx: Context) -> str:
    """Paragraph markup for one inline node (or text)."""
    if isinstance(node, nodes.Text):
        return escape(node.astext())  # what no font prints, the glyph check reported
    if node.get('ids'):
        ctx.pending.extend(ctx.key(i) for i in node['ids'])
    handler = INLINE.lookup(type(node))
    if handler is None:
        warn(f'booklet: no inline handler for node {type(node).__name__!r}; '
             'rendering its text', node)
        return inline_children(node, ctx)
    return handler(node, ctx)


def inline_children(node: nodes.Node, ctx: Context) -> str:
    return ''.join(inline(child, ctx) for child in node.children)


def is_inline(node: nodes.Node) -> bool:
    return isinstance(node, (nodes.Text, nodes.Inline))


def children(node: nodes.Node, ctx: Context, style: str | None = None) -> list[Flowable]:
    """Render children; runs of inline children become one paragraph."""
    out: list[Flowable] = []
    run: list[nodes.Node] = []

    def flush():
        if run and any(not isinstance(n, nodes.Text) or n.strip() for n in run):
            out.extend(paragraph_of(run, ctx, style or ctx.para_style))
        run.clear()

    for child in node.children:
        if is_inline(child):
            run.append(child)
        else:
            flush()
            out.extend(block(child, ctx))
    flush()
    return out


def paragraph_of(parts, ctx: Context, style: str,
                 bullet: tuple[str, float] | None = None) -> list[Flowable]:
    """One Paragraph from inline nodes, hanging *bullet* (label, indent) if given."""
    markup = ''.join(inline(part, ctx) for part in parts)
    if bullet is None:
        return [Paragraph(markup, ctx.styles[style])]
    label, indent = bullet
    return [Paragraph(markup, ctx.styles.hanging(style, indent), bulletText=label)]
