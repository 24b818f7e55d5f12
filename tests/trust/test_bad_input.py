"""Bad input: a clear ``path:line`` message, a non-zero exit, no crash report.
Markup-like text is printed literally.

Each mistake is made in a copy of a guide of two pages (the test root
tests/roots/test-bad-input, laid out as the guide is) and built in this
process by both builders a user's commands run (``make html`` and
``build_pdf.py``: the HTML and the booklet), as ``sphinx-build -W
--keep-going`` does. The real guide refuses bad input through each command
line, keeping its last good outputs, in test_nothing_lost.py."""
import shutil
import subprocess
from types import SimpleNamespace

import pytest
from sphinx.cmd.build import build_main
from sphinx.util.console import strip_colors

from sphinxrun import html_text
from trust_project import assert_refused, not_utf8

INTRO = 'source/introduction.rst'


#: The two builds of the guide's sources: make html's, and build_pdf.py's booklet.
BUILDERS = pytest.mark.parametrize('builder', ['html', 'booklet'])


@pytest.fixture
def sources(rootdir, tmp_path):
    """A copy of the small guide's sources and conf.py, not built yet."""
    return shutil.copytree(rootdir / 'test-bad-input', tmp_path / 'guide')


def build(project, builder, capsys):
    """``sphinx-build -b BUILDER -W --keep-going`` of ``project``, in this process."""
    capsys.readouterr()
    try:
        status = build_main(['-b', builder, '-E', '-W', '--keep-going', '-q', '-c', str(project),
                             str(project / 'source'), str(project / 'build' / builder),
                             '-d', str(project / 'build' / f'doctrees-{builder}')])
    except SystemExit as stop:  # what ends the sphinx-build process
        status = stop.code
    return SimpleNamespace(returncode=status, stderr=strip_colors(capsys.readouterr().err))


@BUILDERS
def test_a_source_that_is_not_utf8_is_named_with_its_byte_offset(sources, builder, capsys):
    message = not_utf8(sources, INTRO)
    assert_refused(build(sources, builder, capsys), message)


@BUILDERS
def test_an_empty_source_folder_is_an_error_not_an_empty_guide(sources, builder, capsys):
    for path in sorted((sources / 'source').rglob('*.rst'), reverse=True):
        path.unlink()
    result = build(sources, builder, capsys)
    assert_refused(result, r'^\S*source/index\.rst:1: ERROR: the source folder holds '
                           r'no source files: nothing to build')


@BUILDERS
@pytest.mark.parametrize('document', ['source/index.rst', 'source/introduction.rst'])
def test_an_empty_document_is_an_error(sources, document, builder, capsys):
    (sources / document).write_text('', encoding='utf-8')
    result = build(sources, builder, capsys)
    assert_refused(result, rf'^\S*{document}:1: ERROR: document is empty')


@BUILDERS
def test_a_line_over_the_length_limit_is_named(sources, builder, capsys):
    with open(sources / 'source/introduction.rst', 'a', encoding='utf-8') as file:
        file.write('\n' + 'long ' * 2001 + '\n')
    line = len((sources / 'source/introduction.rst').read_text(encoding='utf-8').splitlines())
    result = build(sources, builder, capsys)
    assert_refused(result, rf'^\S*source/introduction\.rst:{line}: ERROR: line of '
                           r'10,005 characters, over the limit of 10,000')


@BUILDERS
def test_nesting_200_deep_stops_at_a_clear_limit(sources, builder, capsys):
    deep = ''.join('  ' * level + f'- level {level}\n\n' for level in range(200))
    with open(sources / 'source/introduction.rst', 'a', encoding='utf-8') as file:
        file.write('\n' + deep)
    text = (sources / 'source/introduction.rst').read_text(encoding='utf-8').splitlines()
    line = text.index('  ' * 33 + '- level 33') + 1
    result = build(sources, builder, capsys)
    assert_refused(result, rf'^\S*source/introduction\.rst:{line}: ERROR: nested 33 '
                           r'levels deep, over the limit of 32')


@BUILDERS
@pytest.mark.parametrize('text', ['한국어', 'مرحبا', '🥰'], ids=['korean', 'arabic', 'emoji'])
def test_text_the_booklet_cannot_print_is_named_by_code_point(sources, builder, text, capsys):
    with open(sources / 'source/introduction.rst', 'a', encoding='utf-8') as file:
        file.write(f'\nSay {text} to us.\n')
    line = len((sources / 'source/introduction.rst').read_text(encoding='utf-8').splitlines())
    points = ', '.join(f'U\\+{ord(char):04X} \\({char}\\)' for char in sorted(set(text)))
    result = build(sources, builder, capsys)
    assert_refused(result, rf'^\S*source/introduction\.rst:{line}: ERROR: .*no glyph '
                           rf'for {points}')


MARKUP = ('Type <b>bold?</b> & &amp; &lt; <script>alert(1)</script> '
          '<font color=red>x</font> and a</i> stray tag')


@BUILDERS
def test_markup_like_text_is_printed_literally(sources, builder, capsys):
    with open(sources / 'source/introduction.rst', 'a', encoding='utf-8') as file:
        file.write(f'\n{MARKUP}\n')
    result = build(sources, builder, capsys)
    assert result.returncode == 0, result.stderr
    out = sources / 'build' / builder
    if builder == 'html':
        page = (out / 'introduction.html').read_text(encoding='utf-8')
        assert '<script>alert' not in page
        text = html_text(page)
    else:
        text = subprocess.run(['pdftotext', str(out / 'guide.pdf'), '-'],
                              check=True, capture_output=True, text=True).stdout
    assert MARKUP in ' '.join(text.split())
