"""Copies of the guide project, built the way a user builds them: ``make``."""
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: What a copy of the project holds; the package and the venv are linked.
COPIED = ('source', 'assets', 'conf.py', 'Makefile', 'build_pdf.py')
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
    return dest


def make(project: Path, *targets: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """``make TARGETS`` in ``project``; the (linked) venv counts as set up."""
    return subprocess.run(['make', '--no-print-directory', '-o', '.venv/.installed', *targets],
                          cwd=project, capture_output=True, text=True, timeout=timeout)


def python(project: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([str(REPO / '.venv' / 'bin' / 'python'), *args], cwd=project,
                          capture_output=True, text=True, timeout=timeout)


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
