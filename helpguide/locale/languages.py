"""Where each language of a guide is built and shipped.

A guide published in several languages (``guide_languages = ['en', 'fr']``)
gets one folder per language in every output tree: ``build/html/en/``,
``build/html/fr/``, ``build/pdf/fr/guide.pdf``, and the same on the CD. A
guide in one language keeps the flat layout (``build/html/``).
"""
import runpy
import sys
from pathlib import Path

from babel import Locale
from babel.core import UnknownLocaleError

from . import _
from .coverage import coverage


def language_folders(guide_languages) -> list[str]:
    """The languages that get folders of their own: all, or none for one language."""
    languages = list(guide_languages or [])
    return languages if len(languages) > 1 else []


def language_dir(base: Path, language: str | None) -> Path:
    """*base*'s folder for *language* (``None``: the flat layout)."""
    return Path(base) / language if language else Path(base)


def language_name(language: str) -> str:
    """The language's name in itself, as a chooser shows it: "English", "Français"."""
    try:
        name = Locale.parse(language.replace('-', '_')).get_display_name(language.replace('-', '_'))
    except (UnknownLocaleError, ValueError):
        return language
    return name[:1].upper() + name[1:]


def guide_languages(confdir: Path) -> list[str]:
    """conf.py's ``guide_languages``."""
    return list(runpy.run_path(str(Path(confdir) / 'conf.py')).get('guide_languages') or [])


def warn_incomplete(srcdir: Path, confdir: Path, language: str, prog: str) -> None:
    """A draft shows English where a translation is missing or fuzzy: say so."""
    conf = runpy.run_path(str(Path(confdir) / 'conf.py'))
    if language == (conf.get('language') or 'en'):
        return
    found = coverage(srcdir, conf.get('locale_dirs', ['locales']), language)
    if not found.complete:
        print(f'{prog}: warning: ' + _(
            '%(language)s is %(percent).1f %% translated: %(missing)d of %(total)d messages '
            'show in English (make check lists them; make dist refuses them)') % {
                'language': language, 'percent': found.percent, 'missing': len(found.gaps),
                'total': found.total}, file=sys.stderr)
