"""``python -m helpguide new``: the files of a new guide, its questions, its
errors, and that what it writes builds (every output: tests/install)."""
import re
import runpy
import subprocess
import sys
from argparse import Namespace
from pathlib import Path

import pytest

from helpguide.__main__ import main
from helpguide.scaffold import command
from sphinxrun import html_text, sphinx_build

ROUTERS = ['--title', 'Setting up your router', '--brand', 'Example Broadband',
           '--platforms', 'DD-WRT, stock=Stock firmware', '--subject', 'router model',
           '--platform-noun', 'firmware family']


class Result:
    def __init__(self, returncode, captured):
        self.returncode, self.stdout, self.stderr = returncode, captured.out, captured.err


@pytest.fixture
def new(capsys, monkeypatch):
    """``python -m helpguide new ARGS`` in this process, with no terminal on stdin."""
    monkeypatch.setattr('sys.stdin.isatty', lambda: False, raising=False)

    def run(*args):
        try:
            code = main(['new', *args])
        except SystemExit as exit_:   # argparse's usage errors
            code = exit_.code
        return Result(code, capsys.readouterr())

    return run


def files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob('*') if p.is_file())


def test_writes_a_guide_with_a_chapter_and_a_sample_per_platform(new, tmp_path):
    result = new(str(tmp_path / 'router'), *ROUTERS)
    assert result.returncode == 0, result.stderr
    assert files(tmp_path / 'router') == [
        '.gitignore', 'Makefile', 'README.md', 'conf.py',
        'source/dd-wrt.rst', 'source/index.rst', 'source/introduction.rst',
        'source/stock.rst', 'source/subjects/older.rst', 'source/subjects/sample-1.rst',
        'source/subjects/sample-2.rst', 'source/support.rst', 'source/unsupported.rst']
    conf = runpy.run_path(str(tmp_path / 'router' / 'conf.py'))
    assert conf['guide_title'] == 'Setting up your router'
    assert conf['guide_brand'] == 'Example Broadband'
    assert conf['guide_platforms'] == [('dd-wrt', 'DD-WRT'), ('stock', 'Stock firmware')]
    assert (conf['guide_subject_noun'], conf['guide_subject_noun_plural']) == \
        ('router model', 'router models')
    assert (conf['guide_platform_noun'], conf['guide_platform_noun_plural']) == \
        ('firmware family', 'firmware families')
    assert conf['extensions'] == ['helpguide']
    sample = (tmp_path / 'router' / 'source/subjects/sample-2.rst').read_text(encoding='utf-8')
    assert ':platforms: stock\n' in sample and '.. steps:: stock\n' in sample
    makefile = (tmp_path / 'router' / 'Makefile').read_text(encoding='utf-8')
    for target in ('all', 'html', 'pdf', 'booklet', 'form', 'saddle-stitch', 'handouts',
                   'dist', 'check'):
        assert re.search(rf'^{target}:', makefile, re.M), target
    assert re.search(r"^BUILD_CMD := \$\(PYTHON\) -m helpguide build", makefile, re.M)
    assert re.search(r'^\t\$\(BUILD_CMD\) html$', makefile, re.M)  # recipes use tabs


def test_the_new_guide_reads_without_a_warning_and_lists_its_samples(new, tmp_path):
    assert new(str(tmp_path / 'g'), *ROUTERS).returncode == 0
    src = tmp_path / 'g'
    app, warnings = sphinx_build(src / 'source', src, tmp_path / 'html', tmp_path / 'dt', 'html')
    assert warnings == ''

    def text(page):
        return ' '.join(html_text((app.outdir / f'{page}.html').read_text(encoding='utf-8'),
                                  ' ').split())

    assert 'Sample router model for DD-WRT' in text('dd-wrt')
    assert 'Sample router model for Stock firmware' not in text('dd-wrt')
    assert 'Sample router model for Stock firmware' in text('stock')
    appendix = text('unsupported')
    assert 'Router models this guide cannot help with' in appendix
    assert 'Router model Firmware families Upgrade to' in appendix
    assert 'Older router model 0.9' in appendix and 'Version 1.0 or later' in appendix
    # The data box: the guide's words (the colon after a label is hidden by the theme).
    assert 'Versions : 1.x Firmware families : DD-WRT' in text('subjects/sample-1')
    assert 'Status' not in text('subjects/sample-1')  # the chapter says it is supported
    assert 'This guide shows, step by step, how to set up your router model, for each ' \
           'firmware family: DD-WRT and Stock firmware.' in text('index')


def test_refuses_a_folder_that_is_not_empty_and_leaves_it_alone(new, tmp_path):
    (tmp_path / 'taken').mkdir()
    (tmp_path / 'taken' / 'notes.txt').write_text('mine', encoding='utf-8')
    result = new(str(tmp_path / 'taken'), *ROUTERS)
    assert result.returncode == 1
    assert result.stderr.strip() == (f'python -m helpguide new: error: {tmp_path / "taken"} '
                                     'exists and is not an empty folder')
    assert files(tmp_path / 'taken') == ['notes.txt']
    assert sorted(p.name for p in tmp_path.iterdir()) == ['taken']   # no partial left


@pytest.mark.parametrize('platforms, message', [
    (' , ', 'name at least one platform'),
    ('Windows, windows', "two platforms have the same id 'windows'"),
    ('Windows, ???', "platform '???' has no letter or digit"),
])
def test_bad_platforms_are_a_one_line_error(new, tmp_path, platforms, message):
    result = new(str(tmp_path / 'g'), '--platforms', platforms)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr
    assert not (tmp_path / 'g').exists()


def test_without_a_terminal_missing_options_take_their_defaults(new, tmp_path):
    assert new(str(tmp_path / 'g')).returncode == 0
    conf = runpy.run_path(str(tmp_path / 'g' / 'conf.py'))
    assert conf['guide_platforms'] == [('windows', 'Windows'), ('macintosh', 'Macintosh')]
    assert conf['guide_subject_noun'] == 'product'


def test_on_a_terminal_only_missing_options_are_asked(tmp_path, monkeypatch, capsys):
    asked = []
    answers = iter(['Webmail in three browsers', 'Firefox, Chrome, Safari', '', ''])

    def answer(question):
        asked.append(question)
        return next(answers)

    monkeypatch.setattr('builtins.input', answer)
    args = Namespace(folder=tmp_path / 'web', title=None, brand='Example Broadband',
                     platforms=None, subject=None, platform_noun=None)
    assert command.run(args, interactive=True) == 0
    assert [q.split(' [')[0] for q in asked] == [
        'Title of the guide', 'Platforms, separated by commas',
        'What one subject file describes (e.g. "router model")',
        'What a platform is (e.g. "firmware family")']
    conf = runpy.run_path(str(tmp_path / 'web' / 'conf.py'))
    assert conf['guide_title'] == 'Webmail in three browsers'
    assert conf['guide_brand'] == 'Example Broadband'
    assert [name for _id, name in conf['guide_platforms']] == ['Firefox', 'Chrome', 'Safari']
    assert conf['guide_subject_noun'] == 'product'      # an empty answer takes the default
    assert 'New guide in' in capsys.readouterr().out


@pytest.mark.slow
def test_the_command_line_names_its_commands(repo):
    result = subprocess.run([sys.executable, '-m', 'helpguide', '--help'], cwd=repo,
                            capture_output=True, text=True)
    assert result.returncode == 0 and 'new' in result.stdout
    result = subprocess.run([sys.executable, '-m', 'helpguide'], cwd=repo,
                            capture_output=True, text=True)
    assert result.returncode == 2 and 'COMMAND' in result.stderr
