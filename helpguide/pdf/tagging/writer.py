"""Write the structure tree into the PDF as ReportLab writes it.

ReportLab has no structure tree: the renderer's :class:`~.tree.Element`
tree and what :class:`~.canvas.TaggingCanvas` recorded while drawing (the
element of each MCID and annotation) become the StructTreeRoot, its
ParentTree, the pages' StructParents and the annotations' StructParent,
with the document's language, title display and PDF/A identification, all
added to ReportLab's document before its save writes the file, once.
"""
from dataclasses import dataclass, field
from functools import cache

from ...compat.reportlab import (TRUE, Array, Deferred, Dictionary, Indirect, Name, String,
                                 annotations, archival_save, catalog, info, pages, ref,
                                 serialised, set_entries)
from ...locale import _
from .archive import metadata, output_intent
from .canvas import Link, TaggingCanvas
from .tree import Annotation, Element, Mark

#: Elements kept though they hold no content: a table's grid stays whole.
KEPT_EMPTY = frozenset({'TR', 'TH', 'TD', 'THead', 'TBody', 'Table'})


@dataclass(frozen=True)
class Document:
    """What the whole file says: its language (BCP 47, from Sphinx's
    ``language``), and in a book the label of the page each destination
    key landed on (what a link to a place that is not a heading tells)."""
    lang: str = 'en'
    page_labels: dict[str, str] = field(default_factory=dict)


def has_content(element: Element) -> bool:
    return any(isinstance(kid, (Mark, Annotation)) or
               (isinstance(kid, Element) and has_content(kid)) for kid in element.kids)


def attributes(attrs: dict) -> Dictionary:
    return Dictionary({key: Name(value) if isinstance(value, str) else value
                       for key, value in attrs.items()})


def link_description(link: Link, titles: dict[str, str], page_labels: dict[str, str]) -> str:
    """What a link annotation's /Contents tells a screen reader: where it
    leads (a heading's title, else the page, as the index's numbers do)."""
    if link.contents:
        return link.contents
    if link.uri is not None:
        return link.uri
    if link.key and link.key in titles:
        return titles[link.key]
    if link.key and link.key in page_labels:
        return str(_('Page %s')) % page_labels[link.key]
    return str(_('Link within this document'))


@cache
def name(role: str) -> bytes:
    return Name(role).encode('ascii')


class StructElem(Deferred):
    """The StructElem of *element*, written by *tree* as the file is written."""
    __slots__ = ('element', 'parent', 'tree', 'note')

    def __init__(self, element: Element, parent, tree: 'StructureWriter'):
        self.element, self.parent, self.tree, self.note = element, parent, tree, None

    def format(self, document) -> bytes:
        element, tree = self.element, self.tree
        kids, first_page = [], None
        for kid in element.kids:
            if isinstance(kid, Element):
                if kid.written is not None and kid.written.tree is tree:  # not another file's
                    kids.append(ref(kid.written, document))
            elif isinstance(kid, Mark):
                page = tree.page_ref(kid.page, document)
                first_page = first_page or page
                kids.append(b'<< /Type /MCR /Pg %s /MCID %d >>' % (page, kid.mcid))
            else:
                kids.append(b'<< /Type /OBJR /Pg %s /Obj %s >>' % (
                    tree.page_ref(kid.page, document), ref(tree.annotations[kid], document)))
        out = [b'<< /Type /StructElem /S ', name(element.role),
               b' /P ', ref(self.parent, document)]
        if first_page:
            out += [b' /Pg ', first_page]
        out += [b'\n /K [ ', b' '.join(kids), b' ]']
        if element.alt is not None:
            out += [b'\n /Alt ', serialised(String(element.alt), document)]
        if element.attrs:
            out += [b' /A ', serialised(attributes(element.attrs), document)]
        if self.note is not None:
            out += [b' /ID ', serialised(String(self.note), document)]
        out.append(b' >>')
        return b''.join(out)


class ParentTree(Deferred):
    """The ParentTree: the element of each MCID of each page, then the
    element of each annotation, under the keys *tree* gave them."""
    __slots__ = ('tree',)

    def __init__(self, tree: 'StructureWriter'):
        self.tree = tree

    def format(self, document) -> bytes:
        nums = []
        for key, owner in self.tree.parents:
            if isinstance(owner, list):  # a page's marked content, by MCID
                owner = b'[ ' + b' '.join(ref(element.written, document)
                                          for element in owner) + b' ]'
            else:
                owner = ref(owner.written, document)
            nums.append(b'%d %s' % (key, owner))
        return b'<< /Nums [ ' + b'\n'.join(nums) + b' ] >>'


class StructureWriter:

    def __init__(self, canvas: TaggingCanvas):
        self.canvas = canvas
        self.pages = pages(canvas)
        self.page_refs: dict[int, bytes] = {}
        #: ParentTree keys and the element, or a page's elements by MCID, of each
        self.parents: list[tuple[int, Element | list[Element]]] = []
        self.annotations: dict[Annotation, object] = {}  # -> the annotation's reference
        self.notes = 0

    def page_ref(self, number: int, document) -> bytes:
        """How the file refers to page *number* (1-based)."""
        found = self.page_refs.get(number)
        if found is None:
            found = self.page_refs[number] = ref(self.pages[number - 1], document)
        return found

    def element(self, element: Element, parent) -> StructElem:
        made = element.written = StructElem(element, parent, self)
        for kid in element.kids:
            if isinstance(kid, Element) and (has_content(kid) or kid.role in KEPT_EMPTY):
                self.element(kid, made)
        if element.role == 'Note':  # PDF/UA-1 7.9: every Note has an ID
            self.notes += 1
            made.note = f'note-{self.notes}'
        return made

    def write(self, root: Element, doc: Document) -> None:
        canvas = self.canvas
        owners = {}
        for number, annots in canvas.annotated.items():  # drawn outside every element
            for index, owner, _link in annots:
                owners[number, index] = owner or root.add(
                    Element('Link', kids=[Annotation(number, index)]))
        tree_root = Indirect({'Type': Name('StructTreeRoot')})
        tree_root['K'] = Array([self.element(root, tree_root)])
        for number, page in enumerate(self.pages):
            marks = canvas.marks.get(number + 1)
            if marks:
                set_entries(page, StructParents=number)
                self.parents.append((number, marks))
        key = len(self.pages)
        for number, annots in sorted(canvas.annotated.items()):
            page = self.pages[number - 1]
            set_entries(page, Tabs=Name('S'))
            placed = annotations(page, canvas)
            for index, _owner, link in annots:
                reference, annot = placed[index]
                self.annotations[Annotation(number, index)] = reference
                self.parents.append((key, owners[number, index]))
                if link is None:   # a form field
                    set_entries(annot, StructParent=key)
                else:
                    set_entries(annot, StructParent=key, F=4,  # printed (PDF/A)
                                Contents=String(link_description(
                                    link, canvas.titles, doc.page_labels)))
                key += 1
        tree_root['ParentTree'] = ParentTree(self)
        tree_root['ParentTreeNextKey'] = key
        set_entries(catalog(canvas), StructTreeRoot=tree_root,
                    MarkInfo=Dictionary({'Marked': TRUE}), Lang=String(doc.lang),
                    ViewerPreferences=Dictionary({'DisplayDocTitle': TRUE}),
                    Metadata=metadata(info(canvas), doc.lang),
                    OutputIntents=Array([output_intent()]))


def finish(canvas: TaggingCanvas, root: Element, doc: Document) -> None:
    """Add the structure tree of *root* and the PDF/A and PDF/UA
    identification to what *canvas* drew, and write the file."""
    StructureWriter(canvas).write(root, doc)
    archival_save(canvas)
