"""How much of the guide a language's catalogs translate.

A translated build shows the English of every message its catalogs leave
untranslated or fuzzy (Sphinx compiles only finished translations): fine for
a draft, not for what customers get. ``make check`` lists those messages,
and a customer-facing build refuses a language below 100 %.
"""
from dataclasses import dataclass, field
from pathlib import Path

from .catalogs import Gap, gaps


@dataclass
class Coverage:
    language: str
    catalogs: list[Path] = field(default_factory=list)
    total: int = 0
    gaps: list[Gap] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100.0 * (self.total - len(self.gaps)) / self.total if self.total else 0.0

    @property
    def complete(self) -> bool:
        return bool(self.catalogs) and not self.gaps


def catalog_files(srcdir: Path, locale_dirs, language: str) -> list[Path]:
    """The ``.po`` files of *language* under the project's ``locale_dirs``."""
    found = []
    for locale_dir in locale_dirs:
        folder = (Path(srcdir) / locale_dir / language / 'LC_MESSAGES').resolve()
        found.extend(sorted(folder.rglob('*.po')))
    return found


def coverage(srcdir: Path, locale_dirs, language: str) -> Coverage:
    result = Coverage(language, catalog_files(srcdir, locale_dirs, language))
    for po in result.catalogs:
        total, missing = gaps(po)
        result.total += total
        result.gaps.extend(missing)
    return result


def translated_languages(config) -> list[str]:
    """``guide_languages`` but the sources' own ``language``."""
    source = config.language or 'en'
    return [language for language in config.guide_languages if language != source]
