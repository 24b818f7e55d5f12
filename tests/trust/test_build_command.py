"""``python -m helpguide build``: every product from one command line (what
make runs, and what people without make run), Sphinx's verbosity passed
through, one line per product, and a failed build that publishes nothing.

The command runs in a process of its own once, for the build every test
here reads (tests/trust/conftest.py); the other runs are its ``main()`` in
this process."""
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from helpguide.__main__ import main as helpguide_main
from sphinxrun import command


def helpguide(project, *args):
    """The command run in the guide's folder, in this process."""
    return command(project, helpguide_main, 'build', '--build', str(project / 'build'), *args)


def files(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob('*')) if path.is_file()
            and not path.name.endswith('.lock')}


@pytest.fixture
def guide(project, built_guide):
    """A copy of the guide (one language) built by ``helpguide build all epub``, and
    what that command printed."""
    return SimpleNamespace(path=project, built=built_guide.result)


def test_every_product_is_built_from_one_command_line(guide):
    project = guide.path
    assert guide.built.returncode == 0, guide.built.stderr
    build = project / 'build'
    assert (build / 'html' / 'index.html').is_file()
    assert [p.name for p in (build / 'epub').glob('*.epub')]
    for name in ('guide.pdf', 'support-checklist.pdf', 'guide-saddle-stitch.pdf'):
        assert len(PdfReader(build / 'pdf' / name).pages) > 0, name
    handouts = sorted(p.name for p in (build / 'pdf' / 'handouts').glob('*.pdf'))
    assert 'outlook-2002-windows.pdf' in handouts
    # Nothing of the staging is left beside the outputs.
    assert not [p for p in build.rglob('*') if p.name.endswith('.partial')]


def test_one_line_per_product_and_sphinx_progress_by_default(guide):
    out = guide.built.stdout
    lines = [line for line in out.splitlines() if line.startswith('helpguide: building ')]
    assert [line.split(' (')[1].split(')')[0] for line in lines] == [
        'html', 'booklet', 'form', 'saddle-stitch', 'handouts', 'epub']
    assert f'helpguide: the handouts published in {guide.path / "build/pdf/handouts"}' in out
    assert 'building [handouts]' in out
    assert 'writing handouts... [100%] ' in out
    assert 'build succeeded' in out


def test_quiet_and_verbose_reach_sphinx(guide):
    project = guide.path
    quiet = helpguide(project, 'form', '-q', '-j', '1')
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stdout == '' and quiet.stderr == ''
    verbose = helpguide(project, 'form', '-v', '-j', '1')
    assert verbose.returncode == 0, verbose.stderr
    # Sphinx's own detail, shown from -v on.
    assert 'locale_dir' in verbose.stdout and 'locale_dir' not in guide.built.stdout


def test_a_failed_build_stops_and_publishes_nothing(guide):
    project = guide.path
    before = files(project / 'build')
    program = project / 'source' / 'programs' / 'outlook-2002.rst'
    text = program.read_text(encoding='utf-8')
    program.write_text(text.replace(':platforms: windows', ':platforms: windows linux', 1),
                       encoding='utf-8')
    try:
        failed = helpguide(project, 'html', 'handouts', '-q', '-j', '1')
    finally:
        program.write_text(text, encoding='utf-8')
    assert failed.returncode != 0
    assert 'outlook-2002.rst:1: ERROR: unknown platform' in failed.stderr
    assert failed.stderr.rstrip().splitlines()[-1].endswith(
        f'error: html was not built; {project / "build" / "html"} is unchanged')
    assert 'handouts' not in failed.stderr  # it stopped at the first failure
    assert files(project / 'build') == before


def test_targets_and_options_are_checked(guide):
    project = guide.path
    unknown = helpguide(project, 'pdff')
    assert unknown.returncode == 2 and "invalid choice: 'pdff'" in unknown.stderr
    nowhere = helpguide(project, 'html', '--source', str(project / 'nowhere'))
    assert nowhere.returncode == 2 and 'no source folder' in nowhere.stderr


def test_help_lists_the_targets(repo):
    helped = command(repo, helpguide_main, 'build', '--help')
    assert helped.returncode == 0
    for target in ('html', 'epub', 'booklet', 'form', 'saddle-stitch', 'handouts', 'check',
                   'dist', 'pdf =', 'all ='):
        assert target in helped.stdout
