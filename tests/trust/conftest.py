"""A copy of the guide built once per test run; each test gets its own copy of
that, outputs included, to break and rebuild.

The copy is always put in the folder the guide was built in: the doctree
cache holds its folder, and a build in another folder reads every source
again, where a user's build after an edit reads only what changed."""
import shutil

import pytest

from trust_project import copy_project, make


@pytest.fixture(scope='session')
def built_guide(tmp_path_factory):
    """(the built guide, the folder each test's copy takes)."""
    base = tmp_path_factory.getbasetemp()
    folder, built = base / 'trust-guide' / 'guide', base / 'trust-built'
    copy_project(folder)
    result = make(folder, 'html', 'pdf', 'handouts')
    assert result.returncode == 0, result.stderr
    shutil.copytree(folder, built, symlinks=True)
    return built, folder


@pytest.fixture
def project(built_guide):
    built, folder = built_guide
    shutil.rmtree(folder)
    shutil.copytree(built, folder, symlinks=True)
    return folder
