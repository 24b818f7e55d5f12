"""Read a tagged PDF's structure back: with pikepdf (roles, attributes, what
each element owns) and with poppler (``pdfinfo -struct-text``: the text each
element holds, in the order a screen reader reads it)."""
import re
import subprocess
from dataclasses import dataclass, field
from functools import lru_cache

import pikepdf

from tests.pdf.pdfread import file_version


@dataclass
class Node:
    role: str
    alt: str | None = None
    attrs: dict = field(default_factory=dict)
    kids: list['Node'] = field(default_factory=list)
    mcids: list[tuple[int, int]] = field(default_factory=list)   # (page index, MCID)
    annots: list = field(default_factory=list)                   # objgen of owned annotations
    obj: object = None

    def walk(self):
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def find(self, role: str) -> list['Node']:
        return [node for node in self.walk() if node.role == role]

    @property
    def roles(self) -> list[str]:
        return [kid.role for kid in self.kids]


def structure(path) -> Node:
    """The structure tree of the PDF at *path*, as :class:`Node` objects."""
    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
        root = Node('StructTreeRoot')

        def read(obj, node, page=None):
            kids = obj.get('/K', [])
            kids = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            page = obj.get('/Pg', page)
            for kid in kids:
                if isinstance(kid, int):
                    node.mcids.append((pages[page.objgen], kid))
                elif kid.get('/Type') == '/MCR':
                    node.mcids.append((pages[kid.Pg.objgen], int(kid.MCID)))
                elif kid.get('/Type') == '/OBJR':
                    node.annots.append(kid.Obj.objgen)
                else:
                    attrs = kid.get('/A', {})
                    child = Node(str(kid.S)[1:], alt=str(kid.Alt) if '/Alt' in kid else None,
                                 attrs={str(k)[1:]: (str(v)[1:] if isinstance(v, pikepdf.Name)
                                                     else v) for k, v in attrs.items()},
                                 obj=kid.objgen)
                    node.kids.append(child)
                    read(kid, child, page)
        read(pdf.Root.StructTreeRoot, root)
        return root


def struct_text(path) -> str:
    """``pdfinfo -struct-text``: the text of each element, indented by depth."""
    return _struct_text(file_version(path))


@lru_cache(maxsize=8)
def _struct_text(version: tuple) -> str:
    """Read once per version of a file: poppler takes seconds over a tagged
    book, and several tests read the same one."""
    return subprocess.run(['pdfinfo', '-struct-text', version[0]], capture_output=True,
                          text=True, check=True).stdout


def tagged_text(path) -> str:
    """All text the structure tree holds, in reading order, whitespace removed
    (poppler joins lines without a space)."""
    quoted = re.findall(r'^\s*"(.*)"\s*$', struct_text(path), re.MULTILINE)
    return re.sub(r'\s+', '', ''.join(quoted))


def squeeze(text: str) -> str:
    return re.sub(r'\s+', '', text)
