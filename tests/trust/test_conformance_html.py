"""docutils' own functional test documents through our HTML pipeline: with
safe defaults, and with raw and file insertion allowed (files of the corpus's
data/ folder copied inside the source folder). Each builds without an
exception, every message names a file and line, the words of every section
title are on the page, and nothing from outside the source folder reaches the output."""
import re
import shutil
from pathlib import Path

import pytest
from docutils import nodes

from sphinxrun import html_text, sphinx_build

pytestmark = pytest.mark.slow

CORPUS = Path(__file__).resolve().parents[1] / 'corpus' / 'docutils-functional'
DOCUMENTS = sorted(CORPUS.glob('*.rst'))
PASSWD = [line for line in Path('/etc/passwd').read_text().splitlines() if line]
MESSAGE = re.compile(r'^(?P<location>\S*?)(?::\d+)?: (?:WARNING|ERROR|CRITICAL|SEVERE): ', re.M)
ALLOWED = "guide_allow_raw = True\nguide_allow_file_insertion = True\n"


def squash(text: str) -> str:
    return ' '.join(text.split())


def test_the_corpus_is_there():
    assert len(DOCUMENTS) >= 30


@pytest.mark.parametrize('allowed', [False, True], ids=['safe', 'allowed'])
@pytest.mark.parametrize('document', DOCUMENTS, ids=lambda path: path.stem)
def test_document_builds_cleanly_and_leaks_nothing(tmp_path, document, allowed):
    src = tmp_path / 'src'
    shutil.copytree(CORPUS / 'data', src / 'data')
    (src / 'index.rst').write_bytes(document.read_bytes())
    (src / 'conf.py').write_text("extensions = ['helpguide']\nexclude_patterns = ['data']\n"
                                 "html_copy_source = False\n" + (ALLOWED if allowed else ''))
    app, text = sphinx_build(src, src, tmp_path / 'html', tmp_path / 'doctrees', 'html')
    starts = [line for line in text.splitlines()
              if re.search(r'(WARNING|ERROR|CRITICAL|SEVERE): ', line)]
    located = [match['location'] for match in map(MESSAGE.match, starts) if match]
    assert len(located) == len(starts), text
    # Sphinx may print a location relative to the working directory.
    assert all(Path(location).resolve().is_relative_to(src.resolve())
               for location in located), text

    outputs = [path for path in (tmp_path / 'html').rglob('*') if path.is_file()]
    for path in outputs:
        data = path.read_bytes().decode('utf-8', 'replace')
        assert not any(line in data for line in PASSWD), path
    shown = squash(html_text((tmp_path / 'html' / 'index.html').read_text(encoding='utf-8')))
    doctree = app.env.get_doctree('index')
    for title in doctree.findall(nodes.title):
        if isinstance(title.parent, nodes.section):
            # Words, not the whole title: footnote marks and sub/superscripts print otherwise.
            for word in re.findall(r'[^\W\d_]{3,}', title.astext()):
                assert word in shown, title.astext()
