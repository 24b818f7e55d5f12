"""Links reach the web, mail or the guide itself: no script, data or file URLs.

Each refused link is an error at its line in every build and in ``make
check``, and its text is printed without the link: no ``href`` in the HTML,
no URI action in the PDF.
"""
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpguide.checks.report import check
from helpguide.link_schemes import scheme
from trust_project import build_scratch

LINKS = ('Title\n=====\n\n'
         'A `script <javascript:alert(1)>`_ link.\n\n'                    # line 4
         'A `data <DATA:text/html;base64,PHNjcmlwdD4=>`_ link.\n\n'      # line 6
         'A `file <file:///etc/passwd>`_ link.\n\n'                       # line 8
         'A `vb <vbscript:msgbox(1)>`_ link.\n\n'                         # line 10
         'A `web <https://example.org/page>`_ link, `mail <mailto:help@example.org>`_, '
         '`ftp <ftp://example.org/f>`_ and `here <#title>`_.\n\n'         # line 12
         '.. raw:: html\n\n   <a href="javascript:alert(2)">raw</a>\n')     # line 14
REFUSED = {4: 'javascript', 6: 'data', 8: 'file', 10: 'vbscript', 14: 'javascript'}


def errors_by_line(warnings: str) -> dict[int, str]:
    return {int(line): message for line, message in
            re.findall(r'index\.rst:(\d+): ERROR: (.*)', warnings)}


def uris(app) -> list[str]:
    """Every link target in the outputs: HTML hrefs and PDF URI actions."""
    found = []
    for path in Path(app.outdir).rglob('*.html'):
        found += re.findall(r'href="([^"]*)"', path.read_text(encoding='utf-8'))
    for path in Path(app.outdir).glob('*.pdf'):
        for page in PdfReader(path).pages:
            for annot in page.get('/Annots', []):
                action = annot.get_object().get('/A')
                if action is not None and '/URI' in action:
                    found.append(str(action['/URI']))
    return found


@pytest.mark.parametrize('builder', ['html', 'booklet'])
def test_links_with_other_schemes_are_errors_and_never_reach_the_output(
        make_app, tmp_path, builder):
    app, warnings = build_scratch(make_app, tmp_path / 'src', {'index.rst': LINKS}, builder,
                                  guide_allow_raw=True)
    errors = errors_by_line(warnings)
    for line, name in REFUSED.items():
        assert f"the scheme '{name}' is not allowed" in errors.get(line, ''), (line, warnings)
    assert 12 not in errors
    targets = uris(app)
    assert not [uri for uri in targets if scheme(uri) not in (None, 'http', 'https',
                                                                'mailto', 'ftp')], targets
    assert 'https://example.org/page' in targets
    text = ' '.join(path.read_text(encoding='utf-8', errors='replace')
                    for path in Path(app.outdir).rglob('*.html'))
    if builder == 'html':  # the words stay, unlinked
        assert 'A <span>script</span> link' in text or 'A script link' in text


def test_make_check_names_each_refused_link(tmp_path):
    src = tmp_path / 'src'
    src.mkdir()
    (src / 'conf.py').write_text("extensions = ['helpguide']\nguide_allow_raw = True\n")
    (src / 'index.rst').write_text(LINKS)
    problems = [str(p) for p in check(src, src)]
    for line, name in REFUSED.items():
        assert any(f'index.rst:{line}: error:' in p and f"'{name}'" in p
                   for p in problems), (line, problems)


def test_conf_py_can_allow_another_scheme(make_app, tmp_path):
    text = 'Title\n=====\n\nCall `us <tel:+15550100>`_ or `x <javascript:x>`_.\n'
    app, warnings = build_scratch(make_app, tmp_path / 'src', {'index.rst': text}, 'html',
                                  guide_link_schemes=['https', 'tel'])
    assert "the scheme 'javascript' is not allowed (allowed: https, tel;" in warnings
    assert 'tel:+15550100' in uris(app)


@pytest.mark.parametrize('uri', ['java\tscript:alert(1)', ' JavaScript:x', 'jAvAsCrIpT:x'])
def test_schemes_are_read_as_browsers_read_them(uri):
    assert scheme(uri) == 'javascript'


@pytest.mark.parametrize('uri', ['#anchor', 'page.html', '../other.html#x', '//example.org/'])
def test_links_inside_the_guide_have_no_scheme(uri):
    assert scheme(uri) is None
