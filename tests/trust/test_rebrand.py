"""Rebranding as the README tells it: change the Guide settings block of
conf.py and the logo, build, and no output names the old provider (the
rebranded guide is the styled one, tests/styled_guide.py, built once per run).
Contact details left empty are not shown; with none at all, a draft says so
and a release build stops."""
import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from sphinx.util.console import strip_colors
from sphinx.util.docutils import docutils_namespace

from helpguide.config import BadSetting

from sphinxrun import html_text
from styled_guide import LOGO_RGB, setting_lines, styled_guide
from trust_project import build_scratch, helpguide, python

REPO = Path(__file__).resolve().parents[2]


def pdf_text(path: Path) -> str:
    return subprocess.run(['pdftotext', str(path), '-'], check=True, capture_output=True,
                          text=True).stdout


@pytest.mark.slow
def test_a_rebranded_guide_names_only_the_new_provider(repo, tmp_path_factory):
    project = styled_guide(repo, tmp_path_factory)
    old = [re.search(r"= '([^']*)'", line)[1]
           for line in setting_lines(REPO / 'conf.py').values()]
    gone = [value.casefold() for value in old if value] + ['covenant']
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
    assert warnings == ''  # a draft without contacts still builds with -W
    text = shown_text(app)
    assert re.search(r'Help¶? Contact details not set After the contacts\.', text), text
    assert [label for label in LABELS if label in text] == []
    notices = strip_colors(app.status.getvalue())
    assert notices.count('no support contact set') == 1, notices


@pytest.mark.parametrize('builder', ['html', 'booklet'])
def test_contact_details_not_set_in_french(make_app, tmp_path, builder):
    app, warnings = build_scratch(make_app, tmp_path / 'src', {'index.rst': CONTACTS}, builder,
                                  language='fr')
    assert warnings == ''
    assert 'Coordonnées de l’assistance non renseignées' in shown_text(app)


def test_opening_hours_alone_are_no_contact(make_app, tmp_path):
    app, _ = build_scratch(make_app, tmp_path / 'src', {'index.rst': CONTACTS}, 'html',
                           guide_support_hours='9:00 to 17:00')
    text = shown_text(app)
    assert 'Contact details not set' in text and 'Opening hours: 9:00 to 17:00' in text


def test_a_release_without_a_contact_stops(make_app, tmp_path):
    # An app that stops while starting up does not undo its nodes: the namespace does.
    with docutils_namespace(), pytest.raises(BadSetting):
        build_scratch(make_app, tmp_path / 'src', {'index.rst': CONTACTS}, 'html',
                      guide_release=True)


@pytest.mark.parametrize('setting', ['guide_support_phone', 'guide_support_email',
                                     'guide_support_url'])
def test_a_release_with_a_contact_builds_without_the_notice(make_app, tmp_path, setting):
    app, warnings = build_scratch(make_app, tmp_path / 'src', {'index.rst': CONTACTS}, 'html',
                                  guide_release=True, **{setting: 'support.example'})
    assert warnings == ''
    text = shown_text(app)
    assert 'support.example' in text and 'Contact details not set' not in text
    assert 'no support contact' not in app.status.getvalue()


def contacts_project(folder: Path, conf: str = '') -> Path:
    (folder / 'source').mkdir(parents=True)
    (folder / 'source' / 'index.rst').write_text(CONTACTS, encoding='utf-8')
    (folder / 'conf.py').write_text(f"extensions = ['helpguide']\nproject = 'Help'\n{conf}",
                                    encoding='utf-8')
    return folder


def test_the_release_option_stops_a_build_without_a_contact_in_one_line(tmp_path):
    project = contacts_project(tmp_path / 'guide')
    assert helpguide(project, 'html', '-q').returncode == 0  # a draft builds
    page = (project / 'build' / 'html' / 'index.html').read_bytes()
    result = helpguide(project, 'html', '-q', '--release')
    assert result.returncode != 0
    errors = [line for line in strip_colors(result.stderr).splitlines() if line.strip()]
    assert 'a release needs a support contact: set guide_support_phone, '\
           'guide_support_email, guide_support_url in conf.py' in errors[0], result.stderr
    assert 'Traceback' not in result.stderr
    # The last good output is kept.
    assert (project / 'build' / 'html' / 'index.html').read_bytes() == page


def test_a_release_setting_in_conf_py_stops_the_build_and_the_bundle(tmp_path):
    project = contacts_project(tmp_path / 'guide', 'guide_release = True\n')
    result = helpguide(project, 'html', '-q')
    assert result.returncode != 0 and 'a release needs a support contact' in result.stderr
    # The bundle step alone refuses too, whatever was built before. (In a
    # process of its own: it says so through logging, which pytest captures.)
    result = python(project, '-m', 'helpguide', 'build', 'dist', '-q')
    assert result.returncode != 0 and 'a release needs a support contact' in result.stderr
    assert not (project / 'build' / 'dist').exists()


def test_a_release_with_a_contact_is_built(tmp_path):
    project = contacts_project(tmp_path / 'guide', "guide_support_email = 'help@example.net'\n")
    result = helpguide(project, 'html', '-q', '--release')
    assert result.returncode == 0, result.stderr
    assert 'help@example.net' in html_text((project / 'build' / 'html' / 'index.html').read_text())
