"""The real guide's booklet: chapters, programs, every seed step, appendix, checklist."""
import re
import runpy
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4

import seed
from booklets import Booklet
from helpguide.products.saddle_stitch import half_sheet
from tests.pdf.pdfread import (assert_page_references_read_as_text, assert_references_print_their_targets,
                     contents, fonts, outline, page_text, stranded_headings, words)
from sphinxrun import command

PLATFORMS = {'windows': 'Windows', 'macintosh': 'Macintosh'}


@pytest.fixture(scope='module')
def guide(real_guide):
    app = real_guide('booklet')
    assert app.statuscode == 0, app.warnings_text
    return Booklet(app.outdir / app.config.booklet_filename, app.warnings_text, app)


@pytest.fixture(scope='module')
def reader(guide):
    return PdfReader(guide.pdf)


def sections(reader, chapter):
    """(title, first page, last page) of each section of a chapter."""
    marks = outline(reader)
    start = next(i for i, (depth, title, _) in enumerate(marks)
                 if depth == 0 and title == chapter)
    end = next((i for i in range(start + 1, len(marks)) if marks[i][0] == 0), len(marks))
    chapter_end = marks[end][2] - 1 if end < len(marks) else len(reader.pages) - 1
    children = [m for m in marks[start + 1:end] if m[0] == 1]
    return [(title, page, children[i + 1][2] if i + 1 < len(children) else chapter_end)
            for i, (_, title, page) in enumerate(children)]


def test_builds_without_a_warning(guide):
    assert guide.warnings == ''


def test_outline_is_cover_contents_and_the_chapters_in_order(reader):
    chapters = [title for depth, title, _ in outline(reader) if depth == 0]
    assert chapters == ['Cover', 'Contents', 'Introduction', 'Windows', 'Macintosh',
                        'Email programs that do not support SSL', 'Help us help you', 'Index']


@pytest.mark.parametrize('platform', PLATFORMS)
def test_platform_chapters_hold_the_seed_programs_in_order(reader, platform):
    found = [seed.normalize(title) for title, _, _ in sections(reader, PLATFORMS[platform])]
    assert found == [seed.normalize(name) for name in seed.menu()[platform]]


def test_every_contents_entry_prints_the_page_its_link_and_bookmark_go_to(guide, reader):
    marks = outline(reader)
    first = next(p for _, t, p in marks if t == 'Contents')
    body = reader.page_labels.index('1')
    entries = contents(reader, guide.pdf, range(first, body))
    assert [(e.title, e.target) for e in entries] == [
        (t, p) for d, t, p in marks[2:] if d <= 1]
    for entry in entries:
        assert entry.printed == reader.page_labels[entry.target], entry


def test_every_reference_prints_the_page_its_link_goes_to(guide, reader):
    assert_references_print_their_targets(reader, guide.pdf)


def test_a_references_page_follows_page_at_a_word_space(guide):
    assert_page_references_read_as_text(guide.pdf)


def test_a_references_page_follows_page_at_a_word_space_on_a5(real_guide):
    """On the narrow page of the A5 booklet: the saddle-stitch build on A4
    lays the booklet out on half the sheet before imposing it
    (tests/products/ reads the same pages)."""
    real_guide('saddle-stitch', 'a4')
    pages = real_guide.half_size_pages('a4')
    box = PdfReader(pages).pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(half_sheet(A4))
    assert_page_references_read_as_text(pages)


@pytest.fixture(scope='module')
def screen(guide):
    return guide.pdf.with_name('guide-screen.pdf')


def blank_pages(path, count):
    return [i for i in range(count) if not page_text(path, i).split()]


def test_the_print_edition_starts_chapters_on_right_hand_pages(guide, reader):
    assert blank_pages(guide.pdf, len(reader.pages))  # the blank versos print needs
    assert reader.trailer['/Root'].get('/PageMode', '/UseNone') == '/UseNone'
    for depth, title, page in outline(reader)[1:]:
        if depth == 0:
            assert page % 2 == 0, title  # index 0 is the cover, a right-hand page


def test_the_screen_edition_has_no_blank_page_and_opens_its_bookmarks(reader, screen):
    shown = PdfReader(screen)
    assert blank_pages(screen, len(shown.pages)) == []
    assert len(shown.pages) < len(reader.pages)
    assert shown.trailer['/Root']['/PageMode'] == '/UseOutlines'
    assert [t for _, t, _ in outline(shown)] == [t for _, t, _ in outline(reader)]
    assert ' '.join(page_text(screen).split()).count('(page ') == 3


def test_the_screen_editions_references_print_their_pages(screen):
    assert_references_print_their_targets(PdfReader(screen), screen)


@pytest.mark.parametrize('edition', ['guide.pdf', 'guide-screen.pdf'])
def test_the_lead_in_page_carries_the_guides_title_as_its_head(guide, edition):
    """The root document's lead-in, the last page with text before page 1,
    is no contents page: its running head is the guide's title."""
    path = guide.pdf.with_name(edition)
    book = PdfReader(path)
    before_body = range(book.page_labels.index('1'))
    lead_in = [i for i in before_body if page_text(path, i).split()][-1]
    first_line, _, rest = page_text(path, lead_in).strip().partition('\n')
    assert first_line == book.metadata.title, (lead_in, first_line)
    assert 'Contents' not in rest and rest.strip()


def test_no_heading_is_left_alone_at_the_foot_of_a_page(guide, reader):
    assert stranded_headings(reader, guide.pdf) == []


def test_every_seed_step_is_in_its_program_section_in_order(guide, reader):
    config = guide.app.config
    text_of = {}
    for platform, chapter in PLATFORMS.items():
        for title, first, last in sections(reader, chapter):
            text_of[platform, seed.normalize(title)] = seed.normalize(
                page_text(guide.pdf, first, last)).casefold()
    last = {}
    steps = seed.steps(config.guide_smtp_host, config.guide_brand)
    assert len(steps) > 40
    for platform, name, step in steps:
        key = platform, seed.normalize(name)
        where = text_of[key].find(seed.normalize(step).casefold(), last.get(key, 0))
        assert where >= 0, f'{platform} / {name}: {step!r} missing or out of order'
        last[key] = where + 1


def test_a_program_under_both_platforms_shows_only_that_platforms_steps(guide, reader):
    config = guide.app.config
    steps = seed.steps(config.guide_smtp_host, config.guide_brand)
    text_of = {(platform, seed.normalize(title)): seed.normalize(
        page_text(guide.pdf, first, last)).casefold()
        for platform, chapter in PLATFORMS.items()
        for title, first, last in sections(reader, chapter)}
    by_platform = {}
    for platform, name, step in steps:
        by_platform.setdefault((platform, seed.normalize(name)), set()).add(
            seed.normalize(step).casefold())
    checked = 0
    for (platform, name), own in by_platform.items():
        other = 'macintosh' if platform == 'windows' else 'windows'
        if (other, name) not in by_platform:
            continue
        theirs = by_platform[other, name]
        for step in own - theirs:
            if any(step in step_there for step_there in theirs):  # "Open Eudora." in a longer one
                continue
            assert step not in text_of[other, name], f'{other} / {name} shows {step!r}'
            checked += 1
    assert checked > 0


def test_appendix_lists_exactly_the_unsupported_programs(guide, reader):
    domain = guide.app.env.get_domain('programs')
    unsupported = [p.name for p in domain.programs(supported=False)]
    marks = outline(reader)
    page = next(p for d, t, p in marks if t == 'Email programs that do not support SSL')
    page_words = words(guide.pdf, page)
    header = next(w for w in page_words if w[4] == 'Platforms')
    texts = [w[4] for w in page_words]
    after = page_words[next(i for i in range(len(texts))  # the paragraph below the table
                            if texts[i:i + 4] == ['If', 'you', 'do', 'not'])]
    first_column = [w for w in page_words if w[0] < header[0] - 2 and header[3] < w[1] < after[1]]
    rows = ' '.join(w[4] for w in sorted(first_column, key=lambda w: (round(w[1]), w[0])))
    assert rows == ' '.join(unsupported)


def test_checklist_page_has_every_field(guide, reader):
    marks = outline(reader)
    page = next(p for d, t, p in marks if t == 'Help us help you')
    text = ' '.join(page_text(guide.pdf, page, len(reader.pages) - 1).split())
    for label in ('Operating system name', 'Operating system version', 'Email program',
                  'Email program version', 'Date and time of the problem',
                  'Exact text of every error message', 'Original operating system CD'):
        assert label in text


def test_fonts_embedded_and_pdf_is_well_formed(guide, reader):
    used = fonts(guide.pdf)
    assert used and all(used.values()), used
    check = subprocess.run(['qpdf', '--check', str(guide.pdf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert '\u25a0' not in page_text(guide.pdf)


def run_cli(repo, *args):
    return subprocess.run([sys.executable, str(repo / 'build_pdf.py'), *map(str, args)],
                          capture_output=True, text=True, timeout=300)


@pytest.mark.slow
def test_cli_help_and_bad_arguments(repo, tmp_path):
    """The script runs as a process once; its bad arguments are refused by
    its main() in this process, as the process would refuse them."""
    helped = run_cli(repo, '--help')
    assert helped.returncode == 0 and '--paper' in helped.stdout and '--output' in helped.stdout
    main = runpy.run_path(str(repo / 'build_pdf.py'))['main']
    bad = command(tmp_path, main, '--paper', 'a5')
    assert bad.returncode == 2 and "invalid choice: 'a5'" in bad.stderr
    missing = command(tmp_path, main, '--source', str(tmp_path / 'nowhere'),
                      '--output', str(tmp_path / 'x.pdf'))
    assert missing.returncode == 2 and 'no source folder' in missing.stderr


def a4(path) -> bool:
    box = PdfReader(path).pages[0].mediabox
    return (round(float(box.width)), round(float(box.height))) == (595, 842)


def print_edition_copy(repo, project):
    """build_pdf.py with the guide's conf.py and sources in *project*, the
    conf asking for the print edition alone: the CLI's tests read no screen
    edition (the booklet's tests above do), which would double every layout."""
    shutil.copytree(repo / 'source', project / 'source')
    shutil.copytree(repo / 'assets', project / 'assets')
    for name in ('build_pdf.py', 'conf.py'):
        shutil.copy2(repo / name, project / name)
    with open(project / 'conf.py', 'a', encoding='utf-8') as conf:
        conf.write("\nbooklet_editions = ['print']\n")
    return project


@pytest.mark.slow
def test_cli_builds_every_language_on_the_paper_asked(repo, tmp_path):
    """Then (one build read from the same sources) a failure names the line and
    keeps the last good PDF. build_pdf.py's main() builds in this process, one
    process reading the sources as the tests' other builds (it runs as a
    process above)."""
    project = print_edition_copy(repo, tmp_path / 'project')
    main = runpy.run_path(str(project / 'build_pdf.py'))['main']
    source = project / 'source'
    out, doctrees = tmp_path / 'guide.pdf', tmp_path / 'doctrees'

    def build_pdf(*args):
        return command(tmp_path, main, '-j', '1', '--source', str(source), '--output', str(out),
                       '--doctrees', str(doctrees), *args)
    built = build_pdf('--paper', 'a4')
    assert built.returncode == 0, built.stderr
    # Every language of the guide, each in its folder beside the file named.
    assert a4(tmp_path / 'en' / 'guide.pdf') and a4(tmp_path / 'fr' / 'guide.pdf')
    built = build_pdf('--language', 'en')
    assert built.returncode == 0, built.stderr
    assert not a4(out)  # Letter unless asked
    good = out.read_bytes()
    intro = source / 'introduction.rst'
    intro.write_text(intro.read_text(encoding='utf-8') + '\nSee :ref:`no-such-label`.\n',
                     encoding='utf-8')
    failed = build_pdf('--language', 'en')
    assert failed.returncode != 0
    assert re.search(r'introduction\.rst:\d+: WARNING: undefined label', failed.stderr)
    assert f'{out} is unchanged' in failed.stderr
    assert out.read_bytes() == good
    # Nothing left beside the outputs but the locks that keep builds in turn
    # and the booklet's record of what it was made from.
    assert [p.name for p in tmp_path.iterdir()
            if p.name.startswith('.') and p.suffix not in ('.lock', '.buildinfo')] == []
