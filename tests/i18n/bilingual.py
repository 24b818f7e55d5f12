"""A guide in English and French (the test-locale root), built and bundled
as make dist bundles the real one."""
import shutil
from pathlib import Path

import pytest

from helpguide.dist.__main__ import main as dist
from shared_build import shared_build
from tests.sphinxrun import sphinx_build

EPOCH = '1772366400'


def build_languages(rootdir: Path, tmp: Path) -> tuple[Path, Path]:
    """(the project, its build folder) with the HTML of each language built."""
    src = tmp / 'guide'
    shutil.copytree(rootdir / 'test-locale', src)
    for language in ('en', 'fr'):
        sphinx_build(src, src, tmp / 'build' / 'html' / language,
                     tmp / 'build' / 'doctrees' / language, 'html',
                     confoverrides={'language': language})
    return src, tmp / 'build'


def run_dist(src: Path, build: Path) -> int:
    return dist(['--conf', str(src), '--source', str(src), '--html', str(build / 'html'),
                 '--pdf', str(build / 'pdf'), '--out', str(build / 'dist')])


def bundle_folder(build: Path) -> Path:
    [disc] = [path for path in (build / 'dist').iterdir() if path.is_dir()]
    return disc


def shared_disc(rootdir: Path, tmp_path_factory) -> Path:
    """The bundle of the guide in two languages, built and bundled once per
    test run (the bundle's tests and the browser's read the same one)."""
    def build(folder: Path):
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv('SOURCE_DATE_EPOCH', EPOCH)
            src, built = build_languages(rootdir, folder)
            if run_dist(src, built) != 0:
                raise AssertionError('python -m helpguide.dist failed on the bilingual guide')
    return bundle_folder(shared_build(tmp_path_factory, 'bilingual', build) / 'build')
