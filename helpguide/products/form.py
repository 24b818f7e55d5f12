"""The support checklist as a PDF form: labelled write-in lines and tick
boxes that print well blank, with AcroForm fields laid exactly over them so
the same page can be filled on screen.

:func:`checklist_flowables` turns the checklist's fields (``{'kind', 'name',
'label'}``, see :mod:`helpguide.checklist`) into one flowable per field, so a
long checklist breaks between fields, never through one. The booklet, the
stand-alone form and anything else that shows the checklist use it, so they
share one design.
"""
import os
import weakref

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject
from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph

from helpguide.pdf.styles import StyleSheet

#: Rows of the write-in box of a ``lines`` field.
LINES_ROWS = 5
#: Standard-14 font the viewer types filled-in text in (the only kind
#: ReportLab's AcroForm offers); a blank form uses none, see
#: :func:`finish_form`.
FIELD_FONT = 'Helvetica'
CLEAR = Color(1, 1, 1, alpha=0)

# Field names already placed in each PDF being written: a second field of the
# same name would silently share (or lose) the first one's value.
_names_in = weakref.WeakKeyDictionary()


def unique_name(canv, name: str) -> str:
    """*name*, or *name* with a number (``errors_2``) if the PDF has it already."""
    taken = _names_in.setdefault(canv, set())
    unique, number = name, 1
    while unique in taken:
        number += 1
        unique = f'{name}_{number}'
    taken.add(unique)
    return unique


class FormField(Flowable):
    """One checklist field: its label and where to write, by pen or on screen.

    *name* is the AcroForm field name (numbered if the PDF has it already,
    so names stay unique in a file holding the checklist twice); with
    *fillable* false only the printed design is drawn.
    """

    def __init__(self, field: dict, styles: StyleSheet, *, name: str, fillable: bool = True):
        super().__init__()
        self.kind, self.label = field['kind'], field['label']
        self.name = name
        self.styles = styles
        self.fillable = fillable
        unit = styles.base
        self.row = unit * 2.2          # height of one write-in line
        self.gap = unit * 0.9          # space below the field
        self.box = unit * 1.3          # side of a tick box
        label_style = styles['form_label']
        if self.kind == 'check':
            self.caption = Paragraph(self.label, styles['compact'])
        else:
            self.caption = Paragraph(self.label, label_style)

    def wrap(self, aW, aH):
        self.width = aW
        if self.kind == 'check':
            _, h = self.caption.wrap(aW - self.box * 1.8, aH)
            self.height = max(h, self.box)
        else:
            _, h = self.caption.wrap(aW, aH)
            self.label_height = h
            rows = LINES_ROWS if self.kind == 'lines' else 1
            self.height = h + rows * self.row
        return self.width, self.height

    def getSpaceBefore(self):
        return self.styles.base * 0.6

    def getSpaceAfter(self):
        return self.gap

    def draw(self):
        canv = self.canv
        colors = self.styles.colors
        canv.saveState()
        canv.setStrokeColor(colors['accent'])
        canv.setLineWidth(0.8)
        if self.kind == 'check':
            _, h = self.caption.wrap(self.width - self.box * 1.8, self.height)
            box_y = self.height - self.box
            canv.rect(0, box_y, self.box, self.box, stroke=1, fill=0)
            self.caption.drawOn(canv, self.box * 1.8, self.height - h)
            field = (0, box_y, self.box, self.box)
        else:
            self.caption.drawOn(canv, 0, self.height - self.label_height)
            area = self.height - self.label_height
            if self.kind == 'lines':
                canv.setStrokeColor(colors['rule'])
                canv.setLineWidth(0.5)
                for row in range(1, LINES_ROWS):
                    canv.line(0, row * self.row, self.width, row * self.row)
                canv.setStrokeColor(colors['accent'])
                canv.setLineWidth(0.8)
                canv.rect(0, 0, self.width, area, stroke=1, fill=0)
            else:
                canv.line(0, 0, self.width, 0)
            field = (0, 0, self.width, area)
        canv.restoreState()
        if self.fillable:
            self.add_widget(*field)

    def add_widget(self, x, y, width, height):
        canv = self.canv
        common = dict(name=unique_name(canv, self.name), tooltip=self.label, x=x, y=y,
                      relative=True, borderWidth=0, borderColor=None, fillColor=CLEAR,
                      textColor=self.styles.colors['accent'])
        if self.kind == 'check':
            # The printed box is the border; the widget only draws the tick.
            canv.acroForm.checkbox(size=width, buttonStyle='check', fieldFlags='',
                                   **common)
            return
        size = round(self.styles.base * 1.05, 1)
        canv.acroForm.textfield(width=width, height=height, fontName=FIELD_FONT,
                                fontSize=size, maxlen=0,
                                fieldFlags='multiline' if self.kind == 'lines' else '',
                                **common)


def checklist_flowables(fields: list[dict], styles: StyleSheet, *, prefix: str = '',
                        fillable: bool = True) -> list[Flowable]:
    """One :class:`FormField` per checklist field, named *prefix* + its name."""
    return [FormField(field, styles, name=prefix + field['name'], fillable=fillable)
            for field in fields]


def finish_form(path: str | os.PathLike) -> None:
    """Rewrite the PDF at *path* (a file being written, not yet in place) so its
    blank form prints with embedded fonts only.

    ReportLab gives an empty text field an appearance with the field font in
    its resources though it draws no text, so the printed page would list an
    unembedded standard-14 font: those resources are dropped. The fonts a
    viewer types and ticks with stay in the form's default resources, with
    ZapfDingbats added for the tick, as viewers that redraw fields expect.
    """
    if '/AcroForm' not in PdfReader(path).trailer['/Root']:
        return  # no form: nothing to rewrite
    writer = PdfWriter(clone_from=path)
    for page in writer.pages:
        for annotation in page.get('/Annots') or ():
            widget = annotation.get_object()
            if widget.get('/FT') != '/Tx' or widget.get('/V') or '/AP' not in widget:
                continue
            for appearance in widget['/AP'].get_object().values():
                resources = appearance.get_object().get('/Resources')
                if resources is not None:
                    resources.get_object().pop('/Font', None)
    form = writer.root_object['/AcroForm'].get_object()
    resources = form.setdefault(NameObject('/DR'), DictionaryObject()).get_object()
    fonts = resources.setdefault(NameObject('/Font'), DictionaryObject()).get_object()
    if '/ZaDb' not in fonts:
        fonts[NameObject('/ZaDb')] = DictionaryObject({
            NameObject('/Type'): NameObject('/Font'),
            NameObject('/Subtype'): NameObject('/Type1'),
            NameObject('/BaseFont'): NameObject('/ZapfDingbats')})
    with open(path, 'wb') as out:  # a partial file: the caller syncs and renames it
        writer.write(out)
