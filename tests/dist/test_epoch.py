"""SOURCE_DATE_EPOCH: as set, else the time of the last commit."""
import subprocess

import pytest

from helpguide.dist.epoch import EpochError, source_date_epoch


@pytest.fixture
def commit(tmp_path):
    def git(*args, **env):
        subprocess.run(['git', '-C', str(tmp_path), *args], check=True, capture_output=True,
                       env={'PATH': '/usr/bin:/bin', 'HOME': str(tmp_path), **env})
    git('init', '-q')
    (tmp_path / 'conf.py').write_text('')
    git('add', 'conf.py')
    git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'x',
        GIT_COMMITTER_DATE='@1767225600 +0900', GIT_AUTHOR_DATE='@1000000000 +0000')
    return tmp_path


def test_defaults_to_the_last_commit_time(commit, monkeypatch):
    monkeypatch.delenv('SOURCE_DATE_EPOCH', raising=False)
    assert source_date_epoch(commit) == 1767225600


def test_set_value_wins(commit, monkeypatch):
    monkeypatch.setenv('SOURCE_DATE_EPOCH', '1234567890')
    assert source_date_epoch(commit) == 1234567890


@pytest.mark.parametrize('value', ['yesterday', '-5', '1.5'])
def test_malformed_value_is_an_error(commit, monkeypatch, value):
    monkeypatch.setenv('SOURCE_DATE_EPOCH', value)
    with pytest.raises(EpochError, match='whole seconds'):
        source_date_epoch(commit)


def test_no_commit_and_no_value_is_an_error(tmp_path, monkeypatch):
    monkeypatch.delenv('SOURCE_DATE_EPOCH', raising=False)
    with pytest.raises(EpochError, match='no git commit'):
        source_date_epoch(tmp_path)


def test_make_exports_the_last_commit_time(repo):
    expected = subprocess.run(['git', '-C', str(repo), 'log', '-1', '--format=%ct'],
                              capture_output=True, text=True, check=True).stdout.strip()
    shown = subprocess.run(['make', '-s', '-C', str(repo), '--eval',
                            'show-epoch: ; @echo $$SOURCE_DATE_EPOCH', 'show-epoch'],
                           capture_output=True, text=True, check=True,
                           env={'PATH': '/usr/bin:/bin'}).stdout.strip()
    assert shown == expected
