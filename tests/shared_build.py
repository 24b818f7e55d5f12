"""Builds shared by every process of a test run: under pytest-xdist each worker
has a temporary folder of its own, so a build kept there would be made once
per worker. These are made once, in the run's folder, by the first worker to
ask; the others wait for it and read the same files."""
import fcntl
import os
import shutil
from pathlib import Path
from typing import Callable

#: The environment variable naming the run's folder, which the workers inherit.
RUN_FOLDER = 'HELPGUIDE_TEST_RUN'


def run_folder(tmp_path_factory) -> Path:
    """The temporary folder of the whole run: every xdist worker's (made by
    tests/conftest.py), or this process's without xdist."""
    shared = os.environ.get(RUN_FOLDER)
    return Path(shared) if shared else tmp_path_factory.getbasetemp()


def shared_build(tmp_path_factory, name: str, build: Callable[[Path], object]) -> Path:
    """The run's folder *name*, made by ``build(folder)`` once per run.

    A build that fails leaves no mark, so the next test to ask fails the same
    way with its own message rather than reading half an output."""
    root = run_folder(tmp_path_factory)
    folder, done = root / name, root / f'{name}.done'
    with open(root / f'{name}.lock', 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            build(folder)
            done.touch()
    return folder


class BuiltInPlace:
    """A build that tests change: kept aside once built, and put back for each
    test in the folder it was built in. Sphinx's doctree cache names its
    source folder, so a build there after an edit reads only what changed, as
    a user's does; in any other folder it reads every source again."""

    def __init__(self, folder: Path, result=None):
        self.folder, self.result = folder, result  # result: what the build printed
        self.kept = folder.with_name(f'{folder.name}.built')
        shutil.copytree(folder, self.kept, symlinks=True)

    def fresh(self) -> Path:
        """The build as it was made, in its own folder."""
        shutil.rmtree(self.folder)
        shutil.copytree(self.kept, self.folder, symlinks=True)
        return self.folder
