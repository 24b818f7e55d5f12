"""The SSL guide restyled by a style of the tests' own (tests/styles/test-style)
and rebranded as the README tells a provider to (the Guide settings block of
conf.py and the logo), built by ``python -m helpguide build html pdf
handouts`` (what ``make`` runs; here in the process of the test that first
asks) once per test run in a clean copy."""
import re
import shutil
import subprocess
from pathlib import Path

from PIL import Image

from cd_bundle import clean_copy, one_language
from helpguide.__main__ import main as helpguide_main
from shared_build import shared_build
from sphinxrun import command

TEST_STYLE = Path(__file__).resolve().parent / 'styles' / 'test-style'
#: What tests/styles/test-style/style.toml sets, as the tests read it back
BRAND = (0x7A, 0x1F, 0x3D)
NOTE_BACKGROUND = (0xFF, 0xF1, 0xCC)
NOTE_RULE = (0xC9, 0x8A, 0x00)
MENU_ARROW = '>'
#: The rebrand: the settings of conf.py's Guide settings block it changes
NEW_BRAND = {
    'guide_brand': 'Northwind Mail',
    'guide_author': 'Northwind Mail Customer Care',
    'guide_smtp_host': 'smtp.northwind.example',
    'guide_help_site': 'Northwind Answers',
    'guide_support_phone': '0800 555 0199',
}
#: The new logo's colour: a cover drawn with the old logo would show another.
LOGO_RGB = (0, 160, 90)


def use_style(project: Path, folder: Path = TEST_STYLE, name: str = 'style') -> Path:
    """Copy the style *folder* into *project* as ``name/`` and name it in conf.py."""
    shutil.copytree(folder, project / name, dirs_exist_ok=True)
    conf = project / 'conf.py'
    conf.write_text(conf.read_text(encoding='utf-8')
                    + f"\nguide_style = '{name}/style.toml'\n", encoding='utf-8')
    return project / name / 'style.toml'


def setting_lines(conf: Path) -> dict[str, str]:
    """The line of conf.py that sets each of NEW_BRAND's settings."""
    text = conf.read_text(encoding='utf-8')
    return {setting: re.search(rf"^{setting} = '[^']*'", text, re.M)[0] for setting in NEW_BRAND}


def rebrand(project: Path) -> None:
    """New settings in the Guide settings block of conf.py, and a new logo."""
    conf = project / 'conf.py'
    text = conf.read_text(encoding='utf-8')
    for setting, line in setting_lines(conf).items():
        text = text.replace(line, f'{setting} = {NEW_BRAND[setting]!r}', 1)
    conf.write_text(text, encoding='utf-8')
    Image.new('RGB', (300, 120), LOGO_RGB).save(project / 'assets' / 'logo.png')


def make(project: Path, *targets: str) -> subprocess.CompletedProcess:
    return subprocess.run(['make', '--no-print-directory', '-o', '.venv/.installed', *targets],
                          cwd=project, capture_output=True, text=True, timeout=900)


def styled_guide(repo: Path, tmp_path_factory) -> Path:
    """The project copy, built once per test run with the test style and the
    new brand."""
    def build(project: Path):
        clean_copy(repo, project)
        use_style(project)
        one_language(project)
        rebrand(project)
        result = command(project, helpguide_main, 'build', 'html', 'pdf', 'handouts', '-j', '1')
        if result.returncode:
            raise AssertionError(f'helpguide build html pdf handouts failed:\n'
                                 f'{result.stdout}\n{result.stderr}')
    return shared_build(tmp_path_factory, 'styled-guide', build)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under *folder* with its bytes."""
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob('*')) if path.is_file()}
