"""The private parts of ReportLab, Sphinx, pycdlib and Sphinx's search
script that helpguide uses (helpguide/compat/), checked on the installed
versions: a version that changed one fails here, by name, rather than as a
wrong PDF, HTML or ISO image."""
import inspect
import io
from pathlib import Path

import pycdlib
import pytest
from pycdlib.dates import VolumeDescriptorDate
from reportlab.pdfbase.acroform import AcroForm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Frame, Paragraph
from reportlab.platypus.paraparser import ParaParser
from sphinx.builders import Builder

from helpguide.compat import UnsupportedVersion, pycdlib as compat_pycdlib, require, searchtools
from helpguide.compat import reportlab as compat_reportlab


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_a_version_outside_the_range_is_refused_when_imported():
    assert require('reportlab', '4.2', '6', installed='5.1.0') == '5.1.0'
    assert require('pycdlib', '1.14', '2', installed='1.14.0') == '1.14.0'
    for too_new_or_old in ('6.0', '4.1.9', '10.0.1'):
        with pytest.raises(UnsupportedVersion, match=rf'>=4\.2,<6.*{too_new_or_old}'):
            require('reportlab', '4.2', '6', installed=too_new_or_old)


def test_reportlab_private_parts_are_as_used():
    assert parameters(Paragraph._setup) == ['self', 'text', 'style', 'bulletText', 'frags',
                                            'cleaner']
    assert parameters(ParaParser.tt_parse) == ['self', 'tt', 'style']
    assert parameters(AcroForm.txAP)[:1] == ['self']
    assert parameters(AcroForm.makeStream)[:4] == ['self', 'width', 'height', 'stream']
    assert 'D' in parameters(AcroForm.makeStream)  # **D: the stream's resources
    canvas = Canvas(io.BytesIO())
    assert type(canvas._doc._catalog).__name__ == 'PDFCatalog'  # where set_form puts the form
    assert compat_reportlab.page_size(Canvas(io.BytesIO(), pagesize=(432, 648))) == (432, 648)
    frame = Frame(10, 20, 100, 200)
    compat_reportlab.move_frame(frame, 50)
    frame._reset()
    assert (frame._x1, frame._x2, frame._x) == (50, 150, 56)  # 6: the default padding
    # makeStream's result carries the key by which ReportLab shares equal streams.
    form = canvas.acroForm
    assert hasattr(form.makeStream(10, 10, 'q Q'), '_af_refstr')


def test_reportlab_layout_private_parts_are_as_used(tmp_path):
    from reportlab.platypus import Flowable, SimpleDocTemplate, Table
    from reportlab.platypus.flowables import KeepTogether

    from helpguide.compat import reportlab as compat

    seen = {}

    class Probe(Flowable):
        def wrap(self, width, height):
            return width, 10

        def draw(self):
            doc = compat.doc_template(self.canv)
            seen.update(at_top=compat.frame_at_top(doc.frame),
                        height=compat.frame_text_height(doc.frame),
                        needed=compat.height_of([Probe(), Probe()], 100, self.canv)[1])

    doc = SimpleDocTemplate(str(tmp_path / 'probe.pdf'), topMargin=72, bottomMargin=72)
    doc.build([Probe()])
    assert seen['at_top']  # the probe is the first flowable of its frame
    assert seen['height'] == pytest.approx(doc.height - 12)  # the frame's 6 pt paddings
    assert seen['needed'] == 20
    table = Table([['a', 'b'], ['c', '']], style=[('SPAN', (0, 1), (1, 1))])
    assert compat.table_cells(table) == [['a', 'b'], ['c', '']]
    assert [(start, end) for _, start, end in compat.table_spans(table)] == [((0, 1), (1, 1))]
    assert issubclass(KeepTogether, compat.Container)


def test_a_font_registered_unread_is_read_on_first_use_as_registerfont_would_read_it():
    from reportlab.lib.fonts import tt2ps
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = str(Path(__file__).resolve().parents[1] / 'helpguide/fonts/NotoSansThai-Regular.ttf')
    font = compat_reportlab.UnreadTTFont('compat-probe', path)
    compat_reportlab.register_unread(font)
    assert pdfmetrics.getFont('compat-probe') is font
    assert tt2ps('compat-probe', 1, 0) == 'compat-probe'  # a family of its own, as registerFont's
    assert 'face' not in vars(font)  # not read yet
    read_at_once = TTFont('compat-probe-2', path)
    assert pdfmetrics.stringWidth('ไทย ok', 'compat-probe', 10) == read_at_once.stringWidth(
        'ไทย ok', 10)
    assert vars(font).keys() == vars(read_at_once).keys()  # TTFont.__init__ set up all of it
    assert font.face.charToGlyph == read_at_once.face.charToGlyph


def test_reportlab_writes_the_objects_added_before_its_save(tmp_path):
    """What the structure tree writer adds to ReportLab's document
    (helpguide/compat/reportlab.py), read back from the file it writes."""
    import pikepdf
    from reportlab.platypus import Paragraph as Para, SimpleDocTemplate
    from reportlab.lib.styles import getSampleStyleSheet

    from helpguide.compat import reportlab as compat

    class Page(compat.Deferred):
        __slots__ = ('page',)

        def format(self, document):
            return b'<< /Page ' + compat.ref(self.page, document) + b' /Title ' + \
                compat.serialised(compat.String('caf\u00e9 (1)'), document) + b' >>'

    path = tmp_path / 'objects.pdf'
    doc = SimpleDocTemplate(str(path), title='A (title)', author='Me', subject='S',
                            keywords='k', creator='c')
    style = getSampleStyleSheet()['Normal']
    compat.lay_out_unsaved(doc, [Para('<a href="#here">in</a> <a name="here"/>'
                                      '<a href="https://example.org/">out</a>', style)],
                           Canvas)
    assert not path.exists()  # laid out, not written
    canvas = doc.canv
    [page] = compat.pages(canvas)
    placed = compat.annotations(page, canvas)
    assert len(placed) == 2
    for n, (_ref, annot) in enumerate(placed):
        compat.set_entries(annot, StructParent=n, F=4, Contents=compat.String(f'link {n}'))
    compat.set_entries(page, StructParents=0, Tabs=compat.Name('S'))
    deferred = Page()
    deferred.page = page
    info = compat.info(canvas)
    compat.set_entries(compat.catalog(canvas), Lang=compat.String('fr'),
                       MarkInfo=compat.Dictionary({'Marked': compat.TRUE}),
                       OutputIntents=compat.Array([compat.Indirect({'Deferred': deferred})]),
                       Metadata=compat.Stream(b'<x/>', {'Type': compat.Name('Metadata')},
                                              compress=False))
    compat.archival_save(canvas)
    data = path.read_bytes()
    assert data.count(b'\nendstream\n') == data.count(b'endstream') == 2  # the page's, the XMP
    with pikepdf.open(path) as pdf:
        root, page = pdf.Root, pdf.pages[0].obj
        assert (page.StructParents, page.Tabs) == (0, '/S')
        links = [(int(a.StructParent), int(a.F), str(a.Contents), '/A' in a) for a in page.Annots]
        assert sorted(links) == [(0, 4, 'link 0', False), (1, 4, 'link 1', True)]
        assert str(root.Lang) == 'fr' and bool(root.MarkInfo.Marked)
        intent = root.OutputIntents[0]
        assert intent.is_indirect and intent.Deferred.is_indirect
        assert intent.Deferred.Page.objgen == page.objgen
        assert str(intent.Deferred.Title) == 'caf\u00e9 (1)'
        assert root.Metadata.read_raw_bytes() == b'<x/>'  # unfiltered; /Length without the EOL
        assert {key: str(pdf.docinfo[key]) for key in info} == info


def test_reportlab_text_and_page_private_parts_are_as_used(tmp_path):
    """What a page reference's slot uses: the text an ``<onDraw>`` follows
    in the text object, the page's annotations, a written page's content."""
    from pypdf import PdfReader
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import SimpleDocTemplate

    from helpguide.compat import reportlab as compat

    drawn, rects = [], []

    def rect(annotation):  # an internal link's, a URL's
        return tuple(getattr(annotation, 'Rect', None) or annotation['Rect'].sequence)

    def callback(canvas, _kind, label):
        text = compat.mark_drawn_text(canvas, label, '000', '\x00s\x00')
        drawn.append((text, canvas.absolutePosition(text.x, text.y),
                      compat.annotations_from_here(canvas)))

    class Doc(SimpleDocTemplate):
        def beforeDocument(self):
            self.canv.setNamedCB('slot', callback)
            self.canv.setPageCallBack(self.written)

        def written(self, page):
            [(_text, (x, y), (refs, start))] = drawn
            rects.append([rect(self.canv._doc.idToObject[ref.name]) for ref in refs])
            compat.move_annotations(self.canv, refs, start, x - 0.001, y, -10)
            rects.append([rect(self.canv._doc.idToObject[ref.name]) for ref in refs])
            compat.replace_in_page(self.canv, page, '\x00s\x00', '7')

    markup = ('<a href="#d">See</a> (page 000<onDraw name="slot" label="a"/>) or '
              '<a href="#d">D</a> <a href="https://example.com/">E</a>.<a name="d"/>')
    Doc(str(tmp_path / 'slot.pdf')).build(
        [compat.Paragraph(markup, getSampleStyleSheet()['Normal'])])
    [(text, _at, _refs)] = drawn
    assert text.font == ('Helvetica', 10) and text.alignment == 0 and not text.fixed_after
    assert 'See (page 7) or D E.' in PdfReader(tmp_path / 'slot.pdf').pages[0].extract_text()
    before, after = rects
    assert after[0] == before[0]  # the link before the slot stays; those after it move
    assert [(r[0] + 10, r[1], r[2] + 10, r[3]) for r in after[1:]] == before[1:]


def test_reportlab_canvas_private_parts_are_as_used(tmp_path):
    """What the tagging canvas uses: the page's operators as they are
    drawn, whether a form XObject is being drawn, each annotation added."""
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import SimpleDocTemplate

    from helpguide.compat import reportlab as compat

    assert parameters(Canvas._annotatePage) == ['self', 'name']
    added = []

    class Hooked(compat.AnnotationHook, Canvas):
        def annotation_added(self, index):
            _refs, count = compat.annotations_from_here(self)
            added.append((self.getPageNumber(), index, count))
            assert not compat.defining_form(self)

    canvas = Hooked(str(tmp_path / 'code.pdf'), pageCompression=0)
    code = compat.page_code(canvas)
    canvas.drawString(10, 10, 'probe')
    assert '(probe) Tj' in code[-1] and not compat.defining_form(canvas)
    canvas.beginForm('form')  # in a page drawn on, as a folio's form is
    assert compat.defining_form(canvas) and compat.page_code(canvas) is not code
    canvas.endForm()
    assert not compat.defining_form(canvas) and compat.page_code(canvas) is code
    code.append('% added')
    canvas.showPage()
    canvas.save()
    assert b'(probe) Tj T* ET\n% added' in (tmp_path / 'code.pdf').read_bytes()

    markup = '<a href="#d">in</a> <a href="https://example.org/">out</a><a name="d"/>'
    SimpleDocTemplate(str(tmp_path / 'links.pdf')).build(
        [Paragraph(markup, getSampleStyleSheet()['Normal'])], canvasmaker=Hooked)
    assert added == [(1, 0, 1), (1, 1, 2)]  # each annotation once, as it joins the page


def test_reportlab_flowable_private_parts_are_as_used(tmp_path):
    """What the keep rules, anchors and index use of a flowable's layout:
    its frame, the space the frame carries, zero-size flowables, a
    KeepTogether's content and the measure its split decides by."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table
    from reportlab.platypus.flowables import AnchorFlowable, KeepTogether

    from helpguide.compat import reportlab as compat

    seen = {}

    class Probe(compat.ZeroSize, Flowable):
        def wrap(self, width, height):
            frame = compat.frame_of(self)
            seen.update(frame=frame, doc_frame=compat.doc_attribute(self, 'frame'),
                        none=compat.doc_attribute(self, 'no_such_attribute'),
                        after=compat.frame_space_after(frame))
            return 0, 0

        def draw(self):
            pass

    doc = SimpleDocTemplate(str(tmp_path / 'probe.pdf'))
    spaced = ParagraphStyle('spaced', spaceBefore=20, spaceAfter=15)
    doc.build([Paragraph('text', spaced), Probe(), Paragraph('below', spaced)])
    assert seen['frame'] is seen['doc_frame'] is not None and seen['none'] is None
    assert seen['after'] == 15  # the paragraph's space after, carried past the probe
    assert compat.is_zero_size(Probe()) and not compat.is_zero_size(Spacer(1, 1))
    assert compat.transfers_space(AnchorFlowable('x')) and not compat.transfers_space(Probe())

    table = Table([['a'], ['b']], rowHeights=[20, 30])
    table.wrap(100, 1000)
    assert compat.table_height(table) == 50

    keep = KeepTogether([Spacer(1, 30), Spacer(1, 20)])
    keep.canv = Canvas(io.BytesIO())  # as a frame sets it
    assert [f.height for f in compat.container_flowables(keep)] == [30, 20]
    assert compat.measured_height(keep, 100, 1000) == 50  # measured by ReportLab's wrap
    # ReportLab's split decides by the measure given: fits, then too tall.
    compat.set_measure(keep, 100, 40, 30, 30)
    assert compat.measured_height(keep, 100, 40) == 30
    assert [type(f) for f in keep.split(100, 40)] == [Spacer, Spacer]
    compat.set_measure(keep, 100, 40, 50, 30)
    assert [type(f) for f in keep.split(100, 40)] == [type(keep.FrameBreak), Spacer, Spacer]


def test_a_file_written_as_it_is_formatted_has_the_bytes_reportlab_would_join(tmp_path):
    """archival_save writes each piece as ReportLab formats it: the same file
    as ReportLab's own save (with the same EOLs), to a path or a file object,
    and ReportLab's collector is itself again afterwards."""
    from reportlab.pdfbase import pdfdoc

    def drawn(target):
        canvas = Canvas(target, invariant=1)
        for word in ('Hello', 'again'):
            canvas.drawString(72, 72, word)
            canvas.showPage()
        return canvas

    joined = io.BytesIO()
    with compat_reportlab._streams_ending_with_eol():
        drawn(joined).save()
    compat_reportlab.archival_save(drawn(str(tmp_path / 'streamed.pdf')))
    given = io.BytesIO()
    compat_reportlab.archival_save(drawn(given))
    assert (tmp_path / 'streamed.pdf').read_bytes() == joined.getvalue() == given.getvalue()
    assert joined.getvalue().count(b'\nendstream') == 2
    collector = pdfdoc.PDFFile()
    assert collector.format(None).startswith(b'%PDF-')


def test_no_private_part_is_named_outside_compat():
    """The private members helpguide/compat/ lists, named nowhere else."""
    import ast
    import re
    package = Path(__file__).resolve().parents[1] / 'helpguide'
    names = set()
    for module in (package / 'compat').glob('*.py'):
        names |= set(re.findall(r'``(?:\w+\.)*(_[A-Za-z]\w*)', module.read_text()))
    assert {'_setup', '_catalog', '_write_doc_doctree_cache', '_atTop', '_cellvalues',
            '_doc', '_doSave', '_timeStamp', '_code', '_codeStack', '_pageNumber',
            '_annotatePage', '_annotationrefs', '_content', '_H', '_H0', '_wrapInfo',
            '_frame', '_prevASpace', '_ZEROSIZE', '_SPACETRANSFER', '_height',
            '_doctemplateAttr'} <= names
    found = []
    for path in sorted(package.rglob('*.py')):
        if path.parent.name == 'compat':
            continue
        tree = ast.parse(path.read_text(encoding='utf-8'))
        class_attributes = {id(target) for owner in ast.walk(tree)
                            if isinstance(owner, ast.ClassDef) for stmt in owner.body
                            if isinstance(stmt, ast.Assign) for target in stmt.targets}
        for node in ast.walk(tree):
            # An attribute, an import, a method, a name set in a class's body
            # (``_ZEROSIZE = 1``) or given as a string (``getattr(frame, '_prevASpace', 0)``).
            named = (node.attr if isinstance(node, ast.Attribute)
                     else node.name if isinstance(node, (ast.alias, ast.FunctionDef))
                     else node.id if id(node) in class_attributes
                     else node.value if isinstance(node, ast.Constant) else None)
            if named in names:
                found.append(f'{path.relative_to(package)}:{node.lineno}: {named}')
    assert found == []


def test_sphinx_private_parts_are_as_used(make_app, rootdir, tmp_path):
    app = make_app('dummy', srcdir=rootdir / 'test-search', builddir=tmp_path)
    assert app.builder._app is app
    assert isinstance(app.env._write_doc_doctree_cache, dict)
    assert isinstance(app.builder.parallel_ok, bool)
    assert 'parallel_ok' in vars(Builder) or hasattr(app.builder, 'parallel_ok')
    from helpguide.compat.sphinx import SPHINX_GET_SETTINGS
    assert parameters(SPHINX_GET_SETTINGS) == ['components', 'defaults', 'read_config_files']


def test_sphinx_search_index_entries_are_as_kept(make_app, rootdir, tmp_path):
    """``IndexBuilder._index_entries`` and the written ``indexentries``, as
    :func:`helpguide.compat.sphinx.keep_index_entries` reads and fills them."""
    from sphinx.search import js_index
    app = make_app('html', srcdir=rootdir / 'test-search', builddir=tmp_path)
    app.build()
    kept = app.builder.indexer._index_entries
    assert ('ssl', 'index-1', '') in [(e.lower(), a, m) for e, a, m in kept['setup']]
    written = js_index.loads((app.outdir / 'searchindex.js').read_text(encoding='utf-8'))
    assert written['indexentries']['ssl'] == [[written['docnames'].index('setup'), 'index-1',
                                               False]]


def test_a_handler_heard_first_gets_sphinx_records_as_logged(make_app, rootdir, tmp_path):
    """What make check reads: a record's own location (a node here) and
    message, before Sphinx's warning handler rewrites them."""
    import logging

    from docutils import nodes
    from sphinx.util import logging as sphinx_logging

    from helpguide.compat.sphinx import hear_warnings

    app = make_app('dummy', srcdir=rootdir / 'test-search', builddir=tmp_path)
    seen = []

    class Hear(logging.Handler):
        def emit(self, record):
            seen.append((record.location, logging.LogRecord.getMessage(record)))

    hear = Hear(logging.WARNING)
    hear_warnings(hear)
    try:
        node = nodes.paragraph()
        node.source, node.line = '/src/x.rst', 7
        sphinx_logging.getLogger('helpguide.test').warning('odd %s', 'thing', location=node,
                                                           type='helpguide', subtype='x')
    finally:
        logging.getLogger(sphinx_logging.NAMESPACE).removeHandler(hear)
    assert seen == [(node, 'odd thing')]
    assert '/src/x.rst:7: WARNING: odd thing [helpguide.x]' in app.warning.getvalue()


def test_documents_are_read_again_through_sphinx_public_api_or_compat():
    """``env.note_reread()``, not the set behind it; a document read again
    within a build only through helpguide.compat.sphinx.read_again."""
    import ast
    package = Path(__file__).resolve().parents[1] / 'helpguide'
    found = [f'{path.relative_to(package)}:{node.lineno}: {node.attr}'
             for path in sorted(package.rglob('*.py')) if path.parent.name != 'compat'
             for node in ast.walk(ast.parse(path.read_text(encoding='utf-8')))
             if isinstance(node, ast.Attribute) and node.attr in ('reread_always', 'read_doc')]
    assert found == []


def test_a_document_is_read_again_as_sphinx_reads_it(make_app, rootdir, tmp_path):
    from helpguide.compat.sphinx import read_again

    app = make_app('dummy', srcdir=rootdir / 'test-search', builddir=tmp_path)
    app.build()
    docname = sorted(app.env.found_docs)[0]
    read_before = app.env.all_docs[docname]
    purged = []
    app.connect('env-purge-doc', lambda app, env, name: purged.append(name))
    read_again(app, app.env, docname)
    assert purged == [docname]
    assert app.env.all_docs[docname] > read_before  # Sphinx notes when it read it
    assert app.env.get_doctree(docname).astext()


def test_sphinx_search_script_still_has_what_offline_search_wraps():
    assert searchtools.missing() == []


def test_pycdlib_private_parts_are_as_used(tmp_path):
    iso = pycdlib.PyCdlib()
    iso.new(interchange_level=3, joliet=3, rock_ridge='1.09')
    iso.add_fp(io.BytesIO(b'x'), 1, '/A.TXT;1', rr_name='a.txt', joliet_path='/a.txt')
    epoch = 1772366400
    compat_pycdlib.stamp_volumes(iso, epoch)
    image = tmp_path / 'x.iso'
    iso.write(str(image))
    iso.close()
    with open(image, 'r+b') as written:
        compat_pycdlib.stamp_written_modification_dates(written, epoch)
    expected = VolumeDescriptorDate()
    expected.new(epoch)
    check = pycdlib.PyCdlib()
    check.open(str(image))
    try:
        for vd in (check.pvd, *check.svds):
            for date in (vd.volume_creation_date, vd.volume_modification_date):
                assert date.record() == expected.record()
        record = check.get_record(rr_path='/a.txt')
        assert (record.date.years_since_1900 + 1900, record.date.month) == (2026, 3)
    finally:
        check.close()


def test_a_build_uses_nothing_sphinx_11_removes(make_app, rootdir, tmp_path):
    """Such as ``SphinxTransform.app`` or ``Builder.app``: deprecated, they
    still work until the version that removes them breaks the build."""
    import warnings

    from sphinx.deprecation import RemovedInSphinx11Warning

    app = make_app('html', srcdir=rootdir / 'test-pdf-basic', builddir=tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter('error', RemovedInSphinx11Warning)
        app.build()
    assert 'Tools \u2192 Options' in (app.outdir / 'first.html').read_text(encoding='utf-8')
