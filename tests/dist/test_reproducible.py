"""Two builds from clean, in different folders, time zones and seconds, with
the same SOURCE_DATE_EPOCH give the same bytes: HTML tree, PDFs, the bundle,
its zip and its ISO.

The first is the session's ``make dist``, which reads the sources in one
process. The second makes every product again in the source language, with
the command line people without make run, reading in parallel (its default
``-j auto``), and the bundle from those and the first build's French: every
builder and the bundle are made twice, and the languages share every
builder's code (the French have tests of their own, tests/i18n)."""
import hashlib
import os
import shutil
import subprocess

import pytest

from cd_bundle import EPOCH, clean_copy

#: What a build gives; build/doctrees is Sphinx's cache, with the paths of its machine.
OUTPUTS = ('html', 'pdf', 'dist')


def checksums(build):
    """{file: SHA-256} of the outputs, without the hidden files beside them: the
    records of what each product was made from (``.NAME.buildinfo``), which
    digest the doctrees and so the paths of the machine, are build state as
    the doctrees are (the bundle leaves them out)."""
    return {path.relative_to(build).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for output in OUTPUTS for path in sorted((build / output).rglob('*'))
            if path.is_file() and not path.name.startswith('.')}


def helpguide_build(project, *args):
    result = subprocess.run(
        [project / '.venv' / 'bin' / 'python', '-m', 'helpguide', 'build', '-q', *args],
        cwd=project, capture_output=True, text=True,
        env={**os.environ, 'TZ': 'Pacific/Auckland', 'SOURCE_DATE_EPOCH': EPOCH})
    assert result.returncode == 0, f'{result.stdout}\n{result.stderr}'


@pytest.mark.slow
def test_two_clean_builds_give_identical_bytes(bundle, repo, tmp_path):
    first_build = bundle.parents[1]
    project = clean_copy(repo, tmp_path / 'again')
    second_build = project / 'build'
    for output in ('html', 'pdf'):
        shutil.copytree(first_build / output / 'fr', second_build / output / 'fr')
    helpguide_build(project, 'html', 'pdf', 'handouts', '-D', 'language=en',
                    '--html', 'build/html/en', '--pdf', 'build/pdf/en',
                    '--doctrees', 'build/doctrees/en')
    helpguide_build(project, 'dist')
    first, second = checksums(first_build), checksums(second_build)
    assert first.keys() == second.keys()
    assert any(name.startswith('pdf/en/') and name.endswith('.pdf') for name in first)
    assert any(name.startswith('html/en/') for name in first)
    assert any(name.endswith('.iso') for name in first)
    assert {name for name in first if first[name] != second[name]} == set()
