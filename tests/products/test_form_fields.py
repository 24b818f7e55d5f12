"""The checklist's form fields: there by name, fillable with pypdf, read back."""
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import Paragraph

from helpguide.pdf.styles import book_styles
from helpguide.pdf.form import checklist_flowables
from helpguide.products.page import Furniture, SheetTemplate

FIELDS = [
    {'kind': 'text', 'name': 'os_name', 'label': 'Operating system name'},
    {'kind': 'text', 'name': 'when', 'label': 'Date and time of the problem'},
    {'kind': 'lines', 'name': 'errors', 'label': 'Exact text of every error message'},
    {'kind': 'check', 'name': 'os_cd', 'label': 'Original operating system CD at hand'},
]
MULTILINE = 1 << 12


def build(path, story_of):
    styles = book_styles()
    furniture = Furniture('Brand', 'Support checklist', 'Guide · Edition 1', 'Checklist')
    SheetTemplate(str(path), styles, furniture, LETTER).build(story_of(styles))
    return path


def test_each_checklist_field_is_a_form_field_of_its_kind(tmp_path):
    pdf = build(tmp_path / 'form.pdf', lambda st: checklist_flowables(FIELDS, st))

    fields = PdfReader(pdf).get_fields()

    assert list(fields) == ['os_name', 'when', 'errors', 'os_cd']
    assert [fields[name]['/FT'] for name in fields] == ['/Tx', '/Tx', '/Tx', '/Btn']
    assert not fields['os_name'].get('/Ff', 0) & MULTILINE
    assert fields['errors']['/Ff'] & MULTILINE


def test_filled_with_pypdf_and_read_back(tmp_path):
    pdf = build(tmp_path / 'form.pdf', lambda st: checklist_flowables(FIELDS, st))
    writer = PdfWriter(clone_from=pdf)
    values = {'os_name': 'Mac OS X 10.2', 'when': '2026-11-28 09:15',
              'errors': 'Error 0x800CCC0F\nThe server refused the connection', 'os_cd': '/Yes'}
    writer.update_page_form_field_values(writer.pages[0], values, auto_regenerate=False)
    writer.write(tmp_path / 'filled.pdf')

    read = {name: field.get('/V') for name, field in PdfReader(tmp_path / 'filled.pdf')
            .get_fields().items()}

    assert read == values


def test_blank_form_prints_every_label(tmp_path):
    pdf = build(tmp_path / 'form.pdf', lambda st: checklist_flowables(FIELDS, st))

    text = PdfReader(pdf).pages[0].extract_text()

    lines = [line.strip() for line in text.splitlines()]
    labels = [field['label'] for field in FIELDS]
    assert [line for line in lines if line in labels] == labels


def test_printed_only_version_has_no_fields(tmp_path):
    pdf = build(tmp_path / 'form.pdf',
                lambda st: checklist_flowables(FIELDS, st, fillable=False))
    reader = PdfReader(pdf)
    assert reader.get_fields() is None
    assert 'Original operating system CD at hand' in reader.pages[0].extract_text()


def test_a_second_checklist_in_one_file_gets_numbered_names(tmp_path):
    pdf = build(tmp_path / 'form.pdf', lambda st: [
        *checklist_flowables(FIELDS, st), Paragraph('Again', st['body']),
        *checklist_flowables(FIELDS, st)])

    names = list(PdfReader(pdf).get_fields())

    assert names == ['os_name', 'when', 'errors', 'os_cd',
                     'os_name_2', 'when_2', 'errors_2', 'os_cd_2']
