"""The HTML sidebar: every chapter and program on every page, the page a
reader is on marked, and kept right when a later build changes titles."""
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).parent / 'roots' / 'test-programs'
THEME = {'html_theme': 'helpguide'}
EVERY_ENTRY = ['Windows', 'Beta Mail', 'Alpha Mail', 'Macintosh', 'Alpha Mail', 'Gamma Mail',
               'Cannot use SSL']


class Sidebar(HTMLParser):
    """The entries of the guide's navigation: text, link, and marks."""

    def __init__(self):
        super().__init__()
        self.entries, self.depth, self.items = [], 0, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == 'nav' and 'guide-nav' in attrs.get('class', ''):
            self.depth = 1
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


def sidebar(app, docname):
    parser = Sidebar()
    parser.feed((app.outdir / f'{docname}.html').read_text(encoding='utf-8'))
    return parser.entries


def marked(entries, key):
    return [e['text'] for e in entries if e[key]]


@pytest.mark.sphinx('html', testroot='programs', confoverrides=THEME)
def test_every_page_shows_every_chapter_and_program(app):
    app.build()
    for docname in ('index', 'win', 'mac', 'appendix', 'programs/alpha', 'programs/gamma',
                    'genindex', 'search'):
        assert [e['text'] for e in sidebar(app, docname)] == EVERY_ENTRY, docname


@pytest.mark.sphinx('html', testroot='programs', confoverrides=THEME)
def test_links_lead_to_the_pages_from_every_folder(app):
    app.build()
    for docname in ('index', 'programs/beta'):
        for entry in sidebar(app, docname):
            target = (app.outdir / docname).parent / entry['href'].split('#')[0]
            assert target.is_file(), (docname, entry)
            title = re.search(r'<h1>(.*?)<', target.read_text(encoding='utf-8')).group(1)
            assert title == entry['text'] or entry['text'].startswith(title)


@pytest.mark.sphinx('html', testroot='programs', confoverrides=THEME)
def test_the_page_and_its_chapters_are_marked(app):
    app.build()
    beta = sidebar(app, 'programs/beta')
    assert marked(beta, 'link_current') == ['Beta Mail']
    assert marked(beta, 'item_current') == ['Windows', 'Beta Mail']
    # A program for both platforms is marked in both chapters.
    alpha = sidebar(app, 'programs/alpha')
    assert marked(alpha, 'link_current') == ['Alpha Mail', 'Alpha Mail']
    assert marked(alpha, 'item_current') == ['Windows', 'Alpha Mail', 'Macintosh',
                                             'Alpha Mail']
    mac = sidebar(app, 'mac')
    assert marked(mac, 'link_current') == ['Macintosh']
    assert marked(mac, 'item_current') == ['Macintosh']
    assert marked(sidebar(app, 'index'), 'item_current') == []


def test_a_renamed_program_is_renamed_on_pages_not_rebuilt(make_app, tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(ROOT, src)
    app = make_app('html', srcdir=src, confoverrides=THEME)
    app.build()
    gamma = src / 'programs' / 'gamma.rst'
    gamma.write_text(gamma.read_text(encoding='utf-8').replace(
        ':name: Gamma Mail', ':name: Gamma Mail Pro'), encoding='utf-8')
    app = make_app('html', srcdir=src, confoverrides=THEME)   # incremental: same doctrees and output
    app.build()
    for docname in ('index', 'programs/beta', 'appendix'):
        assert 'Gamma Mail Pro' in [e['text'] for e in sidebar(app, docname)], docname


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
