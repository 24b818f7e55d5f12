"""What a page tells a reader about their place in the guide, read in one
script once it has loaded: the related bars' links, the head's previous and
next, the sidebar's marks. A page shows this from its URL alone (the
navigation script reads ``?platform=``, and no link has a click handler), so
following a link's href is what clicking it does, and each URL is loaded
once in a session however many tests follow a link to it."""

READ = '''
const all = (root, selector) => [...root.querySelectorAll(selector)];
return {
    url: location.href,
    title: document.title,
    bars: all(document, 'div.related').map(bar => all(bar, 'a[data-rel], a[accesskey]').map(
        a => ({rel: a.getAttribute('data-rel'), accesskey: a.getAttribute('accesskey'),
               href: a.href, text: a.innerText.trim()}))),
    head: {prev: all(document, 'head link[rel="prev"]').map(link => link.href),
           next: all(document, 'head link[rel="next"]').map(link => link.href)},
    marked_chapters: all(document, 'nav.guide-nav li.toctree-l1.current').map(
        item => item.querySelector('a').innerText.trim()),
    marked_entries: all(document, 'nav.guide-nav a.current').length,
};
'''


def name(url: str) -> str:
    return url.split('/')[-1].split('?')[0].split('#')[0]


class Place(dict):
    """What READ found on a page."""

    def links(self, rel: str, bar: int | None = None) -> list[dict]:
        """The links of relation *rel* (U, P, N, I) of every bar, or of bar number *bar*."""
        bars = self['bars'] if bar is None else [self['bars'][bar]]
        return [link for links in bars for link in links if link['rel'] == rel]

    def key(self, key: str) -> str | None:
        """The href of the first link with access key *key*."""
        found = [link['href'] for links in self['bars'] for link in links
                 if link['accesskey'] == key]
        return found[0] if found else None


class Places:
    """``places(url)``: the Place of the page at *url*, loaded once a session."""

    def __init__(self, browser):
        self.browser, self.seen = browser, {}
        self.log = ([], [])  # console errors and requests of the loads

    def __call__(self, url: str) -> Place:
        if url not in self.seen:
            self.browser.driver.get(url)
            self.seen[url] = Place(self.browser.driver.execute_script(READ))
            errors, urls = self.browser.take_log()
            self.log[0].extend(errors)
            self.log[1].extend(urls)
        return self.seen[url]
