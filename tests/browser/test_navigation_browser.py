"""The sidebar in a browser: the whole table of contents on every page, the
page a reader is on marked, links that lead where they say from every folder."""
import shutil
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

from sphinxrun import sphinx_build

REPO = Path(__file__).parents[2]
ROOT = REPO / 'tests' / 'roots' / 'test-programs'
THEME = {'html_theme': 'helpguide', 'html_static_path': [str(REPO / 'assets' / 'css')]}
TREE = ['Windows', 'Beta Mail', 'Alpha Mail', 'Macintosh', 'Alpha Mail', 'Gamma Mail',
        'Cannot use SSL']


@pytest.fixture(scope='module')
def site(tmp_path_factory):
    """The test root built once for the module: the tests only read it."""
    src = tmp_path_factory.mktemp('navigation') / 'src'
    shutil.copytree(ROOT, src)
    app, _warnings = sphinx_build(src, src, src / '_build' / 'html', src / '_build' / 'doctrees',
                                  'html', confoverrides=THEME)
    return Path(app.outdir)


def sidebar(browser, page: Path, query: str = '') -> list[dict]:
    browser.driver.get(page.as_uri() + query)
    return browser.driver.execute_script('''
        return [...document.querySelectorAll('nav.guide-nav li > a')].map(link => ({
            text: link.innerText.trim(), href: link.href,
            link: link.classList.contains('current'),
            item: link.parentElement.classList.contains('current')}));''')


def test_every_page_shows_the_whole_tree(browser, site):
    out = site
    for page in ('index.html', 'win.html', 'programs/beta.html', 'appendix.html',
                 'search.html'):
        assert [e['text'] for e in sidebar(browser, out / page)] == TREE, page
    errors, _ = browser.take_log()
    assert errors == []


def test_the_page_and_its_chapters_are_marked(browser, site):
    out = site
    beta = sidebar(browser, out / 'programs' / 'beta.html')
    assert [e['text'] for e in beta if e['link']] == ['Beta Mail']
    assert [e['text'] for e in beta if e['item']] == ['Windows', 'Beta Mail']
    # A program in two chapters: the entry of the chapter it was reached along.
    alpha = sidebar(browser, out / 'programs' / 'alpha.html')
    assert [e['text'] for e in alpha if e['link']] == ['Alpha Mail']
    assert [e['text'] for e in alpha if e['item']] == ['Windows', 'Alpha Mail']
    alpha = sidebar(browser, out / 'programs' / 'alpha.html', '?platform=macintosh')
    assert [e['text'] for e in alpha if e['link']] == ['Alpha Mail']
    assert [e['text'] for e in alpha if e['item']] == ['Macintosh', 'Alpha Mail']
    assert alpha[4]['link'] and alpha[4]['href'].endswith('alpha.html?platform=macintosh')
    assert not any(e['item'] for e in sidebar(browser, out / 'index.html'))


def test_links_lead_to_their_pages_from_every_folder(browser, site):
    out = site
    for page in ('index.html', 'programs/gamma.html'):
        for entry in sidebar(browser, out / page):
            assert entry['href'].startswith(out.as_uri() + '/'), (page, entry)
    browser.driver.get((out / 'programs' / 'gamma.html').as_uri())
    browser.driver.find_element(By.LINK_TEXT, 'Windows').click()
    assert browser.driver.current_url == (out / 'win.html').as_uri()
    assert browser.driver.find_element(By.TAG_NAME, 'h1').text.rstrip('¶') == 'Windows'
