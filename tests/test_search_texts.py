"""Search snippets without fetch(): every page's text in _static/searchtexts.js."""
import json
import re
import shutil

import pytest
from sphinx.search import js_index
from sphinx.util.console import strip_colors


def search_texts(app) -> dict:
    script = (app.outdir / '_static' / 'searchtexts.js').read_text(encoding='utf-8')
    prefix, suffix = 'OfflineSearch.setPages(', ');\n'
    assert script.startswith(prefix) and script.endswith(suffix)
    return json.loads(script[len(prefix):-len(suffix)])


@pytest.mark.sphinx('html', testroot='search')
def test_every_page_and_part_has_its_visible_text(app):
    app.build()
    texts = search_texts(app)
    assert sorted(texts) == ['index.html', 'setup.html']
    index = texts['index.html']
    assert index['title'] == 'Guide' and index['parts'] == []
    assert index['text'].startswith('Guide Start with the Frobnicator.')
    assert 'comment' not in index['text'] and 'replace' not in index['text']
    setup = texts['setup.html']
    assert setup['title'] == 'Setting up'
    assert setup['text'] == ('Setting up Open the settings. Sending mail Tick the box labeled '
                             'Use SSL. On Windows Pick the port.')
    assert [(part['title'], part['text']) for part in setup['parts']] == [
        ('Sending mail', 'Sending mail Tick the box labeled Use SSL. On Windows Pick the port.'),
        ('Sending mail › On Windows', 'On Windows Pick the port.'),
    ]


@pytest.mark.sphinx('html', testroot='search')
def test_each_anchor_is_held_by_the_innermost_part_around_it(app):
    """A search hit on an index entry's anchor is shown with the part it is in."""
    app.build()
    setup = search_texts(app)['setup.html']
    page = (app.outdir / 'setup.html').read_text(encoding='utf-8')
    anchors = re.findall(r'id="(index-\d+)"', page)
    assert anchors == ['index-0', 'index-1', 'index-2']
    sending, windows = setup['parts']
    assert sending['ids'] == ['sending-mail', 'index-1']
    assert windows['ids'] == ['index-2']  # index-0 is in no part: the page's own


@pytest.mark.sphinx('html', testroot='search')
def test_search_page_loads_the_texts_after_searchtools(app):
    app.build()
    page = (app.outdir / 'search.html').read_text(encoding='utf-8')
    order = ['offline-search.js', 'searchtexts.js', 'searchtools.js', 'searchindex.js']
    positions = [page.index(f'{name}') for name in order]
    assert positions == sorted(positions)
    # Deferred: they run after searchtools.js, in order, before the index starts a query.
    for name in order[:2]:
        assert re.search(rf'<script defer="defer" src="_static/{name}\?v=\w+"></script>', page)
    assert (app.outdir / '_static' / 'offline-search.js').is_file()
    assert 'offline-search' not in (app.outdir / 'index.html').read_text(encoding='utf-8')


@pytest.mark.sphinx('html', testroot='search')
def test_incremental_build_keeps_the_texts_of_pages_not_rewritten(app, make_app):
    app.build()
    (app.srcdir / 'index.rst').write_text(
        (app.srcdir / 'index.rst').read_text(encoding='utf-8').replace('Start', 'Begin'),
        encoding='utf-8')
    again = make_app('html', srcdir=app.srcdir)
    again.build()
    texts = search_texts(again)
    assert texts['index.html']['text'].startswith('Guide Begin with the Frobnicator.')
    assert texts['setup.html']['parts'][1]['text'] == 'On Windows Pick the port.'


def index_entries(app) -> dict:
    """What the written search index finds through index entries: entry ->
    [(page, anchor, whether it is the main entry)]."""
    frozen = js_index.loads((app.outdir / 'searchindex.js').read_text(encoding='utf-8'))
    return {entry: sorted((frozen['docnames'][page], anchor, main) for page, anchor, main in places)
            for entry, places in frozen['indexentries'].items()}


@pytest.mark.parametrize('theme', ['alabaster', 'helpguide'])  # Sphinx's builder, the guide's
def test_a_rebuild_keeps_the_index_entries_of_pages_not_written_again(make_app, rootdir,
                                                                     tmp_path, theme):
    """Search finds a page's index entries (a hit shown with its part) after
    a rebuild that writes no page again, or another page only; a page
    written again has its own entries as they are now."""
    src = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-search', src)
    settings = {'extensions': ['helpguide'], 'html_theme': theme}
    app = make_app('html', srcdir=src, confoverrides=settings)
    app.build()
    clean = index_entries(app)
    assert {'settings', 'ssl', 'port'} <= set(clean)
    make_app('html', srcdir=app.srcdir, confoverrides=settings).build()  # nothing changed
    assert index_entries(app) == clean
    index = app.srcdir / 'index.rst'
    index.write_text(index.read_text(encoding='utf-8').replace('Start', 'Begin'), encoding='utf-8')
    make_app('html', srcdir=app.srcdir, confoverrides=settings).build()
    assert index_entries(app) == clean
    index.write_text(index.read_text(encoding='utf-8') + '\n.. index:: single: Frobnicator\n\n'
                     'The Frobnicator.\n', encoding='utf-8')
    make_app('html', srcdir=app.srcdir, confoverrides=settings).build()
    again = index_entries(app)
    assert again.pop('frobnicator')[0][0] == 'index'
    assert again == clean
    setup = app.srcdir / 'setup.rst'
    setup.write_text(setup.read_text(encoding='utf-8').replace('single: port', 'single: gate'),
                     encoding='utf-8')
    make_app('html', srcdir=app.srcdir, confoverrides=settings).build()
    again = index_entries(app)
    assert 'port' not in again and again['gate'] == clean['port']
    assert again['frobnicator'][0][0] == 'index'


@pytest.mark.sphinx('html', testroot='search')
def test_incremental_build_without_the_old_texts_resolves_the_other_pages(app, make_app):
    app.build()
    (app.outdir / '_static' / 'searchtexts.js').unlink()
    (app.srcdir / 'index.rst').write_text(
        (app.srcdir / 'index.rst').read_text(encoding='utf-8') + '\nOne more line.\n',
        encoding='utf-8')
    again = make_app('html', srcdir=app.srcdir)
    again.build()
    texts = search_texts(again)
    assert texts['index.html']['text'].endswith('One more line.')
    assert texts['setup.html']['parts'][1]['text'] == 'On Windows Pick the port.'


#: Set: Sphinx's HTML builder sets a theme left unset, which is no change of ours.
THEME = {'html_theme': 'alabaster'}


def test_other_builders_reuse_what_the_html_build_read(make_app, rootdir, tmp_path):
    """The HTML build leaves the settings as conf.py has them: another
    builder run next on the same doctrees reads nothing again."""
    src = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-search', src)
    make_app('html', srcdir=src, confoverrides=THEME).build()
    other = make_app('dummy', srcdir=src, confoverrides=THEME)
    other.build()
    status = strip_colors(other.status.getvalue())
    assert 'The configuration has changed' not in status
    assert re.search(r'\b0 added, 0 changed, 0 removed', status), status
