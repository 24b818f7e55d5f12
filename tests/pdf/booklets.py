"""Build a booklet from a folder of sources, as sphinx-build does."""
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader
from sphinx.application import Sphinx

from sphinxrun import sphinx_build


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
    app, warnings = sphinx_build(srcdir, confdir or srcdir, out / 'pdf', out / 'doctrees',
                                 'booklet', confoverrides=overrides)
    return Booklet(app.outdir / app.config.booklet_filename, warnings, app)
