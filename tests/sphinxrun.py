"""Run Sphinx in-process as sphinx-build does, or a command line's main() as
its process would, and read text back from HTML."""
import contextlib
from html.parser import HTMLParser
from io import StringIO
from types import SimpleNamespace

import sphinx.locale
from sphinx.application import Sphinx
from sphinx.util.console import strip_colors
from sphinx.util.docutils import docutils_namespace, patch_docutils


def sphinx_build(srcdir, confdir, outdir, doctreedir, builder, fresh=True,
                 **options) -> tuple[Sphinx, str]:
    """Build (from scratch unless not *fresh*); return the application and its
    warnings as plain text.

    As sphinx-build does, docutils registrations are undone afterwards, so
    many builds can run in one test session; and each starts without the
    message catalogs of the last (a French build left Sphinx's "Tableau"
    in the captions of the next English one).
    """
    sphinx.locale.translators.clear()
    warnings = StringIO()
    with patch_docutils(confdir), docutils_namespace():
        app = Sphinx(srcdir, confdir, outdir, doctreedir, builder,
                     status=None, warning=warnings, freshenv=fresh, **options)
        app.build()
    return app, strip_colors(warnings.getvalue())


def command(folder, main, *args: str) -> SimpleNamespace:
    """``main(args)`` of a command line run in this process from *folder*, as
    its process would (an argparse exit is its status); what it printed as a
    process's ``returncode``, ``stdout`` and ``stderr``."""
    out, err = StringIO(), StringIO()
    with contextlib.chdir(folder), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        try:
            status = main(list(args))
        except SystemExit as stop:
            status = stop.code
    return SimpleNamespace(returncode=status, stdout=strip_colors(out.getvalue()),
                           stderr=strip_colors(err.getvalue()))


class _Text(HTMLParser):
    """The page's text, without what a reader never sees: scripts and styles."""
    HIDDEN = frozenset({'script', 'style'})

    def __init__(self):
        super().__init__()
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        self.hidden += tag in self.HIDDEN

    def handle_endtag(self, tag):
        self.hidden -= tag in self.HIDDEN

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def html_text(html: str, separator: str = '') -> str:
    """The text a reader sees in *html*, its pieces joined by *separator*."""
    parser = _Text()
    parser.feed(html)
    return separator.join(parser.parts)
