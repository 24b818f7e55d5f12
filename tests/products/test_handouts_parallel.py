"""With sphinx-build -j, the handouts are written by several processes, the same bytes."""
import os
import re
import shutil

from sphinx.errors import SphinxError
from sphinx.util.console import strip_colors

import helpguide.products.page as page


def build_handouts(make_app, tmp_path, rootdir, parallel: int):
    """(file name -> bytes) of the handouts, and the processes that made them."""
    src = tmp_path / f'src-{parallel}'
    shutil.copytree(rootdir / 'test-programs', src)
    log = tmp_path / f'pids-{parallel}'

    def note_pid(app, doctree, docname):
        with log.open('a') as f:  # the writing processes' lists die with them
            f.write(f'{os.getpid()}\n')

    app = make_app('handouts', srcdir=src, parallel=parallel)
    app.connect('doctree-resolved', note_pid)
    app.build()
    assert app.statuscode == 0
    # Not the record of what they were made from, which names the sources' folder.
    files = {path.name: path.read_bytes() for path in sorted(app.outdir.iterdir())
             if path.suffix != '.buildinfo'}
    return files, set(log.read_text().split())


def test_handouts_written_in_parallel_are_the_same_bytes(make_app, tmp_path, rootdir):
    serial, serial_pids = build_handouts(make_app, tmp_path, rootdir, parallel=1)
    parallel, parallel_pids = build_handouts(make_app, tmp_path, rootdir, parallel=2)
    assert sum(name.endswith('.pdf') for name in serial) > 1
    assert serial_pids == {str(os.getpid())}
    assert len(parallel_pids) > 1 and str(os.getpid()) not in parallel_pids
    assert parallel == serial


def test_a_handout_that_fails_in_a_writing_process_stops_the_build(make_app, tmp_path, rootdir,
                                                                     monkeypatch):
    def refuse(target, *args, location, **kwargs):
        raise SphinxError(f'{location}: cannot lay out {target.name}: too large')

    monkeypatch.setattr(page, 'write_sheets', refuse)  # the forked processes inherit it
    src = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-programs', src)
    app = make_app('handouts', srcdir=src, parallel=2)
    app.build()
    assert app.statuscode == 1
    # The message of the error itself, not Sphinx's report of a failed process.
    errors = [line for line in strip_colors(app.warning.getvalue()).splitlines()
              if 'ERROR' in line]
    assert len(errors) == 1
    assert re.search(r'ERROR: handouts: \S+\.rst:\d+: cannot lay out [\w.-]+\.pdf: too large$',
                     errors[0])
