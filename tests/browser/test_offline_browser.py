"""The bundle opened from disk in a real browser with the network off:
landing page, navigation to every program, search with snippets, printing."""
import io
import re
import runpy
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from selenium.webdriver.common.by import By

from page_search import result_items, search_from_box, summary

NAVIGATION = ('div.sphinxsidebar', 'div.related', '.guide-header', '.footer')


def _option(text: str, name: str) -> str:
    return re.search(rf'^\s+:{name}:\s*(.+)$', text, re.M).group(1).strip()


def declared_programs(project: Path, ssl: str | None = None) -> dict[str, str]:
    """Program id -> name, as the sources declare them (those with *ssl* if given)."""
    programs = {}
    for source in sorted((project / 'source' / 'programs').glob('*.rst')):
        text = source.read_text(encoding='utf-8')
        if ssl is None or _option(text, 'ssl') == ssl:
            program_id = re.search(r'^\.\. email-program::\s*(\S+)', text, re.M).group(1)
            programs[program_id] = _option(text, 'name')
    return programs


@pytest.fixture(scope='module')
def project(bundle):
    return bundle.parents[2]


def test_landing_page_opens_the_guide(browser, bundle, project):
    driver = browser.driver
    driver.get(bundle.joinpath('index.html').as_uri())
    title = runpy.run_path(str(project / 'conf.py'))['guide_title']
    assert driver.find_element(By.TAG_NAME, 'h1').text == title
    driver.find_element(By.ID, 'open-guide').click()
    assert driver.current_url == bundle.joinpath('html', 'en', 'index.html').as_uri()
    assert driver.find_element(By.CSS_SELECTOR, 'div.body h1').text.startswith(title)
    assert driver.find_elements(By.CSS_SELECTOR, 'div.sphinxsidebar a')
    browser.offline_and_clean()


def test_every_program_page_loads_from_the_navigation(browser, bundle, project):
    root = bundle.joinpath('html', 'en').as_uri() + '/'
    headings = browser.crawl(root)
    programs = declared_programs(project)
    reached = {url[len(root + 'programs/'):-len('.html')]: heading
               for url, heading in headings.items() if url.startswith(root + 'programs/')}
    assert reached == programs
    browser.offline_and_clean()


def test_sidebar_lists_every_program_that_supports_ssl(browser, bundle, project):
    driver = browser.driver
    root = bundle.joinpath('html', 'en').as_uri() + '/'
    driver.get(root + 'index.html')
    listed = {link.get_attribute('href')[len(root + 'programs/'):].split('.html')[0]
              for link in driver.find_elements(By.CSS_SELECTOR, 'div.sphinxsidebar a')
              if link.get_attribute('href').startswith(root + 'programs/')}
    assert listed == set(declared_programs(project, ssl='yes'))


def test_search_lists_entourage_with_a_snippet(browser, bundle, project):
    driver = browser.driver
    (program_id, name), = [(pid, name) for pid, name in declared_programs(project).items()
                           if 'Entourage' in name]
    search_from_box(driver, bundle.joinpath('html', 'en', 'index.html').as_uri(), 'Entourage')
    assert summary(driver).startswith('Search finished')
    results = result_items(driver)
    target = bundle.joinpath('html', 'en', 'programs', f'{program_id}.html').as_uri()
    mine = [li for li in results
            if li.find_element(By.TAG_NAME, 'a').get_attribute('href').split('#')[0] == target]
    assert mine, [li.text for li in results]
    link = mine[0].find_element(By.TAG_NAME, 'a')
    assert link.text == name
    snippet = mine[0].find_element(By.CSS_SELECTOR, 'p.context')
    assert 'Entourage' in snippet.text and len(snippet.text) > len(name)
    assert snippet.find_elements(By.CSS_SELECTOR, 'span.highlighted')
    urls = browser.offline_and_clean()
    assert not any(url.startswith(target) for url in urls)  # the snippet was not fetched
    link.click()
    assert driver.current_url.split('#')[0] == target


def test_printing_a_program_page_hides_navigation_and_shows_the_steps(browser, bundle):
    driver = browser.driver
    page = bundle.joinpath('html', 'en', 'programs', 'outlook-express-entourage.html')
    driver.get(page.as_uri())
    steps = driver.find_elements(By.CSS_SELECTOR, 'div.platform-steps li')
    assert steps
    shown = {selector: driver.find_element(By.CSS_SELECTOR, selector).is_displayed()
             for selector in NAVIGATION}
    assert all(shown.values()), shown
    driver.execute_cdp_cmd('Emulation.setEmulatedMedia', {'media': 'print'})
    try:
        for selector in NAVIGATION:
            assert not driver.find_element(By.CSS_SELECTOR, selector).is_displayed(), selector
        assert all(step.is_displayed() for step in steps)
        printed = ' '.join(page.extract_text() for page in PdfReader(
            io.BytesIO(browser.print_pdf())).pages)
    finally:
        driver.execute_cdp_cmd('Emulation.setEmulatedMedia', {'media': ''})
    # Text from a PDF has spaces where boxed labels begin and end, and the
    # browser's fonts may set ligatures (ﬁ): compare without either.
    printed = ''.join(unicodedata.normalize('NFKC', printed).split())
    sidebar = driver.find_element(By.CSS_SELECTOR, 'div.sphinxsidebar h3').text
    assert sidebar and ''.join(sidebar.split()) not in printed
    for step in steps:
        assert ''.join(step.text.split()) in printed
    browser.offline_and_clean()
