"""Whether a print product is up to date: what its files were made from,
and the record of it kept beside them.

Sphinx's HTML builder keeps ``.buildinfo`` (a hash of the configuration)
beside its pages and writes again the pages whose sources are newer. A
print product is made from many documents at once, so it keeps a record
(:class:`Record`, ``.NAME.buildinfo``) of, per file, a digest of every
input it was made from and the SHA-256 of the file written. A file is made
again when any input differs, or when the published file is missing or not
the one written (changed by hand). The inputs, compared by content, after
Sphinx has read what changed (:class:`Inputs`):

* the engine: every file of the ``helpguide`` package (its code, default
  style, fonts, message catalogs) and the versions of the libraries that
  lay out and write PDFs;
* the configuration: every value (``-D`` settings and the paper included),
  the bytes of each file a value names (the logo, the style sheet), the
  build's tags and its date (``SOURCE_DATE_EPOCH``, else today);
* the style: its values, and the bytes of the fonts and images it names;
* the guide's translations (``.po`` and ``.mo`` files of ``locale_dirs``);
* documents: each one's doctree as Sphinx pickled it, the files Sphinx
  noted it depends on (images, included files) and its section and figure
  numbers; and what references resolve to (titles, every domain's data).

A file whose record cannot be read, or any doubt, makes it again: a stale
PDF handed to a customer costs more than a layout.
"""
import datetime
import hashlib
import json
import os
import re
from dataclasses import asdict, is_dataclass
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path

from docutils import nodes

from helpguide.style import style_of

from ..atomic import replacing

#: Libraries whose version changes what is written
LIBRARIES = ('sphinx', 'docutils', 'reportlab', 'pypdf')
_ADDRESS = re.compile(r' at 0x[0-9a-fA-F]+')


def stable(value) -> str:
    """A text of *value* that is the same in every process for equal values
    (sets and dicts sorted; no memory addresses)."""
    if isinstance(value, dict):
        return '{' + ','.join(sorted(f'{stable(k)}:{stable(v)}' for k, v in value.items())) + '}'
    if isinstance(value, (set, frozenset)):
        return '{' + ','.join(sorted(map(stable, value))) + '}'
    if isinstance(value, (list, tuple)):
        return '[' + ','.join(map(stable, value)) + ']'
    if isinstance(value, nodes.Node):
        return value.pformat()
    if is_dataclass(value) and not isinstance(value, type):
        return type(value).__name__ + stable(asdict(value))
    return _ADDRESS.sub('', repr(value))


def digest(*parts: str) -> str:
    sha = hashlib.sha256()
    for part in parts:
        sha.update(part.encode('utf-8', 'surrogateescape'))
        sha.update(b'\0')
    return sha.hexdigest()


def file_digest(path: Path) -> str:
    """SHA-256 of the file at *path*; 'missing' if there is none."""
    try:
        with open(path, 'rb') as file:
            return hashlib.file_digest(file, 'sha256').hexdigest()
    except OSError:
        return 'missing'


@cache
def engine() -> str:
    """The engine's files and the libraries' versions: the same in one process."""
    package = Path(__file__).resolve().parent.parent
    files = sorted(path for path in package.rglob('*')
                   if path.is_file() and '__pycache__' not in path.parts)
    versions = []
    for name in LIBRARIES:
        try:
            versions.append(f'{name}={metadata.version(name)}')
        except metadata.PackageNotFoundError:
            versions.append(f'{name} missing')
    return digest(*versions, *(f'{path.relative_to(package)}={file_digest(path)}'
                               for path in files))


class Inputs:
    """Digests of what a print builder's files are made from (see above)."""

    def __init__(self, builder):
        self.builder = builder
        self.env = builder.env

    @cached_property
    def common(self) -> str:
        """What every file of the product is made from, documents aside."""
        builder, config = self.builder, self.builder.config
        values = []
        for item in sorted(config, key=lambda item: item.name):
            value = config[item.name]
            values.append(f'{item.name}={stable(value)}')
            values.extend(f'{item.name} file {name}={file_digest(path)}'
                          for name, path in self._named_files(value))
        epoch = os.environ.get('SOURCE_DATE_EPOCH') or datetime.date.today().isoformat()
        return digest(builder.name, engine(), f'date={epoch}', stable(sorted(builder.tags)),
                      *values, self._style(), *self._translations())

    def _named_files(self, value):
        """Files a configuration value names, relative to conf.py or the sources."""
        names = value if isinstance(value, (list, tuple)) else [value]
        for name in names:
            if isinstance(name, str) and name and '\n' not in name and len(name) < 1000:
                for folder in (self.builder.confdir, self.builder.srcdir):
                    path = Path(folder) / name
                    try:
                        if path.is_file():
                            yield name, path
                            break
                    except OSError:
                        continue

    def _style(self) -> str:
        style = style_of(self.builder)
        files = []

        def walk(value):
            if isinstance(value, Path):
                files.append(f'{value}={file_digest(value)}')
            elif isinstance(value, dict):
                for item in value.values():
                    walk(item)
            elif isinstance(value, (list, tuple)):
                for item in value:
                    walk(item)
        walk(style.data)
        return digest(str(style.path), file_digest(style.path), stable(style.data), *files)

    def _translations(self) -> list[str]:
        config = self.builder.config
        found = []
        for folder in config.locale_dirs:
            base = Path(self.builder.srcdir) / folder / (config.language or '')
            if base.is_dir():
                found.extend(f'{path.relative_to(base)}={file_digest(path)}'
                             for path in sorted(base.rglob('*.[mp]o')))
        return found

    @cached_property
    def references(self) -> str:
        """What a document's references may resolve to: every document's
        title and every domain's data (labels, subjects, checklist fields)."""
        titles = {docname: title.astext() for docname, title in self.env.titles.items()}
        return digest(stable(titles), stable(self.env.domaindata))

    @cached_property
    def _images(self) -> dict[str, list[str]]:
        """docname -> the image files it shows, relative to the sources."""
        shown = {}
        for filename, (docnames, _unique) in self.env.images.items():
            for docname in docnames:
                shown.setdefault(docname, []).append(filename)
        return shown

    def document(self, docname: str) -> str:
        """*docname* as read, with the files it depends on and its numbers."""
        srcdir = Path(self.builder.srcdir)
        doctree = Path(self.builder.doctreedir) / f'{docname}.doctree'
        depends = sorted({*map(str, self.env.dependencies.get(docname, ())),
                          *self._images.get(docname, ())})
        return digest(docname, file_digest(doctree),
                      file_digest(self.env.doc2path(docname)),
                      *(f'{name}={file_digest(srcdir / name)}' for name in depends),
                      stable(self.env.toc_secnumbers.get(docname)),
                      stable(self.env.toc_fignumbers.get(docname)))

    def documents(self, docnames) -> str:
        return digest(*(self.document(docname) for docname in sorted(docnames)))

    @cached_property
    def every_document(self) -> str:
        return self.documents(self.env.found_docs)

    def of(self, *parts: str) -> str:
        """The digest of a file made from *parts* (documents, an edition's
        paper) and what every file of the product is made from."""
        return digest(self.common, self.references, *parts)


class Record:
    """What each file of a product was made from, beside the published files.

    *published* is the folder the files are published in, *outdir* the one
    this build writes in (the same, or a staging folder put in its place).
    """

    def __init__(self, name: str, published: Path, outdir: Path):
        self.filename = f'.{name}.buildinfo'
        self.published, self.outdir = Path(published), Path(outdir)
        try:
            self.before = json.loads((self.published / self.filename).read_text('utf-8'))
            if not isinstance(self.before, dict):
                self.before = {}
        except (OSError, ValueError):
            self.before = {}
        self.now = {}

    def up_to_date(self, filename: str, inputs: str) -> bool:
        """True if *filename* is published, unchanged, made from *inputs*;
        it is then kept in the record."""
        entry = self.before.get(filename)
        if not isinstance(entry, dict) or entry.get('inputs') != inputs \
                or file_digest(self.published / filename) != entry.get('sha256'):
            return False
        self.now[filename] = entry
        return True

    def note(self, filename: str, inputs: str) -> None:
        """*filename*, just written in the output folder, was made from *inputs*."""
        self.now[filename] = {'inputs': inputs, 'sha256': file_digest(self.outdir / filename)}

    def save(self) -> None:
        """Write the record where the build writes, if it says anything new
        (a file written again with the same bytes from the same inputs
        leaves the published record as true as it was)."""
        if self.now != self.before:
            with replacing(self.outdir / self.filename) as partial:
                partial.write_text(json.dumps(self.now, indent=1, sort_keys=True), 'utf-8')
