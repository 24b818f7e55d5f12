"""ReportLab's private interfaces, used here and nowhere else.

* ``Paragraph._setup(text, style, bulletText, frags, cleaner)``: where a
  Paragraph turns its markup into fragments. :class:`Paragraph` turns it into
  a hook, :meth:`Paragraph.fragments`, to give the fragments without
  ReportLab's HTML parser, and :meth:`Paragraph.fragments_made` after it.
* ``ParaParser.tt_parse(tree, style)``: fragments from a tuple tree
  (:func:`parse_tuple_tree`).
* ``AcroForm.txAP(...)`` and ``AcroForm.makeStream(width, height, stream,
  **resources)``: the appearance streams of form fields, and the
  ``_af_refstr`` key by which ReportLab shares equal ones
  (:class:`AcroForm`, :func:`keep_apart`).
* ``canvas._doc._catalog``: the document catalog, where a form is set
  (:func:`set_form`).
* ``Frame._x1`` and ``Frame._geom()``: where a frame sits, moved for
  mirrored margins (:func:`move_frame`); ``canvas._pagesize``
  (:func:`page_size`).
* ``canvas._doctemplate``, ``Frame._atTop`` and the frame's ``_y1p``, ``_y2``
  and ``_topPadding``: where a flowable being laid out stands (keep rules:
  :func:`doc_template`, :func:`frame_at_top`, :func:`frame_text_height`).
* ``Table._cellvalues`` and ``Table._spanCmds``: a table's cells and spans,
  for its structure tags (:func:`table_cells`, :func:`table_spans`).
* ``flowables._listWrapOn`` (the height a list of flowables needs,
  :func:`height_of`) and ``flowables._ContainerSpace``, the base of the
  flowables that hold others (:data:`Container`).
* ``pdfmetrics._fonts``, the fonts registered by name, and ``TTFont.__init__``
  setting up the font from its file: a font registered by :func:`register_unread`
  reads its file on first use (:class:`UnreadTTFont`); ``registerFont``
  would read it at once, for its face's name.
* The PDF objects ReportLab writes, to add the structure tree and the PDF/A
  and PDF/UA entries to the file in ReportLab's own save: ``pdfdoc``'s
  ``PDFDictionary``, ``PDFArray``, ``PDFName``, ``PDFString`` and ``PDFStream``
  (:data:`Dictionary`, :data:`Array`, :func:`Name`, :data:`String`,
  :func:`Stream`); ``__RefOnly__`` (an object written on its own and referred
  to: :class:`Indirect`, :class:`Deferred`), ``format(document)``
  (:func:`serialised`) and ``idToObjectNumberAndVersion`` (:func:`ref`);
  ``canvas._doc``, its ``_catalog``, ``Pages.pages`` and ``idToObject``
  (:func:`catalog`, :func:`pages`, :func:`annotations`); the entries a
  catalog or page writes (``__NoDefault__``, ``__Defaults__``) and a link
  annotation's ``permitted``, ``otherkw`` and ``Contents`` (:func:`set_entries`);
  the Info dictionary as written, ``info`` with ``_dateFormatter`` and the
  document's ``_timeStamp`` (:func:`info`); ``BaseDocTemplate._doSave``, which
  ``multiBuild`` sets to lay out without writing (:func:`lay_out_unsaved`);
  ``PDFStream.format``, which writes ``endstream`` right after a stream's
  data, wrapped while a file is saved, and ``PDFFile`` (its ``strings``,
  ``write`` and ``format``), which collects the whole file in memory and
  joins it before ``SaveToFile`` writes it, made to write each piece to the
  file as it is formatted, and the canvas's ``_filename``, the file it
  saves to (:func:`archival_save`).
* Page references' slots (:mod:`helpguide.pdf.page_refs`): an ``<onDraw>``
  callback's ``canvas._curr_tx_info`` (the text object ``tx``, ``cur_x``,
  ``cur_y``, ``xs.style``), the text object's list of operators (its code;
  the canvas's own, which the tagging canvas edits, is another),
  ``_fontname`` and ``_fontsize``, the paragraph's ``blPara.lines`` (their
  ``words``, frags with ``cbDefn``, ``backColor``, ``us_lines``), kept on
  the canvas by :meth:`Paragraph.drawPara` (:func:`mark_drawn_text`);
  the canvas's list of the page's annotation references (which the tagging
  canvas reads too), ``idToObject`` and a link annotation's ``Rect`` (a
  URL's ``/Rect``) (:func:`annotations_from_here`, :func:`move_annotations`);
  a written page's ``stream`` (:func:`replace_in_page`).
* The canvas's page content as it is drawn, ``canvas._code`` (a list of
  operators, :func:`page_code`), and ``canvas._codeStack``, not empty while
  a form XObject is defined (:func:`defining_form`); ``Canvas._annotatePage``,
  where an annotation joins the page's ``_annotationrefs``
  (:class:`AnnotationHook`). (``canvas._pageNumber`` is not needed:
  ``getPageNumber()``.)
* What a flowable's layout reads: ``Flowable._doctemplateAttr``
  (:func:`doc_attribute`); ``_frame``, the frame laying it out
  (:func:`frame_of`); the frame's ``_prevASpace``, the space after what it
  placed last (:func:`frame_space_after`); ``_ZEROSIZE`` and
  ``_SPACETRANSFER``, which make the frame place a flowable without spaces
  of its own (:class:`ZeroSize`, :func:`is_zero_size`,
  :func:`transfers_space`); a Table's ``_height`` once wrapped
  (:func:`table_height`).
* A container's flowables, ``_content`` (:func:`container_flowables`), and a
  KeepTogether's measure, by which its ``split`` decides: ``_H`` (what it
  holds), ``_H0`` (the first of it) and ``_wrapInfo`` (the size it was
  measured for) (:func:`set_measure`, :func:`measured_height`).
"""
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

from reportlab.pdfbase import pdfdoc as _pdfdoc
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.acroform import AcroForm as _AcroForm
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph as _Paragraph
from reportlab.platypus.flowables import _ContainerSpace, _listWrapOn

from . import require

#: The versions whose private parts above are as this module uses them.
SUPPORTED = ('4.2', '6')
VERSION = require('reportlab', *SUPPORTED)


class Paragraph(_Paragraph):
    """ReportLab's Paragraph, with hooks where it makes its fragments."""

    def fragments(self, text, style, bulletText, cleaner):
        """``(text, style, bulletText, frags)`` to set the paragraph up with;
        ``frags`` None lets ReportLab parse the markup itself."""
        return text, style, bulletText, None

    def fragments_made(self) -> None:
        """Called once ``self.frags`` are set."""

    def _setup(self, text, style, bulletText, frags, cleaner):
        if frags is None:
            text, style, bulletText, frags = self.fragments(text, style, bulletText, cleaner)
        super()._setup(text, style, bulletText, frags, cleaner)
        self.fragments_made()

    def drawPara(self, debug=0):
        # What its lines' <onDraw> callbacks read (mark_drawn_text), while it
        # draws only: ReportLab's text objects are cyclic garbage, which
        # would keep the lines of every paragraph while collection is paused.
        self.canv.paragraph_lines = self.blPara.lines, {}
        try:
            super().drawPara(debug)
        finally:
            del self.canv.paragraph_lines


def parse_tuple_tree(parser, tree, style):
    """``(style, frags, bullet_frags)`` of a ``('para', attrs, children)`` tree."""
    return parser.tt_parse(tree, style)


class AcroForm(_AcroForm):
    """ReportLab's form, with hooks on the appearance streams of its fields."""

    def text_appearance(self, make):
        """The appearance stream of a text field: ``make()`` gives ReportLab's."""
        return make()

    def appearance_stream(self, width, height, stream: str, resources: dict):
        """``(stream, resources)`` of an appearance about to be made."""
        return stream, resources

    def txAP(self, *args, **kwargs):
        return self.text_appearance(lambda: super(AcroForm, self).txAP(*args, **kwargs))

    def makeStream(self, width, height, stream, **D):
        stream, D = self.appearance_stream(width, height, stream, D)
        return super().makeStream(width, height, stream, **D)


def keep_apart(stream, key: str):
    """Make *stream* unequal to any other ReportLab would share it with."""
    stream._af_refstr += f'\n% {key}'
    return stream


def set_form(canvas, form) -> None:
    """Make *form* the form of the document *canvas* draws."""
    canvas._doc._catalog.AcroForm = canvas.AcroForm = form


def move_frame(frame, x: float) -> None:
    """Put *frame*'s left edge at *x* (the next ``_reset`` starts there)."""
    frame.__dict__['_x1'] = x
    frame._geom()


def page_size(canvas) -> tuple[float, float]:
    """The size of the page *canvas* draws."""
    return canvas._pagesize


def doc_template(canvas):
    """The document template laying out onto *canvas*."""
    return canvas._doctemplate


def frame_at_top(frame) -> bool:
    """Whether nothing has been laid out in *frame* yet."""
    return frame._atTop


def frame_text_height(frame) -> float:
    """The height *frame* holds text in, inside its padding."""
    return frame._y2 - frame._topPadding - frame._y1p


def doc_attribute(flowable, name: str):
    """The attribute *name* of the document template laying out *flowable*; None if it has none."""
    return flowable._doctemplateAttr(name)


def frame_of(flowable):
    """The frame laying out (wrapping or splitting) *flowable*; None outside one."""
    return getattr(flowable, '_frame', None)


def frame_space_after(frame) -> float:
    """The space after what *frame* placed last, which the next flowable's
    space before overlaps."""
    return getattr(frame, '_prevASpace', 0)


class ZeroSize:
    """A mixin for a flowable that takes no room: the frame places it
    without spaces of its own, and the spaces around it stay as if it were
    not there."""
    _ZEROSIZE = 1


def is_zero_size(flowable) -> bool:
    """Whether the frame places *flowable* as taking no room (:class:`ZeroSize`)."""
    return bool(getattr(flowable, '_ZEROSIZE', False))


def transfers_space(flowable) -> bool:
    """Whether *flowable* passes the space after the flowable before it on
    to the next, rather than adding a space before of its own."""
    return bool(getattr(flowable, '_SPACETRANSFER', False))


def table_height(table) -> float:
    """The height of *table* as last wrapped."""
    return table._height


def container_flowables(container) -> list:
    """The flowables a KeepTogether or other :data:`Container` holds ([] for none)."""
    return getattr(container, '_content', [])


def set_measure(keep, width: float, height: float, content: float, first: float) -> None:
    """Give the KeepTogether *keep*, asked to fit in *width* x *height*,
    the measure its ``split`` decides by: the height of what it holds
    (*content*) and of the first of it (*first*)."""
    keep._H, keep._H0, keep._wrapInfo = content, first, (width, height)


def measured_height(keep, width: float, height: float) -> float:
    """The height of what the KeepTogether *keep* holds, measured for
    *width* x *height* (by its ``wrap``, again where it was measured for another size)."""
    if getattr(keep, '_wrapInfo', None) != (width, height):
        keep.wrap(width, height)
    return keep._H


def table_cells(table) -> list[list]:
    """The rows of *table*, each a list of its cells' contents."""
    return table._cellvalues


def table_spans(table) -> list:
    """``(command, (first column, first row), (last column, last row))`` per span."""
    return table._spanCmds


#: The base class of ReportLab's flowables that hold other flowables.
Container = _ContainerSpace


def height_of(flowables: list, width: float, canvas) -> tuple[float, float]:
    """``(width, height)`` that *flowables* need, one below the other, at *width*."""
    return _listWrapOn(flowables, width, canvas)


class UnreadTTFont(TTFont):
    """A TrueType font that reads its file (ReportLab keeps all of it parsed,
    3.5 MB for a DejaVu Sans face) the first time it is asked about anything
    but its name: a face a book never sets costs nothing."""

    def __init__(self, name: str, filename: str):
        self.fontName = name
        self._unread = filename

    def __getattr__(self, attr):
        # Called only for what the font does not have yet: its first use.
        filename = self.__dict__.pop('_unread', None)
        if filename is None:
            raise AttributeError(attr)
        TTFont.__init__(self, self.fontName, filename)
        return getattr(self, attr)


def register_unread(font: UnreadTTFont) -> None:
    """``pdfmetrics.registerFont(font)`` without reading *font*'s file."""
    pdfmetrics._fonts[font.fontName] = font
    pdfmetrics.registerFontFamily(font.fontName)


# -- the canvas -----------------------------------------------------------------------
def page_code(canvas) -> list:
    """The operators drawn on the page so far: the list itself, to add to or rewrite."""
    return canvas._code


def defining_form(canvas) -> bool:
    """Whether *canvas* is drawing a form XObject rather than the page."""
    return bool(canvas._codeStack)


class AnnotationHook:
    """A mixin for a Canvas: :meth:`annotation_added` once each annotation
    (a link, a form field) is on the page."""

    def annotation_added(self, index: int) -> None:
        """The annotation *index* (in the page's /Annots) was added."""

    def _annotatePage(self, name):
        super()._annotatePage(name)
        self.annotation_added(len(self._annotationrefs) - 1)


# -- the PDF objects of ReportLab's save ----------------------------------------------
Dictionary = _pdfdoc.PDFDictionary   # Dictionary({'Key': value}): names without '/'
Array = _pdfdoc.PDFArray
String = _pdfdoc.PDFString
#: A PDF boolean as ReportLab writes one.
TRUE = 'true'


def Name(name: str) -> str:
    """The PDF name *name* (given without its '/')."""
    return _pdfdoc.PDFName(name)


def Stream(content: bytes, entries: dict, compress: bool = True):
    """A stream of *content* with the dictionary *entries*, Flate-compressed if *compress*."""
    return _pdfdoc.PDFStream(Dictionary(entries), content,
                             [_pdfdoc.PDFZCompress] if compress else None)


class Indirect(Dictionary):
    """A dictionary ReportLab writes as an object of its own, and refers to
    wherever it is an entry's value."""
    __RefOnly__ = 1


class Deferred(_pdfdoc.PDFObject):
    """An object of its own that writes itself as ReportLab writes the file:
    ``format(document)`` gives its bytes (:func:`ref` refers to others), so
    thousands of them cost no dictionaries until then."""
    __RefOnly__ = 1
    __slots__ = ('__InternalName__',)   # where ReportLab keeps its object's name

    def format(self, document) -> bytes:
        raise NotImplementedError


def ref(obj, document) -> bytes:
    """How *document* refers to *obj* (an object of its own, or a reference
    to one), ``b'12 0 R'``; an object not yet in the file is added to it."""
    return b'%d %d R' % document.idToObjectNumberAndVersion[document.Reference(obj).name]


def serialised(value, document) -> bytes:
    """*value* (a :data:`Dictionary`, :data:`String`, number...) as *document* writes it."""
    return _pdfdoc.format(value, document)


def catalog(canvas):
    """The catalog of the document *canvas* draws (see :func:`set_entries`)."""
    return canvas._doc._catalog


def pages(canvas) -> list:
    """The pages *canvas* has drawn, in order: values for an entry that refers to a page."""
    return canvas._doc.Pages.pages


def annotations(page, canvas) -> list[tuple[object, object]]:
    """``(reference, annotation)`` of each annotation of *page*, in its /Annots order."""
    objects = canvas._doc.idToObject
    return [(ref, objects[ref.name]) for ref in page.Annots or ()]


def set_entries(obj, **entries) -> None:
    """Set *entries* (names without '/') on a catalog, page or annotation
    ReportLab made, including entries it does not write of its own accord."""
    if isinstance(obj, _pdfdoc.PDFCatalog):   # the catalog and the pages
        known = [*obj.__NoDefault__, *obj.__Defaults__]
        obj.__NoDefault__ = [*obj.__NoDefault__, *(key for key in entries if key not in known)]
        for key, value in entries.items():
            setattr(obj, key, value)
    elif isinstance(obj, _pdfdoc.Annotation):  # a link to a destination (linkRect)
        obj.permitted = (*obj.permitted, *entries)
        if 'Contents' in entries:
            obj.Contents = entries.pop('Contents')
        obj.otherkw.update(entries)
    else:                                     # a link to a URI, a form field
        obj.dict.update(entries)


def info(canvas) -> dict[str, str]:
    """The document's Info dictionary as ReportLab will write it (``{'/Title': ...}``)."""
    doc = canvas._doc
    about = doc.info
    date = _pdfdoc.PDFDate(ts=doc._timeStamp, dateFormatter=about._dateFormatter)
    written = date.format(_pdfdoc.DummyDoc()).decode('latin-1')[1:-1]   # '(D:...)'
    return {'/Title': about.title, '/Author': about.author, '/Subject': about.subject,
            '/Keywords': about.keywords, '/Producer': about.producer,
            '/Creator': about.creator, '/CreationDate': written, '/ModDate': written}


def lay_out_unsaved(doc, story: list, canvasmaker) -> None:
    """Lay *story* out with *doc* without writing the file: ``doc.canv.save()`` writes it."""
    doc._doSave = 0
    doc.build(story, canvasmaker=canvasmaker)


@dataclass(frozen=True)
class DrawnText:
    """Text an ``<onDraw>`` callback follows: where it ends, in which font,
    how its line is aligned, and whether the line draws anything at a fixed
    place after it (a background, an underline, an image)."""
    x: float
    y: float
    font: tuple[str, float]
    alignment: int
    fixed_after: bool


def mark_drawn_text(canvas, label: str, text: str, token: str) -> DrawnText | None:
    """In the ``<onDraw>`` callback of *label*, put *token* for the *text*
    drawn just before it; None if that is not how it was drawn."""
    info = canvas._curr_tx_info
    tx = info['tx']
    code = tx._code[-1] if tx._code else ''
    shown = f'{text}) Tj'
    lines, seen = getattr(canvas, 'paragraph_lines', (None, None))
    if not code.endswith(shown) or not lines or not hasattr(lines[0], 'words'):
        return None
    tx._code[-1] = code[:-len(shown)] + f'{token}) Tj'
    # The line is the n-th holding this callback, n the callbacks of its label so far.
    found = [(line, i) for line in lines for i, f in enumerate(line.words)
             if getattr(getattr(f, 'cbDefn', None), 'label', None) == label]
    n = seen[label] = seen.get(label, -1) + 1
    line, at = found[n] if n < len(found) else (None, 0)
    fixed = line is None or any(   # what follows on the line, where it is known
        getattr(f, 'backColor', None) or getattr(f, 'us_lines', None)
        or getattr(getattr(f, 'cbDefn', None), 'kind', None) == 'img'
        for f in line.words[at + 1:])
    style = info['xs'].style
    return DrawnText(info['cur_x'], info['cur_y'], (tx._fontname, tx._fontsize),
                     style.alignment, fixed or bool(getattr(style, 'endDots', None)))


def annotations_from_here(canvas) -> tuple[list, int]:
    """The annotations of the page being drawn, and how many it has now."""
    return canvas._annotationrefs, len(canvas._annotationrefs)


def move_annotations(canvas, refs: list, start: int, x: float, y: float, dx: float) -> None:
    """Move by *dx* the link annotations of *refs* from *start* whose
    rectangle starts at or after *x* on the line through *y* (page
    coordinates): internal links keep it as ``Rect``, URLs as ``/Rect``."""
    for ref in refs[start:]:
        annotation = canvas._doc.idToObject[ref.name]
        uri = isinstance(annotation, Dictionary)
        lx, ly, ux, uy = annotation['Rect'].sequence if uri else annotation.Rect
        if lx >= x and ly <= y <= uy:
            moved = (lx + dx, ly, ux + dx, uy)
            if uri:
                annotation['Rect'] = Array(moved)
            else:
                annotation.Rect = moved


def replace_in_page(canvas, page: int, token: str, text: str) -> None:
    """Put *text* for *token* in the content of the written *page* (1-based)."""
    written = pages(canvas)[page - 1]
    assert written.stream.count(token) == 1, token
    written.stream = written.stream.replace(token, text)


ENDSTREAM = b'endstream\n'


def _stream_ending_with_eol(format_stream):
    def format(self, document) -> bytes:
        written = format_stream(self, document)
        # The EOL is not part of the data: the stream's /Length stays as it is.
        return written[:-len(ENDSTREAM)] + b'\n' + ENDSTREAM
    return format


@contextmanager
def _streams_ending_with_eol():
    format_stream = _pdfdoc.PDFStream.format
    _pdfdoc.PDFStream.format = _stream_ending_with_eol(format_stream)
    try:
        yield
    finally:
        _pdfdoc.PDFStream.format = format_stream


@contextmanager
def _pieces_written_to(file):
    """ReportLab's output collector writing each formatted piece to *file*
    at once: it would hold them all and then join them (the file twice over
    in memory, at the build's peak)."""
    init, join = _pdfdoc.PDFFile.__init__, _pdfdoc.PDFFile.format

    def writing_init(self, *args, **kwargs):
        init(self, *args, **kwargs)  # its header goes to self.strings
        for piece in self.strings:
            file.write(piece)
        self.strings = []
        self.write = file.write  # add() keeps counting the offsets

    _pdfdoc.PDFFile.__init__ = writing_init
    _pdfdoc.PDFFile.format = lambda self, document: b''  # written already
    try:
        yield
    finally:
        _pdfdoc.PDFFile.__init__, _pdfdoc.PDFFile.format = init, join


def archival_save(canvas) -> None:
    """``canvas.save()``, each stream's data followed by an EOL before
    ``endstream`` as PDF/A-2 (6.1.7.1) requires (ReportLab writes none),
    and the file written as it is formatted."""
    target = canvas._filename
    with (nullcontext(target) if hasattr(target, 'write') else open(target, 'wb')) as file, \
            _streams_ending_with_eol(), _pieces_written_to(file):
        canvas._filename = file  # SaveToFile writes to a file object as given
        try:
            canvas.save()
        finally:
            canvas._filename = target
