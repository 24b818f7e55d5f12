"""Page references printed from the page labels of the last build (kept in
the doctree cache, as LaTeX keeps its .aux): a rebuild prints where the
targets are now, the same bytes as a build from clean, whatever the kept
file holds."""
import re
import shutil
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import LayoutError, Paragraph

from booklets import Booklet, build_booklet
from helpguide.pdf.book import Story, write_pdf
from helpguide.pdf.styles import book_styles
from helpguide.pdf.templates import Metadata
from tests.pdf.pdfread import assert_references_print_their_targets, page_text

ROOT = Path(__file__).resolve().parents[1] / 'roots' / 'test-pdf-long'

#: A chapter more before the middle one: it and every later chapter move two pages on.
NEW_CHAPTER = '''Chapter 29b
-----------

A chapter added before the middle one.

.. _mid:'''


def one_line(path) -> str:
    return ' '.join(page_text(path).split())


def edit(src, old: str, new: str) -> None:
    index = src / 'index.rst'
    index.write_text(index.read_text().replace(old, new, 1))


def move_the_middle_on(src) -> None:
    edit(src, '.. _mid:', NEW_CHAPTER)


def reword(src) -> None:
    """An edit that moves no page (an unchanged book is not written again)."""
    edit(src, 'More words follow here.', 'More words come here.')


#: The edits a source is built with, by name.
EDITS = {'moved': move_the_middle_on, 'reworded': reword}


@pytest.fixture(scope='module')
def reproducible():
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv('SOURCE_DATE_EPOCH', '1700000000')
        yield


def build(folder, *edited: str) -> Booklet:
    """The booklet of the source in *folder*/src (the test root, with the
    edits named made to it), built into *folder*/out; its print edition
    only, the one read here (the screen edition keeps its labels the same way)."""
    src = folder / 'src'
    if not src.exists():
        shutil.copytree(ROOT, src)
    for name in edited:
        EDITS[name](src)
    return build_booklet(src, folder / 'out', booklet_editions=['print'])


def copy(built: Booklet, folder) -> Path:
    """*folder* holding a copy of the sources and outputs of *built*: a test
    edits and rebuilds its own, never the build other tests read."""
    shutil.copytree(built.pdf.parents[2], folder)  # <folder>/out/pdf/guide.pdf
    return folder


@pytest.fixture(scope='module')
def from_clean(reproducible, tmp_path_factory):
    """The build from clean of the source with the edits named, made once per
    module: ``from_clean()``, ``from_clean('reworded')``."""
    made = {}

    def built(*edited: str) -> Booklet:
        if edited not in made:
            made[edited] = build(tmp_path_factory.mktemp('clean'), *edited)
        return made[edited]
    return built


@pytest.fixture(scope='module')
def moved(from_clean, tmp_path_factory):
    """The build of the unedited source, then the middle moved on and rebuilt
    in the same folder: the labels kept are those of the build before."""
    folder = copy(from_clean(), tmp_path_factory.mktemp('moved') / 'book')
    assert kept_files(folder / 'out')  # the rebuild starts from them
    return build(folder, 'moved')


def kept_files(out):
    return sorted((out / 'doctrees' / 'page-labels').iterdir())


def middle_pages(path) -> set[int]:
    """The pages "the middle one", Chapter 30, is printed to be on."""
    return set(map(int, re.findall(r'Chapter 30 \(page (\d+)\)', one_line(path))))


def test_a_rebuild_prints_the_new_page_of_a_target_an_edit_moved(from_clean, moved):
    before, after = from_clean(), moved
    assert 'Chapter 60 (page 119)' in one_line(before.pdf)
    [middle] = middle_pages(before.pdf)
    text = one_line(after.pdf)
    assert 'Chapter 60 (page 121)' in text and 'Chapter 60 (page 119)' not in text
    assert middle_pages(after.pdf) == {middle + 2}
    assert_references_print_their_targets(after.reader, after.pdf)
    assert not after.warnings


def test_a_rebuild_gives_the_bytes_of_a_build_from_clean(from_clean, moved, tmp_path):
    first = from_clean().pdf.read_bytes()
    moved_bytes = moved.pdf.read_bytes()  # the labels kept have moved
    assert moved_bytes == from_clean('moved').pdf.read_bytes() != first
    reworded = build(copy(moved, tmp_path / 'book'), 'reworded')  # the labels kept hold
    assert reworded.pdf.read_bytes() == from_clean('moved', 'reworded').pdf.read_bytes() \
        != moved_bytes


@pytest.mark.parametrize('kept', [
    b'\x00\xff not a labels file',
    b'[["first", "1"]]',
    b'{"format": 1, "labels": {"x": 3}}',
])
def test_a_kept_file_that_cannot_be_read_is_ignored(from_clean, tmp_path, kept):
    folder = copy(from_clean(), tmp_path / 'book')
    for path in kept_files(folder / 'out'):
        path.write_bytes(kept)
    rebuilt = build(folder, 'reworded')
    assert not rebuilt.warnings
    assert rebuilt.pdf.read_bytes() == from_clean('reworded').pdf.read_bytes()


def test_wrong_labels_kept_are_never_printed(from_clean, tmp_path):
    folder = copy(from_clean(), tmp_path / 'book')
    for path in kept_files(folder / 'out'):  # every target said to be elsewhere
        path.write_text(path.read_text().replace('"119"', '"7"').replace('"3"', '"5"'))
    rebuilt = build(folder, 'reworded')
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
