"""docutils' own functional test documents, each built with the booklet builder.

Each document renders (every section title in the PDF's text, none alone at
the foot of a page, no node left without a handler) or stops with a clean
``file:line`` message; an exception escaping the build fails the test.
"""
import re

import pytest
from docutils import nodes
from pypdf import PdfReader

from booklets import build_booklet
from docutils_corpus import CORPUS, DISTINCT, DOCUMENTS
from tests.pdf.pdfread import line_text, page_text, stranded_headings

# The print edition only: what is read back; the screen edition lays out the
# same flowables again without the blank pages (tests/pdf/test_guide_pdf.py).
CONF = ("extensions = ['helpguide.pdf']\nexclude_patterns = ['data']\n"
        "booklet_editions = ['print']\n")


def squash(text: str) -> str:
    return ' '.join(text.split())


def test_the_corpus_is_there():
    assert len(DOCUMENTS) >= 30


@pytest.mark.parametrize('document', DISTINCT.values(), ids=list(DISTINCT))
def test_document_renders_or_fails_cleanly(document, tmp_path):
    src = tmp_path / 'src'
    src.mkdir()
    (src / 'index.rst').write_bytes(document.read_bytes())
    (src / 'data').symlink_to(CORPUS / 'data')
    (src / 'conf.py').write_text(CONF)
    booklet = build_booklet(src, tmp_path)
    if booklet.app.statuscode:
        assert re.search(r'^\S+:\d+: (ERROR|CRITICAL): ', booklet.warnings, re.M)
        return
    assert 'no handler for node' not in booklet.warnings
    assert 'no inline handler for node' not in booklet.warnings
    reader = PdfReader(booklet.pdf)
    assert len(reader.pages) >= 3  # cover, its blank back, body
    # Line by line, or pdftotext's order where that splits a heading (read
    # only then: pdftotext's text is a second pass over the whole PDF).
    lines, text = squash(line_text(booklet.pdf)), None
    doctree = booklet.app.env.get_doctree('index')
    empty = {s[0].astext() for s in doctree.findall(nodes.section) if len(s) == 1}
    assert set(stranded_headings(reader, booklet.pdf)) <= empty
    for title in doctree.findall(nodes.title):
        if isinstance(title.parent, nodes.section):  # its words; images print otherwise
            words = squash(''.join(t.astext() for t in title.findall(nodes.Text)))
            if words not in lines:
                text = text or squash(page_text(booklet.pdf))
                assert words in text, words
