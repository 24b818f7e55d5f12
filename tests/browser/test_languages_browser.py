"""A bundle in two languages from disk in Chromium, network off: the landing
page lets the reader choose the language, and each language's search finds
words of its own language only."""
import pytest
from selenium.webdriver.common.by import By

from i18n.bilingual import shared_disc
from page_search import result_items, search_from_box


@pytest.fixture(scope='module')
def disc(rootdir, tmp_path_factory):
    return shared_disc(rootdir, tmp_path_factory)


def offline(browser):
    errors, urls = browser.take_log()
    assert errors == []
    assert [url for url in urls if not url.startswith(('file://', 'data:'))] == []


def test_the_landing_page_lets_the_reader_choose_french(browser, disc):
    driver = browser.driver
    driver.get(disc.joinpath('index.html').as_uri())
    assert driver.find_element(By.TAG_NAME, 'html').get_attribute('lang') == 'en'
    driver.find_element(By.CSS_SELECTOR, 'nav.languages a[hreflang="fr"]').click()
    assert driver.current_url == disc.joinpath('index-fr.html').as_uri()
    assert driver.find_element(By.TAG_NAME, 'h1').text == 'Un guide traduit'
    opener = driver.find_element(By.ID, 'open-guide')
    assert opener.text == 'Ouvrir le guide'
    opener.click()
    assert driver.current_url == disc.joinpath('html', 'fr', 'index.html').as_uri()
    assert driver.find_element(By.CSS_SELECTOR, 'div.body h1').text == 'Aidez-nous à vous aider'
    driver.back()
    driver.back()
    driver.find_element(By.CSS_SELECTOR, 'nav.languages a[hreflang="en"]').click()
    assert driver.find_element(By.ID, 'open-guide').text == 'Open the guide'
    offline(browser)


def search(driver, page, words: str) -> list[str]:
    """The result links of a search from *page*'s search box."""
    search_from_box(driver, page.as_uri(), words)
    return [item.find_element(By.TAG_NAME, 'a').text for item in result_items(driver)]


@pytest.mark.parametrize('language, found, not_found', [
    ('fr', ('affiche', 'écran'), ('screen', 'shows')),
    ('en', ('screen', 'shows'), ('affiche', 'écran')),
])
def test_each_language_searches_its_own_pages(browser, disc, language, found, not_found):
    page = disc / 'html' / language / 'index.html'
    title = {'fr': 'Aidez-nous à vous aider', 'en': 'Help us help you'}[language]
    for word in found:
        assert search(browser.driver, page, word) == [title], word
    for word in not_found:
        assert search(browser.driver, page, word) == [], word
    offline(browser)
