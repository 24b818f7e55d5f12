"""A reader of one platform's chapter keeps it wherever they click, in
Chromium: a program reached from the chapter's list of programs, from the
entries under the chapter in the start page's contents or in the sidebar shows that chapter in its breadcrumb, the
sidebar marks that chapter and that entry only, and previous/next (the bars'
and the page head's <link>s) follow that chapter's order."""
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By


@pytest.fixture(scope='module')
def site(real_guide):
    return Path(real_guide('html').outdir)


@pytest.fixture(scope='module')
def chapters(real_guide):
    """platform -> (chapter title, its program pages' file names in order)."""
    app = real_guide('html')
    domain = app.env.get_domain('programs')
    return {platform: (title, [docname.split('/')[-1] + '.html'
                              for docname in domain.chapter_docnames(platform)])
            for platform, title in app.config.guide_platforms}


def name(url: str) -> str:
    return url.split('/')[-1].split('?')[0].split('#')[0]


def where_am_i(driver) -> dict:
    """What the page tells the reader about their place in the guide."""
    bars = driver.find_elements(By.CSS_SELECTOR, 'div.related')
    sidebar = driver.find_element(By.CSS_SELECTOR, 'nav.guide-nav')

    def rel(key):
        return {name(link.get_attribute('href')) for bar in bars
                for link in bar.find_elements(By.CSS_SELECTOR, f'a[data-rel="{key}"]')}

    def head(key):
        return {name(link.get_attribute('href'))
                for link in driver.find_elements(By.CSS_SELECTOR, f'head link[rel="{key}"]')}

    return {
        'up': {link.text for bar in bars
               for link in bar.find_elements(By.CSS_SELECTOR, 'a[data-rel="U"]')},
        'previous': rel('P'), 'next': rel('N'),
        'head previous': head('prev'), 'head next': head('next'),
        'marked chapters': [item.find_element(By.TAG_NAME, 'a').text for item in
                            sidebar.find_elements(By.CSS_SELECTOR, 'li.toctree-l1.current')],
        'marked entries': len(sidebar.find_elements(By.CSS_SELECTOR, 'a.current')),
    }


def entries_under(driver, chapter: str, where: str = 'nav.guide-nav'):
    """The entries under *chapter* in the contents at *where* (the sidebar's)."""
    for item in driver.find_elements(By.CSS_SELECTOR, f'{where} li.toctree-l1'):
        if item.find_element(By.TAG_NAME, 'a').text == chapter:
            return item.find_elements(By.CSS_SELECTOR, 'li.toctree-l2 > a')
    raise AssertionError(f'no sidebar entry {chapter}')


@pytest.mark.parametrize('how', ['chapter', 'contents', 'sidebar'])
@pytest.mark.parametrize('platform', ['windows', 'macintosh'])
def test_a_program_reached_from_a_chapter_stays_in_it(browser, site, chapters, platform, how):
    driver = browser.driver
    title, pages = chapters[platform]
    chapter = (site / f'{platform}.html').as_uri()
    shared = [page for page in pages if all(
        page in other for _, other in chapters.values())]
    assert shared, 'the guide has programs in both chapters'
    for index, page in enumerate(pages):
        if how == 'chapter':     # the chapter's list of its programs
            driver.get(chapter)
            links = driver.find_elements(By.CSS_SELECTOR, 'div.body div.toctree-wrapper a')
        elif how == 'contents':  # the start page's contents, under the chapter
            driver.get((site / 'index.html').as_uri())
            links = entries_under(driver, title, 'div.body')
        else:
            driver.get(chapter)
            links = entries_under(driver, title)
        [link] = [link for link in links if name(link.get_attribute('href')) == page]
        link.click()
        assert name(driver.current_url) == page
        seen = where_am_i(driver)
        previous = pages[index - 1] if index else f'{platform}.html'
        assert seen['up'] == {title}, (page, seen)
        assert seen['marked chapters'] == [title], (page, seen)
        assert seen['marked entries'] == 1, (page, seen)
        assert seen['previous'] == seen['head previous'] == {previous}, (page, seen)
        if index + 1 < len(pages):
            assert seen['next'] == seen['head next'] == {pages[index + 1]}, (page, seen)
        else:
            assert seen['next'] == seen['head next'] and not seen['next'] & set(pages)
    browser.offline_and_clean()


def test_the_chapter_pages_head_links_lead_along_it(browser, site, chapters):
    driver = browser.driver
    for platform, (_title, pages) in chapters.items():
        driver.get((site / f'{platform}.html').as_uri())
        [bar_next] = {link.get_attribute('href') for link in driver.find_elements(
            By.CSS_SELECTOR, 'div.related a[data-rel="N"]')}
        head_next = driver.find_element(By.CSS_SELECTOR, 'head link[rel="next"]')
        assert head_next.get_attribute('href') == bar_next
        assert name(bar_next) == pages[0]
