"""``python -m helpguide.products``: a product is replaced only by a build that succeeds."""
import shutil
import subprocess
import sys

import pytest

from helpguide.products.__main__ import main
from shared_build import BuiltInPlace
from sphinxrun import command

pytestmark = pytest.mark.slow

STEP = 'Click :guilabel:`More Settings...`.'


def arguments(project, builder) -> list[str]:
    return [builder, '--source', str(project / 'source'), '--doctrees', str(project / 'doctrees'),
            '--output', str(project / 'pdf'), '-D', 'language=en']  # one language, in the folder


def publish(repo, project, builder):
    """The command's main() in this process, run from *repo* (conf.py) as its
    process would be (the build the tests start from runs as a process)."""
    return command(repo, main, *arguments(project, builder), '-j', '1')


def outputs(project):
    return {path.relative_to(project / 'pdf').as_posix(): path.read_bytes()
            for path in sorted((project / 'pdf').rglob('*')) if path.is_file()}


@pytest.fixture(scope='module')
def built(repo, tmp_path_factory):
    """The handouts built by the command as a process (its one run as one),
    the checklist by its main() in this process, as the tests' builds are."""
    folder = tmp_path_factory.mktemp('publish') / 'project'
    shutil.copytree(repo / 'source', folder / 'source')
    done = subprocess.run([sys.executable, '-m', 'helpguide.products',
                           *arguments(folder, 'handouts')],
                          cwd=repo, capture_output=True, text=True)  # conf.py: repo
    assert done.returncode == 0, done.stderr
    done = publish(repo, folder, 'support-checklist')
    assert done.returncode == 0, done.stderr
    return BuiltInPlace(folder)


@pytest.fixture
def project(built):
    return built.fresh()


def edit_step(project, new):
    path = project / 'source' / 'programs' / 'outlook-2002.rst'
    text = path.read_text(encoding='utf-8')
    assert STEP in text
    path.write_text(text.replace(STEP, new), encoding='utf-8')


def test_outputs_land_in_place_and_nothing_is_left_beside_them(project):
    names = set(outputs(project))
    assert 'support-checklist.pdf' in names
    assert 'handouts/outlook-2002-windows.pdf' in names
    # Locks stay, and each product's record of what it was made from.
    left = [p.name for p in (*project.iterdir(), *(project / 'pdf').iterdir())
            if p.name.startswith('.') and p.suffix not in ('.lock', '.buildinfo')]
    assert left == []


def test_a_build_with_a_warning_keeps_every_last_good_output(repo, project):
    before = outputs(project)
    edit_step(project, 'Click :guilabel:`More Settings...` *now.')  # read by every builder

    for builder in ('handouts', 'support-checklist'):
        result = publish(repo, project, builder)
        assert result.returncode != 0
        assert ('outlook-2002.rst:19: WARNING: Inline emphasis start-string without '
                'end-string.') in result.stderr
        assert f'{builder} was not built' in result.stderr

    assert outputs(project) == before


def test_a_build_that_succeeds_replaces_the_product(repo, project):
    before = outputs(project)
    edit_step(project, 'Click :guilabel:`More Settings...` (bottom right).')

    assert publish(repo, project, 'handouts').returncode == 0

    after = outputs(project)
    assert after['handouts/outlook-2002-windows.pdf'] != before[
        'handouts/outlook-2002-windows.pdf']
    assert after['handouts/eudora-5-windows.pdf'] == before['handouts/eudora-5-windows.pdf']
    assert set(after) == set(before)
