"""The engine's own words in the reader's language.

Every string the engine writes into an output goes through ``_``, Sphinx's
translation function for the extension's catalog ``helpguide``
(``helpguide/locale/<language>/LC_MESSAGES/helpguide.mo``, registered with
:meth:`~sphinx.application.Sphinx.add_message_catalog`), so a build follows
``language``. A string defined at module level is marked with ``N_`` and
translated where it is used: a module imported during one build would
otherwise keep that build's language for the next.

``python -m helpguide.locale`` extracts the catalog's template, updates the
translations and compiles them (see :mod:`helpguide.locale.__main__`).
"""
from pathlib import Path

from sphinx import locale as sphinx_locale
from sphinx.locale import get_translation

CATALOG = 'helpguide'
LOCALE_DIR = Path(__file__).parent

_ = get_translation(CATALOG)


def N_(message: str) -> str:
    """Mark *message* for the catalog; ``_(message)`` translates it where it is used."""
    return message


def use_language(language: str | None) -> None:
    """Outside a Sphinx build (the CD bundle): the engine's catalog in
    *language*, or none (English) for ``None``."""
    sphinx_locale.translators.pop(('general', CATALOG), None)
    if language:
        sphinx_locale.init([str(LOCALE_DIR)], language, CATALOG)


def template_gettext(app):
    """The ``_`` of the HTML templates: the engine's catalog first, then Sphinx's
    own (its labels, "Search", "Table of Contents", are in its catalog)."""
    sphinx_gettext = app.translator.gettext

    def gettext(message: str) -> str:
        ours = _(message)
        return ours if ours != message else sphinx_gettext(message)

    return gettext


def _install_in_templates(app) -> None:
    environment = getattr(getattr(app.builder, 'templates', None), 'environment', None)
    if environment is None or not hasattr(environment, 'install_gettext_callables'):
        return
    environment.install_gettext_callables(template_gettext(app), app.translator.ngettext)


def forget_languages() -> None:
    """Sphinx merges a catalog registered again into the one before, its own
    included, and keeps it for an English build: a build in the same process
    after another (another language, another product) must find no catalog
    of that build's language left."""
    for key in [key for key in sphinx_locale.translators if key[0] == 'general']:
        del sphinx_locale.translators[key]


def _forget_languages(app, exception) -> None:
    forget_languages()


def setup(app):
    # The languages a guide is published in, the sources' own first (e.g.
    # ['en', 'fr']); the others are translated in locale/<language>/.
    app.add_config_value('guide_languages', [], 'env', types=frozenset({list, tuple}))
    # Sphinx merges a catalog registered again into the one before: a second
    # build in the same process (another language) must start afresh.
    sphinx_locale.translators.pop(('general', CATALOG), None)
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    app.connect('builder-inited', _install_in_templates)
    app.connect('build-finished', _forget_languages)
    app.setup_extension('helpguide.locale.typography')
    app.setup_extension('helpguide.locale.settings')
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
