"""The second guide (examples/home-routers) opened from its CD bundle in a
real browser with the network off: styled by the theme, every model page
reachable from the navigation, search with snippets."""
import re

import pytest
from selenium.webdriver.common.by import By

from page_search import result_items, search_from_box, summary

from tests.guides.home_routers import EXAMPLE, built_example, bundle_folder

pytestmark = pytest.mark.slow


@pytest.fixture(scope='module')
def routers(repo, tmp_path_factory):
    return bundle_folder(built_example(repo, tmp_path_factory))


def declared_models() -> dict[str, str]:
    """Model id -> name, as the example's sources declare them."""
    models = {}
    for source in sorted((EXAMPLE / 'source' / 'models').glob('*.rst')):
        text = source.read_text(encoding='utf-8')
        models[re.search(r'^\.\. subject::\s*(\S+)', text, re.M).group(1)] = \
            re.search(r'^\s+:name:\s*(.+)$', text, re.M).group(1).strip()
    return models


def test_the_guide_opens_from_the_landing_page_styled_by_the_theme(browser, routers):
    driver = browser.driver
    driver.get(routers.joinpath('index.html').as_uri())
    assert driver.find_element(By.TAG_NAME, 'h1').text == 'Securing your home Wi-Fi'
    driver.find_element(By.ID, 'open-guide').click()
    assert driver.current_url == routers.joinpath('html', 'index.html').as_uri()
    header = driver.find_element(By.CSS_SELECTOR, '.guide-header')
    # The theme's CSS gives the header its band of colour; unstyled, it has none.
    assert header.value_of_css_property('background-color') not in ('rgba(0, 0, 0, 0)',
                                                                   'transparent')
    assert header.text == 'Example Broadband: Securing your home Wi-Fi'
    urls = browser.offline_and_clean()
    assert routers.joinpath('html', '_static', 'helpguide.css').as_uri() in \
        [url.split('?')[0] for url in urls]


def test_every_model_page_loads_from_the_navigation(browser, routers):
    root = routers.joinpath('html').as_uri() + '/'
    headings = browser.crawl(root)
    reached = {url[len(root + 'models/'):-len('.html')]: heading
               for url, heading in headings.items() if url.startswith(root + 'models/')}
    assert reached == declared_models()
    browser.offline_and_clean()


def test_search_finds_the_model_with_a_snippet(browser, routers):
    driver = browser.driver
    search_from_box(driver, routers.joinpath('html', 'index.html').as_uri(), 'WPA3')
    assert summary(driver).startswith('Search finished')
    results = result_items(driver)
    target = routers.joinpath('html', 'models', 'homehub-200.html').as_uri()
    mine = [li for li in results
            if li.find_element(By.TAG_NAME, 'a').get_attribute('href').split('#')[0] == target]
    assert mine, [li.text for li in results]
    assert mine[0].find_element(By.TAG_NAME, 'a').text == 'HomeHub 200'
    snippet = mine[0].find_element(By.CSS_SELECTOR, 'p.context')
    assert 'WPA3' in snippet.text
    browser.offline_and_clean()
