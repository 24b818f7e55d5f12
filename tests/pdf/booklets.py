"""Build a booklet from a folder of sources, as sphinx-build does."""
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

from pypdf import PdfReader
from sphinx.application import Sphinx
from sphinx.util.console import strip_colors
from sphinx.util.docutils import docutils_namespace, patch_docutils


@dataclass
class Booklet:
    pdf: Path
    warnings: str
    app: Sphinx

    @property
    def reader(self) -> PdfReader:
        return PdfReader(self.pdf)


def build_booklet(srcdir: Path, out: Path, confdir: Path | None = None, **overrides) -> Booklet:
    """Run the booklet builder as sphinx-build does; return the PDF and warnings."""
    warnings = StringIO()
    confdir = confdir or srcdir
    with patch_docutils(confdir), docutils_namespace():
        app = Sphinx(srcdir, confdir, out / 'pdf', out / 'doctrees', 'booklet',
                     confoverrides=overrides, status=None, warning=warnings, freshenv=True)
        app.build()
    return Booklet(app.outdir / app.config.booklet_filename, strip_colors(warnings.getvalue()),
                   app)
