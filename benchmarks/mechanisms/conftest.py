"""Tests of how the speed-ups work (the collector's thresholds, writing in one
process, imports an HTML build avoids, titles rendered once): run by
benchmarks/run.py before it measures, so its figures are known to come from a
build where each is in effect. A user sees none of them, so they are not part
of ``make test``."""
from pathlib import Path

import pytest

pytest_plugins = ['sphinx.testing.fixtures']

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope='session')
def rootdir():
    return REPO / 'tests' / 'roots'


@pytest.fixture(scope='session')
def repo():
    return REPO
