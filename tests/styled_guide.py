"""The SSL guide restyled by a style of the tests' own (tests/styles/test-style),
built with ``make html pdf handouts`` once per test run in a clean copy."""
import shutil
import subprocess
from pathlib import Path

from cd_bundle import clean_copy, one_language
from shared_build import shared_build

TEST_STYLE = Path(__file__).resolve().parent / 'styles' / 'test-style'
#: What tests/styles/test-style/style.toml sets, as the tests read it back
BRAND = (0x7A, 0x1F, 0x3D)
NOTE_BACKGROUND = (0xFF, 0xF1, 0xCC)
NOTE_RULE = (0xC9, 0x8A, 0x00)
MENU_ARROW = '>'


def use_style(project: Path, folder: Path = TEST_STYLE, name: str = 'style') -> Path:
    """Copy the style *folder* into *project* as ``name/`` and name it in conf.py."""
    shutil.copytree(folder, project / name, dirs_exist_ok=True)
    conf = project / 'conf.py'
    conf.write_text(conf.read_text(encoding='utf-8')
                    + f"\nguide_style = '{name}/style.toml'\n", encoding='utf-8')
    return project / name / 'style.toml'


def make(project: Path, *targets: str) -> subprocess.CompletedProcess:
    return subprocess.run(['make', '--no-print-directory', '-o', '.venv/.installed', *targets],
                          cwd=project, capture_output=True, text=True, timeout=900)


def styled_guide(repo: Path, tmp_path_factory) -> Path:
    """The project copy, built once per test run with the test style."""
    def build(project: Path):
        clean_copy(repo, project)
        use_style(project)
        one_language(project)
        result = make(project, 'html', 'pdf', 'handouts')
        if result.returncode:
            raise AssertionError(f'make html pdf handouts failed:\n{result.stdout}\n{result.stderr}')
    return shared_build(tmp_path_factory, 'styled-guide', build)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under *folder* with its bytes."""
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob('*')) if path.is_file()}
