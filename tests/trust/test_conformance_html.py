"""docutils' own functional test documents through our HTML pipeline: with
safe defaults, and with raw and file insertion allowed (files of the corpus's
data/ folder copied inside the source folder). Every document builds without
an exception, every message names a file and line, the words of every section
title are on the page, and nothing from outside the source folder reaches the
output.

The documents are built together, one project per setting (the messages name
each document's file), and each document's page is read by a test of its own;
byte-identical documents (one input docutils tests with several writers) are
built once."""
import re
import shutil
from pathlib import Path

import pytest
from docutils import nodes

from docutils_corpus import CORPUS, DISTINCT, DOCUMENTS
from sphinxrun import html_text, sphinx_build

pytestmark = pytest.mark.slow

PASSWD = [line for line in Path('/etc/passwd').read_text().splitlines() if line]
MESSAGE = re.compile(r'^(?P<location>\S*?)(?::\d+)?: (?:WARNING|ERROR|CRITICAL|SEVERE): ', re.M)
ALLOWED = "guide_allow_raw = True\nguide_allow_file_insertion = True\n"
#: The root document, which lists every document of the corpus
INDEX = 'Corpus\n======\n\n.. toctree::\n   :glob:\n\n   *\n'


def squash(text: str) -> str:
    return ' '.join(text.split())


def test_the_corpus_is_there():
    assert len(DOCUMENTS) >= 30
    assert 'index.rst' not in [document.name for document in DOCUMENTS]


@pytest.fixture(scope='module', params=[False, True], ids=['safe', 'allowed'])
def corpus(request, tmp_path_factory):
    """The corpus built with the setting; (app, its messages, source folder)."""
    folder = tmp_path_factory.mktemp('corpus')
    src = folder / 'src'
    shutil.copytree(CORPUS / 'data', src / 'data')
    for document in DISTINCT.values():
        shutil.copy(document, src / document.name)
    (src / 'index.rst').write_text(INDEX, encoding='utf-8')
    # No sidebar: the theme's navigation renders the whole corpus's toctree on
    # each page (a fifth of the build, its messages said once per page again),
    # and a page's words are then its document's own.
    (src / 'conf.py').write_text("extensions = ['helpguide']\nexclude_patterns = ['data']\n"
                                 "html_copy_source = False\nhtml_sidebars = {'**': []}\n"
                                 + (ALLOWED if request.param else ''))
    app, text = sphinx_build(src, src, folder / 'html', folder / 'doctrees', 'html')
    return app, text, src


def test_every_message_names_a_file_and_line_in_the_sources(corpus):
    app, text, src = corpus
    starts = [line for line in text.splitlines()
              if re.search(r'(WARNING|ERROR|CRITICAL|SEVERE): ', line)]
    assert starts  # the corpus has mistakes: its messages are read at all
    located = [match['location'] for match in map(MESSAGE.match, starts) if match]
    assert len(located) == len(starts), text
    # Sphinx may print a location relative to the working directory.
    assert all(Path(location).resolve().is_relative_to(src.resolve())
               for location in located), text


def test_nothing_from_outside_the_sources_reaches_the_output(corpus):
    app, _, _ = corpus
    outputs = [path for path in Path(app.outdir).rglob('*') if path.is_file()]
    assert len(outputs) > len(DISTINCT)
    for path in outputs:
        data = path.read_bytes().decode('utf-8', 'replace')
        assert not any(line in data for line in PASSWD), path


@pytest.mark.parametrize('document', DISTINCT.values(), ids=list(DISTINCT))
def test_every_section_title_is_on_the_page(corpus, document):
    app, _, _ = corpus
    page = Path(app.outdir) / f'{document.stem}.html'
    shown = squash(html_text(page.read_text(encoding='utf-8')))
    doctree = app.env.get_doctree(document.stem)
    for title in doctree.findall(nodes.title):
        if isinstance(title.parent, nodes.section):
            # Words, not the whole title: footnote marks and sub/superscripts print otherwise.
            for word in re.findall(r'[^\W\d_]{3,}', title.astext()):
                assert word in shown, title.astext()
