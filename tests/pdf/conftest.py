"""Fixtures of the booklet tests: test roots built once per session."""
import pytest

from booklets import Booklet, build_booklet


@pytest.fixture(scope='session')
def booklet_of(rootdir, tmp_path_factory):
    """Build a test root once per session: ``booklet_of('pdf-basic')``, its
    print edition only (the screen edition is read back from the real guide)."""
    built = {}

    def build(name: str) -> Booklet:
        if name not in built:
            built[name] = build_booklet(rootdir / f'test-{name}', tmp_path_factory.mktemp(name),
                                       booklet_editions=['print'])
        return built[name]
    return build
