"""The collector runs less often while Sphinx reads, and as before afterwards."""
import gc
import subprocess
import sys

import pytest

from helpguide.collector import READING_THRESHOLD


@pytest.mark.sphinx('html', testroot='programs', freshenv=True)
def test_reading_raises_the_first_threshold_and_puts_it_back(app):
    before = gc.get_threshold()
    seen = []
    app.connect('source-read', lambda app, docname, source: seen.append(gc.get_threshold()))
    app.build()
    assert seen and all(threshold[0] >= READING_THRESHOLD for threshold in seen)
    assert gc.get_threshold() == before


@pytest.mark.sphinx('html', testroot='programs', freshenv=True)
def test_what_reading_leaves_is_frozen_while_writing_and_given_back(app):
    frozen = []
    app.connect('html-page-context', lambda *args: frozen.append(gc.get_freeze_count()))
    app.build()
    assert frozen and all(count > 0 for count in frozen)
    assert gc.get_freeze_count() == 0


def test_every_object_is_frozen_when_the_process_exits(rootdir, repo, tmp_path):
    """Python's collections at exit then walk nothing: a sphinx-build process
    whose exit handler (registered before the build, so run after ours) sees
    the freeze."""
    script = (
        'import atexit, gc, sys\n'
        'atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count()))\n'
        'from sphinx.cmd.build import build_main\n'
        'status = build_main(sys.argv[1:])\n'
        'print("frozen after the build:", gc.get_freeze_count())\n'
        'sys.exit(status)\n')
    done = subprocess.run(
        [sys.executable, '-c', script, '-b', 'html', '-q', str(rootdir / 'test-programs'),
         str(tmp_path / 'html'), '-d', str(tmp_path / 'doctrees')],
        capture_output=True, text=True, check=True, cwd=repo)
    after, at_exit = (int(line.rsplit(':', 1)[1]) for line in done.stdout.splitlines()[-2:])
    assert after == 0  # given back for a process that builds again
    assert at_exit > 0
