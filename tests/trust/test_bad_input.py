"""Bad input dropped into a built copy of the guide, then ``make html pdf``:
a clear ``path:line`` message, a non-zero exit, no crash report, and the
previous outputs byte-identical. Markup-like text is printed literally."""
import re
import subprocess

import pytest

from sphinxrun import html_text
from trust_project import edit, make, python, snapshot

pytestmark = pytest.mark.slow

OUTLOOK = 'source/programs/outlook-2002.rst'


def outputs(project):
    return snapshot(project / 'build' / 'html'), {
        name: data for name, data in snapshot(project / 'build' / 'pdf').items()
        if not name.split('/')[-1].startswith('.')}


#: ``make html pdf`` stops at the HTML; build_pdf.py shows the booklet's own refusal.
BUILDS = pytest.mark.parametrize('build', ['make html pdf', 'build_pdf.py'])


def run(project, build: str):
    return make(project, 'html', 'pdf') if build.startswith('make') else python(project, build)


def assert_refused(project, result, message: str):
    assert result.returncode != 0
    assert re.search(message, result.stderr, re.M), result.stderr
    for crash in ('Traceback', 'Sphinx error!', 'Encoding error!', 'Recursion error!'):
        assert crash not in result.stderr
    assert not [path for path in (project / 'build').iterdir() if 'staging' in path.name]


@BUILDS
def test_a_source_that_is_not_utf8_is_named_with_its_byte_offset(project, build):
    before = outputs(project)
    path = project / OUTLOOK
    data = path.read_bytes().replace(b'Select your', 'S\u00e9lect your'.encode('cp1252'), 1)
    path.write_bytes(data)
    offset = data.index(b'\xe9')
    line = data.count(b'\n', 0, offset) + 1
    column = offset - data.rfind(b'\n', 0, offset)
    result = run(project, build)
    assert_refused(project, result, rf'^\S*{OUTLOOK}:{line}: ERROR: not UTF-8: byte 0xe9 at '
                                    rf'offset {offset} \(line {line}, column {column}\)')
    assert outputs(project) == before


@BUILDS
def test_an_empty_source_folder_is_an_error_not_an_empty_guide(project, build):
    before = outputs(project)
    for path in sorted((project / 'source').rglob('*.rst'), reverse=True):
        path.unlink()
    result = run(project, build)
    assert_refused(project, result, r'^\S*source/index\.rst:1: ERROR: the source folder holds '
                                    r'no source files: nothing to build')
    assert outputs(project) == before


@BUILDS
@pytest.mark.parametrize('document', ['source/index.rst', 'source/introduction.rst'])
def test_an_empty_document_is_an_error(project, document, build):
    before = outputs(project)
    (project / document).write_text('', encoding='utf-8')
    result = run(project, build)
    assert_refused(project, result, rf'^\S*{document}:1: ERROR: document is empty')
    assert outputs(project) == before


@BUILDS
def test_a_line_over_the_length_limit_is_named(project, build):
    before = outputs(project)
    with open(project / 'source/introduction.rst', 'a', encoding='utf-8') as file:
        file.write('\n' + 'long ' * 2001 + '\n')
    line = len((project / 'source/introduction.rst').read_text(encoding='utf-8').splitlines())
    result = run(project, build)
    assert_refused(project, result, rf'^\S*source/introduction\.rst:{line}: ERROR: line of '
                                    r'10,005 characters, over the limit of 10,000')
    assert outputs(project) == before


@BUILDS
def test_nesting_200_deep_stops_at_a_clear_limit(project, build):
    before = outputs(project)
    deep = ''.join('  ' * level + f'- level {level}\n\n' for level in range(200))
    with open(project / 'source/introduction.rst', 'a', encoding='utf-8') as file:
        file.write('\n' + deep)
    text = (project / 'source/introduction.rst').read_text(encoding='utf-8').splitlines()
    line = text.index('  ' * 33 + '- level 33') + 1
    result = run(project, build)
    assert_refused(project, result, rf'^\S*source/introduction\.rst:{line}: ERROR: nested 33 '
                                    r'levels deep, over the limit of 32')
    assert outputs(project) == before


@BUILDS
@pytest.mark.parametrize('text', ['日本語', 'مرحبا', '😀'], ids=['japanese', 'arabic', 'emoji'])
def test_text_the_booklet_cannot_print_is_named_by_code_point(project, build, text):
    before = outputs(project)
    with open(project / 'source/introduction.rst', 'a', encoding='utf-8') as file:
        file.write(f'\nSay {text} to us.\n')
    line = len((project / 'source/introduction.rst').read_text(encoding='utf-8').splitlines())
    points = ', '.join(f'U\\+{ord(char):04X} \\({char}\\)' for char in sorted(set(text)))
    result = run(project, build)
    assert_refused(project, result, rf'^\S*source/introduction\.rst:{line}: ERROR: .*no glyph '
                                    rf'for {points}')
    assert outputs(project) == before


MARKUP = ('Type <b>bold?</b> & &amp; &lt; <script>alert(1)</script> '
          '<font color=red>x</font> and a</i> stray tag')


def test_markup_like_text_is_printed_literally(project):
    with open(project / 'source/introduction.rst', 'a', encoding='utf-8') as file:
        file.write(f'\n{MARKUP}\n')
    result = make(project, 'html', 'pdf')
    assert result.returncode == 0, result.stderr
    page = html_text((project / 'build/html/introduction.html').read_text(encoding='utf-8'))
    assert MARKUP in ' '.join(page.split())
    assert '<script>alert' not in (project / 'build/html/introduction.html').read_text()
    pdf_text = subprocess.run(['pdftotext', str(project / 'build/pdf/guide.pdf'), '-'],
                              check=True, capture_output=True, text=True).stdout
    assert MARKUP in ' '.join(pdf_text.split())
