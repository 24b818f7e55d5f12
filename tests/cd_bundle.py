"""The CD bundle, built as ``make dist`` builds it, in a clean copy of the project.

A copy (without build/, caches or .git, with the same .venv) is a build
"from clean" in a folder of its own, so a path of the build machine that
leaked into an output would show up as a difference between two copies.
"""
import os
import shutil
import subprocess
from pathlib import Path

from shared_build import shared_build

#: SOURCE_DATE_EPOCH of the test builds (2026-03-01 12:00 UTC).
EPOCH = '1772366400'
_NOT_SOURCES = shutil.ignore_patterns('build', '.venv', '.venv-*', '.git', '__pycache__',
                                      '.pytest_cache', '.hypothesis', 'tests')


def clean_copy(repo: Path, dest: Path) -> Path:
    shutil.copytree(repo, dest, ignore=_NOT_SOURCES, symlinks=True)
    (dest / '.venv').symlink_to(repo / '.venv')
    return dest


def one_language(project: Path) -> None:
    """A copy that publishes its sources' language only, in the flat build/html
    and build/pdf: for tests about something else than languages (the
    languages have tests of their own, and the bundle's tests see both)."""
    with open(project / 'conf.py', 'a', encoding='utf-8') as conf:
        conf.write("\nguide_languages = ['en']\n")


def make(project: Path, *args: str, tz: str = 'UTC') -> subprocess.CompletedProcess:
    """``make ARGS`` in *project*, in time zone *tz*, with the tests' SOURCE_DATE_EPOCH."""
    return subprocess.run(['make', '--no-print-directory', *args, f'SOURCE_DATE_EPOCH={EPOCH}'],
                          cwd=project, capture_output=True, text=True,
                          env={**os.environ, 'TZ': tz})


def make_dist(project: Path, tz: str = 'UTC') -> Path:
    """Run ``make dist`` in *project* in time zone *tz*; return the bundle folder.

    It reads the sources in one process (``BUILDOPTS=-j1``), as the suite's
    other builds: the test workers keep the cores busy. The second guide's
    ``make`` (tests/guides/) and the reproducibility test's second build read
    in parallel, as make does by default."""
    result = make(project, 'dist', 'BUILDOPTS=-j1', tz=tz)
    if result.returncode:
        raise AssertionError(f'make dist failed:\n{result.stdout}\n{result.stderr}')
    folders = [path for path in (project / 'build' / 'dist').iterdir() if path.is_dir()]
    assert len(folders) == 1, folders
    return folders[0]


def shared_bundle(repo: Path, tmp_path_factory) -> Path:
    """One bundle per test run, shared by the dist and browser tests."""
    def build(project: Path):
        clean_copy(repo, project)
        make_dist(project)
    project = shared_build(tmp_path_factory, 'cd-project', build)
    [folder] = [path for path in (project / 'build' / 'dist').iterdir() if path.is_dir()]
    return folder
