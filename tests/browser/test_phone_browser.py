"""The guide on a phone (390 px wide) and the pages of unsupported programs,
in Chromium: one viewport tag, no page wider than the screen, a breadcrumb
that stays whole, a data box whose values keep their line, and unsupported
program pages that lead on (previous, next, up to their list)."""
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By

PHONE = 390


@pytest.fixture(scope='module')
def site(real_guide):
    return Path(real_guide('html').outdir)


def pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob('*.html') if '_sources' not in path.parts)


@pytest.fixture
def phone(browser):
    driver = browser.driver
    size = driver.get_window_size()
    driver.set_window_size(PHONE, 900)
    try:
        yield driver
    finally:
        driver.set_window_size(size['width'], size['height'])


def rect(element) -> dict:
    return element.rect


def test_every_page_has_one_viewport_tag(browser, site):
    for page in pages(site):
        browser.driver.get(page.as_uri())
        tags = browser.driver.find_elements(By.CSS_SELECTOR, 'meta[name="viewport"]')
        assert len(tags) == 1, page


def test_no_page_is_wider_than_a_phone(phone, site):
    assert phone.execute_script('return window.innerWidth') == PHONE
    for page in pages(site):
        phone.get(page.as_uri())
        scroll, client = phone.execute_script(
            'const e = document.documentElement; return [e.scrollWidth, e.clientWidth]')
        assert scroll <= client, (page.name, scroll, client)


def bars(driver):
    return driver.find_elements(By.CSS_SELECTOR, 'div.related')


def test_next_and_previous_never_share_a_line_with_a_wrapped_breadcrumb(phone, site):
    checked = 0
    for page in pages(site):
        phone.get(page.as_uri())
        for bar in bars(phone):
            crumbs = bar.find_elements(By.CSS_SELECTOR, 'li.nav-item')
            links = bar.find_elements(By.CSS_SELECTOR, 'li.right')
            if not links:
                continue
            first = rect(links[0])
            last_crumb = rect(crumbs[-1])
            # The links start below the breadcrumb's last line, at its left edge.
            assert first['y'] >= last_crumb['y'] + last_crumb['height'] - 1, page.name
            assert abs(first['x'] - rect(crumbs[0])['x']) <= 1, page.name
            checked += 1
    assert checked > 10


def test_on_a_wide_screen_the_bar_is_one_line(browser, site):
    browser.driver.get((site / 'windows.html').as_uri())
    bar = bars(browser.driver)[0]
    crumb = rect(bar.find_elements(By.CSS_SELECTOR, 'li.nav-item')[-1])
    link = rect(bar.find_elements(By.CSS_SELECTOR, 'li.right')[0])
    assert abs(crumb['y'] - link['y']) <= 2
    assert link['x'] > crumb['x'] + crumb['width']


def test_data_box_values_keep_their_line_on_a_phone(phone, site):
    phone.get((site / 'programs' / 'eudora-5.html').as_uri())
    box = phone.find_element(By.CSS_SELECTOR, 'dl.program-facts')
    values = box.find_elements(By.CSS_SELECTOR, 'dd')
    assert 'Windows and Macintosh' in [value.text for value in values]
    line = float(phone.execute_script(
        'return parseFloat(getComputedStyle(arguments[0]).lineHeight)', values[0]))
    for value in values:
        assert rect(value)['height'] < 1.5 * line, value.text  # one line each
        assert rect(value)['width'] > 0.8 * rect(box)['width'] - 40, value.text


def related(driver, which: str):
    found = driver.find_elements(By.CSS_SELECTOR, f'div.related a[accesskey="{which}"]')
    return found[0].get_attribute('href') if found else None


def test_unsupported_program_pages_lead_on(browser, site):
    driver = browser.driver
    listing = (site / 'unsupported.html').as_uri()
    driver.get(listing)
    table = [link.get_attribute('href').split('#')[0] for link in
             driver.find_elements(By.CSS_SELECTOR, 'table.unsupported-programs a')]
    assert len(table) >= 3
    after_listing = related(driver, 'N')
    visited, page = [], table[0]
    driver.get(page)
    assert related(driver, 'P') == listing
    while page != after_listing:
        visited.append(page)
        driver.get(page)
        assert related(driver, 'U') == listing, page  # the breadcrumb leads back to the list
        page = related(driver, 'N')
        assert page is not None and len(visited) <= len(table), visited
    assert visited == list(dict.fromkeys(table))
