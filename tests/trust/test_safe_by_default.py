"""Sources cannot reach outside the source folder or the network.

Builds go through the guide's extension, without -W, so that whatever would
leak does reach the output; each refusal must still be an error naming the
file and line, and nothing from outside may appear in any output file.

Cases of one kind are documents of one project, built once per builder (each
a page of its own, the booklet's chapters), and each case a test reading its
document's messages and page.
"""
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from sphinxrun import sphinx_build
from trust_project import build_scratch

REPO = Path(__file__).resolve().parents[2]
DANGEROUS = REPO / 'tests' / 'corpus' / 'docutils-functional' / 'dangerous.rst'
TOKEN = 'SECRET-7f3a-OUTSIDE-THE-TREE'
INSIDE = 'INSIDE-9c2e-THE-TREE'
PASSWD_LINE = Path('/etc/passwd').read_text().splitlines()[0]


BUILDERS = pytest.mark.parametrize('builder', ['html', 'booklet'])


def output_text(app) -> str:
    """Every output file as text; a PDF as the text a reader gets from it."""
    return '\n'.join(
        subprocess.run(['pdftotext', str(path), '-'], check=True, capture_output=True,
                       text=True).stdout if path.suffix == '.pdf'
        else path.read_bytes().decode('utf-8', 'replace')
        for path in Path(app.outdir).rglob('*') if path.is_file())


def pdf_images(app) -> int:
    return sum(len(page.images) for path in Path(app.outdir).glob('*.pdf')
               for page in PdfReader(path).pages)


def errors_by_line(warnings: str, name: str) -> dict[int, str]:
    return {int(line): message for line, message in
            re.findall(rf'{re.escape(name)}:(\d+): (?:CRITICAL|ERROR|WARNING): (.*)', warnings)}


def make_outside(parent: Path) -> Path:
    """A folder in *parent*, beside the sources, with files that must never be read."""
    folder = parent / 'private'
    folder.mkdir()
    (folder / 'secret.txt').write_text(f'{TOKEN}\n', encoding='utf-8')
    (folder / 'secret.csv').write_text(f'{TOKEN},x\n', encoding='utf-8')
    (folder / 'secret.html').write_text(f'<p>{TOKEN}</p>\n', encoding='utf-8')
    shutil.copy(REPO / 'assets' / 'logo.png', folder / 'secret.png')
    return folder


@pytest.fixture(scope='module')
def cases(tmp_path_factory):
    """``cases(documents, builder, **settings)``: a project of the guide's
    extension whose root lists each of *documents* (name: text), beside a
    folder of secrets, built once with *builder*; (app, its warnings)."""
    built = {}

    def build(documents: dict[str, str], builder: str, **settings):
        key = (tuple(documents.items()), builder, tuple(settings.items()))
        if key not in built:
            folder = tmp_path_factory.mktemp('cases')
            make_outside(folder)
            src = folder / 'src'
            src.mkdir()
            (src / 'conf.py').write_text("extensions = ['helpguide']\nhtml_copy_source = False\n",
                                         encoding='utf-8')
            (src / 'index.rst').write_text('Cases\n=====\n\n.. toctree::\n\n' + ''.join(
                f'   {name}\n' for name in documents), encoding='utf-8')
            for name, text in documents.items():
                (src / f'{name}.rst').write_text(text, encoding='utf-8')
            built[key] = sphinx_build(src, src, folder / 'out', folder / 'doctrees', builder,
                                      confoverrides=settings)
        return built[key]
    return build


@BUILDERS
def test_dangerous_rst_leaks_nothing_with_safe_defaults(make_app, tmp_path, builder):
    app, warnings = build_scratch(make_app, tmp_path / 'src',
                                  {'index.rst': DANGEROUS.read_text(encoding='utf-8')}, builder)
    errors = errors_by_line(warnings, 'index.rst')
    for line in (3, 13):
        assert 'is off: set guide_allow_file_insertion = True' in errors[line]
    for line in (4, 6, 8):
        assert '"raw" is off: set guide_allow_raw = True' in errors[line]
    assert 'may not fetch file:///etc/passwd' in errors[14]
    text = output_text(app)
    assert 'Potentially dangerous features' in text  # the output is read at all
    assert PASSWD_LINE not in text and 'root:x:0:0' not in text
    assert 'something really nasty' not in text


@BUILDERS
def test_dangerous_rst_leaks_nothing_with_everything_allowed(make_app, tmp_path, builder):
    app, warnings = build_scratch(make_app, tmp_path / 'src',
                                  {'index.rst': DANGEROUS.read_text(encoding='utf-8')}, builder,
                                  guide_allow_raw=True, guide_allow_file_insertion=True)
    errors = errors_by_line(warnings, 'index.rst')
    # /etc/passwd means <source>/etc/passwd, which is not there
    assert 'Problems with "include" directive path' in errors[3]
    assert '"raw" may not read /etc/passwd: it is outside the source folder' in errors[4]
    assert '"raw" may not fetch file:///etc/passwd' in errors[6]
    assert '"csv-table" may not read /etc/passwd' in errors[13]
    assert '"csv-table" may not fetch file:///etc/passwd' in errors[14]
    text = output_text(app)
    assert 'Potentially dangerous features' in text  # the output is read at all
    assert PASSWD_LINE not in text and 'root:x:0:0' not in text


INSERTIONS = {
    'include': '.. include:: ../private/secret.txt\n',
    'literalinclude': '.. literalinclude:: ../private/secret.txt\n',
    'literalinclude-absolute': '.. literalinclude:: /../private/secret.txt\n',
    'csv-table': '.. csv-table:: Secret\n   :file: ../private/secret.csv\n',
    'raw-file': '.. raw:: html\n   :file: ../private/secret.html\n',
}


@pytest.mark.parametrize('name', INSERTIONS)
@BUILDERS
def test_file_insertion_outside_the_source_folder_is_refused(cases, name, builder):
    app, warnings = cases({case: f'Title\n=====\n\n{markup}' for case, markup in INSERTIONS.items()},
                          builder, guide_allow_raw=True, guide_allow_file_insertion=True)
    assert f'/{name}.rst:4: ERROR: ' in warnings
    assert 'is outside the source folder' in errors_by_line(warnings, f'/{name}.rst')[4]
    assert TOKEN not in output_text(app)


@BUILDERS
def test_roles_derived_from_raw_are_off_by_default(make_app, tmp_path, builder):
    text = ('Title\n=====\n\n.. role:: raw-html(raw)\n   :format: html\n\n'
            'Before :raw-html:`<script>RAW-7d1e</script>` after.\n')
    app, warnings = build_scratch(make_app, tmp_path / 'src', {'index.rst': text}, builder)
    assert re.search(r'index\.rst:\d+: (WARNING|ERROR): raw \(and derived\) roles disabled',
                     warnings)
    # Shown as the text it is (escaped), never passed through as markup.
    pages = ''.join(path.read_text(encoding='utf-8') for path in Path(app.outdir).rglob('*.html'))
    assert '<script>RAW-7d1e' not in pages


@pytest.mark.parametrize('allowed', [False, True])
def test_file_insertion_inside_the_source_folder_needs_the_setting(make_app, tmp_path, allowed):
    app, warnings = build_scratch(make_app, tmp_path / 'src', {
        'index.rst': 'Title\n=====\n\n.. include:: parts/part.txt\n',
        'parts/part.txt': f'{INSIDE}\n'}, guide_allow_file_insertion=allowed)
    assert (INSIDE in output_text(app)) is allowed
    assert ('index.rst:4: ERROR: "include" is off' in warnings) is not allowed


OUTSIDE_FILES = {
    'image': '.. image:: ../private/secret.png',
    'figure': '.. figure:: ../private/secret.png\n\n   A caption.',
    'download': ':download:`the file <../private/secret.txt>`',
}


@pytest.mark.parametrize('name', OUTSIDE_FILES)
@BUILDERS
def test_images_and_downloads_outside_the_source_folder_are_refused(cases, name, builder):
    app, warnings = cases({case: f'Title\n=====\n\n{markup}\n'
                           for case, markup in OUTSIDE_FILES.items()}, builder)
    assert 'is outside the source folder' in errors_by_line(warnings, f'/{name}.rst')[4]
    assert TOKEN not in output_text(app)
    copied = [path.name for path in Path(app.outdir).rglob('secret*')]
    assert copied == []
    assert pdf_images(app) == 0


REMOTE_URIS = ['https://example.com/logo.png', 'http://example.com/a.png',
               '//example.com/logo.png', 'file:///etc/logo.png']
IMAGE_OPTIONS = {'image': '', 'linked-image': '   :target: https://example.com/\n'}
#: Each remote image, plain or linked, a document named by its place in the lists
REMOTE_IMAGES = {f'remote{n}-{kind}': f'Title\n=====\n\n.. image:: {uri}\n{options}'
                 for n, uri in enumerate(REMOTE_URIS) for kind, options in IMAGE_OPTIONS.items()}


@pytest.mark.parametrize('uri', REMOTE_URIS)
@pytest.mark.parametrize('kind', IMAGE_OPTIONS)
def test_remote_images_are_errors_and_never_referenced(cases, uri, kind):
    app, warnings = cases(REMOTE_IMAGES, 'html')
    name = f'remote{REMOTE_URIS.index(uri)}-{kind}'
    assert f'image {uri} is remote' in errors_by_line(warnings, f'/{name}.rst')[4]
    assert 'example.com' not in (Path(app.outdir) / f'{name}.html').read_text(encoding='utf-8')


NETWORK_HTML = [
    '<img src="https://example.com/pixel.png">',
    "<link rel=stylesheet href='//example.com/x.css'>",
    '<div style="background: url(http://example.com/b.png)">x</div>',
    '<style>@import "https://example.com/y.css";</style>',
    '<script src=https://example.com/z.js></script>']


@pytest.mark.parametrize('html', NETWORK_HTML)
def test_raw_html_that_loads_from_the_network_is_refused(cases, html):
    app, warnings = cases({f'raw{n}': f'Title\n=====\n\n.. raw:: html\n\n   {markup}\n\n'
                           'A link: `here <https://example.com/>`_.\n'
                           for n, markup in enumerate(NETWORK_HTML)}, 'html', guide_allow_raw=True)
    name = f'raw{NETWORK_HTML.index(html)}'
    assert 'raw HTML loads from the network' in errors_by_line(warnings, f'/{name}.rst')[4]
    page = (Path(app.outdir) / f'{name}.html').read_text(encoding='utf-8')
    assert page.count('example.com') == 1  # the link a reader follows, and nothing else


def test_raw_html_is_passed_through_when_allowed(make_app, tmp_path):
    text = 'Title\n=====\n\n.. raw:: html\n\n   <em class="mine">local <img src="a.png"></em>\n'
    app, warnings = build_scratch(make_app, tmp_path / 'src', {'index.rst': text},
                                  guide_allow_raw=True)
    assert warnings == ''
    assert '<em class="mine">' in (Path(app.outdir) / 'index.html').read_text(encoding='utf-8')


def test_remote_stylesheets_and_scripts_are_errors(make_app, tmp_path):
    app, warnings = build_scratch(make_app, tmp_path / 'src',
                                  {'index.rst': 'Title\n=====\n\nText.\n'},
                                  html_css_files=['https://cdn.example.com/x.css'],
                                  html_js_files=['https://cdn.example.com/x.js'])
    assert 'html_css_files loads https://cdn.example.com/x.css' in warnings
    assert 'html_js_files loads https://cdn.example.com/x.js' in warnings
    assert re.search(r'conf\.py:1: ERROR: html_css_files', warnings)


def test_an_image_inside_the_source_folder_is_used(make_app, tmp_path):
    srcdir = tmp_path / 'src'
    (srcdir / 'pictures').mkdir(parents=True)
    shutil.copy(REPO / 'assets' / 'logo.png', srcdir / 'pictures' / 'logo.png')
    app, warnings = build_scratch(make_app, srcdir, {'index.rst': 'Title\n=====\n\n'
                                                     '.. image:: pictures/logo.png\n'
                                                     '   :alt: The logo\n'})
    assert warnings == ''
    assert (Path(app.outdir) / '_images' / 'logo.png').exists()
