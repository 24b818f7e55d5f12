"""A search run as a reader runs it: from a page's search box, or by opening
the search page with a query, then waited for until Sphinx's search says it
has finished: the status line under the results is written last, with or
without results. (Search._pulse_status is no sign: a tick of the dots
scheduled before the search ends starts them again, on a title they are no
longer part of.)"""
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

FINISHED = '''
return (document.querySelector("#search-results p.search-summary")?.innerText ?? "") !== "";
'''
#: What the page was doing, told when a search does not finish.
STATE = '''
return {url: location.href, ready: document.readyState,
        search_loaded: typeof Search !== "undefined",
        index_loaded: typeof Search !== "undefined" && Search.hasIndex(),
        queued: typeof Search !== "undefined" ? Search._queued_query : null,
        pulse: typeof Search !== "undefined" ? Search._pulse_status : null,
        results: document.getElementById("search-results")?.innerText ?? null};
'''


def search_from_box(driver, page_url: str, words: str):
    """Type *words* into the sidebar's search box on *page_url* and press Enter."""
    driver.get(page_url)
    box = driver.find_element(By.CSS_SELECTOR, 'div.sphinxsidebar input[name="q"]')
    box.send_keys(words, Keys.ENTER)
    wait_for_results(driver)


def open_search(driver, search_url: str):
    """Open the search page at *search_url* (``search.html?q=…``)."""
    driver.get(search_url)
    wait_for_results(driver)


def wait_for_results(driver, timeout: float = 60):
    try:
        WebDriverWait(driver, timeout).until(lambda d: d.execute_script(FINISHED))
    except TimeoutException:
        raise AssertionError(f'the search did not finish in {timeout} s: '
                             f'{driver.execute_script(STATE)}') from None


def summary(driver) -> str:
    """The status line: "Search finished, found …"."""
    return driver.find_element(By.CSS_SELECTOR, '#search-results p.search-summary').text


def result_items(driver):
    return driver.find_elements(By.CSS_SELECTOR, '#search-results ul.search > li')
