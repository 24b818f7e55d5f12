"""The structure tree as the renderer builds it, before it is a PDF.

:func:`group` wraps flowables in an :class:`Element`: flowables already in
an element (made by a nested :func:`group`) make that element a kid; a
flowable that draws content and is in none gets a kid element of its own,
with a role from its class (:func:`content_role`); containers (tables,
kept-together groups) are looked into. Kids come in the order of the
flowables, which is the reading order.

A flowable that draws content is given its element (``_hg_tag``) and a
class that writes marked content around its drawing and passes the element
on to the parts it splits into (:func:`tag_flowable`), so a paragraph broken
across pages stays one element.
"""
from dataclasses import dataclass, field

from reportlab.platypus import Flowable, HRFlowable, Image, Preformatted, Table
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import KeepTogether, NullDraw

from ...compat.reportlab import (Container, container_flowables, is_zero_size, table_cells,
                                 table_spans)
from ..flowables import Anchor, ContentsEntry, Heading, ItemLabel

#: Roles whose elements own marked content; the others group elements.
CONTENT_ROLES = frozenset({'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'Figure', 'Caption',
                           'Code', 'Lbl', 'Link', 'Form', 'TOCI'})


@dataclass(frozen=True, slots=True)
class Mark:
    """Marked content: MCID *mcid* on page *page* (1-based)."""
    page: int
    mcid: int


@dataclass(frozen=True, slots=True)
class Annotation:
    """The *index*-th annotation of page *page* (1-based)."""
    page: int
    index: int


@dataclass(eq=False, slots=True)  # slots: a ×50 book has 28,000 of them
class Element:
    """A structure element: *role* is its standard structure type; *attrs*
    its layout/list/table attributes (``{'O': 'Table', 'Scope': 'Column'}``);
    *kids* elements, :class:`Mark` and :class:`Annotation`, in reading order;
    *written* the StructElem :mod:`.writer` made of it, if it is written."""
    role: str
    alt: str | None = None
    attrs: dict = field(default_factory=dict)
    kids: list = field(default_factory=list)
    parent: 'Element | None' = None
    written: object = field(default=None, repr=False)

    def add(self, kid: 'Element') -> 'Element':
        kid.parent = self
        self.kids.append(kid)
        return kid

    def __deepcopy__(self, memo):
        # A copy of a flowable (ReportLab deep-copies one to try a split) is
        # drawn as part of the same element, never as a new one outside the tree.
        return self

    def walk(self):
        yield self
        for kid in self.kids:
            if isinstance(kid, Element):
                yield from kid.walk()


def content_role(flowable: Flowable) -> str | None:
    """The role of a flowable that draws content; None for decoration
    (a rule), which the page keeps as an artifact."""
    if isinstance(flowable, HRFlowable):
        return None
    if isinstance(flowable, Heading):
        return f'H{min(max(flowable.level, 1), 6)}'
    if isinstance(flowable, ItemLabel):
        return 'Lbl'
    if isinstance(flowable, Image):
        return 'Figure'
    if isinstance(flowable, Preformatted):
        return 'Code'
    if getattr(flowable, 'tag_role', None):
        return flowable.tag_role
    if getattr(getattr(flowable, 'style', None), 'name', '') == 'caption':
        return 'Caption'
    return 'P'


def draws_nothing(flowable: Flowable) -> bool:
    return isinstance(flowable, (ActionFlowable, NullDraw, Anchor)) or bool(
        is_zero_size(flowable) and not isinstance(flowable, ItemLabel))


def contents_of(flowable: Flowable) -> list | None:
    """What a container flowable holds, in reading order; None if it is no container."""
    if isinstance(flowable, Table):
        return [f for row in table_cells(flowable) for cell in row for f in cell_flowables(cell)]
    if isinstance(flowable, (KeepTogether, Container)):
        return list(container_flowables(flowable))
    held = getattr(flowable, 'flowables', None)  # one that splits into what it holds (KeepInView)
    if isinstance(held, list) and all(isinstance(f, Flowable) for f in held):
        return list(held)
    return None


def cell_flowables(cell) -> list:
    if isinstance(cell, Flowable):
        return [cell]
    if isinstance(cell, (list, tuple)):
        return [f for f in cell if isinstance(f, Flowable)]
    return []


# -- tagging flowables -------------------------------------------------------------
_TAGGED: dict[type, type] = {}


def tag_flowable(flowable: Flowable, element: Element) -> None:
    """*flowable* draws as (part of) *element*."""
    flowable._hg_tag = element
    cls = type(flowable)
    if getattr(cls, '_hg_base', None) is None and contents_of(flowable) is None:
        if cls not in _TAGGED:
            _TAGGED[cls] = type(cls.__name__, (cls,), {
                '_hg_base': cls, 'drawOn': _draw_on, 'split': _split,
                '__module__': cls.__module__, '__doc__': cls.__doc__})
        flowable.__class__ = _TAGGED[cls]


def _draw_on(self, canvas, *args, **kwargs):
    begin = getattr(canvas, 'begin_element', None)
    token = begin(self._hg_tag, self) if begin else None
    try:
        return self._hg_base.drawOn(self, canvas, *args, **kwargs)
    finally:
        if token is not None:
            canvas.end_element(token)


def _split(self, *args, **kwargs):
    parts = self._hg_base.split(self, *args, **kwargs)
    for part in parts:
        if getattr(part, '_hg_tag', None) is None and not draws_nothing(part):
            tag_flowable(part, self._hg_tag)
    return parts


# -- grouping ------------------------------------------------------------------
def adopt(parent: Element, kid: Element) -> None:
    """Make *kid*, or the outermost element holding it, a kid of *parent*."""
    while kid.parent is not None and kid.parent is not parent:
        kid = kid.parent
    if kid is parent or kid.parent is parent:
        return
    node = parent
    while node is not None:  # never make an element its own ancestor
        if node is kid:
            return
        node = node.parent
    parent.add(kid)


def claim(element: Element, flowable: Flowable) -> None:
    tagged = getattr(flowable, '_hg_tag', None)
    if tagged is not None:
        adopt(element, tagged)
        return
    inner = contents_of(flowable)
    if inner is not None:
        if isinstance(flowable, Table) and element.role == 'Table':
            table_structure(element, flowable)
        else:
            for part in inner:
                claim(element, part)
        flowable._hg_tag = element
        return
    if draws_nothing(flowable):
        return
    role = content_role(flowable)
    if role is None:
        return
    if element.role in CONTENT_ROLES:
        tag_flowable(flowable, element)
    elif isinstance(flowable, ContentsEntry):  # the whole entry is its link
        item = element.add(Element('TOCI'))
        tag_flowable(flowable, item.add(Element('Link')))
    else:
        tag_flowable(flowable, element.add(Element(role)))


def group(element: Element, flowables) -> Element:
    """Put *flowables* in *element* (see the module's description)."""
    for flowable in flowables:
        claim(element, flowable)
    if element.role == 'LI':
        list_item_body(element)
    return element


def list_item_body(item: Element) -> None:
    """LI holds its label (Lbl) and one LBody with the rest."""
    body = Element('LBody', parent=item)
    rest = [kid for kid in item.kids if not (isinstance(kid, Element) and kid.role == 'Lbl')]
    item.kids = [kid for kid in item.kids if kid not in rest] + [body]
    for kid in rest:
        body.add(kid)


def table_structure(table: Element, flowable: Table) -> None:
    """TR, TH and TD for the rows and cells of *flowable*: header rows
    (repeated on each page) in THead with column scope; a table marked
    ``row_headers`` (fields and their values) has its first column as TH
    with row scope."""
    head_rows = flowable.repeatRows if isinstance(flowable.repeatRows, int) else 0
    row_headers = table.attrs.pop('row_headers', False)
    covered, spans = set(), {}
    for _cmd, (sc, sr), (ec, er) in table_spans(flowable):
        for r in range(sr, er + 1):
            for c in range(sc, ec + 1):
                covered.add((r, c))
        spans[(sr, sc)] = (er - sr + 1, ec - sc + 1)
        covered.discard((sr, sc))
    head = table.add(Element('THead')) if head_rows else None
    body = None
    for r, row in enumerate(table_cells(flowable)):
        if r < head_rows:
            section = head
        else:
            body = body or table.add(Element('TBody'))
            section = body
        tr = section.add(Element('TR'))
        for c, value in enumerate(row):
            if (r, c) in covered:
                continue
            if r < head_rows:
                cell = Element('TH', attrs={'O': 'Table', 'Scope': 'Column'})
            elif row_headers and c == 0:
                cell = Element('TH', attrs={'O': 'Table', 'Scope': 'Row'})
            else:
                cell = Element('TD')
            rows, cols = spans.get((r, c), (1, 1))
            if rows > 1 or cols > 1:
                cell.attrs.setdefault('O', 'Table')
                cell.attrs.update({'RowSpan': rows} if rows > 1 else {})
                cell.attrs.update({'ColSpan': cols} if cols > 1 else {})
            tr.add(cell)
            for part in cell_flowables(value):
                claim(cell, part)
