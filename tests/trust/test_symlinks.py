"""A symbolic link in the sources cannot bring in a file from outside them.

Every path a build reads is judged where it really is: a source document,
an image, a download or an inserted file that links outside the source
folder is an error naming it, and nothing of it reaches any output.
"""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from trust_project import build_scratch

REPO = Path(__file__).resolve().parents[2]
TOKEN = 'SECRET-51e4-BEHIND-A-LINK'
INDEX = ('Title\n=====\n\n.. toctree::\n\n   leak\n   fine\n\n'
         '.. image:: pic.png\n\n'                     # line 9
         ':download:`the file <notes.txt>`\n\n'       # line 11
         '.. literalinclude:: snippet.txt\n')         # line 13


def everything_in(folder: Path) -> str:
    """Every output file as text (a PDF as its text), and every image's bytes."""
    out = []
    for path in Path(folder).rglob('*'):
        if path.suffix == '.pdf':
            out.append(subprocess.run(['pdftotext', str(path), '-'], capture_output=True,
                                      text=True, check=True).stdout)
        elif path.is_file():
            out.append(path.read_bytes().decode('latin-1'))
    return '\n'.join(out)


@pytest.fixture
def linked_sources(tmp_path):
    """Sources whose links point outside them, and one that points inside."""
    private = tmp_path / 'private'
    private.mkdir()
    (private / 'secret.rst').write_text(f'Secret\n======\n\n{TOKEN}\n')
    (private / 'secret.txt').write_text(f'{TOKEN}\n')
    shutil.copy(REPO / 'assets' / 'logo.png', private / 'secret.png')
    src = tmp_path / 'src'
    src.mkdir()
    (src / 'leak.rst').symlink_to(private / 'secret.rst')
    (src / 'pic.png').symlink_to('../private/secret.png')
    (src / 'notes.txt').symlink_to(private / 'secret.txt')
    (src / 'snippet.txt').symlink_to(private / 'secret.txt')
    (src / 'real.rst').write_text(':orphan:\n\nFine\n====\n\nINSIDE-words.\n')
    (src / 'fine.rst').symlink_to('real.rst')  # a link that stays inside is fine
    return src


@pytest.mark.parametrize('builder', ['html', 'booklet'])
def test_links_out_of_the_sources_are_refused(make_app, linked_sources, builder):
    app, warnings = build_scratch(make_app, linked_sources, {'index.rst': INDEX}, builder,
                                  guide_allow_file_insertion=True, html_copy_source=True)
    assert 'leak.rst:1: ERROR: leak.rst is a link to' in warnings, warnings
    assert 'outside the source folder; it is not read' in warnings
    assert 'index.rst:9: ERROR: image pic.png is outside the source folder' in warnings
    assert 'index.rst:11: ERROR: download notes.txt is outside the source folder' in warnings
    assert 'index.rst:13: ERROR: "literalinclude" may not read' in warnings
    assert not re.search(r'(fine|real)\.rst:\d+: ERROR', warnings)
    output = everything_in(app.outdir)
    assert 'INSIDE-words' in output  # the outputs were read at all
    assert TOKEN not in output
    logo = (REPO / 'assets' / 'logo.png').read_bytes().decode('latin-1')
    assert logo not in output
