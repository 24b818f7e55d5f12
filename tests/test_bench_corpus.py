"""The benchmark compares tools on equal text: its corpus gives every tool the
same documents, and its count reads what a PDF lays out without running heads,
folios or leader dots. (Speed itself is measured by make bench, never here.)"""
import re
import sys
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from sphinxrun import sphinx_build

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / 'benchmarks'))

from content import laid_out  # noqa: E402
from generate import PROGRAMS, generate, split_platforms  # noqa: E402

SHARED = '''\
.. email-program:: both
   :name: Both Mail
   :platforms: windows macintosh
   :ssl: yes
   :requires: macintosh: Mac OS 9 or higher.

   .. steps:: windows

      #. Open Both Mail on Windows.

   .. steps:: windows macintosh

      #. Click OK.

   .. steps:: macintosh

      #. Open Both Mail on the Mac.
'''


def test_a_shared_program_becomes_one_per_platform_with_its_own_steps():
    windows, macintosh = split_platforms(SHARED)
    assert '.. email-program:: both-windows' in windows
    assert ':platforms: windows\n' in windows and ':platforms: macintosh\n' in macintosh
    assert 'on Windows' in windows and 'on the Mac' not in windows
    assert 'on the Mac' in macintosh and 'on Windows' not in macintosh
    assert windows.count('.. steps:: windows\n') == 2 and 'Click OK.' in windows
    assert macintosh.count('.. steps:: macintosh\n') == 2 and 'Click OK.' in macintosh
    assert 'Mac OS 9' in macintosh and 'Mac OS 9' not in windows


def test_unsupported_or_single_platform_programs_stay_as_they_are():
    unsupported = SHARED.replace(':ssl: yes', ':ssl: no')
    assert split_platforms(unsupported) == [unsupported]
    single = SHARED.replace('windows macintosh\n   :ssl', 'windows\n   :ssl')
    assert split_platforms(single) == [single]


@pytest.fixture(scope='module')
def corpus(tmp_path_factory):
    """The benchmark's guide at x2, read by Sphinx (dummy builder)."""
    root = generate(2, tmp_path_factory.mktemp('bench') / 'src-x2')
    out = root / '_build'
    # sphinx_build: docutils' directives are put back afterwards, so the
    # guide's own (its safe raw directive) do not reach the next build in
    # this process, a project without them.
    app, _warnings = sphinx_build(root / 'source', root, out / 'dummy', out / 'doctrees',
                                  'dummy')
    return root, app


@pytest.mark.slow
def test_every_program_document_is_in_one_chapter_only(corpus):
    root, app = corpus
    domain = app.env.get_domain('programs')
    windows, macintosh = (domain.chapter_docnames(p) for p in ('windows', 'macintosh'))
    # A tool that includes each document once (Sphinx's LaTeX, rinohtype) and
    # one that prints every chapter's list (our booklet) set the same programs.
    assert not set(windows) & set(macintosh)
    assert len(windows) == len(set(windows)) and len(macintosh) == len(set(macintosh))
    supported = {p.docname for p in domain.programs(supported=True)}
    assert set(windows) | set(macintosh) == supported
    for program in domain.programs():
        assert len(program.platforms) == 1 or not program.supported


@pytest.mark.slow
def test_the_corpus_keeps_every_chapter_entry_of_the_guide_and_its_copies(corpus):
    root, app = corpus
    domain = app.env.get_domain('programs')
    guide = [path.read_text(encoding='utf-8')
             for path in (REPO / 'source' / PROGRAMS).glob('*.rst')]
    expected = sum(len(re.search(r':platforms:(.*)', text).group(1).split())
                   for text in guide if ':ssl: yes' in text)
    listed = sum(len(domain.chapter_docnames(p)) for p in ('windows', 'macintosh'))
    assert listed == 2 * expected
    names = [p.name for p in domain.programs(platform='windows', supported=True)]
    assert 'Eudora 5.x' in names and 'Eudora 5.x (copy 2)' in names


@pytest.mark.slow
def test_the_corpus_has_no_support_checklist(corpus):
    root, _app = corpus
    for path in (root / 'source').rglob('*.rst'):
        assert 'support-checklist::' not in path.read_text(encoding='utf-8'), path


def test_the_count_leaves_out_running_heads_folios_and_leaders(tmp_path):
    pdf = tmp_path / 'count.pdf'
    canvas = Canvas(str(pdf), pagesize=LETTER)
    body = ['Open the program.', 'Click OK.', 'Close it.']
    for page, line in enumerate(body, 1):
        canvas.setFont('Helvetica', 9)
        canvas.drawString(72, 750, 'Windows')              # running head
        canvas.drawString(300, 40, str(page))               # folio
        canvas.setFont('Helvetica', 11)
        canvas.drawString(72, 700 - page * 20, line)        # body, a different height each page
        if page == 1:
            canvas.drawString(72, 600, 'Contents ' + '. ' * 20 + '3')
        canvas.showPage()
    canvas.save()
    counted = laid_out(pdf)
    text = ''.join(body) + 'Contents3'
    assert counted['chars'] == len(text.replace(' ', ''))
    assert counted['words'] == sum(len(line.split()) for line in body) + 2
    assert counted['pages'] == 3
    assert counted['furniture_chars'] == 3 * len('Windows') + 3
    assert counted['leader_chars'] == 20


def test_titles_at_the_top_and_repeated_lines_inside_a_page_are_text(tmp_path):
    pdf = tmp_path / 'title.pdf'
    canvas = Canvas(str(pdf), pagesize=LETTER)
    for page, title in enumerate(('Windows', 'Macintosh'), 1):
        canvas.setFont('Helvetica', 18)
        canvas.drawString(72, 750, title)                    # a chapter's title: the top row
        canvas.setFont('Helvetica', 11)
        canvas.drawString(72, 700, 'Open the program.')      # the same line, the same height
        canvas.drawString(300, 40, str(page))                # folio
        canvas.showPage()
    canvas.save()
    counted = laid_out(pdf)
    assert counted['chars'] == len('WindowsMacintosh') + 2 * len('Opentheprogram.')
    assert counted['furniture_chars'] == 2


@pytest.mark.slow
def test_sphinx_latex_gets_the_booklet_s_text_of_the_corpus(tmp_path):
    """Sphinx's LaTeX writer (no TeX needed to write the .tex), loaded as the
    benchmark loads it: every program once, no platform rubric inside its
    chapter, the unsupported programs indexed at the appendix."""
    sys.path.insert(0, str(REPO))
    from benchmarks.run import READING_PARTS
    root = generate(1, tmp_path / 'src-x1')
    out = root / '_build'
    app, _warnings = sphinx_build(
        root / 'source', root, out / 'latex', out / 'doctrees', 'latex',
        confoverrides={'extensions': [*READING_PARTS, 'as_booklet', 'latex_nodes']})
    tex = next((out / 'latex').glob('*.tex')).read_text(encoding='utf-8')
    domain = app.env.get_domain('programs')
    titles = re.findall(r'\\section\{([^}]*)\}', tex)
    supported = [p.name for p in domain.programs(supported=True)]
    assert sorted(titles) == sorted([*supported, 'Configuring your email program for SSL '
                                                 '(outgoing mail)'])
    # Sphinx writes the rubric naming the platform as an unnumbered heading.
    assert '\\subsubsection*{Windows}' not in tex and '\\subsubsection*{Macintosh}' not in tex
    appendix = tex[tex.index('\\chapter{Email programs that do not support SSL}'):]
    for program in domain.programs(supported=False):
        assert f'\\index{{{program.name.split(" ")[0]}' in appendix, program.name
