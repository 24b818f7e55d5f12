"""Write the structure tree into the PDF as ReportLab writes it.

ReportLab has no structure tree: the renderer's :class:`~.tree.Element`
tree and what :class:`~.canvas.TaggingCanvas` recorded while drawing (the
element of each MCID and annotation) become the StructTreeRoot, its
ParentTree, the pages' StructParents and the annotations' StructParent,
with the document's language, title display and PDF/A identification, all
added to ReportLab's document before its save writes the file, once.
"""
from dataclasses import dataclass

from ...compat.reportlab import (TRUE, Array, Deferred, Dictionary, Indirect, Name, String,
                                 annotations, catalog, info, pages, set_entries)
from .archive import metadata, output_intent
from .canvas import Link, TaggingCanvas
from .tree import Annotation, Element, Mark

#: Elements kept though they hold no content: a table's grid stays whole.
KEPT_EMPTY = frozenset({'TR', 'TH', 'TD', 'THead', 'TBody', 'Table'})


@dataclass(frozen=True)
class Document:
    """What the whole file says: its language (BCP 47, from Sphinx's ``language``)."""
    lang: str = 'en'


def has_content(element: Element) -> bool:
    return any(isinstance(kid, (Mark, Annotation)) or
               (isinstance(kid, Element) and has_content(kid)) for kid in element.kids)


def attributes(attrs: dict) -> Dictionary:
    return Dictionary({key: Name(value) if isinstance(value, str) else value
                       for key, value in attrs.items()})


def link_description(link: Link, titles: dict[str, str]) -> str:
    """What a link annotation's /Contents tells a screen reader."""
    if link.contents:
        return link.contents
    if link.uri is not None:
        return link.uri
    if link.key and link.key in titles:
        return titles[link.key]
    return 'Link within this document'


class StructElem(Deferred):
    """The StructElem of *element*, its dictionary made as the file is written."""
    __slots__ = ('element', 'parent', 'tree', 'note')

    def __init__(self, element: Element, parent, tree: 'StructureWriter'):
        self.element, self.parent, self.tree, self.note = element, parent, tree, None

    def entries(self) -> dict:
        element, pages, made = self.element, self.tree.pages, self.tree.made
        entries = {'Type': Name('StructElem'), 'S': Name(element.role), 'P': self.parent}
        kids = []
        for kid in element.kids:
            if isinstance(kid, Element):
                if kid in made:
                    kids.append(made[kid])
            elif isinstance(kid, Mark):
                page = pages[kid.page - 1]
                entries.setdefault('Pg', page)
                kids.append(Dictionary({'Type': Name('MCR'), 'Pg': page, 'MCID': kid.mcid}))
            else:
                page = pages[kid.page - 1]
                kids.append(Dictionary({'Type': Name('OBJR'), 'Pg': page,
                                        'Obj': self.tree.annotation_refs[kid]}))
        entries['K'] = Array(kids)
        if element.alt is not None:
            entries['Alt'] = String(element.alt)
        if element.attrs:
            entries['A'] = attributes(element.attrs)
        if self.note is not None:
            entries['ID'] = String(self.note)
        return entries


class StructureWriter:

    def __init__(self, canvas: TaggingCanvas):
        self.canvas = canvas
        self.pages = pages(canvas)
        self.made: dict[Element, StructElem] = {}
        self.annotation_refs: dict[Annotation, object] = {}
        self.notes = 0

    def element(self, element: Element, parent) -> StructElem:
        made = self.made[element] = StructElem(element, parent, self)
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
        nums = []
        for number, page in enumerate(self.pages):
            marks = canvas.marks.get(number + 1)
            if marks:
                set_entries(page, StructParents=number)
                nums += [number, Array([self.made[element] for element in marks])]
        key = len(self.pages)
        for number, annots in sorted(canvas.annotated.items()):
            page = self.pages[number - 1]
            set_entries(page, Tabs=Name('S'))
            placed = annotations(page, canvas)
            for index, _owner, link in annots:
                ref, annot = placed[index]
                self.annotation_refs[Annotation(number, index)] = ref
                nums += [key, self.made[owners[number, index]]]
                if link is None:   # a form field
                    set_entries(annot, StructParent=key)
                else:
                    set_entries(annot, StructParent=key, F=4,  # printed (PDF/A)
                                Contents=String(link_description(link, canvas.titles)))
                key += 1
        tree_root['ParentTree'] = Indirect({'Nums': Array(nums)})
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
    canvas.save()
