"""The fillable support checklist of the real guide, filled and read back."""
import shutil
import subprocess

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, LETTER
from pdf_fonts import fonts
from sheet_text import outside_margins

MULTILINE = 1 << 12
KINDS = {'text': '/Tx', 'lines': '/Tx', 'check': '/Btn'}


@pytest.fixture(scope='module')
def guide(real_guide):
    app = real_guide('support-checklist')
    app.form = app.outdir / 'support-checklist.pdf'
    return app


def checklist(app):
    fields = app.env.get_domain('checklist').fields()
    assert {f['kind'] for f in fields} == set(KINDS)  # the guide uses every kind
    return fields


def test_builds_one_letter_page_without_a_warning(guide):
    assert guide.warnings_text == ''
    pages = PdfReader(guide.form).pages
    assert len(pages) == 1
    assert (float(pages[0].mediabox.width), float(pages[0].mediabox.height)) == LETTER


def test_every_checklist_field_is_a_form_field_of_its_kind(guide):
    fields = PdfReader(guide.form).get_fields()
    expected = checklist(guide)
    assert list(fields) == [f['name'] for f in expected]
    for field in expected:
        assert fields[field['name']]['/FT'] == KINDS[field['kind']]
        assert bool(fields[field['name']].get('/Ff', 0) & MULTILINE) == \
            (field['kind'] == 'lines')
        assert fields[field['name']]['/TU'] == field['label']


def test_filled_with_pypdf_and_read_back(guide, tmp_path):
    values = {}
    for field in checklist(guide):
        values[field['name']] = {
            'text': f'{field["label"]}: answer', 'check': '/Yes',
            'lines': 'Error 0x800CCC0F\nThe connection to the server was interrupted'}[
            field['kind']]
    writer = PdfWriter(clone_from=guide.form)
    writer.update_page_form_field_values(writer.pages[0], values, auto_regenerate=False)
    writer.write(tmp_path / 'filled.pdf')

    read = {name: field.get('/V') for name, field in
            PdfReader(tmp_path / 'filled.pdf').get_fields().items()}

    assert read == values


def test_filled_form_draws_without_a_viewer_error(guide, tmp_path):
    writer = PdfWriter(clone_from=guide.form)
    values = {f['name']: '/Yes' if f['kind'] == 'check' else 'Filled in'
              for f in checklist(guide)}
    writer.update_page_form_field_values(writer.pages[0], values)  # viewers redraw fields
    writer.write(tmp_path / 'filled.pdf')

    shown = subprocess.run(['pdftoppm', '-r', '30', '-png', str(tmp_path / 'filled.pdf'),
                            str(tmp_path / 'page')], capture_output=True, text=True)

    assert shown.returncode == 0 and shown.stderr == ''
    assert subprocess.run(['pdftotext', str(tmp_path / 'filled.pdf'), '-'], check=True,
                          capture_output=True, text=True).stdout.count('Filled in') == \
        sum(f['kind'] != 'check' for f in checklist(guide))


def test_prints_title_lead_in_and_every_label(guide):
    text = PdfReader(guide.form).pages[0].extract_text()
    assert text.index('Help us help you') < text.index('please write down any error')
    lines = [line.strip() for line in text.splitlines()]
    labels = [f['label'] for f in checklist(guide)]
    assert [line for line in lines if line in labels] == labels
    assert f'Edition {guide.config.guide_edition}' in text


def test_blank_form_uses_only_embedded_fonts(guide):
    used = fonts(guide.form)
    assert used and all(used.values()), used


def test_a4_when_asked(real_guide):
    app = real_guide('support-checklist', 'a4')
    reader = PdfReader(app.outdir / 'support-checklist.pdf')
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4)
    assert list(reader.get_fields()) == [f['name'] for f in checklist(app)]
    assert outside_margins(app.outdir / 'support-checklist.pdf', 24) == []


def test_every_word_is_inside_the_margins(guide):
    assert outside_margins(guide.form, 24) == []


def test_sources_without_a_checklist_are_a_clear_error(make_app, rootdir, tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-programs', src)
    app = make_app('support-checklist', srcdir=src)
    app.build()
    assert app.statuscode == 1
    assert 'no support-checklist directive was read' in app.warning.getvalue()
    assert not (app.outdir / 'support-checklist.pdf').exists()
