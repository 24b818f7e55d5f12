"""The HTML sidebar as written: the chapters on every page with the page's own
chapter marked (what a reader without JavaScript gets), and the script that
holds the whole table of contents. tests/browser/test_navigation_browser.py
shows the whole tree in a browser."""
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).parent / 'roots' / 'test-programs'
THEME = {'html_theme': 'helpguide'}
CHAPTERS = ['Windows', 'Macintosh', 'Cannot use SSL']
PROGRAMS = ['Beta Mail', 'Alpha Mail', 'Gamma Mail']


class Sidebar(HTMLParser):
    """The entries of the guide's navigation: text, link, and marks."""

    def __init__(self):
        super().__init__()
        self.entries, self.depth, self.items, self.page = [], 0, [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == 'nav' and 'guide-nav' in attrs.get('class', ''):
            self.depth, self.page = 1, attrs.get('data-page')
        elif self.depth and tag == 'nav':
            self.depth += 1
        if not self.depth:
            return
        if tag == 'li':
            self.items.append('current' in attrs.get('class', '').split())
        elif tag == 'a' and self.items:
            self.entries.append({'href': attrs['href'], 'text': '',
                                 'link_current': 'current' in attrs.get('class', '').split(),
                                 'item_current': self.items[-1]})

    def handle_endtag(self, tag):
        if self.depth and tag == 'li':
            self.items.pop()
        elif self.depth and tag == 'nav':
            self.depth -= 1

    def handle_data(self, data):
        if self.depth and self.entries and not self.entries[-1]['text']:
            self.entries[-1]['text'] = data.strip()


def sidebar(app, docname) -> Sidebar:
    parser = Sidebar()
    parser.feed((app.outdir / f'{docname}.html').read_text(encoding='utf-8'))
    return parser


def marked(entries, key):
    return [e['text'] for e in entries if e[key]]


def script_tree(app) -> str:
    script = (app.outdir / '_static' / 'guide-nav.js').read_text(encoding='utf-8')
    return json.loads(re.search(r'\}\)\((".*")\);\s*$', script, re.S).group(1))


@pytest.mark.sphinx('html', testroot='programs', confoverrides=THEME)
def test_every_page_lists_the_chapters_and_loads_the_tree(app):
    app.build()
    for docname in ('index', 'win', 'mac', 'appendix', 'programs/alpha', 'programs/gamma',
                    'genindex', 'search'):
        bar = sidebar(app, docname)
        assert [e['text'] for e in bar.entries] == CHAPTERS, docname
        assert bar.page == f'{docname}.html'
        page = (app.outdir / f'{docname}.html').read_text(encoding='utf-8')
        script = re.search(r'<script src="([^"]*guide-nav\.js)"', page).group(1)
        assert ((app.outdir / docname).parent / script).resolve() == \
            (app.outdir / '_static' / 'guide-nav.js').resolve()


@pytest.mark.sphinx('html', testroot='programs', confoverrides=THEME)
def test_the_script_holds_every_chapter_and_program_once_per_listing(app):
    app.build()
    parser = Sidebar()
    parser.feed(f'<nav class="guide-nav">{script_tree(app)}</nav>')
    assert [e['text'] for e in parser.entries] == [
        'Windows', 'Beta Mail', 'Alpha Mail', 'Macintosh', 'Alpha Mail', 'Gamma Mail',
        'Cannot use SSL']
    for entry in parser.entries:   # relative to the output folder; the script adds the rest
        target = app.outdir / entry['href'].split('#')[0].split('?')[0]
        title = re.search(r'<h1>(.*?)<', target.read_text(encoding='utf-8')).group(1)
        assert title == entry['text']
    assert not marked(parser.entries, 'item_current')
    # A program listed under its other chapter is reached along that chapter.
    assert [e['href'] for e in parser.entries if '?' in e['href']] == [
        'programs/alpha.html?platform=macintosh']


@pytest.mark.sphinx('html', testroot='programs', confoverrides=THEME)
def test_the_chapter_of_the_page_is_marked(app):
    app.build()
    beta = sidebar(app, 'programs/beta').entries
    assert marked(beta, 'item_current') == ['Windows'] and not marked(beta, 'link_current')
    # A program for both platforms is in both chapters; without the script,
    # which knows the chapter it was reached along, its home chapter is marked.
    assert marked(sidebar(app, 'programs/alpha').entries, 'item_current') == ['Windows']
    mac = sidebar(app, 'mac').entries
    assert marked(mac, 'link_current') == ['Macintosh']
    assert marked(mac, 'item_current') == ['Macintosh']
    assert marked(sidebar(app, 'index').entries, 'item_current') == []
    assert [e['href'] for e in sidebar(app, 'programs/beta').entries] == \
        ['../win.html', '../mac.html', '../appendix.html']


def test_a_renamed_program_is_renamed_in_the_tree(make_app, tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(ROOT, src)
    app = make_app('html', srcdir=src, confoverrides=THEME)
    app.build()
    gamma = src / 'programs' / 'gamma.rst'
    gamma.write_text(gamma.read_text(encoding='utf-8').replace(
        ':name: Gamma Mail', ':name: Gamma Mail Pro'), encoding='utf-8')
    app = make_app('html', srcdir=src, confoverrides=THEME)   # incremental
    app.build()
    assert 'Gamma Mail Pro</a>' in script_tree(app)


def test_a_text_edit_rewrites_only_its_page_and_chapters(make_app, tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(ROOT, src)
    app = make_app('html', srcdir=src, confoverrides=THEME)
    app.build()
    written = {p: p.stat().st_mtime_ns for p in Path(app.outdir).rglob('*.html')}
    beta = src / 'programs' / 'beta.rst'
    beta.write_text(beta.read_text(encoding='utf-8') + '\n   One more sentence.\n',
                    encoding='utf-8')
    app = make_app('html', srcdir=src, confoverrides=THEME)
    app.build()
    rewritten = {p.relative_to(app.outdir).as_posix() for p, t in written.items()
                 if p.stat().st_mtime_ns != t}
    assert 'programs/beta.html' in rewritten
    # Sphinx also rewrites the chapters that list it and their parents; the
    # other programs' pages keep the navigation they have, which is still right.
    assert not rewritten & {'programs/alpha.html', 'programs/gamma.html'}


def chapter_shown(page: str) -> list[str]:
    """How a page names the chapter win.html: link texts and link titles."""
    return (re.findall(r'<a [^>]*href="\.\./win\.html"[^>]*>\s*([^<]*?)\s*<', page)
            + re.findall(r'title="([^"]*)"\s+href="\.\./win\.html"', page))


def test_a_renamed_chapter_is_renamed_on_the_pages_that_show_it(make_app, tmp_path):
    """Titles are rendered once per build (helpguide.html.builder): the next
    build shows the new title, not the one rendered before."""
    src = tmp_path / 'src'
    shutil.copytree(ROOT, src)
    app = make_app('html', srcdir=src, confoverrides=THEME)
    app.build()
    beta = app.outdir / 'programs' / 'beta.html'
    shown = chapter_shown(beta.read_text(encoding='utf-8'))
    assert shown.count('Windows') > 2
    win = src / 'win.rst'
    win.write_text(win.read_text(encoding='utf-8').replace('Windows\n=======',
                                                           'Windows PCs\n==========='),
                   encoding='utf-8')
    app = make_app('html', srcdir=src, confoverrides=THEME)
    app.build(force_all=True)   # every page shows its chapter: all are written again
    assert chapter_shown(beta.read_text(encoding='utf-8')) == [
        'Windows PCs' if name == 'Windows' else name for name in shown]
