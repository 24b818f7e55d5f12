"""A mistake in the style is a mistake in the sources: ``make check`` and
every build name it as ``style.toml:LINE``, exit non-zero, and the last good
outputs stay as they were."""
import re
import shutil
import subprocess

import pytest

from styled_guide import make, snapshot, styled_guide

pytestmark = pytest.mark.slow

MISTAKES = {
    'unknown-key': ('[colors]\nbrand = "#7A1F3D"\n\n[page]\nsize = "6x9in"\nmirored = true\n',
                    6, r"unknown key 'mirored' in \[page\]: keys are size, inner, outer"),
    'missing-font': ('[fonts]\n# our house face\n'
                     'body = { regular = "fonts/House-Regular.ttf" }\n',
                     3, r'\[fonts\] body: font file not found: fonts/House-Regular\.ttf'),
}


@pytest.fixture(scope='module')
def project(repo, tmp_path_factory):
    """A copy of the guide with the test style, every output built. A mistake in
    the style stops a build before it reads a source, so the copy's folder
    needs no build of its own."""
    project = tmp_path_factory.mktemp('style-errors') / 'guide'
    shutil.copytree(styled_guide(repo, tmp_path_factory), project, symlinks=True)
    return project, project / 'style' / 'style.toml'


@pytest.mark.parametrize('mistake', MISTAKES)
def test_a_style_mistake_is_named_and_keeps_the_last_good_outputs(project, mistake):
    project, style = project
    text, line, message = MISTAKES[mistake]
    good = style.read_text(encoding='utf-8')
    before = snapshot(project / 'build' / 'html'), snapshot(project / 'build' / 'pdf')
    style.write_text(text, encoding='utf-8')
    try:
        check = make(project, 'check')
        # -k: each product tries (the booklet is a target of its own); build_pdf.py too.
        built = make(project, '-k', 'html', 'pdf', 'handouts')
        booklet = subprocess.run([str(project / '.venv' / 'bin' / 'python'), 'build_pdf.py'],
                                 cwd=project, capture_output=True, text=True, timeout=600)
    finally:
        style.write_text(good, encoding='utf-8')
    assert check.returncode != 0
    assert re.search(rf'^style/style\.toml:{line}: error: {message}', check.stdout, re.M), \
        check.stdout
    assert built.returncode != 0 and booklet.returncode != 0
    # Each of make's five builds (HTML, booklet, form, saddle-stitch, handouts) says it.
    assert len(re.findall(rf'style/style\.toml:{line}: ERROR: {message}', built.stderr)) == 5, \
        built.stderr
    assert re.search(rf'style/style\.toml:{line}: ERROR: {message}', booklet.stderr), \
        booklet.stderr
    assert 'Traceback' not in built.stderr + booklet.stderr
    assert (snapshot(project / 'build' / 'html'), snapshot(project / 'build' / 'pdf')) == before
    assert not [path for path in (project / 'build').rglob('*') if 'staging' in path.name
                or path.name.endswith('.staged')]
