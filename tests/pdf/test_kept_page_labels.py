"""Page references printed from the page labels of the last build (kept in
the doctree cache, as LaTeX keeps its .aux): a rebuild prints where the
targets are now, the same bytes as a build from clean, whatever the kept
file holds."""
import re
import shutil

import pytest
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import LayoutError, Paragraph

from booklets import build_booklet
from helpguide.pdf.book import Story, write_pdf
from helpguide.pdf.styles import book_styles
from helpguide.pdf.templates import Metadata
from pdfread import assert_references_print_their_targets, page_text

#: A chapter more before the middle one: it and every later chapter move two pages on.
NEW_CHAPTER = '''Chapter 29b
-----------

A chapter added before the middle one.

.. _mid:'''


def one_line(path) -> str:
    return ' '.join(page_text(path).split())


@pytest.fixture
def long_source(rootdir, tmp_path, monkeypatch):
    monkeypatch.setenv('SOURCE_DATE_EPOCH', '1700000000')
    src = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-pdf-long', src)
    return src


def edit(src, old: str, new: str) -> None:
    index = src / 'index.rst'
    index.write_text(index.read_text().replace(old, new, 1))


def move_the_middle_on(src) -> None:
    edit(src, '.. _mid:', NEW_CHAPTER)


def reword(src) -> None:
    """An edit that moves no page (an unchanged book is not written again)."""
    edit(src, 'More words follow here.', 'More words come here.')


def kept_files(out):
    return sorted((out / 'doctrees' / 'page-labels').iterdir())


def middle_pages(path) -> set[int]:
    """The pages "the middle one", Chapter 30, is printed to be on."""
    return set(map(int, re.findall(r'Chapter 30 \(page (\d+)\)', one_line(path))))


def test_a_rebuild_prints_the_new_page_of_a_target_an_edit_moved(long_source, tmp_path):
    out = tmp_path / 'out'
    before = build_booklet(long_source, out)
    assert 'Chapter 60 (page 119)' in one_line(before.pdf)
    [middle] = middle_pages(before.pdf)
    assert kept_files(out)  # the rebuild below starts from them
    move_the_middle_on(long_source)
    after = build_booklet(long_source, out)
    text = one_line(after.pdf)
    assert 'Chapter 60 (page 121)' in text and 'Chapter 60 (page 119)' not in text
    assert middle_pages(after.pdf) == {middle + 2}
    assert_references_print_their_targets(after.reader, after.pdf)
    assert not after.warnings


def test_a_rebuild_gives_the_bytes_of_a_build_from_clean(long_source, tmp_path):
    out = tmp_path / 'out'
    first = build_booklet(long_source, out).pdf.read_bytes()
    move_the_middle_on(long_source)
    moved = build_booklet(long_source, out).pdf.read_bytes()  # the labels kept have moved
    assert moved == build_booklet(long_source, tmp_path / 'clean').pdf.read_bytes() != first
    reword(long_source)
    reworded = build_booklet(long_source, out).pdf.read_bytes()  # the labels kept hold
    assert reworded == build_booklet(long_source, tmp_path / 'again').pdf.read_bytes() != moved


@pytest.mark.parametrize('kept', [
    b'\x00\xff not a labels file',
    b'[["first", "1"]]',
    b'{"format": 1, "labels": {"x": 3}}',
])
def test_a_kept_file_that_cannot_be_read_is_ignored(long_source, tmp_path, kept):
    out = tmp_path / 'out'
    build_booklet(long_source, out)
    for path in kept_files(out):
        path.write_bytes(kept)
    reword(long_source)
    rebuilt = build_booklet(long_source, out)
    assert not rebuilt.warnings
    assert rebuilt.pdf.read_bytes() == build_booklet(long_source, tmp_path / 'clean').pdf.read_bytes()


def test_wrong_labels_kept_are_never_printed(long_source, tmp_path):
    out = tmp_path / 'out'
    build_booklet(long_source, out)
    for path in kept_files(out):  # every target said to be elsewhere
        path.write_text(path.read_text().replace('"119"', '"7"').replace('"3"', '"5"'))
    reword(long_source)
    rebuilt = build_booklet(long_source, out)
    assert 'Chapter 60 (page 119)' in one_line(rebuilt.pdf)
    assert_references_print_their_targets(rebuilt.reader, rebuilt.pdf)


class Failing(Paragraph):
    def draw(self):
        raise RuntimeError('boom')


def test_a_failed_write_keeps_the_labels_of_the_last_published_book(tmp_path):
    styles = book_styles()
    labels = tmp_path / 'labels.json'
    labels.write_text('{"format": 1, "labels": {"t": "9"}}')

    def stories(_labels):
        return Story([Paragraph('See page 1', styles['body']), Failing('T', styles['body'])],
                     frozenset(), frozenset(['t']))
    with pytest.raises(LayoutError):
        write_pdf(tmp_path / 'x.pdf', stories, styles, Metadata('T'), LETTER, labels=labels)
    assert labels.read_text() == '{"format": 1, "labels": {"t": "9"}}'
    assert not (tmp_path / 'x.pdf').exists()
