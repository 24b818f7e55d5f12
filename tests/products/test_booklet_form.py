"""The booklet's checklist page is the same form: fillable, its fields read back."""
import pytest
from pypdf import PdfReader, PdfWriter
from pdf_fonts import fonts


@pytest.fixture(scope='module')
def booklet(real_guide):
    app = real_guide('booklet')
    assert app.warnings_text == ''
    app.pdf = app.outdir / 'guide.pdf'
    return app


def test_checklist_fields_are_in_the_booklet_by_name(booklet):
    expected = [f['name'] for f in booklet.env.get_domain('checklist').fields()]
    assert list(PdfReader(booklet.pdf).get_fields()) == expected


def test_fields_sit_on_the_checklist_pages(booklet):
    reader = PdfReader(booklet.pdf)
    labels = {f['label'] for f in booklet.env.get_domain('checklist').fields()}
    for page in reader.pages:
        widgets = [a.get_object() for a in page.get('/Annots') or ()
                   if a.get_object().get('/Subtype') == '/Widget']
        for widget in widgets:
            assert widget['/TU'] in labels
            assert widget['/TU'] in page.extract_text()


def test_booklet_filled_with_pypdf_and_read_back(booklet, tmp_path):
    reader = PdfReader(booklet.pdf)
    fields = booklet.env.get_domain('checklist').fields()
    values = {f['name']: '/Yes' if f['kind'] == 'check' else f'{f["label"]}?' for f in fields}
    writer = PdfWriter(clone_from=booklet.pdf)
    for page in writer.pages:
        if page.get('/Annots'):
            writer.update_page_form_field_values(
                page, {k: v for k, v in values.items()}, auto_regenerate=False)
    writer.write(tmp_path / 'filled.pdf')

    read = {k: f.get('/V') for k, f in PdfReader(tmp_path / 'filled.pdf').get_fields().items()}

    assert read == values
    assert len(PdfReader(tmp_path / 'filled.pdf').pages) == len(reader.pages)


def test_blank_booklet_still_embeds_every_font_it_names(booklet):
    used = fonts(booklet.pdf)
    assert used and all(used.values()), used
