"""A page's own table of contents is rendered only where a template shows it."""
import pytest

from helpguide.html.builder import DeferredHTML

GUIDE = {'extensions': ['helpguide'], 'html_theme': 'helpguide'}
SECTION_LINK = '<a class="reference internal" href="#sending-mail">Sending mail</a>'


@pytest.mark.sphinx('html', testroot='search',
                    confoverrides={**GUIDE, 'html_sidebars': {'**': ['localtoc.html']}})
def test_a_sidebar_that_shows_the_page_contents_gets_them(app):
    app.build()
    page = (app.outdir / 'setup.html').read_text(encoding='utf-8')
    sidebar = page[page.index('class="sphinxsidebar"'):]
    assert SECTION_LINK in sidebar
    assert '<DeferredHTML' not in page


@pytest.mark.sphinx('html', testroot='search', confoverrides=GUIDE)
def test_the_guide_sidebars_show_no_page_contents(app):
    app.build()
    page = (app.outdir / 'setup.html').read_text(encoding='utf-8')
    assert SECTION_LINK not in page
    assert 'Sending mail' in page


def test_deferred_html_renders_once_when_read_and_not_for_repr():
    calls = []

    def render():
        calls.append(1)
        return '<ul><li>A</li></ul>'

    fragment = DeferredHTML(render=render)
    assert 'not rendered' in repr(fragment) and not calls
    assert str(fragment) == '<ul><li>A</li></ul>'
    assert fragment + '!' == '<ul><li>A</li></ul>!' and 'li' in fragment and fragment
    assert len(calls) == 1


TITLES = ['Plain', 'a \'b\' "c" & <d> -- e ... f@g', 'Mac OS X 10.2 — “x” ’', 'x  y\tz', '']


@pytest.mark.sphinx('html', testroot='search', confoverrides=GUIDE)
def test_titles_render_as_sphinx_renders_them(app):
    """Titles of text alone skip Sphinx's docutils round trip: same HTML."""
    from docutils import nodes
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.writers.html5 import HTML5Translator

    app.build()
    made = [nodes.title(text, text) for text in TITLES]
    marked = nodes.title('', '', nodes.Text('Use '), nodes.emphasis('SSL', 'SSL'))
    for title in [*made, marked, *app.env.titles.values()]:
        expected = StandaloneHTMLBuilder.render_partial(app.builder, title.deepcopy())
        assert app.builder.render_partial(title.deepcopy()) == expected
    assert app.builder.render_partial(marked.deepcopy())['title'] == 'Use <em>SSL</em>'

    class Own(HTML5Translator):
        def visit_Text(self, node):
            self.body.append(node.astext().upper())

    app.set_translator('html', Own, override=True)
    assert app.builder.render_partial(nodes.title('mail', 'mail'))['title'] == 'MAIL'
