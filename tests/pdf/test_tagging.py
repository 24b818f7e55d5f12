"""The booklet is tagged (PDF/UA-1) and archival (PDF/A-2): its structure
read back with pikepdf and poppler."""
import re
import subprocess

import pikepdf
import pytest

from booklets import build_booklet
from helpguide.pdf.tagging.check import check
from structure import squeeze, struct_text, structure, tagged_text


@pytest.fixture(scope='module')
def book(booklet_of):
    return booklet_of('pdf-basic').pdf


@pytest.fixture(scope='module')
def tree(book):
    return structure(book)


def test_the_checker_finds_nothing_wrong(book):
    assert check(book) == []


def test_document_level_entries(book):
    with pikepdf.open(book) as pdf:
        root = pdf.Root
        assert str(root.Lang) == 'en'
        assert bool(root.MarkInfo.Marked)
        assert bool(root.ViewerPreferences.DisplayDocTitle)
        meta = pdf.open_metadata()
        assert meta['pdfuaid:part'] == '1'
        assert meta['pdfaid:part'] == '2'
        assert meta['dc:title'] == str(pdf.docinfo.Title) == 'A Small Test Book'
        intent = root.OutputIntents[0]
        assert intent.S == '/GTS_PDFA1'
        assert intent.DestOutputProfile.read_bytes()[16:20] == b'RGB '
        for page in pdf.pages:
            if '/Annots' in page.obj:
                assert page.obj.Tabs == '/S'


def test_language_comes_from_sphinx(tmp_path):
    # A page of text is enough: the language is the document's, whatever its content.
    src = tmp_path / 'src'
    src.mkdir()
    (src / 'conf.py').write_text("extensions = ['helpguide.pdf']\n")
    (src / 'index.rst').write_text('Titre\n=====\n\nDu texte.\n')
    built = build_booklet(src, tmp_path, language='fr', booklet_editions=['print'])
    with pikepdf.open(built.pdf) as pdf:
        assert str(pdf.Root.Lang) == 'fr'


def headings(path) -> list[tuple[str, str]]:
    """(role, text) of every heading, in order."""
    lines = struct_text(path).splitlines()
    out = []
    for i, line in enumerate(lines):
        if m := re.match(r'\s*(H[1-6])\b', line):
            out.append((m[1], lines[i + 1].strip().strip('"')))
    return out


def test_headings_by_level_in_order(book):
    assert headings(book) == [
        ('H1', 'A Small Test Book'), ('H1', 'Contents'),
        ('H1', 'First chapter'), ('H2', 'Steps'), ('H2', 'Later section'),
        ('H1', 'Second chapter'), ('H2', 'Sub section'),
        ('H1', 'Tables chapter'), ('H2', 'Spans')]


def test_reading_order_is_the_text_order(book):
    text = tagged_text(book)
    phrases = ['A Small Test Book', 'Contents', 'First chapter', 'Tables chapter',
               'Lead-in text of the book.', 'First chapter', 'Intro with a', 'Steps', 'Open the program.',
               'Click OK.',
               'This is a note inside a step.', 'Close it.', 'Later section',
               'Second chapter', 'Some text', 'Sub section', 'Be careful.', 'A tip.',
               'Topic body.', 'Sidebar body.', 'A rubric', 'third', 'fourth',
               'literal text line', 'line one', 'A quotation.', 'The caption of the figure.',
               'Tables chapter', 'Header one', 'row 1', 'value 16']
    at = 0
    for phrase in phrases:
        found = text.find(squeeze(phrase), at)
        assert found >= 0, f'{phrase!r} is missing or out of order'
        at = found + 1


def test_running_heads_and_folios_are_artifacts(book):
    """Every page's text is in marked content; folios and running heads are
    Artifacts, so the structure never reads them."""
    with pikepdf.open(book) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            stack, artifact_text = [], 0
            for operands, operator in pikepdf.parse_content_stream(page):
                op = str(operator)
                if op in ('BMC', 'BDC'):
                    stack.append(str(operands[0]))
                elif op == 'EMC':
                    stack.pop()
                elif op in ('Tj', 'TJ'):
                    assert stack, f'page {number}: text outside marked content'
                    artifact_text += stack[0] == '/Artifact'
            if number > 1 and page.obj.Contents.read_bytes().count(b'Tj') + \
                    page.obj.Contents.read_bytes().count(b'TJ'):
                assert artifact_text, f'page {number}: no folio drawn as an Artifact'
    words = tagged_text(book)
    assert squeeze('A Small Test Book') * 2 not in words  # not repeated as a running head


def test_lists_have_labels_and_bodies_nested(tree):
    lists = tree.find('L')
    numbered = [node for node in lists if node.attrs.get('ListNumbering') == 'Decimal']
    assert numbered
    for item in numbered[0].kids:
        assert item.role == 'LI'
        assert item.roles == ['Lbl', 'LBody']
    # * outer / * inner item / #. deep one: a list in the body of an item of a list
    nested = [node for node in lists
              if any('L' in body.roles for item in node.kids for body in item.kids)]
    assert nested


def test_tables_have_header_cells_with_scope(tree):
    tables = tree.find('Table')
    many = max((t for t in tables if 'THead' in t.roles), key=lambda t: len(t.kids[-1].kids))
    head = many.kids[many.roles.index('THead')]
    assert [cell.role for cell in head.kids[0].kids] == ['TH', 'TH']
    assert all(cell.attrs.get('Scope') == 'Column' for cell in head.kids[0].kids)
    body = many.kids[many.roles.index('TBody')]
    assert len(body.kids) == 90 and all(row.roles == ['TD', 'TD'] for row in body.kids)
    pages = {page for row in body.kids for cell in row.kids for node in cell.walk()
             for page, _ in node.mcids}
    assert len(pages) > 1  # one table, though it is split across pages
    # a field list: the names head their rows
    fields = [t for t in tables if any(row.kids and row.kids[0].attrs.get('Scope') == 'Row'
                                       for part in t.kids for row in part.kids)]
    assert fields


def test_figures_have_alternate_text(tree):
    assert [figure.alt for figure in tree.find('Figure')] == [
        'Example ISP',                   # the logo on the cover: the brand
        'a blue picture',                # :alt:
        'The caption of the figure.']    # a figure's image without :alt:


def test_links_own_their_annotations(book, tree):
    links = tree.find('Link')
    owned = {objgen for link in links for objgen in link.annots}
    with pikepdf.open(book) as pdf:
        annots = [a for page in pdf.pages for a in page.obj.get('/Annots', [])
                  if a.Subtype == '/Link']
        assert annots and {a.objgen for a in annots} == owned
        # A link to the web says its address; one within the book, the title it leads to.
        said = {str(a.A.URI): str(a.Contents) for a in annots if '/A' in a}
        assert said['https://example.org/'] == 'https://example.org/'
        assert all(str(annot.Contents) for annot in annots)
        assert 'First chapter' in {str(a.Contents) for a in annots if '/Dest' in a}


def test_notes_and_contents(tree):
    notes = tree.find('Note')
    assert len(notes) >= 4   # the note in a step, warning, tip, footnote, citation
    toc = tree.find('TOC')[0]
    assert set(toc.roles) == {'TOCI'} and all(item.roles == ['Link'] for item in toc.kids)


def test_pdfinfo_says_tagged(book):
    info = subprocess.run(['pdfinfo', str(book)], capture_output=True, text=True).stdout
    assert re.search(r'^Tagged:\s+yes', info, re.MULTILINE)
