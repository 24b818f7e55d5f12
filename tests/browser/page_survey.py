"""Every page of a site visited once at a width, with what the tests look at
read in the same visit: the phone and accessibility tests assert on the
record rather than each loading every page again (a page load, and axe-core
on it, are most of a browser test's time).

The width is emulated (``Emulation.setDeviceMetricsOverride``, a desktop
browser's viewport as a resized window has it: classic scroll bars, no
mobile zoom), which is quicker than resizing the window and ends with the
survey.
"""
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: Installed by .ci/run (npm, from .ci/package.json)
AXE = REPO / '.ci' / 'node_modules' / 'axe-core' / 'axe.min.js'
#: The browser window's width: a desktop screen.
DESKTOP = 1200
WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
AXE_RUN = '''
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']}).then(result => done(
    result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                 nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))));
'''

#: What the tests read of a page, as WebDriver's element rect gives it
#: (page coordinates).
MEASURE = '''
const rect = e => { const r = e.getBoundingClientRect();
    return {x: r.left + window.scrollX, y: r.top + window.scrollY,
            width: r.width, height: r.height}; };
const all = (root, selector) => [...root.querySelectorAll(selector)];
const html = document.documentElement;
const facts = document.querySelector('dl.program-facts');
return {
    viewport_tags: all(document, 'meta[name="viewport"]').length,
    inner_width: window.innerWidth,
    scroll: [html.scrollWidth, html.clientWidth],
    tables: all(document, 'div.body table.docutils').map(table => ({
        scroll: [table.scrollWidth, table.clientWidth], rect: rect(table),
        rows: all(table, 'tr').map(row => [...row.children].map(rect))})),
    bars: all(document, 'div.related').map(bar => ({
        crumbs: all(bar, 'li.nav-item').map(rect), links: all(bar, 'li.right').map(rect)})),
    facts: facts && {rect: rect(facts), values: all(facts, 'dd').map(dd => ({
        text: dd.innerText.trim(), rect: rect(dd),
        line: parseFloat(getComputedStyle(dd).lineHeight)}))},
};
'''


def pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob('*.html') if '_sources' not in path.parts)


class PageSurvey:
    """``survey(site, width)``: {page path: what it showed}, each page of
    *site* loaded once at *width* for the whole session; with axe-core
    installed, its WCAG violations under ``'violations'`` (else None)."""

    def __init__(self, browser):
        self.browser, self.done = browser, {}

    def __call__(self, site: Path, width: int) -> dict[Path, dict]:
        if (site, width) not in self.done:
            with emulated(self.browser, width), axe_in_every_page(self.browser) as axe:
                self.done[site, width] = {page: self.look(page.as_uri(), axe)
                                          for page in pages(site)}
        return self.done[site, width]

    def look(self, url: str, axe: bool, ready=None) -> dict:
        driver = self.browser.driver
        driver.get(url)
        if ready:
            ready(driver)
        seen = driver.execute_script(MEASURE)
        seen['violations'] = driver.execute_async_script(AXE_RUN, WCAG) if axe else None
        return seen


class emulated:
    """The page's width emulated at *width* (900 high) until the end of the block."""

    def __init__(self, browser, width: int):
        self.driver, self.width = browser.driver, width

    def __enter__(self):
        self.driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {
            'width': self.width, 'height': 900, 'deviceScaleFactor': 1, 'mobile': False})

    def __exit__(self, *exc):
        self.driver.execute_cdp_cmd('Emulation.clearDeviceMetricsOverride', {})


class axe_in_every_page:
    """axe-core, if installed, added to every page loaded in the block (sent
    to the browser once rather than with every page); True if it is."""

    def __init__(self, browser):
        self.browser, self.script = browser, None

    def __enter__(self) -> bool:
        if AXE.is_file():
            self.script = self.browser.driver.execute_cdp_cmd(
                'Page.addScriptToEvaluateOnNewDocument',
                {'source': AXE.read_text(encoding='utf-8')})
            self.browser.driver.set_script_timeout(60)
        return self.script is not None

    def __exit__(self, *exc):
        if self.script:
            self.browser.driver.execute_cdp_cmd('Page.removeScriptToEvaluateOnNewDocument',
                                                self.script)
            # axe-core reads the style sheets itself, which file:// pages
            # refuse it (console errors); the page's own errors are the
            # offline tests' concern.
            self.browser.take_log()
