"""Copies of the guide project, built the way a user builds them: ``make``
(in a subprocess), or its command line run in this process."""
import os
import re
import runpy
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

from sphinx.util.console import strip_colors

from cd_bundle import one_language
from helpguide.__main__ import main as helpguide_main
from helpguide.checks.report import check
from sphinxrun import command

REPO = Path(__file__).resolve().parents[2]
#: What a copy of the project holds; the package and the venv are linked.
COPIED = ('source', 'locale', 'assets', 'conf.py', 'Makefile', 'build_pdf.py')
LINKED = ('helpguide', '.venv')


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, dest / name)
        elif (REPO / name).exists():
            shutil.copy2(REPO / name, dest / name)
    for name in LINKED:
        (dest / name).symlink_to(REPO / name)
    one_language(dest)
    return dest



def make(project: Path, *targets: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """``make TARGETS`` in ``project``; the (linked) venv counts as set up."""
    return subprocess.run(['make', '--no-print-directory', '-o', '.venv/.installed', *targets],
                          cwd=project, capture_output=True, text=True, timeout=timeout)


def python(project: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """The venv's python in ``project``, with this repository's engine."""
    return subprocess.run([str(REPO / '.venv' / 'bin' / 'python'), *args], cwd=project,
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, 'PYTHONPATH': str(REPO)})


def helpguide(project: Path, *args: str) -> SimpleNamespace:
    """``python -m helpguide build ARGS -j 1`` in ``project``, run in this
    process: what each make target runs, less the process start."""
    return command(project, helpguide_main, 'build', *args, '-j', '1')


def build_pdf(project: Path, *args: str) -> SimpleNamespace:
    """``python build_pdf.py ARGS -j 1`` in ``project``, run in this process."""
    main = runpy.run_path(str(project / 'build_pdf.py'))['main']
    return command(project, main, *args, '-j', '1')


def build_scratch(make_app, srcdir: Path, files: dict[str, str | bytes], builder: str = 'html',
                  **settings):
    """Build a scratch project of ``files`` with the guide's extension, in this
    process and without -W; return the app and its warnings."""
    srcdir.mkdir(parents=True, exist_ok=True)
    (srcdir / 'conf.py').write_text("extensions = ['helpguide']\nhtml_copy_source = False\n",
                                    encoding='utf-8')
    for name, content in files.items():
        (srcdir / name).parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            (srcdir / name).write_bytes(content)
        else:
            (srcdir / name).write_text(content, encoding='utf-8')
    app = make_app(builder, srcdir=srcdir, freshenv=True, confoverrides=settings)
    app.build()
    return app, strip_colors(app.warning.getvalue())


def assert_refused(result, message: str) -> None:
    """A non-zero exit, *message* (a regular expression) in what it printed, no crash report."""
    assert result.returncode != 0
    assert re.search(message, result.stderr, re.M), result.stderr
    for crash in ('Traceback', 'Sphinx error!', 'Encoding error!', 'Recursion error!',
                  'Exception occurred'):
        assert crash not in result.stderr


def not_utf8(project: Path, document: str) -> str:
    """Write a cp1252 byte into *document*; return the message it gets."""
    path = project / document
    data = path.read_bytes().replace(b'Select your', 'S\u00e9lect your'.encode('cp1252'), 1)
    path.write_bytes(data)
    offset = data.index(b'\xe9')
    line = data.count(b'\n', 0, offset) + 1
    column = offset - data.rfind(b'\n', 0, offset)
    return (rf'^\S*{document}:{line}: ERROR: not UTF-8: byte 0xe9 at offset {offset} '
            rf'\(line {line}, column {column}\)')


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes (empty if there is none)."""
    if not folder.exists():
        return {}
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob('*')) if path.is_file()}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding='utf-8')
    assert old in text, f'{old!r} not in {path}'
    path.write_text(text.replace(old, new, 1), encoding='utf-8')


def checked(tmp_path: Path, index: str, conf: str = "extensions = ['helpguide']\n"
            ) -> list[str]:
    """What ``make check`` says of a project of one page, *index*, in tmp_path/src."""
    src = tmp_path / 'src'
    src.mkdir()
    (src / 'conf.py').write_text(conf)
    (src / 'index.rst').write_text(index)
    return [str(problem) for problem in check(src, src)]
