"""The guide's look, one style sheet for the booklet, the print products and
the HTML guide: ``guide_style = 'style.toml'`` in conf.py (a TOML file read
over :file:`default.toml`, the engine's own look).

A mistake in the style is a mistake in the sources: each is reported as
``style.toml:LINE: error: ...`` at the start of every build and by
``make check``, and the builds stop on it.
"""
import weakref
from pathlib import Path

from sphinx.util import logging

from .sheet import Problem, Style, default_style, load_style

__all__ = ['Problem', 'Style', 'default_style', 'load_style', 'style_of', 'setup']

logger = logging.getLogger(__name__)
#: The build's configuration -> its style and the style's problems
_LOADED = weakref.WeakKeyDictionary()


def style_path(build) -> Path | None:
    """The guide's style file (``guide_style``, relative to conf.py), if any."""
    name = build.config.guide_style
    return (Path(build.confdir) / name) if name else None


def _loaded(build) -> tuple[Style, list[Problem]]:
    if build.config not in _LOADED:
        _LOADED[build.config] = load_style(style_path(build))
    return _LOADED[build.config]


def style_of(build) -> Style:
    """The style of *build* (the Sphinx application, or a builder): the
    default where the guide's has mistakes, which :func:`report_problems`
    has reported."""
    return _loaded(build)[0]


def style_problems(build) -> list[Problem]:
    return _loaded(build)[1]


def report_problems(app) -> None:
    for problem in style_problems(app):
        logger.error(problem.message, location=f'{problem.path}:{problem.line}',
                     type='helpguide', subtype='style')


def setup(app):
    app.add_config_value('guide_style', '', 'env', types=frozenset({str}))
    app.connect('builder-inited', report_problems)
    app.setup_extension('helpguide.style.html')
    app.setup_extension('helpguide.style.menu')
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
