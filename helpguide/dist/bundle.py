"""Assemble ``build/dist/<name>/``: landing page, html/, pdf/, README.txt, SHA256SUMS.

The folder is assembled beside its target and swapped in only when complete,
so a failed run never leaves half a bundle or loses the last good one. Every
file gets mode 0644, every folder 0755 and every time SOURCE_DATE_EPOCH, so
copies of the tree (and the zip and ISO made from it) are the same bytes.
"""
import hashlib
import os
import re
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..locale import _, use_language
from ..locale.languages import language_name
from . import contents
from ..atomic import replacing

TEMPLATES = Path(__file__).parent / 'templates'
#: ``sha256sum -c`` and the Mac's ``shasum -a 256 -c`` read this one (LF line
#: ends: shasum reads a CR as part of the file name)
CHECKSUMS = 'SHA256SUMS'
#: the same for Windows: CRLF for Notepad, the checksums in capitals as
#: PowerShell's Get-FileHash prints them, the paths with backslashes
WINDOWS_CHECKSUMS = 'SHA256SUMS.txt'


#: The widest line of README.txt: old Windows Notepad does not wrap.
README_WIDTH = 72


def for_notepad(text: str) -> str:
    """*text* as old Windows Notepad shows it: CRLF line ends (it shows a
    file of LF ends as one line) and lines of at most 72 characters, a long
    one wrapped under its own indent (under its description column, where
    a file name stands before it)."""
    lines = []
    for line in text.split('\n'):
        if len(line) <= README_WIDTH:
            lines.append(line)
            continue
        column = re.match(r' *\S+ {2,}', line) or re.match(r' *', line)
        lines += textwrap.wrap(line, README_WIDTH, subsequent_indent=' ' * column.end(),
                               break_long_words=False, break_on_hyphens=False)
    return '\r\n'.join(lines)


def _render(template: str, **context) -> str:
    """*template* in the language the engine's catalog is set to (``_()``)."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(['html']),
                      keep_trailing_newline=True, extensions=['jinja2.ext.i18n'])
    env.install_gettext_callables(_, lambda singular, plural, n: _(singular if n == 1 else plural))
    return env.get_template(template).render(**context)


@dataclass(frozen=True)
class Edition:
    """One language's share of the bundle: its settings, where its HTML and
    PDFs were built, and its folder on the disc ('' for a one-language guide)."""
    settings: object
    html_dir: Path
    pdf_dir: Path
    folder: str = ''

    @property
    def landing(self) -> str:
        """The landing page: index.html, index-fr.html for a further language."""
        return 'index.html' if not self.folder else f'index-{self.folder}.html'


def bundle_files(folder: Path) -> list[str]:
    """Every file in *folder*, as sorted '/'-separated relative paths."""
    return sorted(path.relative_to(folder).as_posix()
                  for path in folder.rglob('*') if path.is_file())


def _sha256(path: Path) -> str:
    with path.open('rb') as file:
        return hashlib.file_digest(file, 'sha256').hexdigest()


def write_checksums(folder: Path) -> None:
    """SHA256SUMS in ``sha256sum -c`` format over every other file, and
    SHA256SUMS.txt, the same for a Windows reader."""
    sums = [(_sha256(folder / name), name) for name in bundle_files(folder)
            if name not in (CHECKSUMS, WINDOWS_CHECKSUMS)]
    (folder / CHECKSUMS).write_bytes(''.join(
        f'{digest}  {name}\n' for digest, name in sums).encode('utf-8'))
    (folder / WINDOWS_CHECKSUMS).write_bytes(''.join(
        f'{digest.upper()}  {name.replace("/", chr(92))}\r\n'
        for digest, name in sums).encode('utf-8'))


def _fix_metadata(folder: Path, epoch: int) -> None:
    for path in sorted(folder.rglob('*'), reverse=True):  # children before parents
        path.chmod(0o755 if path.is_dir() else 0o644)
        os.utime(path, (epoch, epoch))
    folder.chmod(0o755)
    os.utime(folder, (epoch, epoch))


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def assemble(folder: Path, *, editions: list[Edition], epoch: int) -> None:
    """Build the bundle in a fresh *folder* (which must not exist): each
    edition's HTML and PDFs in its language's folders, a landing page per
    language (the first is index.html; each links to the others), and one
    README.txt with a part per language."""
    readme = []
    chooser = [{'code': e.settings.language, 'name': language_name(e.settings.language),
                'landing': 'index.html' if n == 0 else e.landing}
               for n, e in enumerate(editions)] if len(editions) > 1 else []
    for number, edition in enumerate(editions):
        html_folder = '/'.join(filter(None, ['html', edition.folder]))
        pdf_folder = '/'.join(filter(None, ['pdf', edition.folder]))
        if not (edition.html_dir / 'index.html').is_file():
            raise FileNotFoundError(f'{edition.html_dir / "index.html"} is missing: '
                                    'run "make html" first')
        for path in contents.html_files(edition.html_dir):
            _copy(path, folder / html_folder / path.relative_to(edition.html_dir))
        use_language(edition.settings.language)
        documents = contents.printables(edition.pdf_dir, edition.settings.words, pdf_folder)
        handouts = contents.handouts(edition.pdf_dir, pdf_folder, edition.settings.platforms)
        for doc in documents + handouts:
            _copy(edition.pdf_dir / Path(doc.path).relative_to(pdf_folder), folder / doc.path)
        landing = 'index.html' if number == 0 else edition.landing
        width = max(len(name) for name in [WINDOWS_CHECKSUMS, landing, f'{html_folder}/',
                                           *(doc.path for doc in documents)])
        by_platform: dict[str, list] = {}   # in the guide's platform order
        for doc in handouts:
            by_platform.setdefault(doc.platform, []).append(doc)
        example = documents[0].path if documents else f'{html_folder}/index.html'
        context = {'s': edition.settings, 'documents': documents,
                   'handouts': list(by_platform.items()),
                   'width': width, 'landing': landing, 'languages': chooser,
                   'html_folder': f'{html_folder}/', 'html_index': f'{html_folder}/index.html',
                   'handouts_folder': f'{pdf_folder}/{contents.HANDOUTS}/',
                   'checksums': CHECKSUMS, 'windows_checksums': WINDOWS_CHECKSUMS,
                   'example': example, 'windows_example': example.replace('/', '\\')}
        (folder / landing).write_text(_render('landing.html', **context), encoding='utf-8')
        readme.append(_render('README.txt', **context))
    use_language(None)
    text = for_notepad(f'\n{"-" * 72}\n\n'.join(readme))
    (folder / 'README.txt').write_bytes(text.encode('utf-8'))
    write_checksums(folder)
    _fix_metadata(folder, epoch)


def replace_folder(target: Path, build) -> None:
    """Call ``build(partial)`` on a fresh folder beside *target*, then swap it in."""
    with replacing(target) as partial:
        partial.mkdir()
        build(partial)
