"""Settings in the build's language: ``guide_translations`` in conf.py.

A guide's settings hold words a reader sees (its title, subtitle, the names
of its subjects); a translated build takes them from
``guide_translations[language]``, e.g.::

    guide_translations = {'fr': {'guide_title': 'SSL pour le courrier sortant',
                                  'html_short_title': 'SSL sortant'}}

Settings not listed there keep their value: host names, the brand, contacts.
"""
from collections.abc import Mapping

from sphinx.errors import ConfigError

from . import _


def translated_settings(translations: Mapping, language: str | None) -> dict:
    """The settings *translations* gives for *language* (``fr_CA`` falls back to ``fr``)."""
    language = (language or 'en').replace('-', '_')
    return dict(translations.get(language) or translations.get(language.split('_')[0]) or {})


def apply_translations(app, config) -> None:
    """On ``config-inited``: the build's language's values replace the settings."""
    settings = translated_settings(config.guide_translations, config.language)
    unknown = sorted(name for name in settings if name not in config)
    if unknown:
        raise ConfigError(_('guide_translations[%(language)r] names unknown setting(s): '
                            '%(names)s') % {'language': config.language,
                                            'names': ', '.join(unknown)})
    for name, value in settings.items():
        setattr(config, name, value)


def setup(app):
    app.add_config_value('guide_translations', {}, 'env', types=frozenset({dict}))
    app.connect('config-inited', apply_translations)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
