"""A wrong setting, or a builder run on a project that lacks what it makes
its product from, is one line on stderr and a non-zero exit: never Sphinx's
crash report, never a traceback. Run through sphinx-build, as a user does."""
import shutil
import subprocess
import sys

import pytest
from sphinx.cmd.build import build_main

from sphinxrun import command


def sphinx_build(srcdir, outdir, builder, *options):
    """sphinx-build run in a process of its own, as a user runs it."""
    return subprocess.run(
        [sys.executable, '-m', 'sphinx', '-b', builder, '-q', *options, str(srcdir),
         str(outdir)], capture_output=True, text=True)


def build_here(srcdir, outdir, builder, *options):
    """sphinx-build's own entry point run in this process (what ``python -m
    sphinx`` calls once it has set its locale), without starting Python and
    importing Sphinx again for each case."""
    return command(outdir.parent, build_main, '-b', builder, '-q', *options, str(srcdir),
                   str(outdir))


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert 'Traceback' not in stderr and 'sphinx-doc' not in stderr
    return lines[0]


@pytest.mark.parametrize('builder', ['booklet', 'handouts', 'html'])
def test_a_paper_that_is_not_allowed_is_one_line_naming_the_setting(rootdir, tmp_path, builder):
    # the booklet's case in a process of its own, the others' in this one
    build = sphinx_build if builder == 'booklet' else build_here
    done = build(rootdir / 'test-programs', tmp_path / 'out', builder, '-D', 'guide_paper=A4')
    assert done.returncode == 2
    assert one_line(done.stderr).endswith(
        "ERROR: guide_paper must be one of 'letter', 'legal', 'half-letter', 'executive', "
        "'a3', 'a4', 'a5', 'a6', 'b5', not 'A4'")
    assert not (tmp_path / 'out').exists() or not any((tmp_path / 'out').iterdir())


def test_an_online_address_that_is_not_http_is_one_line(rootdir, tmp_path):
    done = build_here(rootdir / 'test-programs', tmp_path / 'out', 'handouts',
                      '-D', 'guide_online_url=ftp://help.example.com/guide/')
    assert done.returncode == 2
    assert one_line(done.stderr) == (
        'ERROR: guide_online_url must be empty or an http:// or https:// address without '
        "?query or #fragment, not 'ftp://help.example.com/guide/'")


def test_a_setting_of_the_wrong_type_in_conf_py_is_one_line(rootdir, tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-programs', src)
    with open(src / 'conf.py', 'a', encoding='utf-8') as conf:
        conf.write('booklet_contents_depth = "two"\nguide_allow_raw = "yes"\n')
    done = build_here(src, tmp_path / 'out', 'booklet')
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert lines == ["ERROR: booklet_contents_depth must be an int, not 'two'",
                     "ERROR: guide_allow_raw must be a bool, not 'yes'"], done.stderr


def test_the_checklist_form_of_a_project_without_a_checklist_is_one_line(rootdir, tmp_path):
    done = build_here(rootdir / 'test-plain', tmp_path / 'out', 'support-checklist')
    assert done.returncode == 1
    assert one_line(done.stderr) == (
        'ERROR: support-checklist: no support-checklist directive was read from the sources '
        '(none is there, or it has an error reported above), so there is nothing to write')
    assert not (tmp_path / 'out' / 'support-checklist.pdf').exists()


def test_handouts_of_a_project_without_programs_is_one_line(rootdir, tmp_path):
    done = build_here(rootdir / 'test-plain', tmp_path / 'out', 'handouts')
    assert done.returncode == 1
    assert one_line(done.stderr) == (
        'ERROR: handouts: no supported product was read from the sources, '
        'so there is nothing to write')
