"""A book with page references is laid out once where the page labels the
last build kept (in the doctree cache) still hold, twice where none are
kept or its targets moved."""
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


def test_a_rebuild_lays_the_book_out_once(layouts):
    assert layouts() == 2  # from clean: no page known
    assert layouts('More words follow', 'More words come') == 1
    assert layouts('so it takes two', 'so it needs two') == 1


def test_a_moved_target_or_a_lost_file_costs_one_layout_more(layouts):
    layouts()
    assert layouts('.. _mid:', 'Chapter 29b\n-----------\n\nAdded.\n\n.. _mid:') == 2
    for kept in (layouts.src / '_build' / 'doctrees' / 'page-labels').iterdir():
        kept.unlink()
    assert layouts('More words follow', 'More words come') == 2
    assert layouts('Added.', 'Added here.') == 1
