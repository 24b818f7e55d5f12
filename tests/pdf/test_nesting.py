"""Every construct inside every container prints, and what cannot be rendered
stops the build with ``file:line``, never a traceback.

The matrix document is written here, one section per (container, construct):
each construct carries a probe word, and each probe must reach the PDF once
per container that can hold it.
"""
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from docutils import nodes
from reportlab.lib.pagesizes import LETTER
from reportlab.platypus import Flowable

from helpguide.pdf.keeps import Keep, KeepInView, placed
from helpguide.pdf.registry import BLOCK
import helpguide.pdf.render  # noqa: F401  (registers the handlers the tests replace)
from helpguide.pdf.styles import book_styles
from helpguide.pdf.templates import frame_size
from helpguide.style import style_of
from booklets import build_booklet
from tests.pdf.pdfread import outline, page_text, stranded_headings

PIC = Path(__file__).resolve().parents[1] / 'roots' / 'test-pdf-basic' / 'pic.png'

#: construct -> (reStructuredText, its probe word)
CONSTRUCTS = {
    'paragraph': ('Prose with *emphasis*, ``code`` and `a link <https://example.org/>`_ '
                  'PROBEpara.', 'PROBEpara'),
    'figure': ('.. figure:: pic.png\n\n   PROBEfigcap caption.\n\n   PROBEfiglegend legend.',
               'PROBEfigcap'),
    'captioned-image': ('.. figure:: pic.png\n   :width: 40px\n\n   PROBEcapimg',
                        'PROBEcapimg'),
    'image': ('.. image:: pic.png\n   :alt: PROBEalt\n\nPROBEimage after.', 'PROBEimage'),
    'table': ('.. table:: PROBEtabcap\n\n   =====  ==========\n   Head   Col\n'
              '   =====  ==========\n   cell   PROBEtable\n   =====  ==========',
              'PROBEtable'),
    'bullets': ('- PROBEbullet\n- two\n\n  - nested', 'PROBEbullet'),
    'enumerated': ('#. PROBEenum\n#. second', 'PROBEenum'),
    'definitions': ('term\n   PROBEdefinition', 'PROBEdefinition'),
    'fields': (':name: PROBEfield\n:other: more', 'PROBEfield'),
    'options': ('-a         PROBEoption\n--long=X   long option', 'PROBEoption'),
    'code': ('.. code-block:: python\n\n   PROBEcode = 1', 'PROBEcode'),
    'literal': ('::\n\n   PROBEliteral text', 'PROBEliteral'),
    'line-block': ('| PROBEline one\n| line two', 'PROBEline'),
    'note': ('.. note:: PROBEnote', 'PROBEnote'),
    'admonition': ('.. admonition:: Title\n\n   PROBEadmon', 'PROBEadmon'),
    'rubric': ('.. rubric:: PROBErubric', 'PROBErubric'),
    'doctest': ('>>> PROBEdoctest\n2', 'PROBEdoctest'),
    'container': ('.. container:: klass\n\n   PROBEcontainer', 'PROBEcontainer'),
    'seealso': ('.. seealso:: PROBEseealso', 'PROBEseealso'),
    'versionadded': ('.. versionadded:: 1.0\n   PROBEversion', 'PROBEversion'),
    'centered': ('.. centered:: PROBEcentered', 'PROBEcentered'),
    'hlist': ('.. hlist::\n   :columns: 2\n\n   * PROBEhlist\n   * b', 'PROBEhlist'),
    'signature': ('.. py:function:: probe_signature(eggs, ham=1) -> int\n   :no-index:\n\n'
                  '   PROBEdescribed', 'PROBEdescribed'),
    'list-table': ('.. list-table::\n\n   * - PROBElisttable\n     - b', 'PROBElisttable'),
    'anchor-links': ('To `nowhere <#>`_ and `PROBEanchor <#missing>`_.', 'PROBEanchor'),
    'relative-link': ('See `PROBErelative <../user/page.html#part>`_.', 'PROBErelative'),
    'math': ('.. math::\n\n   PROBEmath', 'PROBEmath'),
}
#: container -> how it wraps a construct (topics and sidebars hold no others)
CONTAINERS = {
    'cell': lambda body: '.. list-table::\n\n   * - Cell\n     - Cell.\n\n'
                         + textwrap.indent(body, ' ' * 7),
    'admonition': lambda body: '.. note::\n\n' + textwrap.indent(body, '   '),
    'sidebar': lambda body: '.. sidebar:: Side\n\n' + textwrap.indent(body, '   '),
    'topic': lambda body: '.. topic:: Topic\n\n' + textwrap.indent(body, '   '),
    'list-item': lambda body: '- Item.\n\n' + textwrap.indent(body, '  '),
    'field-body': lambda body: ':field: Field.\n\n' + textwrap.indent(body, '   '),
    'footnote': lambda body: 'Noted [#]_.\n\n.. [#] Note.\n\n' + textwrap.indent(body, '   '),
    'block-quote': lambda body: 'Quoted:\n\n' + textwrap.indent(body, '   '),
}


def matrix() -> str:
    """A chapter per container, a section per construct in it: the sections
    run on, so constructs meet page turns anywhere, in 55 pages where a
    chapter each (a fresh page, and often a blank verso) made 443."""
    out = ['Matrix\n======\n']
    for container, wrap in CONTAINERS.items():
        out.append(f'{container}\n{"-" * len(container)}\n')
        for construct, (body, _probe) in CONSTRUCTS.items():
            title = f'{container} {construct}'
            out.append(f'{title}\n{"~" * len(title)}\n\n{wrap(body)}\n')
    return '\n'.join(out)


def write_project(src: Path, text: str, conf: str = '') -> Path:
    """A project of *text*, its print edition only: what the tests read."""
    src.mkdir()
    (src / 'conf.py').write_text("extensions = ['helpguide.pdf']\nbooklet_editions = ['print']\n"
                                 + conf)
    (src / 'index.rst').write_text(text)
    shutil.copy(PIC, src / 'pic.png')
    return src


@pytest.fixture(scope='module')
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp('matrix')
    return build_booklet(write_project(tmp / 'src', matrix()), tmp)


def test_every_construct_in_every_container_builds(built):
    assert built.app.statuscode == 0, built.warnings
    assert 'Traceback' not in built.warnings
    assert 'no handler for node' not in built.warnings
    assert 'no inline handler' not in built.warnings


def test_every_construct_in_every_container_reaches_the_page(built):
    text = page_text(built.pdf)
    for construct, (_body, probe) in CONSTRUCTS.items():
        assert text.count(probe) >= len(CONTAINERS), (construct, text.count(probe))
    assert 'page.html' not in text  # a relative link prints its words, never a path


def test_a_figure_in_a_cell_keeps_its_caption_and_legend(built):
    text = ' '.join(page_text(built.pdf).split())
    assert 'PROBEfigcap caption.' in text
    assert text.count('PROBEfiglegend legend.') >= len(CONTAINERS)


def fails_cleanly(booklet) -> list[str]:
    """The build failed with file:line messages; return them."""
    assert booklet.app.statuscode != 0
    assert 'Traceback' not in booklet.warnings
    found = re.findall(r'^\S+:\d+: (?:ERROR|CRITICAL): .*$', booklet.warnings, re.M)
    assert found, booklet.warnings
    assert not booklet.pdf.exists()
    return found


def test_raw_pdf_that_is_not_markup_is_an_error_at_its_line(tmp_path):
    src = write_project(tmp_path / 'src', 'T\n=\n\nText.\n\n.. raw:: pdf\n\n   <b>x<i>y</b>\n')
    errors = fails_cleanly(build_booklet(src, tmp_path))
    assert any('index.rst:6:' in e and 'raw pdf' in e for e in errors), errors


def test_raw_pdf_linking_a_destination_is_an_error_at_its_line(tmp_path):
    src = write_project(tmp_path / 'src', '.. role:: pdf(raw)\n   :format: pdf\n\nT\n=\n\n'
                        'Text :pdf:`<a href="#x">here</a>`.\n')
    errors = fails_cleanly(build_booklet(src, tmp_path))
    assert any('index.rst:7:' in e and "links to '#x'" in e for e in errors), errors


class Exploding(Flowable):
    """Raises while being laid out, as a ReportLab bug or odd input might."""

    def wrap(self, aW, aH):
        raise ZeroDivisionError('boom')


def test_an_exception_while_laying_out_a_node_is_an_error_at_its_line(tmp_path, monkeypatch):
    monkeypatch.setitem(BLOCK.handlers, nodes.rubric, lambda node, ctx: [Exploding()])
    src = write_project(tmp_path / 'src', 'T\n=\n\nText.\n\n.. rubric:: Bang\n')
    errors = fails_cleanly(build_booklet(src, tmp_path))
    assert any('index.rst:6:' in e and 'ZeroDivisionError: boom' in e for e in errors), errors


def test_an_exception_while_rendering_a_node_is_an_error_at_its_line(tmp_path, monkeypatch):

    def broken(node, ctx):
        raise KeyError('no such style')
    monkeypatch.setitem(BLOCK.handlers, nodes.rubric, broken)
    src = write_project(tmp_path / 'src', 'T\n=\n\nText.\n\n- item\n\n  .. rubric:: Bang\n')
    errors = fails_cleanly(build_booklet(src, tmp_path))
    # Sphinx's rubric has no line of its own: the item holding it is named.
    assert any('index.rst:6:' in e and 'rubric' in e and 'no such style' in e
               for e in errors), errors


#: Constructs set in from the left: each starts with an indent, not with text.
INDENTED = {
    'footnote': '.. [#] PROBEfootnote, right under its heading.\n\nIt is noted here [#]_.',
    'bullets': CONSTRUCTS['bullets'][0],
    'definitions': CONSTRUCTS['definitions'][0],
    'block-quote': '   PROBEquote, quoted.',  # indented under the heading: a quote
}


def filler_lengths() -> range:
    """Lines of filler under a chapter's heading that end it from seven lines
    above the foot of a Letter page's text frame down to the last line: a
    section heading after the filler lands a line lower each time. Left
    alone, a heading is stranded where the room left holds it but not the
    line under it; that band (a line and the heading's space after) is
    taller than a line, so the sweep lands some heading in it."""
    sheet = book_styles()
    opener, line = sheet['heading1'], sheet['line'].leading
    rows = int((frame_size(LETTER)[1] - opener.leading - opener.spaceAfter) // line)
    return range(rows - 7, rows)


def swept_chapters(chapter: str, section, tail: str) -> list[str]:
    """A chapter per filler length *count* (of :func:`filler_lengths`),
    titled ``chapter.format(count=count)``: that many lines of filler, then
    ``section(count)``, then *tail*."""
    out = []
    for count in filler_lengths():
        title = chapter.format(count=count)
        out.append(f'{title}\n{"-" * len(title)}\n\n' + '| Filler.\n' * count
                   + f'\n{section(count)}\n\n{tail}')
    return out


def heading(title: str) -> str:
    return f'{title}\n{"~" * len(title)}'


def bookmarked_pages(reader) -> dict[str, int]:
    """Bookmark title -> the page it leads to."""
    return {title: page for _, title, page in outline(reader)}


def keep_document() -> str:
    """A chapter per (construct, filler length): a filler of that many
    lines, then a section whose heading has the construct right under it,
    then a quarter of a page more, so that the chapter's tail, which is kept
    together whole (pdf.keeps.KeepTail), starts below the construct."""
    tail = '| After.\n' * (filler_lengths().stop // 3)  # more than a quarter of a page
    out = ['Keep\n====\n']
    for name, body in INDENTED.items():
        out += swept_chapters(f'{name} after {{count}} lines',
                              lambda count: f'{heading(f"Heading {count} {name}")}\n\n{body}', tail)
    return '\n'.join(out)


def test_a_heading_stays_with_an_indented_block_after_it(tmp_path):
    booklet = build_booklet(write_project(tmp_path / 'src', keep_document(),
                                          'booklet_contents_depth = 1\n'), tmp_path)
    assert booklet.app.statuscode == 0, booklet.warnings
    reader = booklet.reader
    page = bookmarked_pages(reader)
    for name in INDENTED:
        # The sweep reaches the foot: the heading is on its chapter's first
        # page while it and the line under it fit there, then on the next.
        moved = {page[f'Heading {count} {name}'] - page[f'{name} after {count} lines']
                 for count in filler_lengths()}
        assert moved == {0, 1}, (name, moved)
    # 'Contents' too: its chapters' entries run over a page, none kept with the next
    assert stranded_headings(reader, booklet.pdf, style_of(booklet.app)) == []


#: what is kept with a section's heading -> (the section's class and body, the keep to undo)
SPACED = {
    'first paragraph': ('', 'PROBE{count} under it.',
                        Keep, lambda self, aW, aH: placed(self._content)),
    'kept section': ('.. rst-class:: keep-together\n\n', '| Kept.\n| PROBE{count}, its last line.',
                     KeepInView, lambda self, aW, aH: placed(self.flowables)),
}


def spaced_document(klass: str, body: str) -> str:
    """A chapter per filler length: the filler, then a section (of *klass*,
    its *body*) whose heading has space above it, then a section of more
    than a quarter of a page, so that the chapter's kept tail starts after
    the first one."""
    tail = heading('More') + '\n\n' + '| After.\n' * (filler_lengths().stop // 3)
    return '\n'.join(['Spaced\n======\n', *swept_chapters(
        'Space after {count} lines',
        lambda count: f'{klass}{heading(f"Spaced heading {count}")}\n\n{body.format(count=count)}',
        tail)])


def probe_pages(booklet) -> dict[int, int]:
    """Filler length -> how many pages after its chapter's heading the probe
    (the last line kept with the section's heading) is."""
    pdf, page = booklet.pdf, bookmarked_pages(booklet.reader)
    where = {}
    for count in filler_lengths():
        start = page[f'Space after {count} lines']
        where[count] = next(offset for offset in range(3)
                            if f'PROBE{count}' in page_text(pdf, start + offset))
    return where


@pytest.mark.parametrize('kept', SPACED)
def test_a_heading_moves_with_what_is_kept_with_it_only_when_they_do_not_fit(
        tmp_path, monkeypatch, kept):
    """A heading and what is kept with it stay on the filler's page exactly
    when the frame, left to place them one after the other, gets them all
    there: the space above the heading counts once. Counted twice, a
    heading and its paragraph moved a line early and left the page's foot
    blank; not counted, a kept section was placed where it did not fit."""
    klass, body, keep, loose_split = SPACED[kept]
    project = write_project(tmp_path / 'src', spaced_document(klass, body),
                            'booklet_contents_depth = 1\n')
    built = build_booklet(project, tmp_path / 'kept')
    assert built.app.statuscode == 0, built.warnings
    monkeypatch.setattr(keep, 'split', loose_split)  # where the frame alone places the probe
    loose = probe_pages(build_booklet(project, tmp_path / 'loose'))
    assert set(loose.values()) == {0, 1}, loose  # the sweep crosses the page's foot
    page = bookmarked_pages(built.reader)
    moved = {count: page[f'Spaced heading {count}'] - page[f'Space after {count} lines']
             for count in filler_lengths()}
    assert moved == loose == probe_pages(built)
