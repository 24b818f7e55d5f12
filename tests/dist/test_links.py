"""Nothing on the disc points outside it: every src, href, CSS url() and
@import in the bundle resolves to a file inside the bundle."""
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

#: Attributes that make a browser load or navigate to a URL.
URL_ATTRIBUTES = {'src', 'href', 'action', 'poster', 'data'}
#: Links that open another program, not the network.
NOT_FETCHED = ('mailto:', 'tel:', 'data:')
CSS_URL = re.compile(r'''url\(\s*(['"]?)([^'")]*)\1\s*\)|@import\s+(['"])([^'"]+)\3''')


class _References(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls, self.styles, self._in_style = [], [], False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None:
                self.urls.append(value)
            elif name == 'srcset' and value:
                self.urls += [part.split()[0] for part in value.split(',') if part.strip()]
            elif name == 'style' and value:
                self.styles.append(value)
        self._in_style = tag == 'style'

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.styles.append(data)


def css_urls(css: str) -> list[str]:
    return [match.group(2) or match.group(4) for match in CSS_URL.finditer(css)]


def references(path: Path) -> list[str]:
    text = path.read_text(encoding='utf-8')
    if path.suffix == '.css':
        return css_urls(text)
    parser = _References()
    parser.feed(text)
    return parser.urls + [url for style in parser.styles for url in css_urls(style)]


def broken(root: Path, page: Path, url: str) -> str | None:
    """Why *url* on *page* does not resolve inside *root*, or None if it does."""
    if url.startswith(NOT_FETCHED):
        return None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith('//'):
        return 'points outside the bundle'
    if not parts.path:
        return None  # '#anchor' or '?query' on the page itself
    target = (page.parent / unquote(parts.path)).resolve()
    if not target.is_relative_to(root.resolve()):
        return 'leaves the bundle'
    if target.is_dir():
        target = target / 'index.html'
    return None if target.is_file() else 'no such file'


@pytest.fixture(scope='module')
def scanned(bundle):
    pages = sorted(p for p in bundle.rglob('*') if p.suffix in ('.html', '.css'))
    return {page: references(page) for page in pages}


def test_scanner_finds_what_it_scans_for(tmp_path):
    (tmp_path / 'a.css').write_text('@import url("b.css"); @import "c.css"; x { background: url(d.png) }')
    assert references(tmp_path / 'a.css') == ['b.css', 'c.css', 'd.png']
    page = tmp_path / 'p.html'
    page.write_text('<link href="s.css"><script src="https://cdn.example/x.js"></script>'
                    '<style>@import "//fonts.example/f.css";</style><a href="../x.html">x</a>')
    assert references(page) == ['s.css', 'https://cdn.example/x.js', '../x.html',
                                '//fonts.example/f.css']
    assert [broken(tmp_path, page, url) for url in references(page)] == [
        'no such file', 'points outside the bundle', 'leaves the bundle',
        'points outside the bundle']


def test_every_reference_resolves_inside_the_bundle(bundle, scanned):
    problems = [f'{page.relative_to(bundle)}: {url}: {why}'
                for page, urls in scanned.items() for url in urls
                if (why := broken(bundle, page, url))]
    assert problems == []
    counted = sum(map(len, scanned.values()))
    assert counted > 100  # the scan saw the pages, not an empty tree
    assert any(page.name == 'basic.css' for page in scanned)


def test_stock_theme_files_load_nothing_from_outside(bundle):
    """The basic theme's JavaScript names no remote resource to load."""
    remote = re.compile(r'''(?:src|href|import|fetch|open)\s*[=(]\s*['"`](?:https?:)?//''')
    scripts = sorted(bundle.glob('html/*/_static/*.js'))
    assert scripts
    for script in scripts:
        assert not remote.search(script.read_text(encoding='utf-8')), script.name
