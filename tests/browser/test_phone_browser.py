"""The guide on a phone (390 px wide) and the pages of unsupported programs,
in Chromium: one viewport tag, no page wider than the screen, tables that
reflow rather than scroll, a breadcrumb
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


def test_no_page_is_wider_than_a_phone(phone, any_language):
    assert phone.execute_script('return window.innerWidth') == PHONE
    assert len(pages(any_language)) > 10
    for page in pages(any_language):
        phone.get(page.as_uri())
        scroll, client = phone.execute_script(
            'const e = document.documentElement; return [e.scrollWidth, e.clientWidth]')
        assert scroll <= client, (page.name, scroll, client)


def test_tables_reflow_on_a_phone_without_scrolling(phone, site):
    """No table scrolls sideways on its own either: each row's first cell
    takes a line, its other cells sit under it aligned with the head's."""
    checked = 0
    for page in pages(site):
        phone.get(page.as_uri())
        for table in phone.find_elements(By.CSS_SELECTOR, 'div.body table.docutils'):
            scroll, client = phone.execute_script(
                'return [arguments[0].scrollWidth, arguments[0].clientWidth]', table)
            assert scroll <= client, (page.name, scroll, client)
            assert rect(table)['x'] + rect(table)['width'] <= PHONE, page.name
            rows = table.find_elements(By.TAG_NAME, 'tr')
            head = [rect(cell) for cell in rows[0].find_elements(By.XPATH, './*')]
            for row in rows[1:]:
                cells = [rect(cell) for cell in row.find_elements(By.XPATH, './*')]
                assert cells[1]['y'] >= cells[0]['y'] + cells[0]['height'] - 1, page.name
                assert [round(cell['x']) for cell in cells[1:]] == \
                    [round(cell['x']) for cell in head[1:]], page.name
            checked += 1
    assert checked


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


def follow_next(driver, start: str) -> list[tuple[str, str]]:
    """(page, breadcrumb's chapter) of each page "next" leads to from *start*,
    until the chapter is left."""
    driver.get(start)
    chapter = driver.title.split(' — ')[0]
    seen = []
    while True:
        driver.find_element(By.CSS_SELECTOR, 'div.related a[data-rel="N"]').click()
        up = driver.find_elements(By.CSS_SELECTOR, 'div.related a[data-rel="U"]')
        name = driver.current_url.split('/')[-1].split('?')[0]
        seen.append((name, up[0].text if up else None))
        if not up or up[0].text != chapter or len(seen) > 20:
            return seen


def follow_previous(driver) -> list[str]:
    pages = []
    for _ in range(20):
        driver.find_element(By.CSS_SELECTOR, 'div.related a[data-rel="P"]').click()
        pages.append(driver.current_url.split('/')[-1].split('?')[0])
        if pages[-1] in ('windows.html', 'macintosh.html'):
            return pages
    return pages


@pytest.mark.parametrize('platform', ['windows', 'macintosh'])
def test_next_follows_each_platform_chapter_in_its_order(browser, site, real_guide, platform):
    driver = browser.driver
    domain = real_guide('html').env.get_domain('programs')
    expected = [docname.split('/')[-1] + '.html' for docname in domain.chapter_docnames(platform)]
    title = dict(real_guide('html').config.guide_platforms)[platform]
    seen = follow_next(driver, (site / f'{platform}.html').as_uri())
    # Every program of the chapter, in its order, each page under the chapter,
    # then on out of the chapter.
    assert [name for name, _ in seen[:-1]] == expected
    assert {up for _, up in seen[:-1]} == {title}
    assert seen[-1][1] != title
    # and back again with "previous", bottom bar included.
    assert follow_previous(driver)[:-1] == expected[::-1]
    bottom = driver.find_elements(By.CSS_SELECTOR, 'div.related')[-1]
    assert bottom.find_element(By.CSS_SELECTOR, 'a[data-rel="N"]').get_attribute(
        'href').split('/')[-1].split('?')[0] == expected[0]


def test_both_bars_of_a_shared_page_follow_the_chapter_it_was_reached_from(browser, site):
    driver = browser.driver
    for query, chapter, following in (('', 'Windows', 'outlook-2002.html'),
                                      ('?platform=macintosh', 'Macintosh',
                                       'netscape-messenger-4.html')):
        driver.get((site / 'programs' / 'eudora-5.html').as_uri() + query)
        ups = driver.find_elements(By.CSS_SELECTOR, 'div.related a[data-rel="U"]')
        nexts = driver.find_elements(By.CSS_SELECTOR, 'div.related a[data-rel="N"]')
        assert len(ups) == len(nexts) == 2
        assert [up.text for up in ups] == [chapter] * 2
        assert {link.get_attribute('href').split('/')[-1].split('?')[0]
                for link in nexts} == {following}
