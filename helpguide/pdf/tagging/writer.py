"""Write the structure tree into the PDF ReportLab wrote, with pikepdf.

ReportLab has no structure tree: the renderer's :class:`~.tree.Element`
tree and what :class:`~.canvas.TaggingCanvas` recorded while drawing (the
element of each MCID and annotation) become the StructTreeRoot, its
ParentTree, the pages' StructParents and the annotations' StructParent,
with the document's language, title display and PDF/A identification.
"""
from dataclasses import dataclass
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from .archive import add_metadata, add_output_intent
from .canvas import TaggingCanvas
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
    out = Dictionary()
    for key, value in attrs.items():
        out[Name('/' + key)] = Name('/' + value) if isinstance(value, str) else value
    return out


def link_description(annot, key: str | None, titles: dict[str, str]) -> str:
    """What a link annotation's /Contents tells a screen reader."""
    action = annot.get('/A')
    if action is not None and '/URI' in action:
        return str(action.URI)
    if key and key in titles:
        return titles[key]
    return 'Link within this document'


class StructureWriter:

    def __init__(self, pdf: pikepdf.Pdf, canvas: TaggingCanvas):
        self.pdf = pdf
        self.canvas = canvas
        self.pages = [page.obj for page in pdf.pages]
        self.notes = 0

    def element(self, element: Element, parent) -> Dictionary:
        obj = self.pdf.make_indirect(Dictionary(Type=Name.StructElem,
                                                S=Name('/' + element.role), P=parent))
        element.obj = obj
        kids = Array()
        for kid in element.kids:
            if isinstance(kid, Element):
                if has_content(kid) or kid.role in KEPT_EMPTY:
                    kids.append(self.element(kid, obj))
            elif isinstance(kid, Mark):
                page = self.pages[kid.page - 1]
                if '/Pg' not in obj:
                    obj.Pg = page
                kids.append(Dictionary(Type=Name.MCR, Pg=page, MCID=kid.mcid))
            else:
                page = self.pages[kid.page - 1]
                kids.append(Dictionary(Type=Name.OBJR, Pg=page,
                                       Obj=page.Annots[kid.index]))
        obj.K = kids
        if element.alt is not None:
            obj.Alt = String(element.alt)
        if element.attrs:
            obj.A = attributes(element.attrs)
        if element.role == 'Note':  # PDF/UA-1 7.9: every Note has an ID
            self.notes += 1
            obj.ID = String(f'note-{self.notes}')
        return obj

    def write(self, root: Element, doc: Document) -> None:
        pdf, canvas = self.pdf, self.canvas
        for page, annots in canvas.annotated.items():  # drawn outside every element
            for index, owner, _key in annots:
                if owner is None:
                    root.add(Element('Link', kids=[Annotation(page, index)]))
        tree_root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
        top = self.element(root, tree_root)
        tree_root.K = Array([top])
        nums = Array()
        for number, page in enumerate(self.pages):
            marks = canvas.marks.get(number + 1)
            if marks:
                page.StructParents = number
                nums.extend([number, Array([element.obj for element in marks])])
        key = len(self.pages)
        for number, annots in sorted(canvas.annotated.items()):
            page = self.pages[number - 1]
            page.Tabs = Name.S
            for index, owner, dest in annots:
                annot = page.Annots[index]
                owner = owner or next(k for k in root.kids if isinstance(k, Element) and
                                      Annotation(number, index) in k.kids)
                annot.StructParent = key
                nums.extend([key, owner.obj])
                key += 1
                if annot.get('/Subtype') == Name.Link:
                    annot.F = 4  # printed (PDF/A)
                    if not str(annot.get('/Contents', '')):
                        annot.Contents = String(link_description(annot, dest, canvas.titles))
        tree_root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
        tree_root.ParentTreeNextKey = key
        catalog = pdf.Root
        catalog.StructTreeRoot = tree_root
        catalog.MarkInfo = Dictionary(Marked=True)
        catalog.Lang = String(doc.lang)
        catalog.ViewerPreferences = Dictionary(DisplayDocTitle=True)


def finish(path: Path, root: Element, canvas: TaggingCanvas, doc: Document) -> None:
    """Add the structure tree and the PDF/A and PDF/UA identification to *path*."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        StructureWriter(pdf, canvas).write(root, doc)
        add_metadata(pdf, doc.lang)
        add_output_intent(pdf)
        pdf.save(path, deterministic_id=True)
