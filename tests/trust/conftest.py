"""A copy of the guide built once per test run; each test gets its own copy of
that, outputs included, to break and rebuild."""
import shutil

import pytest

from shared_build import shared_build
from trust_project import copy_project, make


@pytest.fixture(scope='session')
def built_guide(tmp_path_factory):
    def build(folder):
        project = copy_project(folder / 'guide')
        result = make(project, 'html', 'pdf', 'handouts')
        assert result.returncode == 0, result.stderr
    return shared_build(tmp_path_factory, 'trust-built', build) / 'guide'


@pytest.fixture
def project(built_guide, tmp_path):
    copy = tmp_path / 'guide'
    shutil.copytree(built_guide, copy, symlinks=True)
    return copy
