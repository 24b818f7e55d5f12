"""The guide built once per worker, by the command line make runs
(``python -m helpguide build all epub``); each test gets its own copy of
that, outputs included, to break and rebuild, in the folder it was built in
(shared_build.BuiltInPlace)."""
import pytest

from shared_build import BuiltInPlace
from trust_project import copy_project, python


@pytest.fixture(scope='session')
def built_guide(tmp_path_factory):
    """The built guide (its ``result``: what the command that built it printed)."""
    folder = tmp_path_factory.getbasetemp() / 'trust-guide' / 'guide'
    copy_project(folder)
    result = python(folder, '-m', 'helpguide', 'build', '--build', str(folder / 'build'),
                    'all', 'epub', '-j', '1')  # -j 1: this machine is shared
    assert result.returncode == 0, result.stderr
    return BuiltInPlace(folder, result)


@pytest.fixture
def project(built_guide):
    return built_guide.fresh()
