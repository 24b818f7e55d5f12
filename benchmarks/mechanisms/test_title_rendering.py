"""Our HTML builder renders each page title once per build, and the same as Sphinx's."""
import pytest
from sphinx.builders.html import StandaloneHTMLBuilder

from helpguide.html.builder import GuideHTMLBuilder


@pytest.mark.sphinx('html', testroot='programs', confoverrides={'html_theme': 'helpguide'})
def test_each_title_is_rendered_once_however_many_pages_show_it(app, monkeypatch):
    assert isinstance(app.builder, GuideHTMLBuilder)
    rendered = []
    sphinx_render = StandaloneHTMLBuilder.render_partial
    own_render = GuideHTMLBuilder._text_title

    # Every title not yet rendered goes to _text_title first (text alone is
    # escaped there; others go on to Sphinx's render_partial).
    def counting(self, node):
        rendered.append(node)
        return own_render(self, node)

    monkeypatch.setattr(GuideHTMLBuilder, '_text_title', counting)
    app.build(force_all=True)  # the test root's pages may be up to date from another test
    assert rendered
    assert len(rendered) == len({id(node) for node in rendered})
    # A chapter's title is shown on each of its program pages, as Sphinx renders it.
    chapter = app.env.titles['win']
    page = (app.outdir / 'programs' / 'beta.html').read_text(encoding='utf-8')
    assert sphinx_render(app.builder, chapter)['title'] in page
