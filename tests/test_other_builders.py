"""Sphinx's other builders write the guide under -W: every custom node has a
rendering in each (the checklist becomes standard nodes where a builder has
none), the EPUB lists each document once; and a project that keeps Sphinx's
own theme keeps Sphinx's own html builder."""
import re
import zipfile
from pathlib import Path

import pytest
from sphinx.builders.html import StandaloneHTMLBuilder

from helpguide.html.builder import GuideHTMLBuilder

BUILDERS = ['latex', 'epub', 'text', 'man', 'singlehtml', 'dirhtml', 'texinfo']


@pytest.fixture(scope='module', params=BUILDERS)
def built(request, real_guide):
    """(builder, its output folder, the Sphinx application that built it)."""
    app = real_guide(request.param)
    return request.param, Path(app.outdir), app


def text_of(builder, out) -> str:
    if builder == 'epub':
        (book,) = out.glob('*.epub')
        with zipfile.ZipFile(book) as epub:
            return epub.read('support.xhtml').decode('utf-8')
    suffix = {'latex': '.tex', 'man': '.1', 'texinfo': '.texi', 'text': 'support.txt',
              'singlehtml': 'index.html', 'dirhtml': 'support/index.html'}[builder]
    (found,) = [path for path in out.rglob('*') if path.as_posix().endswith(suffix)]
    return found.read_text(encoding='utf-8')


def test_the_guide_builds_without_a_warning(built):
    _builder, _out, app = built
    assert (app.statuscode, app.warnings_text) == (0, '')


def test_the_checklist_is_in_every_output(built):
    builder, out, _app = built
    text = text_of(builder, out)
    # A write-in line's label and a tick box's, in each builder's own escaping.
    assert 'Operating system name' in text
    assert 'Original operating system CD' in text
    box = {'latex': '{[} {]} Original', 'man': '[ ] Original', 'texinfo': '[ ] Original',
           'text': '[ ] Original'}
    if builder in box:
        assert box[builder] + ' operating system CD' in text


@pytest.mark.parametrize('built', ['epub'], indirect=True)
def test_the_epub_lists_each_program_once(built):
    _builder, out, _app = built
    (book,) = out.glob('*.epub')
    with zipfile.ZipFile(book) as epub:
        nav = epub.read('nav.xhtml').decode('utf-8')
        spine = epub.read('content.opf').decode('utf-8')
    # Eudora runs on both platforms: listed in both chapters of the HTML, once here.
    assert nav.count('href="programs/eudora-5.xhtml"') == 1
    (item,) = re.findall(r'<item id="([^"]+)" href="programs/eudora-5.xhtml"', spine)
    assert spine.count(f'<itemref idref="{item}"') == 1


# Sphinx's test app turns alabaster into basic unless the theme is given.
@pytest.mark.sphinx('html', testroot='plain', confoverrides={'html_theme': 'alabaster'})
def test_a_project_with_sphinx_theme_keeps_sphinx_html_builder(app):
    app.build()
    assert type(app.builder) is StandaloneHTMLBuilder
    page = (app.outdir / 'index.html').read_text(encoding='utf-8')
    assert '_static/alabaster.css' in page
    assert 'A page of a project that is not a help guide.' in page


@pytest.mark.sphinx('html', testroot='programs', confoverrides={'html_theme': 'helpguide'})
def test_a_project_with_the_guide_theme_gets_the_guide_builder(app):
    assert type(app.builder) is GuideHTMLBuilder
