"""Shared test fixtures: Sphinx's own testing fixtures and our test roots."""
from pathlib import Path

import pytest

pytest_plugins = ['sphinx.testing.fixtures']

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope='session')
def rootdir():
    return REPO / 'tests' / 'roots'


@pytest.fixture(scope='session')
def repo():
    return REPO
