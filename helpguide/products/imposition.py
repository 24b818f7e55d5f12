"""Saddle-stitch imposition: a booklet's pages, two to a side of a sheet
twice their width, in the order that reads right once the printed stack is
folded in the middle and stapled.

Pages are placed with a translation only, never scaled, so type keeps its
designed size: the booklet is laid out at half the sheet (half-letter pages
for Letter sheets, A5 for A4). The imposed file is printed on both sides,
flipping on the short edge.

Each page goes onto its sheet as a form XObject made of its own content
stream, copied as it is, clipped to the page. pypdf's page merging parsed
and rewrote every operator of every page instead: 30 ms a page, most of the
saddle-stitch build (a ×50 guide, 436 half-size pages: 18.4 s).
"""
import os
from dataclasses import dataclass

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject,
                           IndirectObject, NameObject, TextStringObject)

from ..atomic import replacing


class ImpositionError(ValueError):
    """The source cannot be imposed (says which file and page)."""


@dataclass(frozen=True)
class Side:
    """One side of a sheet: the page on its left and on its right half.

    Page numbers count from 1; ``None`` is a blank page added as padding.
    """
    left: int | None
    right: int | None


def padded_count(page_count: int) -> int:
    """Pages once padded with blanks to a multiple of four (one folded sheet)."""
    if page_count < 1:
        raise ImpositionError('a booklet needs at least one page')
    return -(-page_count // 4) * 4


def printer_spreads(page_count: int, *, blank_back: bool = False) -> list[Side]:
    """The sides in print order; for eight pages 8|1, 2|7, 6|3, 4|5.

    Side *i* holds the *i*-th page from the front and the *i*-th from the
    back; the outer page (the higher number) is on the left of the front
    sides, on the right of the back sides. With *blank_back* the last page
    (the outside back cover) is always one of the blank pages.
    """
    total = padded_count(page_count + blank_back)

    def page(number):
        return number if number <= page_count else None

    sides = []
    for i in range(total // 2):
        front, back = page(i + 1), page(total - i)
        sides.append(Side(back, front) if i % 2 == 0 else Side(front, back))
    return sides


def page_size(page: PageObject) -> tuple[float, float]:
    box = page.mediabox
    return float(box.width), float(box.height)


#: Annotation flags: hidden, print.
HIDDEN, PRINT = 1 << 1, 1 << 2


def printed_annotations(page: PageObject) -> list[tuple[DictionaryObject, str]]:
    """The appearance of each annotation of *page* that prints, with the
    ``cm`` operands that place it (its /BBox, through its /Matrix, fitted
    to the annotation's /Rect: ISO 32000-1, 12.5.5)."""
    placed = []
    for annot in page.get('/Annots', ()):
        annot = annot.get_object()
        flags = int(annot.get('/F', 0))
        if not flags & PRINT or flags & HIDDEN:
            continue
        normal = annot.get('/AP', {}).get('/N')
        normal = normal.get_object() if normal is not None else None
        if normal is not None and '/BBox' not in normal:  # states: a check box
            normal = normal.get(annot.get('/AS', '/Off'))
            normal = normal.get_object() if normal is not None else None
        if normal is None or '/BBox' not in normal:
            continue
        a, b, c, d, e, f = (float(v) for v in normal.get('/Matrix', (1, 0, 0, 1, 0, 0)))
        x0, y0, x1, y1 = (float(v) for v in normal['/BBox'])
        corners = [(a * x + c * y + e, b * x + d * y + f) for x in (x0, x1) for y in (y0, y1)]
        left, bottom = min(x for x, _ in corners), min(y for _, y in corners)
        width = max(x for x, _ in corners) - left
        height = max(y for _, y in corners) - bottom
        rx0, ry0, rx1, ry1 = (float(v) for v in annot['/Rect'])
        if width <= 0 or height <= 0:
            continue
        sx, sy = (abs(rx1 - rx0)) / width, (abs(ry1 - ry0)) / height
        matrix = (sx, 0, 0, sy, min(rx0, rx1) - left * sx, min(ry0, ry1) - bottom * sy)
        placed.append((normal, ' '.join(map(pdf_number, matrix))))
    return placed


def page_form(page: PageObject, writer: PdfWriter) -> IndirectObject | None:
    """*page*'s drawing as a form XObject of *writer*, or None for a blank page.

    Only the content stream and the resources it names are copied: links
    would pull their targets (other pages of the source) into the print
    file; form fields are placed as they print (:func:`printed_annotations`).
    """
    contents = page.get('/Contents')
    if contents is None:
        return None
    streams = contents.get_object()
    if isinstance(streams, ArrayObject):
        first = streams[0].clone(writer)
        first.get_object().set_data(b'\n'.join(s.get_object().get_data() for s in streams))
        form = first
    else:
        form = contents.clone(writer)
    form.get_object().update({
        NameObject('/Type'): NameObject('/XObject'),
        NameObject('/Subtype'): NameObject('/Form'),
        NameObject('/BBox'): ArrayObject(FloatObject(v) for v in page.mediabox),
        NameObject('/Resources'): page.get('/Resources', DictionaryObject()).clone(writer),
    })
    return form


def pdf_number(value: float) -> str:
    """A PDF number: plain decimals, never an exponent."""
    return f'{value:.4f}'.rstrip('0').rstrip('.')


def impose(source: str | os.PathLike, target: str | os.PathLike,
           sheet: tuple[float, float] | None = None, *, blank_back: bool = False) -> int:
    """Write the saddle-stitch imposition of *source* to *target*.

    *sheet* is the paper (width, height) in points, used landscape; by
    default it is exactly two pages wide. Pages meet at the fold and are
    centred vertically; a sheet a little wider than two pages (A4 for A5
    pages) leaves the spare paper at the outer edges. Every page must be the
    same size and unrotated. Links are left out and form fields are
    printed as they look: the imposed file is for the printer only. With
    *blank_back* nothing is printed on the outside back cover (see
    :func:`printer_spreads`). Returns the number of sheets.
    """
    reader = PdfReader(source)
    pages = reader.pages
    if not pages:
        raise ImpositionError(f'{source}: has no pages to impose')
    width, height = page_size(pages[0])
    for number, page in enumerate(pages, start=1):
        if page_size(page) != (width, height):
            raise ImpositionError(
                f'{source}: page {number} is {page_size(page)} pt, not {(width, height)} '
                'like page 1; a booklet is imposed from pages of one size')
        if page.rotation % 360:
            raise ImpositionError(f'{source}: page {number} is rotated; '
                                  'lay the booklet out upright')
    sheet_w, sheet_h = sorted(sheet or (2 * width, height), reverse=True)
    if 2 * width > sheet_w + 0.5 or height > sheet_h + 0.5:
        raise ImpositionError(
            f'{source}: two pages of {width:g} x {height:g} pt do not fit side by side '
            f'on a sheet of {sheet_w:g} x {sheet_h:g} pt, and pages are never scaled')
    fold, rise = sheet_w / 2, (sheet_h - height) / 2

    writer = PdfWriter()
    for side in printer_spreads(len(pages), blank_back=blank_back):
        paper = writer.add_blank_page(sheet_w, sheet_h)
        placed, drawing = DictionaryObject(), []
        for page_number, x in ((side.left, fold - width), (side.right, fold)):
            page = pages[page_number - 1] if page_number else None
            form = page_form(page, writer) if page else None
            if form is None:
                continue
            name = NameObject(f'/Page{page_number}')
            placed[name] = form
            box = page.mediabox
            shift = (f'1 0 0 1 {pdf_number(x - float(box.left))} '
                     f'{pdf_number(rise - float(box.bottom))} cm')
            drawing.append(f'q {shift} {name} Do Q')
            for number, (appearance, matrix) in enumerate(printed_annotations(page), 1):
                name = NameObject(f'/Page{page_number}Annot{number}')
                placed[name] = appearance.clone(writer).indirect_reference
                drawing.append(f'q {shift} {matrix} cm {name} Do Q')
        paper[NameObject('/Resources')] = DictionaryObject({NameObject('/XObject'): placed})
        content = DecodedStreamObject()
        content.set_data('\n'.join(drawing).encode('ascii'))
        paper.replace_contents(content)
    if reader.metadata:
        writer.add_metadata({key: str(value) for key, value in reader.metadata.items()
                             if key in ('/Title', '/Author', '/Subject', '/Creator')})
    # For print shops: not tagged, but it keeps the book's language and shows its title.
    if '/Lang' in reader.root_object:
        writer.root_object[NameObject('/Lang')] = TextStringObject(reader.root_object['/Lang'])
    writer.create_viewer_preferences().display_doctitle = True
    with replacing(target) as partial:
        with open(partial, 'wb') as out:
            writer.write(out)
    return len(writer.pages) // 2
