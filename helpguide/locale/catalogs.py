"""Message catalogs on disk: extract, update from a template, compile, measure.

Babel (Sphinx's own dependency) does the work, as sphinx-intl does: an
updated catalog keeps its translations, marks a translation *fuzzy* where
the English it was made for has changed, and keeps dropped messages as
obsolete (``#~``) entries, so no translator's work is lost.
"""
import io
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from . import CATALOG, LOCALE_DIR

#: What ``python -m helpguide.locale engine`` reads for the engine's catalog:
#: the Python modules, and the Jinja templates (HTML theme, CD landing page
#: and README), whose ``_()`` calls are messages too.
ENGINE_METHODS = [
    ('**.py', 'python'),
    ('**.html', 'jinja2.ext:babel_extract'),
    ('dist/templates/**.txt', 'jinja2.ext:babel_extract'),
]
KEYWORDS = {'_': None, 'N_': None}


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open('rb') as file:
        return read_po(file, locale=language)


def _serialized(catalog: Catalog, **options) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=79, **options)
    return out.getvalue()


def _write_if_changed(path: Path, catalog: Catalog, **options) -> bool:
    """Write *catalog* unless only its header dates would change (no churn in git)."""
    data = _serialized(catalog, **options)
    if path.is_file():
        old = read(path)
        if _serialized(old, omit_header=True, **options) == _serialized(catalog, omit_header=True,
                                                                          **options):
            return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def engine_template(package_dir: Path = LOCALE_DIR.parent) -> Catalog:
    """Every message of the engine, read from its sources."""
    template = Catalog(project='helpguide', domain=CATALOG, fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            package_dir, ENGINE_METHODS, keywords=KEYWORDS, comment_tags=('Translators:',)):
        template.add(message, None, [(f'helpguide/{filename}', lineno)],
                     auto_comments=comments, context=context)
    return template


def update(po_path: Path, template: Catalog, language: str) -> bool:
    """Bring the catalog at *po_path* up to *template* (created if missing)."""
    if po_path.is_file():
        catalog = read(po_path, language)
        catalog.update(template, update_creation_date=False)
    else:
        catalog = Catalog(locale=language, domain=template.domain, project=template.project,
                          fuzzy=False)
        catalog.update(template)
    return _write_if_changed(po_path, catalog)


def compile_mo(po_path: Path) -> Path:
    """``x.po`` -> ``x.mo`` beside it, fuzzy translations left out."""
    mo_path = po_path.with_suffix('.mo')
    out = io.BytesIO()
    write_mo(out, read(po_path))
    if not mo_path.is_file() or mo_path.read_bytes() != out.getvalue():
        mo_path.write_bytes(out.getvalue())
    return mo_path


def update_engine(languages: list[str]) -> list[Path]:
    """The engine's template, each language's catalog, each compiled."""
    template = engine_template()
    _write_if_changed(LOCALE_DIR / f'{CATALOG}.pot', template)
    written = []
    for language in languages:
        po_path = LOCALE_DIR / language / 'LC_MESSAGES' / f'{CATALOG}.po'
        update(po_path, template, language)
        written.append(compile_mo(po_path))
    return written


def update_guide(pot_dir: Path, locale_dir: Path, languages: list[str]) -> list[Path]:
    """The guide's catalogs from Sphinx's ``-b gettext`` templates in *pot_dir*."""
    changed = []
    for pot in sorted(pot_dir.rglob('*.pot')):
        template = read(pot)
        for language in languages:
            po_path = locale_dir / language / 'LC_MESSAGES' / pot.relative_to(pot_dir).with_suffix(
                '.po')
            if update(po_path, template, language):
                changed.append(po_path)
    return changed


@dataclass(frozen=True, order=True)
class Gap:
    """A message a catalog does not translate (yet): untranslated or fuzzy."""
    path: Path
    line: int
    kind: str      # 'untranslated' or 'fuzzy'
    message: str


def gaps(po_path: Path) -> tuple[int, list[Gap]]:
    """How many messages the catalog holds, and those it does not translate."""
    catalog = read(po_path)
    total, found = 0, []
    for message in catalog:
        if not message.id:
            continue  # the header
        total += 1
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            found.append(Gap(po_path, message.lineno, 'untranslated', _first(message.id)))
        elif message.fuzzy:
            found.append(Gap(po_path, message.lineno, 'fuzzy', _first(message.id)))
    return total, found


def _first(message_id) -> str:
    return message_id[0] if isinstance(message_id, tuple) else message_id
