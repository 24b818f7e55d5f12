"""Rebranding as the README tells it: change the Guide settings block of
conf.py and the logo, run ``make``, and no output names the old provider.
Contact details left empty are not shown."""
import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from sphinxrun import html_text
from trust_project import build_scratch, copy_project, edit, make

NEW = {
    'guide_brand': 'Northwind Mail',
    'guide_author': 'Northwind Mail Customer Care',
    'guide_smtp_host': 'smtp.northwind.example',
    'guide_help_site': 'Northwind Answers',
    'guide_support_phone': '0800 555 0199',
}
#: The logo's colour: a cover drawn with the old logo would show another.
LOGO_RGB = (0, 160, 90)


def pdf_text(path: Path) -> str:
    return subprocess.run(['pdftotext', str(path), '-'], check=True, capture_output=True,
                          text=True).stdout


@pytest.mark.slow
def test_a_rebranded_guide_names_only_the_new_provider(tmp_path):
    project = copy_project(tmp_path / 'guide')
    conf = project / 'conf.py'
    old = {}
    for setting, value in NEW.items():
        line = re.search(rf"^{setting} = '([^']*)'", conf.read_text(encoding='utf-8'), re.M)
        old[setting] = line[1]
        edit(conf, line[0], f'{setting} = {value!r}')
    Image.new('RGB', (300, 120), LOGO_RGB).save(project / 'assets' / 'logo.png')

    result = make(project, 'html', 'pdf', 'handouts')
    assert result.returncode == 0, result.stderr

    gone = [value.casefold() for value in old.values() if value] + ['covenant']
    html = project / 'build' / 'html'
    texts = {path: path.read_text(encoding='utf-8', errors='replace')
             for path in html.rglob('*') if path.is_file() and path.suffix in ('.html', '.js')}
    pdfs = sorted((project / 'build' / 'pdf').rglob('*.pdf'))
    assert len(pdfs) > 3
    for path in pdfs:
        meta = PdfReader(path).metadata
        texts[path] = pdf_text(path) + ' '.join(str(value) for value in meta.values())
    for path, text in texts.items():
        assert not [value for value in gone if value in text.casefold()], path

    index = html_text(texts[html / 'index.html'])
    assert 'Northwind Mail' in index
    support = ' '.join(html_text(texts[html / 'support.html']).split())
    assert 'Telephone' in support and '0800 555 0199' in support
    booklet = project / 'build' / 'pdf' / 'guide.pdf'
    cover = ' '.join(pdf_text(booklet).split('\f')[0].split())
    assert 'Northwind Mail' in cover
    assert 'smtp.northwind.example' in pdf_text(booklet)
    logo = PdfReader(booklet).pages[0].images[0].image.convert('RGB')
    assert logo.getpixel((logo.width // 2, logo.height // 2)) == LOGO_RGB


CONTACTS = 'Help\n====\n\n.. support-contacts::\n\nAfter the contacts.\n'
LABELS = ('Telephone', 'Email', 'Online case submission', 'Opening hours')


def shown_text(app) -> str:
    out = Path(app.outdir)
    if app.builder.name == 'html':
        return ' '.join(html_text((out / 'index.html').read_text(encoding='utf-8')).split())
    return ' '.join(pdf_text(out / app.config.booklet_filename).split())


@pytest.mark.parametrize('builder', ['html', 'booklet'])
def test_only_the_contact_details_set_are_shown(make_app, tmp_path, builder):
    app, warnings = build_scratch(make_app, tmp_path / 'src', {'index.rst': CONTACTS}, builder,
                                  guide_support_phone='0800 555 0199',
                                  guide_support_hours='9:00 to 17:00')
    assert warnings == ''
    text = shown_text(app)
    assert re.search(r'Telephone:? 0800 555 0199', text), text
    assert re.search(r'Opening hours:? 9:00 to 17:00', text), text
    assert 'Email' not in text and 'Online case submission' not in text


@pytest.mark.parametrize('builder', ['html', 'booklet'])
def test_contact_details_left_empty_are_not_shown(make_app, tmp_path, builder):
    app, warnings = build_scratch(make_app, tmp_path / 'src', {'index.rst': CONTACTS}, builder)
    assert warnings == ''
    text = shown_text(app)
    assert 'After the contacts.' in text
    assert [label for label in LABELS if label in text] == []
