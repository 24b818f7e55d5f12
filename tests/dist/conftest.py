import pytest

from cd_bundle import shared_bundle


@pytest.fixture(scope='session')
def bundle(repo, tmp_path_factory):
    return shared_bundle(repo, tmp_path_factory)
