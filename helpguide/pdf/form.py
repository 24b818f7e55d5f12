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
from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.acroform import PDFFromString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from ..compat.reportlab import AcroForm, keep_apart, set_form
from .form_font import FormFont, font_objects, form_font, line_height
from .paragraphs import Paragraph
from .styles import StyleSheet

#: Rows of the write-in box of a ``lines`` field.
LINES_ROWS = 5
#: The size values are typed in a ``lines`` field, in body sizes: its rows
#: are this face's line height at this size, printed and typed alike.
LINES_SIZE = 1.4
#: The paragraph style whose face filled-in values are typed in.
VALUE_STYLE = 'form_hint'
CLEAR = Color(1, 1, 1, alpha=0)
RULE_WIDTH = 0.5

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
    *fillable* false only the printed design is drawn. Tagged as a Form
    element holding the label and the field (:mod:`helpguide.pdf.tagging`).
    """

    tag_role = 'Form'

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
        # What every field's font says, for the multi-line field: its size and line height.
        self.lines_size = round(unit * LINES_SIZE, 1)
        self.leading = line_height(self.face(), self.lines_size)
        if self.kind == 'lines':
            self.row = self.leading
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
        look = self.styles.style['form']
        line, row_rule = self.styles.color(look['line_color']), self.styles.color(
            look['row_rule_color'])
        canv.saveState()
        canv.setStrokeColor(line)
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
            field = (0, 0, self.width, area)
            if self.kind == 'lines':
                canv.setStrokeColor(row_rule)
                canv.setLineWidth(RULE_WIDTH)
                for y in self.rules():
                    canv.line(0, y, self.width, y)
                canv.setStrokeColor(line)
                canv.setLineWidth(0.8)
                canv.rect(0, 0, self.width, area, stroke=1, fill=0)
                field = self.typed_lines()
            else:
                canv.line(0, 0, self.width, 0)
        canv.restoreState()
        if self.fillable:
            self.add_widget(*field)

    def rules(self) -> list[float]:
        """Heights of the write-in rules inside a ``lines`` box; its bottom
        edge is the last line to write on."""
        return [row * self.row for row in range(1, LINES_ROWS)]

    def face(self) -> FormFont:
        return form_font(Path(pdfmetrics.getFont(self.styles[VALUE_STYLE].fontName).face.filename))

    def typed_lines(self) -> tuple[float, float, float, float]:
        """The rectangle of a ``lines`` field whose typed lines stand on its
        rules: fillers set the first baseline the face's top below the top
        of the field (pypdf the top of its FontBBox, pikepdf its ascent) and
        the next ones a line height apart, the row the rules are drawn at.
        The last line stands on the box's edge, its descenders below it."""
        face, size = self.face(), self.lines_size
        top = (LINES_ROWS - 1) * self.row + face.bbox[3] * size / 1000
        bottom = face.descent * size / 1000
        return 0, bottom, self.width, top - bottom

    def add_widget(self, x, y, width, height):
        canv = self.canv
        common = dict(name=unique_name(canv, self.name), tooltip=self.label, x=x, y=y,
                      relative=True, borderWidth=0, borderColor=None, fillColor=CLEAR,
                      textColor=self.styles.color(self.styles.style['form']['label_color']))
        if self.kind == 'check':
            # The printed box is the border; the widget only draws the tick.
            form_of(canv).checkbox(size=width, buttonStyle='check', fieldFlags='', **common)
            return
        lines = self.kind == 'lines'
        size = self.lines_size if lines else round(self.styles.base * 1.05, 1)
        path = Path(pdfmetrics.getFont(self.styles[VALUE_STYLE].fontName).face.filename)
        form = form_of(canv)
        form.textfield(width=width, height=height, fontName=form.typeface(path, self.leading),
                       fontSize=size, maxlen=0, fieldFlags='multiline' if lines else '',
                       **common)


def checklist_flowables(fields: list[dict], styles: StyleSheet, *, prefix: str = '',
                        fillable: bool = True) -> list[Flowable]:
    """One :class:`FormField` per checklist field, named *prefix* + its name."""
    return [FormField(field, styles, name=prefix + field['name'], fillable=fillable)
            for field in fields]


class BlankForm(AcroForm):
    """ReportLab's AcroForm, made so that fields fill right in any viewer or
    library and the blank form prints with embedded fonts only.

    * Values are typed in one of the guide's faces, embedded
      (:func:`typeface`, :mod:`.form_font`), never an unembedded standard-14
      font.
    * Every text field has an appearance stream of its own. ReportLab shares
      one object among fields that look the same, and a filler (pypdf)
      rewrites that object in place: all five blank lines showed one answer.
    * An empty text field's appearance names no font (it draws no text).
    * The fonts a viewer types and ticks with are in the form's default
      resources, with ZapfDingbats for the tick, as viewers that redraw
      fields expect.
    """

    def __init__(self, canv, **kwds):
        super().__init__(canv, **kwds)
        self._text_appearance = False
        self._typefaces = {}
        self.fonts['ZaDb'] = self.getRefStr(PDFFromString(
            '<< /BaseFont /ZapfDingbats /Name /ZaDb /Subtype /Type1 /Type /Font >>'))

    def typeface(self, path: Path, leading: float = 0) -> str:
        """The resource name of the TrueType face at *path*, embedded once,
        with the *leading* of the form's multi-line fields."""
        face = form_font(path)
        if face.name not in self._typefaces:
            self._typefaces[face.name] = self.fonts[face.name] = self.getRefStr(
                font_objects(face, self.getRef, leading))
        return face.name

    def makeFont(self, fontName):
        if fontName in self._typefaces:
            return self._typefaces[fontName], fontName
        return super().makeFont(fontName)

    def text_appearance(self, make):
        self._text_appearance = True
        try:
            stream = make()
        finally:
            self._text_appearance = False
        # A key no other field's appearance has: ReportLab reuses an equal one.
        return keep_apart(stream, f'field {len(self.fields)}')

    def appearance_stream(self, width, height, stream, D):
        if self._text_appearance and ' Tf' not in stream:
            D['Resources'] = PDFFromString('<< /ProcSet [/PDF] >>')
        return stream, D

    def format(self, doc):
        # ReportLab writes a /Font entry per font into /DR; one entry holds them all.
        fonts = ' '.join(f'/{name} {ref}' for name, ref in sorted(self.fonts.items()))
        self.extras['DR'] = PDFFromString(
            f'<< /Encoding << /RLAFencoding {self.encRefStr} >> /Font << {fonts} >> >>')
        return super().format(doc)


def form_of(canv) -> BlankForm:
    """*canv*'s form, made a :class:`BlankForm` on first use whatever the
    canvas class (ReportLab makes a plain AcroForm)."""
    form = getattr(canv, 'AcroForm', None)
    if not isinstance(form, BlankForm):
        if form is not None and form.fields:
            raise ValueError('the canvas already has fields of a plain ReportLab AcroForm')
        set_form(canv, BlankForm(canv))
    return canv.AcroForm


class FormCanvas(Canvas):
    """A canvas whose form (made on first use, as ReportLab's) is a :class:`BlankForm`."""

    @property
    def acroForm(self):
        return form_of(self)
