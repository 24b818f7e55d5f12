"""axe-core finds no WCAG 2.1 A or AA violation on any page of the real
guide's HTML, in English and in French (as shipped on the disc), at a desktop
and a phone width, search results included."""
import json

import pytest
from selenium.webdriver.common.by import By

from page_search import wait_for_results
from page_survey import AXE, WIDTHS, axe_in_every_page, emulated, pages


@pytest.fixture(scope='module')
def axe():
    if not AXE.is_file():
        pytest.skip(f'axe-core is not installed at {AXE} (.ci/run installs it: '
                    'cd .ci && npm install)')


@pytest.mark.parametrize('width', WIDTHS)
def test_every_page_has_no_violation(survey, any_language, axe, width):
    site, seen = any_language, survey(any_language, width)
    found = {str(page.relative_to(site)): look['violations']
             for page, look in seen.items() if look['violations']}
    assert found == {}, json.dumps(found, indent=1)
    assert len(seen) == len(pages(site)) > 10
    assert all(look['violations'] == [] for look in seen.values())


@pytest.mark.parametrize('width', WIDTHS)
def test_search_results_have_no_violation(browser, survey, any_language, axe, width):
    url = (any_language / 'search.html').as_uri() + '?q=SSL'
    with emulated(browser, width), axe_in_every_page(browser) as axe_added:
        look = survey.look(url, axe_added, ready=wait_for_results)
    assert look['violations'] == []


def test_the_skip_link_is_first_and_leads_to_the_content(browser, site):
    driver = browser.driver  # at the window's desktop width
    driver.get((site / 'programs' / 'eudora-5.html').as_uri())
    from selenium.webdriver.common.keys import Keys
    body = driver.find_element(By.TAG_NAME, 'body')
    body.send_keys(Keys.TAB)
    link = driver.switch_to.active_element
    assert link.text == 'Skip to content' and link.is_displayed()
    link.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute('id') == 'guide-content'


def test_the_related_bar_is_tabbed_in_the_order_seen(browser, site):
    driver = browser.driver
    driver.get((site / 'programs' / 'eudora-5.html').as_uri())
    bar = driver.find_elements(By.CSS_SELECTOR, 'div.related')[0]
    links = bar.find_elements(By.TAG_NAME, 'a')
    lefts = [link.rect['x'] for link in links]
    assert [link.text for link in links][-3:] == ['previous', 'next', 'index']
    assert lefts == sorted(lefts)  # markup (tab) order is left to right
    assert all(link.get_attribute('tabindex') in (None, '0') for link in links)


def test_platform_step_groups_are_headings(browser, site):
    driver = browser.driver
    driver.get((site / 'programs' / 'eudora-5.html').as_uri())
    headings = [(h.tag_name, h.text) for h in
                driver.find_elements(By.CSS_SELECTOR, 'div.body h1, div.body h2, div.body h3')]
    assert headings[:3] == [('h1', 'Eudora 5.x'), ('h2', 'Windows'), ('h2', 'Macintosh')]
    assert not driver.find_elements(By.CSS_SELECTOR, 'p.rubric.platform-title')


def test_a_printed_page_names_brand_edition_and_title(browser, site, tmp_path):
    import subprocess
    browser.driver.get((site / 'programs' / 'eudora-5.html').as_uri())
    printed = tmp_path / 'printed.pdf'
    printed.write_bytes(browser.print_pdf())
    first = subprocess.run(['pdftotext', '-l', '1', str(printed), '-'], capture_output=True,
                           text=True, check=True).stdout
    head = first.split('\n\n')[0]
    assert 'Covenant ISP' in head and 'Edition 2026.1' in head and 'Eudora 5.x' in head
