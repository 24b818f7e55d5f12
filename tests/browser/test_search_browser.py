"""The search page from disk in Chromium, network off: a term in several
parts of one page lists that page once for each part, told apart."""
import re

import pytest
from selenium.webdriver.common.by import By

from page_search import open_search, summary

#: In eudora-5.rst, an index entry and the step for it in each platform's steps.
TERM, PAGE = 'STARTTLS', 'programs/eudora-5.html'


def search(driver, site, words: str) -> tuple[str, list[dict]]:
    """The status line and the results (title, link, snippet) of a search."""
    open_search(driver, (site / 'search.html').as_uri() + f'?q={words}')
    return (summary(driver),
            driver.execute_script(
                'return [...document.querySelectorAll("#search-results ul.search > li")]'
                '.map(li => ({title: li.querySelector("a").innerText,'
                '             href: li.querySelector("a").href,'
                '             snippet: li.querySelector("p.context")?.innerText ?? ""}));'))


def parts_with_term(driver, url: str) -> dict[str, str]:
    """Title -> text of each platform's steps on the page at *url* that hold the term."""
    driver.get(url)
    return {title: text for title, text in driver.execute_script(
        'return [...document.querySelectorAll("div.platform-steps")]'
        '.map(div => [div.querySelector(".platform-title").innerText, div.innerText]);')
        if TERM in text}


def test_a_term_in_two_parts_lists_each_part_once(browser, any_language):
    driver = browser.driver
    status, results = search(driver, any_language, TERM)
    page_url = (any_language / PAGE).as_uri()
    parts = parts_with_term(driver, page_url)
    assert len(parts) == 2, parts
    page_title = driver.find_element(By.CSS_SELECTOR, 'div.body h1').text

    # "found N pages" counts the pages listed, and no two results look alike.
    pages = len({r['href'].split('#')[0] for r in results})
    if pages == 1:
        assert re.search(r'\b(one|une) page\b', status) and not re.search(r'\d', status), status
    else:
        assert re.findall(r'\d+', status) == [str(pages)], status
    shown = [(r['title'], r['snippet']) for r in results]
    assert len(set(shown)) == len(shown), shown
    mine = [r for r in results if r['href'].split('#')[0] == page_url]
    assert sorted(r['title'] for r in mine) == sorted(
        f'{page_title} › {title}' for title in parts), shown
    for result in mine:
        assert TERM in result['snippet'], result

    # Each link opens the page at the part it is titled with.
    for result in mine:
        driver.get(result['href'])
        anchor = result['href'].split('#')[1]
        part = driver.execute_script(
            'return document.getElementById(arguments[0])'
            '.closest("div.platform-steps").querySelector(".platform-title").innerText;',
            anchor)
        assert result['title'] == f'{page_title} › {part}'
        assert driver.execute_script(
            'const top = document.getElementById(arguments[0]).getBoundingClientRect().top;'
            'return -1 < top && top < window.innerHeight;', anchor)  # scrolled to it
    browser.offline_and_clean()

