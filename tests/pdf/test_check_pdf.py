"""The PDF checker (make check-pdf): a good booklet passes; each condition,
broken on purpose in a copy of it, is reported."""
import shutil

import pikepdf
import pytest

import helpguide.pdf.tagging.check as checker
from helpguide.pdf.tagging.check import check, main


@pytest.fixture(scope='module')
def good(booklet_of):
    return booklet_of('pdf-basic').pdf


def first(pdf, role):
    def walk(node):
        kids = node.get('/K', [])
        for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
            if isinstance(kid, pikepdf.Dictionary) and '/S' in kid:
                if kid.S == role:
                    return kid
                if (found := walk(kid)) is not None:
                    return found
        return None
    return walk(pdf.Root.StructTreeRoot)


def link_annotation(pdf):
    return next(a for page in pdf.pages for a in page.obj.get('/Annots', [])
                if a.Subtype == '/Link')


def a_font(pdf):
    return next(iter(pdf.pages[1].obj.Resources.Font.values()))


def untagged_line(pdf):
    page = pdf.pages[1]
    page.contents_add(pikepdf.Stream(pdf, b'q 0 0 m 100 100 l S Q'), prepend=False)


def add_unembedded_form_font(pdf):
    helv = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font,
                                                Subtype=pikepdf.Name.Type1,
                                                BaseFont=pikepdf.Name.Helvetica))
    field = pdf.make_indirect(pikepdf.Dictionary(FT=pikepdf.Name.Tx, T='name',
                                                 DA='/Helv 10 Tf 0 g'))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=[field],
                                           DR=pikepdf.Dictionary(Font={'/Helv': helv}))


def xmp_without_pdfua(pdf):
    with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
        del meta['pdfuaid:part']


BREAKS = {
    'untagged content': (untagged_line, 'page 2: content outside marked content'),
    'figure without alt': (lambda pdf: first(pdf, '/Figure').__delitem__('/Alt'),
                           'a Figure has no alternate text'),
    'skipped heading level': (lambda pdf: setattr(first(pdf, '/H2'), 'S', pikepdf.Name.H4),
                              'heading level skipped: H4 after H1'),
    'link without structure parent': (
        lambda pdf: link_annotation(pdf).__delitem__('/StructParent'),
        'Link annotation without a Link structure parent'),
    'link without description': (
        lambda pdf: setattr(link_annotation(pdf), 'Contents', pikepdf.String('')),
        'link annotation without /Contents'),
    'no language': (lambda pdf: pdf.Root.__delitem__('/Lang'), 'no /Lang'),
    'no title': (lambda pdf: pdf.docinfo.__delitem__('/Title'), 'no document title'),
    'title not shown': (lambda pdf: pdf.Root.__delitem__('/ViewerPreferences'),
                        'DisplayDocTitle is not true'),
    'not marked': (lambda pdf: setattr(pdf.Root.MarkInfo, 'Marked', False),
                   '/MarkInfo /Marked is not true'),
    'no structure tree': (lambda pdf: pdf.Root.__delitem__('/StructTreeRoot'),
                          'no structure tree'),
    'font not embedded': (lambda pdf: a_font(pdf).FontDescriptor.__delitem__('/FontFile2'),
                          'is not embedded'),
    'font without ToUnicode': (lambda pdf: a_font(pdf).__delitem__('/ToUnicode'),
                               'has no ToUnicode map'),
    'form field font not embedded': (add_unembedded_form_font,
                                     'form field font /Helvetica is not embedded'),
    'metadata not matching': (lambda pdf: setattr(pdf.docinfo, 'Author', 'Someone else'),
                              "XMP dc:creator 'Example ISP' does not match Info /Author"),
    'no PDF/UA identification': (xmp_without_pdfua, 'does not declare PDF/UA-1'),
    'no metadata': (lambda pdf: pdf.Root.__delitem__('/Metadata'), 'no XMP metadata'),
    'no output intent': (lambda pdf: pdf.Root.__delitem__('/OutputIntents'),
                         'no PDF/A output intent'),
    'no tab order': (lambda pdf: next(p for p in pdf.pages if '/Annots' in p.obj)
                     .obj.__delitem__('/Tabs'), 'has annotations but no /Tabs /S'),
}


@pytest.fixture
def found(monkeypatch) -> list[str]:
    """What check() returns to main() (the command line checks each file once):
    the problems of the file main() was given."""
    problems = []
    monkeypatch.setattr(checker, 'check', lambda path: problems.extend(check(path)) or problems)
    return problems


def test_a_good_booklet_passes(good, found, capsys):
    assert main([str(good)]) == 0
    assert found == [] and capsys.readouterr().out == ''


@pytest.mark.parametrize('name', BREAKS)
def test_each_condition_is_reported(good, tmp_path, name, found, capsys):
    breaks, message = BREAKS[name]
    broken = tmp_path / 'broken.pdf'
    shutil.copy(good, broken)
    with pikepdf.open(broken, allow_overwriting_input=True) as pdf:
        breaks(pdf)
        pdf.save(broken)
    assert main([str(broken)]) == 1
    assert any(message in problem for problem in found), found
    assert capsys.readouterr().out == ''.join(f'{broken}: error: {problem}\n'
                                              for problem in found)


def test_a_stream_without_an_end_of_line_before_endstream_is_reported(good, tmp_path):
    data = good.read_bytes()
    assert data.count(b'\nendstream') == data.count(b'endstream')  # as PDF/A-2 asks
    broken = tmp_path / 'broken.pdf'
    # The same length: every object stays where the cross-reference table says.
    broken.write_bytes(data.replace(b'\nendstream\n', b'endstream \n', 1))
    assert check(broken) == ['1 stream(s) without an end-of-line before endstream']


def test_an_unreadable_file_is_reported(tmp_path):
    bad = tmp_path / 'bad.pdf'
    bad.write_bytes(b'not a pdf')
    assert check(bad)[0].startswith('cannot read the PDF')
