"""With only one writer process to fork, the pages are written in the main process."""
import os
import shutil


def writing_pids(make_app, tmp_path, rootdir, parallel: int) -> set[str]:
    """The processes that rendered the pages of a build with ``-j parallel``."""
    src = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-programs', src)
    log = tmp_path / 'pids'

    def note_pid(*args):
        with log.open('a') as f:  # the writer processes' lists die with them
            f.write(f'{os.getpid()}\n')

    app = make_app('html', srcdir=src, parallel=parallel)
    app.connect('html-page-context', note_pid)
    app.build()
    return set(log.read_text().split())


def test_one_writer_means_writing_in_the_main_process(make_app, tmp_path, rootdir):
    assert writing_pids(make_app, tmp_path, rootdir, parallel=2) == {str(os.getpid())}


def test_two_writers_still_write_in_parallel(make_app, tmp_path, rootdir):
    assert len(writing_pids(make_app, tmp_path, rootdir, parallel=3)) > 1
