"""Headless Chromium (Debian's chromium-headless-shell and chromium-driver)
over file:// URLs.

The headless shell is Chromium's engine without the browser's user interface
(Chromium's "old" headless mode): the same rendering, layout and scripting,
and a sixth less CPU than ``chromium --headless`` for these tests. The
profile is chromedriver's own temporary one (with ``--user-data-dir`` the
shell opens no page that chromedriver can find).

The network is switched off in the browser, and every request it attempts
and every console message is recorded, so tests can show that the bundle
works from a disc with no network at all.
"""
import base64
import json
from pathlib import Path

import pytest

from page_navigation import Places
from page_survey import DESKTOP, PageSurvey

CHROMIUM = Path('/usr/bin/chromium-headless-shell')
CHROMEDRIVER = Path('/usr/bin/chromedriver')
FLAGS = ('--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync',
         f'--window-size={DESKTOP},900')


@pytest.fixture(scope='module')
def site(real_guide):
    """The real guide's HTML, built in the session."""
    return Path(real_guide('html').outdir)


@pytest.fixture(scope='module', params=['en', 'fr'])
def any_language(request, real_guide):
    """The real guide's HTML in each of its languages: the English built in
    the session, the French from the session's CD bundle (as a French reader
    gets it)."""
    if request.param == 'en':
        return Path(real_guide('html').outdir)
    return request.getfixturevalue('bundle') / 'html' / 'fr'


class Browser:
    """A Chrome WebDriver session and what the page did: console and requests."""

    def __init__(self, driver):
        self.driver = driver
        self.driver.execute_cdp_cmd('Network.enable', {})
        self.driver.execute_cdp_cmd('Network.emulateNetworkConditions', {
            'offline': True, 'latency': 0, 'downloadThroughput': -1, 'uploadThroughput': -1})
        self.take_log()  # what the browser did before the tests: its own start page

    def take_log(self) -> tuple[list[str], list[str]]:
        """(console errors, URLs requested) since the last call."""
        errors = [entry['message'] for entry in self.driver.get_log('browser')
                  if entry['level'] == 'SEVERE']
        urls = []
        for entry in self.driver.get_log('performance'):
            message = json.loads(entry['message'])['message']
            if message['method'] == 'Network.requestWillBeSent':
                urls.append(message['params']['request']['url'])
        return errors, urls

    def offline_and_clean(self, log=None) -> list[str]:
        """Assert nothing since the last look (or in *log*, a look kept from
        earlier) went wrong or reached past file://; return the URLs requested."""
        errors, urls = log or self.take_log()
        assert errors == []
        assert [url for url in urls if not url.startswith(('file://', 'data:'))] == []
        return urls

    def crawl(self, root: str) -> dict[str, str]:
        """Every page under *root* reached by following links from its index.html,
        with its heading."""
        start = root + 'index.html'
        seen, queue, headings = {start}, [start], {}
        while queue:
            url = queue.pop(0)
            self.driver.get(url)
            headings[url], hrefs = self.driver.execute_script(
                'return [document.querySelector("div.body h1").innerText.trim(),'
                '        [...document.querySelectorAll("a[href]")].map(a => a.href)];')
            for link in sorted({href.split('#')[0] for href in hrefs if href.startswith(root)
                                and href.split('#')[0].endswith('.html')} - seen):
                seen.add(link)
                queue.append(link)
        return headings

    def print_pdf(self) -> bytes:
        result = self.driver.execute_cdp_cmd('Page.printToPDF', {'printBackground': False})
        return base64.b64decode(result['data'])


@pytest.fixture(scope='session')
def browser():
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.skip(f'browser tests need Debian chromium-headless-shell and chromium-driver; missing: '
                    f'{", ".join(missing)} (.ci/run installs them)')
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.set_capability('goog:loggingPrefs', {'browser': 'ALL', 'performance': 'ALL'})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        yield Browser(driver)
    finally:
        driver.quit()


@pytest.fixture(scope='session')
def survey(browser):
    """``survey(site, width)``: what each page of *site* showed at *width*,
    every page loaded once in the session (page_survey.py)."""
    return PageSurvey(browser)


@pytest.fixture(scope='session')
def places(browser):
    """``places(url)``: what the page at *url* tells a reader about their
    place in the guide, each URL loaded once in the session (page_navigation.py)."""
    return Places(browser)
