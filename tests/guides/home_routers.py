"""The second guide, examples/home-routers, built once per test session by
its own Makefile (``make check dist``: the checks, every output, the CD
bundle) in a copy, with this repository's engine."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from shared_build import shared_build

EXAMPLE = Path(__file__).resolve().parents[2] / 'examples' / 'home-routers'
EPOCH = '1772366400'   # 2026-03-01 12:00 UTC


def built_example(repo: Path, tmp_path_factory) -> Path:
    """The built copy of the example (its make's stderr in ``stderr.txt``)."""
    def build(project: Path):
        shutil.copytree(EXAMPLE, project, ignore=shutil.ignore_patterns('build'))
        env = {**os.environ, 'PYTHONPATH': str(repo), 'SOURCE_DATE_EPOCH': EPOCH}
        result = subprocess.run(['make', '--no-print-directory', 'check', 'dist',
                                 f'PYTHON={sys.executable}'],
                                cwd=project, capture_output=True, text=True, env=env)
        if result.returncode:
            raise AssertionError(f'make check dist failed:\n{result.stdout}\n{result.stderr}')
        (project / 'stderr.txt').write_text(result.stderr, encoding='utf-8')
    return shared_build(tmp_path_factory, 'home-routers', build)


def bundle_folder(project: Path) -> Path:
    [folder] = [path for path in (project / 'build' / 'dist').iterdir() if path.is_dir()]
    return folder
