"""The canvas that writes marked content as the flowables draw.

A flowable in an element of a content role (see :mod:`.tree`) draws
between ``/Role <</MCID n>> BDC`` and ``EMC``; the page's MCIDs and the
element each belongs to are kept in :attr:`TaggingCanvas.marks`. Whatever
else the page draws -- running heads, folios, rules, bands, table grids
and box backgrounds -- is wrapped as ``/Artifact BMC … EMC`` when the page
ends, so nothing on a page is left outside both. Annotations (links,
form fields) are recorded with the element they belong to, and a link
with what it points to.
"""
from contextlib import contextmanager
from dataclasses import dataclass

from ...compat.reportlab import AnnotationHook, defining_form, page_code
from ..form import FormCanvas

from .tree import CONTENT_ROLES, Annotation, Element, Mark


@dataclass(frozen=True)
class Link:
    """What a link annotation points to: a destination *key* in the document
    or a *uri*; *contents* the text it was made with."""
    key: str | None = None
    uri: str | None = None
    contents: str = ''


class TaggingCanvas(AnnotationHook, FormCanvas):

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.marks: dict[int, list[Element]] = {}      # page -> element of each MCID
        #: page -> (index in its /Annots, owning element, the link; None: a form field)
        self.annotated: dict[int, list[tuple[int, Element | None, Link | None]]] = {}
        self.titles: dict[str, str] = {}               # destination key -> heading text
        self._open: list[tuple[Element, int | None]] = []
        self._segments: list[tuple[int, int]] = []     # marked spans of this page's code
        self._link: Link | None = None  # the link being made
        self._label: Element | None = None  # the list label the next drawText draws

    @property
    def _in_form(self) -> bool:
        return defining_form(self)

    def _marking(self) -> bool:
        return any(start is not None for _, start in self._open)

    def begin_element(self, element: Element, flowable=None):
        """Start drawing *element*; returns the token for :meth:`end_element`."""
        if flowable is not None and getattr(flowable, 'text', None) is not None:
            for key in getattr(flowable, 'keys', ()):
                self.titles.setdefault(key, flowable.text)
        start = None
        if element.role in CONTENT_ROLES and not self._in_form and not self._marking():
            if self.hangs_label(element, flowable):
                self._label = element
            else:
                start = self._begin_marked(element)
        self._open.append((element, start))
        return len(self._open)

    def _begin_marked(self, element: Element) -> int:
        page = self.getPageNumber()
        mcids = self.marks.setdefault(page, [])
        element.kids.append(Mark(page, len(mcids)))
        code = page_code(self)
        code.append(f'/{element.role} <</MCID {len(mcids)}>> BDC')
        mcids.append(element)
        return len(code) - 1

    def _end_marked(self, start: int) -> None:
        code = page_code(self)
        code.append('EMC')
        self._segments.append((start, len(code)))

    def end_element(self, token: int) -> None:
        element, start = self._open.pop()
        assert len(self._open) == token - 1, 'elements closed out of order'
        self._label = None
        if start is not None:
            self._end_marked(start)

    @staticmethod
    def hangs_label(element: Element, flowable) -> bool:
        """Whether *flowable* draws a list item's label (its bullet) before
        its text: the label is then an Lbl of its own, beside the LBody."""
        body = element.parent
        return (bool(getattr(flowable, 'bulletText', None)) and body is not None
                and body.role == 'LBody' and body.kids and body.kids[0] is element
                and not any(isinstance(kid, Mark) for kid in element.kids))

    def drawText(self, aTextObject):
        """The first text of a paragraph with a hanging list label is the label."""
        element, self._label = self._label, None
        if element is None or not self._open or self._open[-1][0] is not element:
            return super().drawText(aTextObject)
        item = element.parent.parent
        label = Element('Lbl', parent=item)
        item.kids.insert(0, label)
        start = self._begin_marked(label)
        super().drawText(aTextObject)
        self._end_marked(start)
        self._open[-1] = (element, self._begin_marked(element))

    @contextmanager
    def element(self, role: str, alt: str | None = None):
        """Draw content as a new *role* element in the element being drawn
        (for flowables that draw several things, like the cover)."""
        parent = self._open[-1][0] if self._open else None
        element = Element(role, alt=alt)
        if parent is not None:
            parent.add(element)
        token = self.begin_element(element)
        try:
            yield element
        finally:
            self.end_element(token)

    def linkRect(self, contents, destinationname, *args, **kwargs):
        self._link = Link(key=destinationname, contents=contents or '')
        try:
            return super().linkRect(contents, destinationname, *args, **kwargs)
        finally:
            self._link = None

    def linkURL(self, url, rect, *args, kind='URI', **kwargs):
        self._link = Link(uri=url if kind == 'URI' else None)
        try:
            return super().linkURL(url, rect, *args, kind=kind, **kwargs)
        finally:
            self._link = None

    def annotation_added(self, index: int) -> None:
        if self._in_form:
            return
        owner = self._open[-1][0] if self._open else None
        if owner is not None and owner.role not in ('Link', 'Form'):
            owner = owner.add(Element('Link'))
        page = self.getPageNumber()
        self.annotated.setdefault(page, []).append((index, owner, self._link))
        if owner is not None:
            owner.kids.append(Annotation(page, index))

    def showPage(self):
        self._wrap_artifacts()
        super().showPage()

    def _wrap_artifacts(self) -> None:
        """Everything between the marked spans of this page is an artifact."""
        code, out, pos = page_code(self), [], 0
        for start, end in [*self._segments, (len(code), len(code))]:
            gap = code[pos:start]
            if any(isinstance(op, str) and op.strip() for op in gap):
                out += ['/Artifact BMC', *gap, 'EMC']
            else:
                out += gap
            out += code[start:end]
            pos = end
        code[:] = out
        self._segments = []


@contextmanager
def element(canvas, role: str, alt: str | None = None):
    """``canvas.element(role, alt)`` where the canvas tags; else nothing."""
    if isinstance(canvas, TaggingCanvas):
        with canvas.element(role, alt) as made:
            yield made
    else:
        yield None
