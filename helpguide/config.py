"""The engine's settings, declared with their types; a wrong value is one line.

Sphinx checks a value against its declared types with a warning only, and a
builder that then trips over the value ends in Sphinx's crash report. For
the settings declared here, a value of the wrong kind stops the build as
soon as conf.py is read, before any source, with one line naming the
setting, the value given and what is allowed, and exit status 2.
"""
from collections.abc import Callable

from sphinx.config import ENUM
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: setting name -> the values it may take (a tuple), or the types of its value
DECLARED: dict[str, tuple | frozenset[type]] = {}
#: setting name -> what its value must be beyond its type, or None where it is
CHECKS: dict[str, Callable[[object], str | None]] = {}


class BadSetting(SystemExit):
    """Ends the build after a wrong setting's one-line error.

    A SystemExit, so that sphinx-build, which prints a crash report for any
    exception, lets it through as its exit status.
    """

    def __init__(self):
        super().__init__(2)


def add_setting(app, name: str, default, rebuild: str, *, types=(), choices=(),
                check: Callable[[object], str | None] | None = None,
                description: str = '') -> None:
    """``app.add_config_value`` for an engine setting whose value is checked:
    one of *choices* (Sphinx's ENUM), or else of one of *types* (default:
    the default's type) and, with *check*, what *check* says it must be
    (``check(value)``: None, or the words "must be ..." ends with)."""
    if check is not None:
        CHECKS[name] = check
    if choices:
        DECLARED[name] = tuple(choices)
        sphinx_types = ENUM(*choices)
    else:
        DECLARED[name] = sphinx_types = frozenset(types or {type(default)})
    app.add_config_value(name, default, rebuild, types=sphinx_types, description=description)


def article(word: str) -> str:
    return 'an' if word[0] in 'aeiou' else 'a'


def problem(name: str, value, allowed) -> str | None:
    """What is wrong with *value* for the setting *name*, or None."""
    if isinstance(allowed, tuple):
        if value in allowed:
            return None
        expected = 'one of ' + ', '.join(map(repr, allowed))
    else:
        # bool is an int to Python, never to a writer of conf.py
        if isinstance(value, tuple(allowed)) and not (
                isinstance(value, bool) and bool not in allowed):
            if name not in CHECKS or (expected := CHECKS[name](value)) is None:
                return None
        else:
            expected = ' or '.join(sorted(f'{article(kind.__name__)} {kind.__name__}'
                                          for kind in allowed))
    return f'{name} must be {expected}, not {value!r}'


def check_settings(app, config) -> None:
    # DECLARED holds every setting any app of this process declared: check
    # those this project's extensions declared.
    problems = [message for name, allowed in sorted(DECLARED.items()) if name in config
                if (message := problem(name, getattr(config, name), allowed))]
    for message in problems:
        logger.error(message)
    if problems:
        raise BadSetting


def setup(app):
    # Before Sphinx's own type check (800), which would add a warning per value.
    app.connect('config-inited', check_settings, priority=790)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
