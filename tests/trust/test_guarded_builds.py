"""Builds that meet each other or a full disk end cleanly.

Two builds of the same booklet take turns, the second saying in one line
that it waits; a full disk or a read-only output folder is one line naming
the path and the reason, the last good output stays, and no temporary file
is left. The disk is filled for real on a tiny tmpfs where this machine lets
the tests mount one, and an ENOSPC is injected in-process everywhere.

The two builds that meet are processes building a guide of two pages, the
first holding the lock a while; the disk errors are met by the commands' ``main()`` in this process, building a guide
of two pages (tests/roots/test-bad-input) or the real guide's form.
"""
import errno
import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpguide.products.__main__ import main as products_main
from sphinxrun import command

REPO = Path(__file__).resolve().parents[2]


def load_build_pdf():
    spec = importlib.util.spec_from_file_location('build_pdf', REPO / 'build_pdf.py')
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


#: For conf.py: the build that takes the lock first holds it a while, asleep
#: (no CPU spent), so that the other meets it however loaded the machine is.
HOLD_THE_LOCK = '''
booklet_editions = ['print']  # one booklet is enough to meet over

def _hold_the_lock(app):
    import os, time
    try:
        os.close(os.open('first-build', os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return
    time.sleep(3)


def setup(app):
    app.connect('builder-inited', _hold_the_lock)
'''


def test_two_builds_of_one_booklet_take_turns(rootdir, tmp_path):
    project = shutil.copytree(rootdir / 'test-bad-input', tmp_path / 'guide')
    shutil.copy(REPO / 'build_pdf.py', project)
    (project / 'helpguide').symlink_to(REPO / 'helpguide')  # build_pdf.py's engine is beside it
    with open(project / 'conf.py', 'a', encoding='utf-8') as conf:
        conf.write(HOLD_THE_LOCK)
    target = project / 'build' / 'pdf' / 'guide.pdf'
    command = [str(REPO / '.venv' / 'bin' / 'python'), 'build_pdf.py', '-j', '1']
    runs = [subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [(run.wait(timeout=600), *run.communicate()) for run in runs]
    assert [status for status, _, _ in results] == [0, 0], results
    errs = ''.join(err for _, _, err in results)
    assert 'Traceback' not in errs
    assert errs.count('another build in') == 1, errs
    waited = next(err for _, _, err in results if 'another build' in err).strip()
    assert len(waited.splitlines()) == 1
    assert waited.startswith('build_pdf.py: another build in ')
    assert waited.endswith(' is running; waiting for it to finish')
    text = ''.join(page.extract_text() for page in PdfReader(target).pages)
    assert 'A small guide' in text and 'find its account settings' in text.lower()
    assert names(target.parent) == {'guide.pdf', '.booklet.buildinfo'}  # no temporary file


@pytest.fixture
def small_guide(rootdir, tmp_path, monkeypatch):
    """A guide of two pages, and build_pdf.py's main() building it (in this process)."""
    project = shutil.copytree(rootdir / 'test-bad-input', tmp_path / 'guide')
    build_pdf = load_build_pdf()
    monkeypatch.setattr(build_pdf, 'ROOT', project)

    def run(*args):
        return command(project, build_pdf.main, '-j', '1', *args)
    return project, run


def test_no_space_left_is_one_line_and_keeps_the_last_good_booklet(small_guide, monkeypatch):
    project, build_pdf = small_guide
    target = project / 'build' / 'pdf' / 'guide.pdf'
    assert build_pdf().returncode == 0
    good = target.read_bytes()
    before = names(target.parent)

    def full(fd):
        raise OSError(errno.ENOSPC, 'No space left on device')
    monkeypatch.setattr('helpguide.atomic.os.fsync', full)
    # A changed source: the booklet is made again (an unchanged one is up to date).
    with open(project / 'source' / 'introduction.rst', 'a', encoding='utf-8') as file:
        file.write('\nOne more line.\n')
    result = build_pdf()
    err = result.stderr
    assert result.returncode == 1, err
    assert err.strip().splitlines() == [
        f'build_pdf.py: error: cannot write {target}: No space left on device; '
        f'{target} is unchanged'], err
    assert target.read_bytes() == good
    assert names(target.parent) == before


@pytest.fixture
def tiny_disk(tmp_path):
    """A 20 KB tmpfs holding a last good booklet; skipped where mounting is refused."""
    mount = tmp_path / 'tiny'
    mount.mkdir()
    done = subprocess.run(['mount', '-t', 'tmpfs', '-o', 'size=20k', 'tmpfs', str(mount)],
                          capture_output=True)
    if done.returncode:
        pytest.skip(f'cannot mount a tmpfs here: {done.stderr.decode().strip()}')
    try:
        yield mount
    finally:
        subprocess.run(['umount', str(mount)], check=True)


def test_a_really_full_disk_is_one_line(small_guide, tiny_disk):
    _, build_pdf = small_guide
    (tiny_disk / 'guide.pdf').write_bytes(b'%PDF-1.4 last good\n')
    result = build_pdf('--output', str(tiny_disk / 'guide.pdf'))
    assert result.returncode == 1
    assert 'Traceback' not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f'build_pdf.py: error: cannot write {tiny_disk / "guide.pdf"}: '
        f'No space left on device; {tiny_disk / "guide.pdf"} is unchanged'], result.stderr
    assert (tiny_disk / 'guide.pdf').read_bytes() == b'%PDF-1.4 last good\n'
    assert names(tiny_disk) == {'guide.pdf'}


def test_a_read_only_output_folder_is_one_line(small_guide, tiny_disk):
    _, build_pdf = small_guide
    (tiny_disk / 'guide.pdf').write_bytes(b'%PDF-1.4 last good\n')
    subprocess.run(['mount', '-o', 'remount,ro', str(tiny_disk)], check=True)
    result = build_pdf('--output', str(tiny_disk / 'guide.pdf'))
    assert result.returncode == 1
    assert 'Traceback' not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and 'Read-only file system' in lines[0], result.stderr
    assert lines[0].startswith(f'build_pdf.py: error: cannot write {tiny_disk}')
    assert (tiny_disk / 'guide.pdf').read_bytes() == b'%PDF-1.4 last good\n'


def test_products_say_a_full_disk_in_one_line(project, tiny_disk):
    result = command(project, products_main, 'support-checklist', '-j', '1',
                     '--output', str(tiny_disk))
    assert result.returncode == 1
    assert 'Traceback' not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and 'No space left on device' in lines[0], result.stderr
    assert lines[0].startswith('python -m helpguide.products: error: cannot write ')
    assert names(tiny_disk) == set()

