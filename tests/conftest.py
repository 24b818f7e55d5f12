"""Shared test fixtures: Sphinx's own testing fixtures and our test roots."""
import os
from pathlib import Path

import pytest
from hypothesis import settings

pytest_plugins = ['sphinx.testing.fixtures']

REPO = Path(__file__).resolve().parent.parent

# In CI (CI=true) every run draws the same examples, so a failure there
# reproduces on any machine; elsewhere each run explores new ones.
settings.register_profile('ci', derandomize=True, print_blob=True)
settings.load_profile('ci' if os.environ.get('CI') == 'true' else 'default')


@pytest.fixture(scope='session')
def rootdir():
    return REPO / 'tests' / 'roots'


@pytest.fixture(scope='session')
def repo():
    return REPO
