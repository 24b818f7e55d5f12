"""``python -m helpguide new DIR``: a new guide, ready to build.

Writes conf.py, source/ (an index, an introduction, a chapter and a sample
subject per platform, an unsupported sample and its appendix, the support
checklist), a Makefile and a README from the templates in ``templates/``
(Jinja, shipped inside the package). The guide is written beside DIR and
renamed into place, so a failure leaves no half-made guide.
"""
import re
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from .. import __version__
from ..atomic import replacing
from ..programs.words import capitalized, plural

TEMPLATES = Path(__file__).parent / 'templates'
SUFFIX = '.jinja'


class ScaffoldError(Exception):
    """A guide cannot be made as asked; the message says why."""


def platform_id(name: str) -> str:
    """``Stock firmware`` -> ``stock-firmware``: the id the sources use."""
    return re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')


def _platform(item: str) -> tuple[str, str]:
    """``Classic firmware`` or ``classic=Classic firmware`` -> (id, name)."""
    pid, sep, name = item.partition('=')
    if sep:
        return platform_id(pid), name.strip()
    return platform_id(item), item


def platform_list(text: str) -> list[tuple[str, str]]:
    """``Windows, Macintosh`` -> ``[('windows', 'Windows'), ('macintosh', 'Macintosh')]``;
    an item ``id=Name`` chooses its id."""
    items = [item.strip() for item in text.split(',') if item.strip()]
    if not items:
        raise ScaffoldError('name at least one platform, e.g. --platforms "Windows, Macintosh"')
    platforms = [_platform(item) for item in items]
    ids = [pid for pid, _name in platforms]
    for (pid, name) in platforms:
        if not pid:
            raise ScaffoldError(f'platform {name!r} has no letter or digit to make an id of')
        if ids.count(pid) > 1:
            raise ScaffoldError(f'two platforms have the same id {pid!r}: {text!r}')
    return platforms


@dataclass(frozen=True)
class Guide:
    title: str
    brand: str
    platforms: list[tuple[str, str]]     # (id, name shown), in chapter order
    subject: str = 'product'              # what a subject file describes
    platform_noun: str = 'platform'

    @property
    def subjects(self) -> str:
        return plural(self.subject)

    @property
    def platform_nouns(self) -> str:
        return plural(self.platform_noun)


def _files(guide: Guide) -> dict[str, tuple[str, dict]]:
    """Path in the new guide -> (template, its extra variables)."""
    files = {
        'conf.py': ('conf.py', {}),
        'Makefile': ('Makefile', {}),
        'README.md': ('README.md', {}),
        '.gitignore': ('gitignore', {}),
        'source/index.rst': ('source/index.rst', {}),
        'source/introduction.rst': ('source/introduction.rst', {}),
        'source/unsupported.rst': ('source/unsupported.rst', {}),
        'source/support.rst': ('source/support.rst', {}),
        'source/subjects/older.rst': ('source/subjects/unsupported.rst', {}),
    }
    for order, (pid, name) in enumerate(guide.platforms, 1):
        platform = {'id': pid, 'name': name, 'order': order * 10}
        files[f'source/{pid}.rst'] = ('source/chapter.rst', {'platform': platform})
        files[f'source/subjects/sample-{order}.rst'] = ('source/subjects/sample.rst',
                                                        {'platform': platform, 'number': order})
    return files


def render(guide: Guide) -> dict[str, str]:
    """Every file of the new guide: path -> text."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), undefined=StrictUndefined,
                      keep_trailing_newline=True)
    env.filters['underline'] = lambda text, char: char * len(text)
    env.filters['pyrepr'] = repr
    env.filters['capitalized'] = capitalized
    return {path: env.get_template(template + SUFFIX).render(guide=guide, version=__version__,
                                                             **extra)
            for path, (template, extra) in _files(guide).items()}


def create(target: Path, guide: Guide) -> list[str]:
    """Write the new guide to *target* (absent or empty); return its files."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise ScaffoldError(f'{target} exists and is not an empty folder')
    files = render(guide)
    with replacing(target) as partial:
        for path, text in files.items():
            (partial / path).parent.mkdir(parents=True, exist_ok=True)
            (partial / path).write_text(text, encoding='utf-8')
    return sorted(files)
