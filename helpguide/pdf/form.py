"""The support checklist as a PDF form: labelled write-in lines and tick
boxes that print well blank, with AcroForm fields laid exactly over them so
the same page can be filled on screen.

:func:`checklist_flowables` turns the checklist's fields (``{'kind', 'name',
'label'}``, see :mod:`helpguide.checklist`) into one flowable per field, so a
long checklist breaks between fields, never through one. The booklet, the
stand-alone form and anything else that shows the checklist use it, so they
share one design.
"""
import weakref

from reportlab.lib.colors import Color
from reportlab.pdfbase.acroform import AcroForm, PDFFromString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from helpguide.pdf.paragraphs import Paragraph
from helpguide.pdf.styles import StyleSheet

#: Rows of the write-in box of a ``lines`` field.
LINES_ROWS = 5
#: Standard-14 font the viewer types filled-in text in (the only kind
#: ReportLab's AcroForm offers); a blank form uses none, see
#: :class:`BlankForm`.
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


class BlankForm(AcroForm):
    """ReportLab's AcroForm, made so that the blank form prints with embedded
    fonts only.

    ReportLab gives an empty text field an appearance that names the field
    font though it draws no text, so the printed page would list an
    unembedded standard-14 font: such an appearance names no font here. The
    fonts a viewer types and ticks with are in the form's default resources,
    with ZapfDingbats for the tick, as viewers that redraw fields expect.
    """

    def __init__(self, canv, **kwds):
        super().__init__(canv, **kwds)
        self._text_appearance = False
        self.fonts['ZaDb'] = self.getRefStr(PDFFromString(
            '<< /BaseFont /ZapfDingbats /Name /ZaDb /Subtype /Type1 /Type /Font >>'))

    def txAP(self, *args, **kwargs):
        self._text_appearance = True
        try:
            return super().txAP(*args, **kwargs)
        finally:
            self._text_appearance = False

    def makeStream(self, width, height, stream, **D):
        if self._text_appearance and ' Tf' not in stream:
            D['Resources'] = PDFFromString('<< /ProcSet [/PDF /Text] >>')
        return super().makeStream(width, height, stream, **D)

    def format(self, doc):
        # ReportLab writes a /Font entry per font into /DR; one entry holds them all.
        fonts = ' '.join(f'/{name} {ref}' for name, ref in sorted(self.fonts.items()))
        self.extras['DR'] = PDFFromString(
            f'<< /Encoding << /RLAFencoding {self.encRefStr} >> /Font << {fonts} >> >>')
        return super().format(doc)


class FormCanvas(Canvas):
    """A canvas whose form (made on first use, as ReportLab's) is a :class:`BlankForm`."""

    @property
    def acroForm(self):
        try:
            return self.AcroForm
        except AttributeError:
            self._doc._catalog.AcroForm = self.AcroForm = BlankForm(self)
            return self.AcroForm
