"""Two builds from clean, in different folders, time zones and seconds, with
the same SOURCE_DATE_EPOCH give the same bytes: HTML tree, PDFs, the bundle,
its zip and its ISO."""
import hashlib

import pytest

from cd_bundle import clean_copy, make_dist


#: What a build gives; build/doctrees is Sphinx's cache, with the paths of its machine.
OUTPUTS = ('html', 'pdf', 'dist')


def checksums(build):
    return {path.relative_to(build).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for output in OUTPUTS for path in sorted((build / output).rglob('*'))
            if path.is_file()}


@pytest.mark.slow
def test_two_clean_builds_give_identical_bytes(bundle, repo, tmp_path):
    first_build = bundle.parents[1]
    second_build = make_dist(clean_copy(repo, tmp_path / 'again'), tz='Pacific/Auckland').parents[1]
    first, second = checksums(first_build), checksums(second_build)
    assert first.keys() == second.keys()
    assert any(name.startswith('pdf/') and name.endswith('.pdf') for name in first)
    assert any(name.endswith('.iso') for name in first)
    assert {name for name in first if first[name] != second[name]} == set()
