"""Translations a writer must finish: every untranslated or fuzzy message of
each language in ``guide_languages``, at its line in its ``.po`` file.

``make check`` runs ``make gettext`` first, so an edited English source has
already turned its translation fuzzy when this reads the catalogs.
"""
from pathlib import Path

from ..locale import _
from ..locale.coverage import coverage, translated_languages

#: How much of a message a problem quotes.
QUOTED = 60


def _quoted(message: str) -> str:
    message = ' '.join(message.split())
    return repr(message if len(message) <= QUOTED else message[:QUOTED - 1] + '…')


def translation_problems(app, problem, shown_path) -> list:
    """One ``problem(path, line, message)`` per message to translate."""
    problems = []
    for language in translated_languages(app.config):
        found = coverage(Path(app.srcdir), app.config.locale_dirs, language)
        if not found.catalogs:
            problems.append(problem(shown_path(str(Path(app.confdir) / 'conf.py')), 1, _(
                'guide_languages lists %(language)r, which has no catalogs in locale_dirs; '
                'run make gettext and translate them') % {'language': language}))
        for gap in found.gaps:
            text = (_('%(language)s: untranslated message %(message)s')
                    if gap.kind == 'untranslated' else
                    _('%(language)s: fuzzy message %(message)s: its English changed; check '
                      'the translation, then remove the fuzzy flag'))
            problems.append(problem(shown_path(str(gap.path)), gap.line,
                                    text % {'language': language,
                                            'message': _quoted(gap.message)}))
    return problems
