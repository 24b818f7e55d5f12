"""Assemble ``build/dist/<name>/``: landing page, html/, pdf/, README.txt, SHA256SUMS.

The folder is assembled beside its target and swapped in only when complete,
so a failed run never leaves half a bundle or loses the last good one. Every
file gets mode 0644, every folder 0755 and every time SOURCE_DATE_EPOCH, so
copies of the tree (and the zip and ISO made from it) are the same bytes.
"""
import hashlib
import os
import shutil
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from . import contents
from ..atomic import replacing

TEMPLATES = Path(__file__).parent / 'templates'
CHECKSUMS = 'SHA256SUMS'


def _render(template: str, **context) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(['html']),
                      keep_trailing_newline=True)
    return env.get_template(template).render(**context)


def bundle_files(folder: Path) -> list[str]:
    """Every file in *folder*, as sorted '/'-separated relative paths."""
    return sorted(path.relative_to(folder).as_posix()
                  for path in folder.rglob('*') if path.is_file())


def _sha256(path: Path) -> str:
    with path.open('rb') as file:
        return hashlib.file_digest(file, 'sha256').hexdigest()


def write_checksums(folder: Path) -> None:
    """SHA256SUMS in ``sha256sum -c`` format, over every other file."""
    lines = [f'{_sha256(folder / name)}  {name}\n'
             for name in bundle_files(folder) if name != CHECKSUMS]
    (folder / CHECKSUMS).write_text(''.join(lines), encoding='utf-8')


def _fix_metadata(folder: Path, epoch: int) -> None:
    for path in sorted(folder.rglob('*'), reverse=True):  # children before parents
        path.chmod(0o755 if path.is_dir() else 0o644)
        os.utime(path, (epoch, epoch))
    folder.chmod(0o755)
    os.utime(folder, (epoch, epoch))


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def assemble(folder: Path, *, html_dir: Path, pdf_dir: Path, settings, epoch: int) -> None:
    """Build the bundle in a fresh *folder* (which must not exist)."""
    if not (html_dir / 'index.html').is_file():
        raise FileNotFoundError(f'{html_dir / "index.html"} is missing: run "make html" first')
    for path in contents.html_files(html_dir):
        _copy(path, folder / 'html' / path.relative_to(html_dir))
    documents = contents.printables(pdf_dir, settings.words)
    handouts = contents.handouts(pdf_dir, settings.title)
    for doc in documents + handouts:
        _copy(pdf_dir / Path(doc.path).relative_to('pdf'), folder / doc.path)
    width = max(len(name) for name in ['SHA256SUMS', *(doc.path for doc in documents)])
    context = {'s': settings, 'documents': documents, 'handouts': handouts, 'width': width}
    (folder / 'index.html').write_text(_render('landing.html', **context), encoding='utf-8')
    (folder / 'README.txt').write_text(_render('README.txt', **context), encoding='utf-8')
    write_checksums(folder)
    _fix_metadata(folder, epoch)


def replace_folder(target: Path, build) -> None:
    """Call ``build(partial)`` on a fresh folder beside *target*, then swap it in."""
    with replacing(target) as partial:
        partial.mkdir()
        build(partial)
