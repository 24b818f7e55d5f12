"""Writing a sheet product: all or nothing, and a clear error naming the source."""
import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import Flowable, Paragraph
from sphinx.errors import SphinxError

from helpguide.pdf.styles import book_styles
from helpguide.products.page import Furniture, write_sheets

FURNITURE = Furniture('Brand', 'Handout', 'Guide · Edition 1', 'A handout')


class Enormous(Flowable):
    """Taller than any page and unsplittable."""

    def wrap(self, aW, aH):
        return aW, 10_000

    def draw(self):
        pass


def test_writes_the_story_with_band_and_footer(tmp_path):
    styles = book_styles()
    target = tmp_path / 'one.pdf'
    pages = write_sheets(target, lambda: [Paragraph('Hello there', styles['body'])], styles,
                         FURNITURE, LETTER, location='src/one.rst:1')
    assert pages == 1
    text = PdfReader(target).pages[0].extract_text()
    for part in ('Brand', 'Handout', 'Hello there', 'Guide · Edition 1', 'Page 1'):
        assert part in text


def test_a_story_that_cannot_be_laid_out_names_its_source_and_keeps_the_old_file(tmp_path):
    styles = book_styles()
    target = tmp_path / 'one.pdf'
    write_sheets(target, lambda: [Paragraph('Good', styles['body'])], styles, FURNITURE, LETTER,
                 location='src/one.rst:1')
    good = target.read_bytes()

    with pytest.raises(SphinxError, match=r'^src/one\.rst:3: cannot lay out one\.pdf: '):
        write_sheets(target, lambda: [Enormous()], styles, FURNITURE, LETTER, location='src/one.rst:3')

    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ['one.pdf']
