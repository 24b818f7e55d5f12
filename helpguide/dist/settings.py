"""The guide settings the bundle needs, read from conf.py.

The bundle is made after Sphinx has run, so it reads conf.py itself; a
setting absent there takes its default from helpguide.settings.
"""
import re
import runpy
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

from ..locale import use_language
from ..locale.dates import long_date
from ..locale.settings import translated_settings
from ..programs import DEFAULT_PLATFORMS
from ..programs.words import WORD_SETTINGS, Words
from .iso import LABEL_LENGTH
from ..settings import SETTINGS


def _slug(text: str) -> str:
    return re.sub(r'[^a-z0-9]+', '-', text.lower()).strip('-')


@dataclass(frozen=True)
class BundleSettings:
    brand: str
    title: str
    subtitle: str
    short_title: str
    edition: str
    date: str
    volume_label: str
    words: Words        # what the guide calls its subjects and platforms
    language: str = 'en'
    platforms: tuple = tuple(DEFAULT_PLATFORMS)   # (id, title) in the guide's order

    @property
    def name(self) -> str:
        """Folder and file name: ``covenant-isp-ssl-for-outgoing-mail-2026.1``."""
        parts = [_slug(self.brand), _slug(self.short_title or self.title), self.edition]
        return '-'.join(re.sub(r'[^A-Za-z0-9._-]+', '-', part) for part in parts if part)


def default_volume_label(brand: str) -> str:
    """The brand in ISO 9660 d-characters, e.g. ``COVENANT_ISP``."""
    return (re.sub(r'[^A-Z0-9]+', '_', brand.upper()).strip('_') or 'GUIDE')[:LABEL_LENGTH]


def _words(settings, language: str) -> Words:
    """The guide's words, the engine's defaults in *language* ("plateforme")."""
    use_language(language)
    try:
        return Words.of(settings)
    finally:
        use_language(None)


def read_conf(confdir: Path) -> dict:
    return runpy.run_path(str(Path(confdir, 'conf.py')))


def read_settings(confdir: Path, epoch: int, language: str | None = None,
                  conf: dict | None = None) -> BundleSettings:
    """The settings, in *language* (``guide_translations``) if given."""
    conf = dict(conf if conf is not None else read_conf(confdir))
    language = language or conf.get('language') or 'en'
    conf.update(translated_settings(conf.get('guide_translations') or {}, language))

    def setting(name):
        return conf.get(name, {**SETTINGS, **WORD_SETTINGS}[name][0])

    brand = setting('guide_brand')
    day = datetime.fromtimestamp(epoch, timezone.utc)
    date = setting('guide_date') or long_date(day.date(), language)  # as on the booklet
    return BundleSettings(
        brand=brand,
        title=setting('guide_title'),
        subtitle=setting('guide_subtitle'),
        short_title=conf.get('html_short_title', ''),
        edition=setting('guide_edition'),
        date=date,
        volume_label=setting('guide_volume_label') or default_volume_label(brand),
        words=_words(SimpleNamespace(**{name: setting(name) for name in WORD_SETTINGS}),
                     language),
        language=language,
        platforms=tuple(tuple(platform) for platform in
                        conf.get('guide_platforms', DEFAULT_PLATFORMS)),
    )
