"""Every page of a site visited once, with what the tests look at read in
the same visit at each width of WIDTHS: the phone and accessibility tests
assert on the record rather than each loading every page again (a page
load, and axe-core on it, are most of a browser test's time).

The width is emulated (``Emulation.setDeviceMetricsOverride``, a desktop
browser's viewport as a resized window has it: classic scroll bars, no
mobile zoom), which is quicker than resizing the window and ends with the
survey. A page is loaded at one width and then emulated at the other, as a
reader's resized window shows it: the guide's pages run no script that
depends on the width, and test_phone_browser.py shows that a page so read
is what a load at that width shows.
"""
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: Installed by .ci/run (npm, from .ci/package.json)
AXE = REPO / '.ci' / 'node_modules' / 'axe-core' / 'axe.min.js'
#: The browser window's width: a desktop screen.
DESKTOP = 1200
#: A phone's width.
PHONE = 390
#: The widths every page is surveyed at.
WIDTHS = (DESKTOP, PHONE)
WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
# preload: false, axe-core does not fetch the page's style sheets again for
# the CSSOM (file:// refuses it: a console error per sheet, and the one rule
# that reads it, css-orientation-lock, was left incomplete either way).
AXE_RUN = '''
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations'],
                   preload: false}).then(result => done(
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
    body_text: document.querySelector('div.body').innerText,
    ids: all(document, '[id]').map(e => e.id),
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
    *site* loaded once for the whole session and read at each of WIDTHS;
    with axe-core installed, its WCAG violations under ``'violations'`` (else
    None)."""

    def __init__(self, browser):
        self.browser, self.done = browser, {}
        self.logs = {}  # site: (console errors, URLs requested) of its pages' loads

    def __call__(self, site: Path, width: int) -> dict[Path, dict]:
        assert width in WIDTHS, f'the survey reads pages at {WIDTHS}, not {width}'
        if site not in self.done:
            self.browser.take_log()  # what came before is another test's
            seen = self.done[site] = {each: {} for each in WIDTHS}
            # Each page is loaded at the width the one before was left at (a
            # change of width costs about a fifth of a load).
            order = list(WIDTHS)
            with axe_in_every_page(self.browser) as axe, emulation(self.browser) as emulate:
                for page in pages(site):
                    emulate(order[0])
                    seen[order[0]][page] = self.look(page.as_uri(), axe)
                    for each in order[1:]:
                        emulate(each)
                        seen[each][page] = self.read(axe)
                    order.reverse()
            self.logs[site] = self.browser.take_log()
        return self.done[site][width]

    def look(self, url: str, axe: bool, ready=None) -> dict:
        """What the page at *url* shows, loaded now."""
        self.browser.driver.get(url)
        if ready:
            ready(self.browser.driver)
        return self.read(axe)

    def read(self, axe: bool) -> dict:
        """What the page loaded shows at the width it is now."""
        driver = self.browser.driver
        seen = driver.execute_script(MEASURE)
        seen['violations'] = driver.execute_async_script(AXE_RUN, WCAG) if axe else None
        return seen


class emulation:
    """``emulate(width)`` in the block: the page's width emulated at *width*
    (900 high), changed only when it differs from the last; none after."""

    def __init__(self, browser):
        self.driver, self.width = browser.driver, None

    def __enter__(self):
        return self

    def __call__(self, width: int):
        if width != self.width:
            self.driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {
                'width': width, 'height': 900, 'deviceScaleFactor': 1, 'mobile': False})
            self.width = width

    def __exit__(self, *exc):
        self.driver.execute_cdp_cmd('Emulation.clearDeviceMetricsOverride', {})


class emulated(emulation):
    """The page's width emulated at *width* until the end of the block."""

    def __init__(self, browser, width: int):
        super().__init__(browser)
        self(width)


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
