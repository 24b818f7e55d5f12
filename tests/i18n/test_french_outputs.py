"""The real guide built in French (by the session's make dist): no English
string of the engine in the booklet, handouts, form or HTML; French contents,
bookmarks and tooltips."""
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from english_left import engine_english, english_left
from tests.pdf.pdfread import assert_page_references_read_as_text
from tests.sphinxrun import html_text


@pytest.fixture(scope='module')
def french(bundle):
    """The French products of the session's ``make dist`` (built with warnings
    as errors), where that build left them."""
    build = bundle.parents[1]
    return {'html': build / 'html' / 'fr', 'booklet': build / 'pdf' / 'fr',
            'handouts': build / 'pdf' / 'fr' / 'handouts',
            'support-checklist': build / 'pdf' / 'fr'}


def pdf_text(path: Path) -> str:
    return subprocess.run(['pdftotext', '-layout', str(path), '-'], check=True,
                          capture_output=True, text=True).stdout


def test_the_check_knows_the_engine_english():
    fragments = engine_english()
    assert 'Before you call support' in fragments
    assert 'Contents' in fragments
    assert english_left('Then Before you call support, please.') == {
        'Before you call support': fragments['Before you call support']}


def test_the_french_booklet_has_no_english_of_the_engine(french):
    text = pdf_text(french['booklet'] / 'guide.pdf')
    assert 'Table des matières' in text
    assert english_left(text) == {}


def test_the_french_booklet_contents_and_bookmarks_are_french(french):
    reader = PdfReader(french['booklet'] / 'guide.pdf')
    titles = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(item.title)
    walk(reader.outline)
    assert titles[:2] == ['Couverture', 'Table des matières']
    assert 'Aidez-nous à vous aider' in titles
    assert 'Logiciels de messagerie sans prise en charge de SSL' in titles
    assert english_left('\n'.join(titles)) == {}
    assert reader.metadata.title.startswith('SSL (Secure Socket Layer) pour le courrier sortant')


def test_what_the_french_booklets_links_tell_a_screen_reader_is_french(french):
    """Every link's /Contents (what a screen reader announces): a heading's
    title, or for the index's numbers the page they lead to."""
    reader = PdfReader(french['booklet'] / 'guide.pdf')
    links = [annot.get_object() for page in reader.pages for annot in page.get('/Annots', [])]
    said = [str(link.get('/Contents', '')) for link in links if link['/Subtype'] == '/Link']
    assert 'Logiciels de messagerie sans prise en charge de SSL' in said
    assert sum(bool(re.fullmatch(r'Page \d+', description)) for description in said) > 10
    assert all(said) and english_left('\n'.join(said)) == {}


def test_the_french_booklets_page_references_read_as_text(french):
    assert_page_references_read_as_text(french['booklet'] / 'guide.pdf')


def test_the_french_handouts_have_no_english_of_the_engine(french):
    handouts = sorted((french['handouts']).rglob('*.pdf'))
    assert handouts
    for handout in handouts:
        text = pdf_text(handout)
        assert english_left(text) == {}, handout.name


def test_the_french_form_has_french_labels_and_tooltips(french):
    form = french['support-checklist'] / 'support-checklist.pdf'
    assert english_left(pdf_text(form)) == {}
    fields = PdfReader(form).get_fields()
    tooltips = {name: str(field.get('/TU', '')) for name, field in fields.items()}
    assert tooltips['os_name'] == 'Nom du système d’exploitation'
    assert tooltips['errors'] == 'Texte exact de chaque message d’erreur'
    assert all(tooltips.values())


def test_the_french_html_has_no_english_of_the_engine(french):
    pages = sorted(french['html'].rglob('*.html'))
    assert pages
    for page in pages:
        html = page.read_text(encoding='utf-8')
        assert '<html lang="fr"' in html, page.name
        assert english_left(html_text(html, ' ')) == {}, page.name


def test_the_french_html_index_lists_french_terms_and_every_program(french):
    from index_read import PROGRAMS
    from tests.test_index_html import genindex_links, page_text
    listed = genindex_links(french['html'])
    for term in ('serveur de courrier sortant', 'mot de passe', 'messages d’erreur',
                 'authentification', 'SSL', 'SMTP'):
        assert (term, None) in listed, term
    for term, sub in PROGRAMS:  # the programs' names stay as the programs show them
        assert listed.get((term, sub)), (term, sub)
    for links in listed.values():
        for href in links:
            page_text(french['html'], href)  # the page holds the anchor


def test_the_french_booklet_has_a_french_index(french):
    from index_read import check_numbers_link_to_their_pages, index_lines, numbered
    pdf = french['booklet'] / 'guide.pdf'
    lines = index_lines(pdf, PdfReader(pdf))
    assert lines[0] == 'Index'
    assert 'serveur de courrier sortant' in lines
    assert numbered(next(line for line in lines if line.startswith('mot de passe')))[1]
    check_numbers_link_to_their_pages(pdf)
