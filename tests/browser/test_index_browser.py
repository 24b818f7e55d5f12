"""The HTML guide's index in Chromium, from file://: the "index" link of a
page opens the General Index, and each of its links, clicked, shows a page
whose text holds the term, scrolled to an element that exists (read from
the session's survey of every page, page_survey.py)."""
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from selenium.webdriver.common.by import By

from page_survey import DESKTOP


def test_the_index_link_opens_the_general_index(browser, site):
    driver = browser.driver
    driver.get((site / 'programs' / 'eudora-5.html').as_uri())
    driver.find_element(By.CSS_SELECTOR, 'div.related a[data-rel="I"]').click()
    assert driver.current_url == (site / 'genindex.html').as_uri()
    assert driver.find_element(By.CSS_SELECTOR, 'div.body h1').text == 'Index'
    browser.offline_and_clean()


def test_every_index_link_lands_on_its_term(browser, survey, site):
    driver = browser.driver
    driver.get((site / 'genindex.html').as_uri())
    # (link, the term it is listed under: its own, or its main entry's)
    entries = driver.execute_script('''
        return [...document.querySelectorAll("table.genindextable li > a")].map(a => {
            const item = a.parentElement;
            const outer = item.parentElement.closest("li") || item;
            return [a.href, outer.firstChild.textContent.trim()];
        });''')
    assert len(entries) > 40
    # Each page as the survey read it (loaded once in the session): what a
    # link shows does not depend on its #fragment.
    seen = survey(site, DESKTOP)
    by_page = {}
    for href, term in entries:
        by_page.setdefault(href.partition('#')[0], []).append((href, term))
    for page, links in by_page.items():
        look = seen[Path(url2pathname(urlsplit(page).path))]
        body = look['body_text'].lower()
        for href, term in links:
            assert href.partition('#')[2] in look['ids'], href
            assert term.lower() in body, (href, term)
    browser.offline_and_clean()
