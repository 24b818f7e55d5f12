"""Writing the PDF: atomic replacement, repeatable bytes, layout errors located,
and input that strains the layout."""
import re

import pytest
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import Flowable, LayoutError, Paragraph

from booklets import build_booklet
from helpguide.pdf.book import Story, write_pdf
from helpguide.pdf.styles import book_styles
from helpguide.pdf.templates import Metadata
from tests.pdf.pdfread import page_text


class Exploding(Flowable):
    def wrap(self, aW, aH):
        return aW, 10

    def draw(self):
        raise RuntimeError('boom')


class Enormous(Flowable):
    """Taller than any page and impossible to split."""

    def wrap(self, aW, aH):
        return aW, 10_000


def story(styles, *extra):
    """The stories of a book without page references: one layout."""
    return lambda _labels: Story([Paragraph('Hello', styles['body']), *extra], frozenset(),
                                 frozenset())


def test_a_failed_write_keeps_the_last_good_pdf_and_leaves_no_temporary_file(tmp_path):
    styles = book_styles()
    target = tmp_path / 'guide.pdf'
    write_pdf(target, story(styles), styles, Metadata('T'), LETTER)
    good = target.read_bytes()
    with pytest.raises(LayoutError, match='RuntimeError: boom'):  # named at its node
        write_pdf(target, story(styles, Exploding()), styles, Metadata('T'), LETTER)
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ['guide.pdf']


def test_a_layout_error_names_the_node_that_did_not_fit(tmp_path):
    styles = book_styles()
    enormous = Enormous()
    enormous.rst_location = ('src/doc.rst', 7)
    with pytest.raises(LayoutError) as caught:
        write_pdf(tmp_path / 'x.pdf', story(styles, enormous), styles, Metadata('T'), LETTER)
    assert caught.value.rst_location == ('src/doc.rst', 7)
    assert not (tmp_path / 'x.pdf').exists()


def test_output_is_repeatable_and_dated_by_source_date_epoch(rootdir, tmp_path, monkeypatch):
    monkeypatch.setenv('SOURCE_DATE_EPOCH', '1700000000')
    # The print edition, the file compared (test_booklet.py builds the screen one)
    first, second = (build_booklet(rootdir / 'test-pdf-shared', tmp_path / name,
                                   booklet_editions=['print']) for name in ('one', 'two'))
    assert first.pdf.read_bytes() == second.pdf.read_bytes()
    assert 'November 14, 2023' in page_text(first.pdf, 0)


def test_deep_nesting_and_long_words_render_with_a_readable_measure(tmp_path):
    src = tmp_path / 'src'
    src.mkdir()
    (src / 'conf.py').write_text("extensions = ['helpguide.pdf']\n")
    nested = ''.join('   ' * depth + f'* level{depth}\n\n' for depth in range(30))
    (src / 'index.rst').write_text(f'Deep\n====\n\n{nested}\n{"x" * 5000}\n')
    booklet = build_booklet(src, tmp_path)
    assert booklet.app.statuscode == 0
    text = page_text(booklet.pdf)
    assert all(f'level{depth}' in text for depth in range(30))
    assert text.count('x') >= 5000
    assert 'WARNING' not in booklet.warnings


def test_a_book_that_cannot_be_laid_out_fails_at_its_source_line(rootdir, tmp_path, recwarn):
    """The builder's layout-error path: one located error, exit status 1, no
    crash report, no deprecated Sphinx interface used, the last PDF kept."""
    out = tmp_path / 'pdf'
    out.mkdir()
    (out / 'guide.pdf').write_bytes(b'%PDF-last-good')
    booklet = build_booklet(rootdir / 'test-pdf-too-large', tmp_path)
    assert booklet.app.statuscode == 1
    assert re.search(r'index\.rst:6: ERROR: booklet: cannot lay this out \(.*too large.*\); '
                     r'\S*guide\.pdf is unchanged', booklet.warnings), booklet.warnings
    assert 'Traceback' not in booklet.warnings
    assert (out / 'guide.pdf').read_bytes() == b'%PDF-last-good'
    deprecated = [w for w in recwarn
                  if issubclass(w.category, (DeprecationWarning, PendingDeprecationWarning))
                  and 'sphinx' in str(w.message).lower()]
    assert deprecated == []
