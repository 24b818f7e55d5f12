"""A copy of the guide built once per session; each test gets its own copy of
that, outputs included, to break and rebuild."""
import shutil

import pytest

from trust_project import copy_project, make


@pytest.fixture(scope='session')
def built_guide(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp('built') / 'guide')
    result = make(project, 'html', 'pdf', 'handouts')
    assert result.returncode == 0, result.stderr
    return project


@pytest.fixture
def project(built_guide, tmp_path):
    copy = tmp_path / 'guide'
    shutil.copytree(built_guide, copy, symlinks=True)
    return copy
