"""Build a booklet from a folder of sources, as sphinx-build does."""
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from sphinx.application import Sphinx

import helpguide.pdf.book as book
from sphinxrun import sphinx_build


@dataclass
class Booklet:
    pdf: Path
    warnings: str
    app: Sphinx
    #: How many times its books were laid out (pdf.book.write_pdf lays one
    #: out again where a page reference's label does not fit its slot).
    layouts: int | None = None

    @property
    def reader(self) -> PdfReader:
        return PdfReader(self.pdf)


def build_booklet(srcdir: Path, out: Path, confdir: Path | None = None, **overrides) -> Booklet:
    """Run the booklet builder as sphinx-build does; return the PDF, the
    warnings and the count of layouts."""
    layouts = []
    lay_out = book.lay_out_tagged
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(book, 'lay_out_tagged', lambda *args: layouts.append(1) or lay_out(*args))
        app, warnings = sphinx_build(srcdir, confdir or srcdir, out / 'pdf', out / 'doctrees',
                                     'booklet', confoverrides=overrides)
    return Booklet(app.outdir / app.config.booklet_filename, warnings, app, len(layouts))
