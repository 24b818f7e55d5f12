"""A book with page references is laid out once, from clean and after an
edit that moves its targets: each reference's number is a slot filled in
once its target lands (helpguide/pdf/page_refs.py), and the labels the last
build kept (in the doctree cache) only widen the slots of labels wider than
three digits."""
import shutil

import pytest

from helpguide.pdf import book


@pytest.fixture
def layouts(make_app, rootdir, tmp_path, monkeypatch):
    """Build a copy of test-pdf-long again and again; the layouts each build ran."""
    src = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-pdf-long', src)
    counted = []
    lay_out = book.lay_out_tagged
    monkeypatch.setattr(book, 'lay_out_tagged',
                        lambda *args: counted.append(args) or lay_out(*args))

    def build(old='', new='') -> int:
        """A build after replacing *old* by *new* in the source (an
        unchanged book is up to date: not laid out at all)."""
        index = src / 'index.rst'
        index.write_text(index.read_text().replace(old, new, 1))
        counted.clear()
        make_app('booklet', srcdir=src, freshenv=True,
                 confoverrides={'booklet_editions': ['print']}).build()
        return len(counted)
    build.src = src
    return build


def test_a_book_is_laid_out_once_from_clean_and_after_edits(layouts):
    assert layouts() == 1  # from clean: no page known
    assert layouts('More words follow', 'More words come') == 1
    assert layouts('.. _mid:', 'Chapter 29b\n-----------\n\nAdded.\n\n.. _mid:') == 1  # moved


def test_a_lost_file_of_kept_labels_costs_no_layout(layouts):
    layouts()
    for kept in (layouts.src / '_build' / 'doctrees' / 'page-labels').iterdir():
        kept.unlink()
    assert layouts('More words follow', 'More words come') == 1
