"""``make html`` never costs the last good HTML: a failed or killed build leaves
build/html and the doctree cache byte-identical; a removed program leaves no
page behind; unchanged pages are not rewritten."""
import shutil

import pytest

from trust_project import copy_project, edit, make, snapshot

KILLER = '''

def _kill_halfway(app, pagename, *args):
    # Killed like a build cut short by a power cut: no handler runs.
    import os, signal
    if pagename == 'macintosh':
        os.kill(os.getpid(), signal.SIGKILL)


def setup(app):
    app.connect('html-page-context', _kill_halfway)
'''


@pytest.fixture(scope='module')
def built_once(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp('built') / 'guide')
    result = make(project, 'html')
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def project(built_once, tmp_path):
    copy = tmp_path / 'guide'
    shutil.copytree(built_once, copy, symlinks=True)
    return copy


def outputs(project):
    return snapshot(project / 'build' / 'html'), snapshot(project / 'build' / 'doctrees')


def no_staging_left(project):
    return not [path for path in (project / 'build').iterdir() if 'staging' in path.name]


def test_a_failed_build_leaves_the_outputs_byte_identical(project):
    before = outputs(project)
    edit(project / 'source/programs/outlook-2002.rst', ':platforms: windows',
         ':platforms: windows linux')
    edit(project / 'source/introduction.rst', 'Introduction', 'Introduction to SSL')
    result = make(project, 'html')
    assert result.returncode != 0
    assert 'source/programs/outlook-2002.rst:1: ERROR: unknown platform' in result.stderr
    assert outputs(project) == before
    assert no_staging_left(project)
    # The cache did not move on either: the next build reports the error again.
    again = make(project, 'html')
    assert again.returncode != 0
    assert 'unknown platform' in again.stderr
    assert outputs(project) == before


def test_a_killed_build_leaves_the_outputs_byte_identical(project):
    before = outputs(project)
    conf = (project / 'conf.py').read_text(encoding='utf-8')
    (project / 'conf.py').write_text(conf + KILLER, encoding='utf-8')
    edit(project / 'source/macintosh.rst', 'programs for the Macintosh', 'programs for a Mac')
    edit(project / 'source/index.rst', 'step by step', 'one step at a time')
    result = make(project, 'html')
    assert result.returncode != 0
    assert 'Killed' in result.stderr
    assert outputs(project) == before
    # What the killed build left is cleared by the next one, which succeeds.
    (project / 'conf.py').write_text(conf, encoding='utf-8')
    result = make(project, 'html')
    assert result.returncode == 0, result.stderr
    assert no_staging_left(project)
    html = project / 'build' / 'html'
    assert 'one step at a time' in (html / 'index.html').read_text(encoding='utf-8')
    assert 'programs for a Mac' in (html / 'macintosh.html').read_text(encoding='utf-8')


def test_a_removed_program_leaves_no_page_behind(project):
    html = project / 'build' / 'html'
    assert (html / 'programs' / 'os-x-mail.html').exists()
    (project / 'source/programs/os-x-mail.rst').unlink()
    result = make(project, 'html')
    assert result.returncode == 0, result.stderr
    assert not (html / 'programs' / 'os-x-mail.html').exists()
    assert 'os-x-mail' not in (html / 'macintosh.html').read_text(encoding='utf-8')
    assert 'programs/os-x-mail' not in (html / 'searchindex.js').read_text(encoding='utf-8')


def test_an_edit_rewrites_its_page_and_leaves_the_others_alone(project):
    html = project / 'build' / 'html' / 'programs'
    assert make(project, 'html').returncode == 0  # the copy's cache learns its new folder
    untouched = {path.name: path.stat().st_mtime_ns for path in html.glob('*.html')}
    edit(project / 'source/programs/outlook-2002.rst', 'Select :guilabel:`Finish`.',
         'Select :guilabel:`Finish` to save.')
    result = make(project, 'html')
    assert result.returncode == 0, result.stderr
    assert 'Finish</span> to save.' in (html / 'outlook-2002.html').read_text(encoding='utf-8')
    now = {path.name: path.stat().st_mtime_ns for path in html.glob('*.html')}
    changed = sorted(name for name in now if now[name] != untouched[name])
    assert changed == ['outlook-2002.html']
