"""Keep rules read back from the real guide on every page size it is printed
at (Letter and A4 booklets; half-letter and A5 pages of the saddle-stitched
booklet): a program's heading stands with its data box and first two
steps, a short note is never split, no page is near-empty, a title of two
lines never ends with one word; and, on a made-up list, no step leaves a
line alone at a page foot or head."""
import re
import subprocess
from functools import lru_cache

import pytest
from docutils import nodes
from PIL import Image
from index_read import (check_entries_on_their_pages, check_numbers_link_to_their_pages,
                        check_programs_have_their_pages)
from pypdf import PdfReader
from reportlab.lib.pagesizes import A5, LETTER

from helpguide.pdf.book import Story, write_pdf
from helpguide.pdf.paragraphs import Paragraph
from helpguide.pdf.styles import book_styles
from helpguide.pdf.templates import Metadata
from helpguide.products.saddle_stitch import half_sheet

LAYOUTS = [('booklet', 'letter'), ('booklet', 'a4'),
           ('saddle-stitch', 'letter'), ('saddle-stitch', 'a4')]


@pytest.fixture(scope='module', params=LAYOUTS, ids='-'.join)
def laid_out(request, real_guide):
    """(app, the booklet's pages as laid out) for one builder and paper."""
    builder, paper = request.param
    app = real_guide(builder, paper)
    if builder == 'booklet':
        return app, app.outdir / app.config.booklet_filename
    return app, real_guide.half_size_pages(paper)


@lru_cache(maxsize=8)
def page_texts(pdf) -> tuple[str, ...]:
    """Each page's text as laid out, read once for the tests of a layout
    (each PDF here is built once, at a path of its own)."""
    out = subprocess.run(['pdftotext', '-layout', str(pdf), '-'], check=True,
                         capture_output=True, text=True).stdout
    return tuple(out.split('\f')[:-1])


def letters(text: str) -> str:
    """Letters only: what survives any line break, arrow, quote or list number."""
    return re.sub(r'[^A-Za-z]', '', text)


def outline(reader, items=None, depth=0):
    """(title, physical page, depth) of every bookmark."""
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            yield from outline(reader, item, depth + 1)
        else:
            yield item.title, reader.get_destination_page_number(item) + 1, depth


def test_a_program_heading_stands_with_its_data_box_and_first_two_steps(laid_out):
    _, pdf = laid_out
    texts = [' '.join(text.split()) for text in page_texts(pdf)]
    programs = 0
    for title, page, depth in outline(PdfReader(pdf)):
        text = texts[page - 1]
        after = text[text.find(title) + len(title):].strip() if title in text else ''
        if depth != 1 or not re.match(r'(Versions|Platforms) ', after):
            continue  # not a program: no data box under it
        programs += 1
        assert re.search(r' 1\. .* 2\. ', after), \
            f'{title!r} on page {page} stands without its first two steps'
    assert programs > 5


def test_each_data_box_label_stands_on_one_line_with_its_value(laid_out):
    """The box gives versions and platforms, each label on one line beside
    its value (half-letter pages too); the status is the chapter's news."""
    _, pdf = laid_out
    boxes = 0
    for text in page_texts(pdf):
        lines = [line.strip() for line in text.splitlines()]
        for at, line in enumerate(lines):
            if re.match(r'(Versions|Platforms)\b', line):
                boxes += 1
                assert re.match(r'(Versions|Platforms) {2,}\S', line), line
        assert not [line for line in lines if line.startswith('SSL for outgoing')]
    assert boxes > 10


def appendix_table_runs(pdf) -> list[tuple[str, str]]:
    """(text, font) of each line of the appendix table's cells, heads first
    (pypdf reads the runs of the pages whose text has the heads' words: the
    first head's alone is on pages before the table too)."""
    pages = PdfReader(pdf).pages
    heads = (r'Email\s+program', r'Platforms', r'Upgrade\s+to')
    for page in (pages[at] for at, text in enumerate(page_texts(pdf))
                 if all(re.search(head, text) for head in heads)):
        runs = []
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: runs.append(
            (text.strip(), font.get('/BaseFont', '').split('+')[-1]))
            if text.strip() and font else None)
        heads = [at for at, (text, _) in enumerate(runs) if text == 'Email program']
        if heads:
            after = runs[heads[0]:]
            end = next(at for at, (text, _) in enumerate(after) if text.startswith('If you do'))
            return after[:end]
    raise AssertionError('no appendix table')


def test_the_appendix_table_has_one_type_scheme_and_keeps_versions_whole(laid_out):
    _, pdf = laid_out
    runs = appendix_table_runs(pdf)
    heads, cells = runs[:3], runs[3:]
    assert [text for text, _ in heads] == ['Email program', 'Platforms', 'Upgrade to']
    assert {font for _, font in heads} == {'DejaVuSans-Bold'}
    assert len(cells) > 10 and {font for _, font in cells} == {'DejaVuSerif'}, cells
    # A version number never starts a line of a cell ("Eudora" / "5.2").
    assert [text for text, _ in cells if re.match(r'\d', text)] == []


def test_a_short_note_is_never_split_by_a_page_turn(laid_out):
    app, pdf = laid_out
    pages = [letters(text) for text in page_texts(pdf)]
    notes = {letters(node.astext()) for doc in app.env.found_docs
             for node in app.env.get_doctree(doc).findall(nodes.Admonition)
             if len(node.astext()) < 400}
    notes.discard('')
    assert notes
    for note in notes:
        body = note.removeprefix('Note')
        assert any(body in page for page in pages), f'a note is split: {note[:60]}'


def test_no_page_is_near_empty(laid_out, tmp_path):
    """A page is blank, or its text runs down an eighth of its height at
    least (running head and folio, in the margins, not counted)."""
    _, pdf = laid_out
    subprocess.run(['pdftoppm', '-r', '20', '-gray', str(pdf), str(tmp_path / 'page')],
                   check=True)
    for image in sorted(tmp_path.glob('page-*.pgm')):
        with Image.open(image) as page:
            width, margin, pixels = page.width, page.height // 9, page.tobytes()
            inked = [y for y in range(margin, page.height - margin)
                     if min(pixels[y * width:(y + 1) * width]) < 160]
        assert not inked or inked[-1] - inked[0] >= page.height / 8, \
            f'{image.name} is near-empty'


def test_a_title_of_two_lines_never_ends_with_one_word(laid_out):
    _, pdf = laid_out
    reader = PdfReader(pdf)
    titles = {title for title, _, _ in outline(reader)}
    out = subprocess.run(['pdftotext', '-bbox-layout', str(pdf), '-'], check=True,
                         capture_output=True, text=True).stdout
    found = 0
    for block in re.findall(r'<block .*?</block>', out, re.S):
        lines = [re.findall(r'>([^<]+)</word>', line)
                 for line in re.findall(r'<line .*?</line>', block, re.S)]
        if len(lines) > 1 and ' '.join(word for line in lines for word in line) in titles:
            found += 1
            assert len(lines[-1]) > 1, f'{lines} ends with one word'
    assert found, 'no title of two lines to look at'


@pytest.mark.parametrize('pagesize', [LETTER, half_sheet(LETTER), A5],
                         ids=['letter', 'half-letter', 'a5'])
def test_no_step_leaves_a_line_alone_at_a_page_foot_or_head(tmp_path, pagesize):
    styles = book_styles()
    # Steps of 2 to 9 lines: some must break across a page, and may, two lines a side.
    story = [Paragraph(f'Step{n} {" ".join(["word"] * (10 + n * 37 % 90))} end{n}',
                       styles['body']) for n in range(1, 90)]
    target = tmp_path / 'steps.pdf'
    write_pdf(target, lambda _labels: Story(story, frozenset(), frozenset()), styles,
              Metadata('Steps', '', '', ''), pagesize)

    lines_of = {}  # step -> {page: lines}
    step = None
    for page, text in enumerate(page_texts(target), start=1):
        for line in text.splitlines():
            if found := re.search(r'Step(\d+)', line):
                step = int(found.group(1))
            if step and 'word' in line:
                lines_of.setdefault(step, {}).setdefault(page, 0)
                lines_of[step][page] += 1
    split = {step: pages for step, pages in lines_of.items() if len(pages) > 1}
    assert split, 'no step was split across pages: the test proves nothing'
    for step, pages in split.items():
        assert min(pages.values()) >= 2, f'step {step} is split {pages}'


def test_the_index_gives_every_program_its_linked_pages(laid_out):
    """On A4 and on the saddle-stitch booklet's half sheets (one column) too."""
    _, pdf = laid_out
    check_programs_have_their_pages(pdf)
    check_numbers_link_to_their_pages(pdf)
    check_entries_on_their_pages(pdf)
