"""axe-core finds no WCAG 2.1 A or AA violation on any page of the real
guide's HTML, in English and in French (as shipped on the disc), at a desktop
and a phone width, search results included."""
import json
from pathlib import Path

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

REPO = Path(__file__).resolve().parents[2]
#: Installed by .ci/run (npm, from .ci/package.json)
AXE = REPO / '.ci' / 'node_modules' / 'axe-core' / 'axe.min.js'
WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
WIDTHS = (1280, 390)
RUN = '''
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}}).then(result => done(
    result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))));
'''


@pytest.fixture(scope='module')
def axe_source():
    if not AXE.is_file():
        pytest.skip(f'axe-core is not installed at {AXE} (.ci/run installs it: '
                    'cd .ci && npm install)')
    return AXE.read_text(encoding='utf-8')


@pytest.fixture(autouse=True)
def emulated_screen(browser):
    """The session's browser is shared: the screen size a test emulates ends with it."""
    yield
    browser.driver.execute_cdp_cmd('Emulation.clearDeviceMetricsOverride', {})


@pytest.fixture(scope='module')
def site(real_guide):
    return Path(real_guide('html').outdir)


def pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob('*.html') if '_sources' not in path.parts)


def violations(browser, url: str, width: int, axe_source: str, ready=None) -> list[dict]:
    driver = browser.driver
    driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {
        'width': width, 'height': 900, 'deviceScaleFactor': 1, 'mobile': width < 600})
    driver.get(url)
    if ready:
        ready(driver)
    driver.execute_script(axe_source)
    driver.set_script_timeout(60)
    found = driver.execute_async_script(RUN, WCAG)
    # axe-core reads the style sheets itself, which file:// pages refuse it
    # (console errors); the page's own errors are the offline tests' concern.
    browser.take_log()
    return found


@pytest.mark.parametrize('width', WIDTHS)
def test_every_page_has_no_violation(browser, any_language, axe_source, width):
    site, found = any_language, {}
    for page in pages(site):
        if problems := violations(browser, page.as_uri(), width, axe_source):
            found[str(page.relative_to(site))] = problems
    assert found == {}, json.dumps(found, indent=1)
    assert len(pages(site)) > 10


def results_shown(driver):
    WebDriverWait(driver, 20).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, '#search-results li, .search li'))


@pytest.mark.parametrize('width', WIDTHS)
def test_search_results_have_no_violation(browser, any_language, axe_source, width):
    url = (any_language / 'search.html').as_uri() + '?q=SSL'
    assert violations(browser, url, width, axe_source, ready=results_shown) == []


def test_the_skip_link_is_first_and_leads_to_the_content(browser, site):
    driver = browser.driver
    driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {
        'width': 1280, 'height': 900, 'deviceScaleFactor': 1, 'mobile': False})
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
