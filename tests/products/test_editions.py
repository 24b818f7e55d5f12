"""Several editions at once: ``guide_papers = ['letter', 'a4']`` makes every
print product on each paper under its own name, and ``make dist``'s command
line ships them all, each named on the landing page.

Built from a small guide, tests/roots/test-up-to-date, with every product
the real guide has (its own bundle, one paper, is tests/dist/'s): the
names, sizes and landing page come from the engine, whatever the guide."""
import re
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from cd_bundle import EPOCH
from guide_build import build
from helpguide.__main__ import main as helpguide_main
from helpguide.config import BadSetting
from helpguide.style.paper import PAPERS
from sphinxrun import command

LETTER, A4 = PAPERS['letter'], PAPERS['a4']


@pytest.fixture(scope='module')
def project(rootdir, tmp_path_factory):
    """The small guide on two papers, in both booklet editions, built by what
    ``make dist`` runs, ``python -m helpguide build all dist``, in this process
    (make dist itself runs as a process for the session's bundle,
    tests/cd_bundle.py); build/ beside its sources, as a project's."""
    project = tmp_path_factory.mktemp('editions') / 'guide'
    shutil.copytree(rootdir / 'test-up-to-date', project)
    with open(project / 'conf.py', 'a', encoding='utf-8') as conf:
        # No guide_title: the handouts name the guide by project, and the
        # landing page still titles them by their program alone.
        conf.write("booklet_editions = ['print', 'screen']\n"
                   "guide_papers = ['letter', 'a4']\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv('SOURCE_DATE_EPOCH', EPOCH)  # the copy has no commit to take it from
        result = command(project, helpguide_main, 'build', 'all', 'dist', '-j', '1',
                         '--source', '.', '--conf', '.')
    assert result.returncode == 0, result.stderr
    return project


def size(path, page=0) -> tuple[float, float]:
    box = PdfReader(path).pages[page].mediabox
    return float(box.width), float(box.height)


@pytest.mark.slow
def test_each_product_is_made_on_each_paper(project):
    pdf = project / 'build' / 'pdf'
    assert sorted(path.name for path in pdf.glob('*.pdf')) == [
        'guide-a4.pdf', 'guide-letter.pdf', 'guide-saddle-stitch-a4.pdf',
        'guide-saddle-stitch-letter.pdf', 'guide-screen-a4.pdf', 'guide-screen-letter.pdf',
        'support-checklist-a4.pdf',
        'support-checklist-letter.pdf']
    assert size(pdf / 'guide-letter.pdf') == pytest.approx(LETTER)
    assert size(pdf / 'guide-a4.pdf') == pytest.approx(A4)
    assert size(pdf / 'guide-screen-a4.pdf') == pytest.approx(A4)
    assert size(pdf / 'support-checklist-a4.pdf') == pytest.approx(A4)
    # The saddle-stitch sheets are the paper turned landscape, two pages to a side.
    assert size(pdf / 'guide-saddle-stitch-letter.pdf') == pytest.approx(LETTER[::-1])
    assert size(pdf / 'guide-saddle-stitch-a4.pdf') == pytest.approx(A4[::-1])
    handouts = sorted(path.name for path in (pdf / 'handouts').glob('*.pdf'))
    assert 'alpha-windows-a4.pdf' in handouts and 'alpha-windows-letter.pdf' in handouts
    assert len([h for h in handouts if h.endswith('-a4.pdf')]) * 2 == len(handouts)
    assert size(pdf / 'handouts' / 'alpha-windows-a4.pdf') == pytest.approx(A4)
    assert size(pdf / 'handouts' / 'alpha-windows-letter.pdf') == pytest.approx(LETTER)


@pytest.mark.slow
def test_the_saddle_stitch_pages_are_half_the_sheet(project, tmp_path):
    """Half-letter pages on Letter, A5 on A4: the text of one printed page
    fits in half of the sheet."""
    for paper, half_width in (('letter', 396), ('a4', 420.9)):
        sheet = project / 'build' / 'pdf' / f'guide-saddle-stitch-{paper}.pdf'
        out = subprocess.run(['pdftotext', '-bbox', '-f', '1', '-l', '1', str(sheet), '-'],
                             capture_output=True, text=True, check=True).stdout
        xs = [float(x) for x in re.findall(r'xMin="([\d.]+)"', out)]
        # Sheet 1 holds the last page (blank) on the left, the cover on the right.
        assert xs and min(xs) >= half_width - 1, (paper, min(xs))


@pytest.mark.slow
def test_the_landing_page_names_every_edition(project):
    bundle = next((project / 'build' / 'dist').glob('*/'))
    landing = (bundle / 'index.html').read_text(encoding='utf-8')
    for name, title in (('guide-letter.pdf', 'The guide as a PDF booklet to print (Letter paper)'),
                        ('guide-a4.pdf', 'The guide as a PDF booklet to print (A4 paper)'),
                        ('guide-screen-a4.pdf', 'The guide as a PDF to read on screen (A4 paper)'),
                        ('guide-saddle-stitch-a4.pdf',
                         'The booklet for saddle-stitch printing (A4 paper)'),
                        ('support-checklist-letter.pdf',
                         'Support checklist to fill in (Letter paper)')):
        assert re.search(rf'<a href="pdf/{re.escape(name)}">{re.escape(title)}', landing), name
        assert (bundle / 'pdf' / name).is_file()
    # Handouts are grouped under their platform's heading, so the title no longer names it.
    windows = landing.split('<h3>Windows</h3>', 1)[1].split('</ul>', 1)[0]
    assert 'pdf/handouts/alpha-windows-a4.pdf">Alpha Mail (A4 paper)' in windows


def test_an_unknown_paper_among_the_editions_is_one_line(repo, tmp_path):
    with pytest.raises(BadSetting):
        build(repo, tmp_path, 'support-checklist', guide_papers=['letter', 'tabloid'])
