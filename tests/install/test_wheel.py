"""The engine as a user installs it: a wheel built from the package alone,
installed into a new virtual environment outside the repository, makes a
new guide with ``python -m helpguide new``, checks it with its Makefile and
builds every output of it with the ``helpguide`` command alone (what its
README promises where there is no make), with the theme's CSS and embedded
fonts, with none of the repository's package on sys.path. The new guide's
Makefile builds every output in the second guide's tests (tests/guides/:
examples/home-routers has the Makefile ``new`` writes)."""
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.products.pdf_fonts import fonts

pytestmark = pytest.mark.slow

#: What building a wheel reads: the package and its metadata, nothing else.
PACKAGE_FILES = ('pyproject.toml', 'README.md', 'helpguide')
_NOT_SHIPPED = shutil.ignore_patterns('__pycache__', '*.pyc')


def run(args, **kwargs) -> subprocess.CompletedProcess:
    result = subprocess.run([str(arg) for arg in args], capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f'{args}:\n{result.stdout}\n{result.stderr}'
    return result


def package_files(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in (root / 'helpguide').rglob('*')
            if path.is_file() and '__pycache__' not in path.parts and path.suffix != '.pyc'}


@pytest.fixture(scope='module')
def wheel(repo, tmp_path_factory) -> Path:
    """A wheel built from a copy of the package (no tests, sources or build/ beside it)."""
    work = tmp_path_factory.mktemp('wheel')
    (work / 'src').mkdir()
    for name in PACKAGE_FILES:
        source = repo / name
        if source.is_dir():
            shutil.copytree(source, work / 'src' / name, ignore=_NOT_SHIPPED)
        else:
            shutil.copy(source, work / 'src' / name)
    # With the test environment's pinned setuptools (the build-system.requires
    # of pyproject.toml), not one installed in an isolated environment per run.
    run([sys.executable, '-m', 'pip', 'wheel', '--quiet', '--no-deps', '--no-build-isolation',
         '--disable-pip-version-check', '-w', work / 'dist', work / 'src'])
    [built] = (work / 'dist').glob('helpguide-*.whl')
    return built


@pytest.fixture(scope='module')
def installed(wheel, tmp_path_factory) -> Path:
    """A new virtual environment, outside the repository, with the wheel
    installed; returns its python.

    It finds the pinned requirements in the tests' own environment (a .pth
    file names its site-packages) instead of installing them again: that they
    install is what ``make`` proves. The wheel's own dependency ranges must
    accept them, with no index to fall back on."""
    venv = tmp_path_factory.mktemp('venv') / 'venv'
    run([sys.executable, '-m', 'venv', '--without-pip', venv])
    python = venv / 'bin' / 'python'
    site = run([python, '-c', 'import sysconfig; print(sysconfig.get_path("purelib"))']).stdout
    pinned = {sysconfig.get_path('purelib'), sysconfig.get_path('platlib')}
    (Path(site.strip()) / 'pinned-requirements.pth').write_text(
        ''.join(f'{folder}\n' for folder in sorted(pinned)), encoding='utf-8')
    run([sys.executable, '-m', 'pip', '--python', python, 'install', '--quiet',
         '--disable-pip-version-check', '--no-index', '--find-links', wheel.parent, 'helpguide'])
    return python


def clean_env() -> dict[str, str]:
    return {key: value for key, value in os.environ.items()
            if key not in ('PYTHONPATH', 'PYTHONHOME', 'VIRTUAL_ENV')}


@pytest.fixture(scope='module')
def guide(installed, tmp_path_factory) -> tuple[Path, str]:
    """A guide made by the installed ``python -m helpguide new``, checked by
    its Makefile, and built, every output at once, by the ``helpguide``
    command the wheel installs with no target (what people without make
    run); with what the command printed. A platform named with its id
    (``safari=Apple Safari``) names its chapter and handouts by that id."""
    home = tmp_path_factory.mktemp('user')
    env = {**clean_env(), 'SOURCE_DATE_EPOCH': '1772366400'}
    run([installed, '-m', 'helpguide', 'new', 'webmail', '--title', 'Webmail in your browser',
         '--brand', 'Example Broadband', '--platforms', 'Firefox, Chrome, safari=Apple Safari',
         '--subject', 'webmail feature'], cwd=home, env=env, stdin=subprocess.DEVNULL)
    project = home / 'webmail'
    run(['make', '--no-print-directory', 'check', f'PYTHON={installed}'], cwd=project, env=env)
    done = run([installed.parent / 'helpguide', 'build', '-q', '-j', '1'], cwd=project, env=env)
    return project, done.stdout


def test_wheel_holds_every_file_of_the_package(repo, wheel):
    """Fonts, CSS, JavaScript, HTML and CD templates, scaffold templates, catalogs:
    every file the package has in the repository is in the wheel."""
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name for name in archive.namelist() if name.startswith('helpguide/')}
    expected = package_files(repo)
    assert expected - shipped == set()
    for needed in ('helpguide/fonts/DejaVuSerif.ttf',
                   'helpguide/html/theme/helpguide/static/helpguide.css',
                   'helpguide/html/theme/helpguide/layout.html',
                   'helpguide/html/static/offline-search.js',
                   'helpguide/dist/templates/landing.html',
                   'helpguide/dist/templates/README.txt',
                   'helpguide/scaffold/templates/conf.py.jinja',
                   'helpguide/scaffold/templates/Makefile.jinja'):
        assert needed in shipped, needed


def test_the_engine_runs_from_the_environment_not_the_repository(installed, repo, tmp_path):
    out = run([installed, '-c', 'import helpguide, sys; print(helpguide.__file__); '
               'print(*sys.path, sep="\\n")'], cwd=tmp_path, env=clean_env()).stdout
    location, *path = out.splitlines()
    assert Path(location).is_relative_to(installed.parents[1])
    # No folder on the path holds the repository's package (the pinned
    # requirements' folder may lie in the repository's .venv).
    assert not [entry for entry in path if entry and (Path(entry) / 'helpguide').exists()
                and (Path(entry) / 'helpguide').resolve().is_relative_to(repo)]


def test_builds_every_output(guide):
    guide, _printed = guide
    pdf = guide / 'build' / 'pdf'
    assert (guide / 'build/html/index.html').is_file()
    assert sorted(path.relative_to(pdf).as_posix() for path in pdf.rglob('*.pdf')) == [
        'guide-saddle-stitch.pdf', 'guide-screen.pdf', 'guide.pdf',
        'handouts/sample-1-firefox.pdf', 'handouts/sample-2-chrome.pdf',
        'handouts/sample-3-safari.pdf', 'support-checklist.pdf']


def test_html_is_styled_by_the_theme(guide):
    html = guide[0] / 'build' / 'html'
    css = html / '_static' / 'helpguide.css'
    assert css.is_file() and css.stat().st_size > 1000
    for page in ('index.html', 'firefox.html', 'subjects/sample-1.html'):
        text = (html / page).read_text(encoding='utf-8')
        assert 'helpguide.css' in text and 'rel="stylesheet"' in text, page
    assert (html / '_static' / 'offline-search.js').is_file() or \
        any(html.glob('_static/*search*.js'))


def test_every_pdf_embeds_its_fonts(guide):
    paths = sorted((guide[0] / 'build' / 'pdf').rglob('*.pdf'))
    # The booklet's print and screen editions, the form, saddle-stitch, three handouts.
    assert len(paths) == 7
    assert {'guide.pdf', 'guide-screen.pdf'} <= {path.name for path in paths}
    for path in paths:
        found = fonts(path)
        assert found and all(found.values()), (path, found)


def test_the_helpguide_command_builds_without_make(guide):
    """The console script the wheel installs built every output (make only checked)."""
    project, printed = guide
    assert printed == ''
    assert (project / 'build' / 'html' / 'index.html').is_file()
    assert (project / 'build' / 'pdf' / 'guide.pdf').is_file()
