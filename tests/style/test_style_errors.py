"""A mistake in the style is a mistake in the sources: ``make check`` and
every build name it as ``style.toml:LINE``, exit non-zero, and the last good
outputs stay as they were.

The builds are the command lines ``make html pdf handouts`` runs (``python -m
helpguide build TARGET``), run in this process, but one mistake's HTML build,
which goes through ``make html`` as a user runs it (each process start costs
seconds); the checks (``make check``'s command line) and ``build_pdf.py`` run
in this process for both."""
import re
import runpy
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from helpguide.__main__ import main as helpguide_main
from sphinxrun import command
from styled_guide import make, snapshot, styled_guide

pytestmark = pytest.mark.slow

MISTAKES = {
    'unknown-key': ('[colors]\nbrand = "#7A1F3D"\n\n[page]\nsize = "6x9in"\nmirored = true\n',
                    6, r"unknown key 'mirored' in \[page\]: keys are size, inner, outer"),
    'missing-font': ('[fonts]\n# our house face\n'
                     'body = { regular = "fonts/House-Regular.ttf" }\n',
                     3, r'\[fonts\] body: font file not found: fonts/House-Regular\.ttf'),
}
#: The builds of make html pdf handouts, each a command line of its own
PRODUCTS = ('html', 'booklet', 'form', 'saddle-stitch', 'handouts')


@pytest.fixture(scope='module')
def project(repo, tmp_path_factory):
    """A copy of the guide with the test style, every output built. Its sources
    are the built guide's, linked (no build writes a source): the copied
    doctree cache names their folder, so each build finds it up to date, as
    in the folder a user built, instead of reading every source again."""
    built = styled_guide(repo, tmp_path_factory)
    project = tmp_path_factory.mktemp('style-errors') / 'guide'
    shutil.copytree(built, project, symlinks=True,
                    ignore=lambda folder, names: ['source'] if Path(folder) == built else [])
    (project / 'source').symlink_to(built / 'source')
    return project, project / 'style' / 'style.toml'


def in_process(project, products=PRODUCTS, *made):
    """What make's targets run, in this process: each build in turn (after
    those *made* already)."""
    builds = [*made, *(command(project, helpguide_main, 'build', product, '-j', '1')
                       for product in products)]
    return SimpleNamespace(returncode=min(build.returncode for build in builds),
                           stderr=''.join(build.stderr for build in builds))


def by_make(project):
    """``make html`` as a user runs it, then the other builds in this process."""
    return in_process(project, PRODUCTS[1:], make(project, 'html'))


@pytest.mark.parametrize('mistake, run', [('unknown-key', by_make),
                                          ('missing-font', in_process)])
def test_a_style_mistake_is_named_and_keeps_the_last_good_outputs(project, mistake, run):
    project, style = project
    text, line, message = MISTAKES[mistake]
    good = style.read_text(encoding='utf-8')
    before = snapshot(project / 'build' / 'html'), snapshot(project / 'build' / 'pdf')
    style.write_text(text, encoding='utf-8')
    try:
        check = command(project, helpguide_main, 'build', 'check')
        built = run(project)
        build_pdf = runpy.run_path(str(project / 'build_pdf.py'))['main']
        booklet = command(project, build_pdf, '-j', '1')
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
