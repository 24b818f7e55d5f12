"""Writing the PDF: atomic replacement, repeatable bytes, layout errors located,
and input that strains the layout."""
import re

import pytest
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import Flowable, LayoutError, PageBreak, Paragraph

from booklets import build_booklet
from helpguide.pdf.book import MAX_LAYOUTS, Story, write_pdf
from helpguide.pdf.styles import book_styles
from helpguide.pdf.flowables import Anchor
from helpguide.pdf.templates import Metadata
from pdfread import page_text


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


def referencing(styles, pages_before, refs=frozenset(['t'])):
    """Stories of a book that says on page 1 where "t" is, page
    *pages_before*(the layouts so far) + 1; the labels each layout printed."""
    given = []

    def stories(labels):
        given.append(labels)
        flowables = [Paragraph(f'See page {(labels or {}).get("t", "?")}', styles['body']),
                     *[PageBreak()] * pages_before(len(given)), Anchor(['t']),
                     Paragraph('T', styles['body'])]
        return Story(flowables, frozenset(), refs)
    return stories, given


def test_a_book_is_laid_out_again_until_its_references_pages_stay(tmp_path):
    styles = book_styles()
    stories, given = referencing(styles, lambda layouts: 1)
    assert write_pdf(tmp_path / 'x.pdf', stories, styles, Metadata('T'), LETTER) == 2
    assert given == [None, {'t': 'ii'}]
    assert 'See page ii' in page_text(tmp_path / 'x.pdf')


def test_a_book_without_page_references_is_laid_out_once(tmp_path):
    styles = book_styles()
    stories, given = referencing(styles, lambda layouts: 1, refs=frozenset())
    write_pdf(tmp_path / 'x.pdf', stories, styles, Metadata('T'), LETTER)
    assert given == [None]


def test_a_book_whose_pages_keep_moving_keeps_its_last_layout(tmp_path):
    styles = book_styles()
    stories, given = referencing(styles, lambda layouts: layouts)
    assert write_pdf(tmp_path / 'x.pdf', stories, styles, Metadata('T'), LETTER) == 4
    assert len(given) == MAX_LAYOUTS and given == [None, {'t': 'ii'}, {'t': 'iii'}]
    assert 'See page iii' in page_text(tmp_path / 'x.pdf')  # a page off: no endless build


def test_output_is_repeatable_and_dated_by_source_date_epoch(rootdir, tmp_path, monkeypatch):
    monkeypatch.setenv('SOURCE_DATE_EPOCH', '1700000000')
    first = build_booklet(rootdir / 'test-pdf-shared', tmp_path / 'one')
    second = build_booklet(rootdir / 'test-pdf-shared', tmp_path / 'two')
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
