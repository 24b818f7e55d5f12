"""The HTML guide restyled by the test style (tests/styles/test-style), in a
real browser: the computed colours and fonts are the style's, the booklet's,
and the font files come from the guide itself, never the network."""
import pytest
from selenium.webdriver.common.by import By

from styled_guide import BRAND, MENU_ARROW, NOTE_BACKGROUND, NOTE_RULE, styled_guide

pytestmark = pytest.mark.slow


@pytest.fixture(scope='module')
def page(repo, tmp_path_factory, browser):
    project = styled_guide(repo, tmp_path_factory)
    html = project / 'build' / 'html'
    # A program's page: a heading, a data box, steps and a note.
    browser.take_log()
    browser.driver.get((html / 'programs' / 'eudora-5.html').as_uri())
    browser.driver.execute_async_script('document.fonts.ready.then(arguments[0])')
    return browser


def computed(browser, selector: str, prop: str) -> str:
    element = browser.driver.find_element(By.CSS_SELECTOR, selector)
    return browser.driver.execute_script(
        'return getComputedStyle(arguments[0]).getPropertyValue(arguments[1])', element, prop)


def rgb(colour) -> str:
    return 'rgb({}, {}, {})'.format(*colour)


def test_colours_are_the_styles(page):
    assert computed(page, 'h1', 'color') == rgb(BRAND)
    assert computed(page, '.guide-header', 'background-color') == rgb(BRAND)
    assert computed(page, 'div.note', 'background-color') == rgb(NOTE_BACKGROUND)
    assert computed(page, 'div.note', 'border-left-color') == rgb(NOTE_RULE)
    assert computed(page, 'a.reference.internal', 'color') == rgb(BRAND)  # link = brand


def test_a_menu_path_has_the_styles_arrow(page):
    menu = page.driver.find_element(By.CSS_SELECTOR, 'span.menuselection')
    assert menu.text == f'Tools {MENU_ARROW} Options…'


def test_fonts_are_the_styles_shipped_with_the_page(page):
    assert computed(page, 'div.body p', 'font-family').startswith('guide-body')
    assert computed(page, 'h1', 'font-family').startswith('guide-heading')
    assert page.driver.execute_script(
        "return document.fonts.check('16px guide-body') && "
        "[...document.fonts].some(f => f.family === 'guide-body' && f.status === 'loaded')")
    errors, urls = page.take_log()
    assert errors == []
    fonts = {url.rsplit('/', 1)[-1] for url in urls if '/_static/fonts/' in url}
    assert 'Caladea-Regular.ttf' in fonts and 'Caladea-Bold.ttf' in fonts, urls
    assert all(url.startswith('file://') for url in urls), urls
