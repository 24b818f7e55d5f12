"""The booklet of small test roots, read back as a reader gets it."""
import re

import pytest
from docutils import nodes
from reportlab.pdfbase import pdfmetrics
from sphinx import addnodes

from helpguide.config import BadSetting
from helpguide.pdf.fonts import register_fonts
from helpguide.style.coverage import cmap
from helpguide.pdf.registry import BLOCK, INLINE
import helpguide.pdf.render  # noqa: F401  (registers the handlers)
from booklets import build_booklet
from tests.pdf.pdfread import contents, fonts, links, outline, page_text, stranded_headings


@pytest.fixture(scope='module')
def basic(booklet_of):
    return booklet_of('pdf-basic')


def chapter_pages(reader, title):
    """Page indexes from a chapter's bookmark up to the next chapter's."""
    chapters = [(t, p) for depth, t, p in outline(reader) if depth == 0]
    names = [t for t, _ in chapters]
    start = chapters[names.index(title)][1]
    later = [p for _, p in chapters[names.index(title) + 1:]]
    return range(start, (later[0] if later else len(reader.pages) - 1) + 1)


def test_outline_mirrors_cover_contents_chapters_and_sections(basic):
    assert [(d, t) for d, t, _ in outline(basic.reader)] == [
        (0, 'Cover'), (0, 'Contents'),
        (0, 'First chapter'), (1, 'Steps'), (1, 'Later section'),
        (0, 'Second chapter'), (1, 'Sub section'),
        (0, 'Tables chapter'), (1, 'Spans'),
    ]


def test_every_contents_entry_prints_the_page_its_link_and_bookmark_go_to(basic):
    reader = basic.reader
    marks = outline(reader)
    contents_page = next(p for _, t, p in marks if t == 'Contents')
    entries = contents(reader, basic.pdf, [contents_page])
    bookmarks = {t: p for _, t, p in marks}
    assert [e.title for e in entries] == [t for d, t, _ in marks[2:]]
    labels = reader.page_labels
    for entry in entries:
        assert entry.printed == labels[entry.target], entry
        assert entry.target == bookmarks[entry.title], entry


def test_front_matter_is_numbered_in_roman_and_the_body_from_one(basic):
    labels = basic.reader.page_labels
    body = labels.index('1')
    assert labels[:body] == ['i', 'ii', 'iii', 'iv'][:body]
    assert labels[body:] == [str(n) for n in range(1, len(labels) - body + 1)]
    # The printed folio is the label: page 1 of the body says "1" at its foot.
    assert page_text(basic.pdf, body).split()[-1] == '1'


def test_chapters_and_contents_start_on_right_hand_pages(basic):
    for depth, title, page in outline(basic.reader):
        if depth == 0:
            assert page % 2 == 0, f'{title} starts on physical page {page + 1}'


def test_no_heading_is_left_alone_at_the_foot_of_a_page(basic):
    assert stranded_headings(basic.reader, basic.pdf) == []


def test_metadata_names_title_author_and_subject(basic):
    meta = basic.reader.metadata
    assert meta.title == 'A Small Test Book'
    assert meta.author == 'Example ISP'
    assert meta.subject == 'A Small Test Book'


def test_cover_shows_brand_title_edition_and_date_without_folio(basic):
    text = page_text(basic.pdf, 0)
    for expected in ('Example ISP', 'A Small Test Book', 'Edition 1.0', 'May 1, 2026'):
        assert expected in text
    assert not re.search(r'^\s*(i|1)\s*$', text, re.M)


def test_cover_carries_the_logo(basic):
    assert len(drawn_image_widths(basic.reader, 0)) == 1


def test_a_logo_that_cannot_be_printed_is_warned_about(rootdir, tmp_path):
    missing = build_booklet(rootdir / 'test-pdf-shared', tmp_path / 'a', guide_logo='nope.png',
                            booklet_editions=['print'])
    assert 'WARNING: booklet: guide_logo file not found' in missing.warnings
    not_image = build_booklet(rootdir / 'test-pdf-shared', tmp_path / 'b', guide_logo='conf.py',
                              booklet_editions=['print'])
    assert 'conf.py is not a PNG, JPEG or GIF image' in not_image.warnings
    assert drawn_image_widths(not_image.reader, 0) == []


def test_every_font_is_embedded_truetype(basic):
    used = fonts(basic.pdf)
    assert used and all(used.values()), used
    assert not any(name.split('+')[-1].split('-')[0] in {'Helvetica', 'Times', 'Courier'}
                   for name in used)


def test_every_printed_character_has_a_glyph(basic):
    fonts = register_fonts()
    covered = set()
    for name in (*fonts.families['body'], *fonts.families['heading']):
        covered |= set(pdfmetrics.getFont(name).face.charToGlyph)
    for path in fonts.chain:
        covered.update(cmap(path))
    text = page_text(basic.pdf)
    assert '\u25a0' not in text and '\ufffd' not in text
    assert {ch for ch in text if ch.isprintable() and ord(ch) not in covered} == set()


def test_typography_curly_quotes_menu_arrow_and_gui_labels(basic):
    text = page_text(basic.pdf)
    assert '\u201ccurly quotes\u201d \u2014 dashes' in text
    assert 'Tools \u2192 Options' in text
    assert 'Button' in text and 'Ctrl+S' in text
    assert '(https://example.org/)' in text


def test_steps_are_in_order_inside_their_chapter(basic):
    reader = basic.reader
    pages = chapter_pages(reader, 'First chapter')
    text = page_text(basic.pdf, pages.start, pages.stop - 1)
    positions = [text.index(step) for step in
                 ('1. Open the program.', '2. Click OK.', 'This is a note inside a step.',
                  '3. Close it.')]
    assert positions == sorted(positions)


def test_internal_references_link_to_their_targets(basic):
    reader = basic.reader
    first = chapter_pages(reader, 'First chapter').start
    later = next(p for _, t, p in outline(reader) if t == 'Later section')
    second = next(p for _, t, p in outline(reader) if t == 'Second chapter')
    assert {target for _, target in links(reader, first)} >= {later, second}


def test_lists_keep_their_numbering(basic):
    text = ' '.join(page_text(basic.pdf).split())
    for label in ('3. third', '4. fourth', '(a) alpha one', '(b) alpha two',
                  'IV. roman four', 'V. roman five', '1. deep one', '2. deep two'):
        assert label in text


def test_constructs_render_and_raw_is_printed_only_for_pdf(basic):
    text = page_text(basic.pdf)
    for expected in ('A footnote.', '[CIT2002]', 'The substitution is substituted',
                     'Be careful.', 'Topic title', 'Sidebar body.', 'A rubric',
                     'option a', '--long=X', 'literal text line', 'line two indented',
                     '\u2014 Somebody', 'E = mc^2', 'a^2 + b^2', 'The caption of the figure.',
                     'RAW-PDF-TEXT'):
        assert expected in text, expected
    assert 'HTML-ONLY-TEXT' not in text
    assert 'comment that never prints' not in text


def drawn_image_widths(reader, page_index):
    """Widths at which a page draws its images (ReportLab: ``q w 0 0 h x y cm /Im Do``)."""
    data = reader.pages[page_index].get_contents().get_data().decode('latin-1')
    return [float(w) for w in re.findall(r'q\s+([\d.]+) 0 0 [\d.]+ [\d.-]+ [\d.-]+ cm\s+'
                                         r'/FormXob\.\w+ Do', data)]


def test_images_are_scaled_into_the_frame(basic):
    reader = basic.reader
    frame = float(reader.pages[0].mediabox.width) * (1 - 2 * 0.12)
    widths = [w for p in chapter_pages(reader, 'Second chapter')
              for w in drawn_image_widths(reader, p)]
    # pic.png is 3000 px wide: the image fills the frame, the figure half of it.
    assert widths == pytest.approx([frame, frame / 2], abs=1)


def test_long_table_splits_with_its_header_on_every_page(basic):
    reader = basic.reader
    pages = chapter_pages(reader, 'Tables chapter')
    with_rows = [p for p in pages if 'value ' in page_text(basic.pdf, p)]
    assert len(with_rows) >= 2
    for page in with_rows:
        assert 'Header one' in page_text(basic.pdf, page)
    text = page_text(basic.pdf, pages.start, pages.stop - 1)
    values = [int(n) for n in re.findall(r'value (\d+)', text)]
    assert values == list(range(1, 91))
    assert 'spans two columns' in text


def test_a_document_included_twice_is_printed_twice_with_its_own_links(booklet_of):
    shared = booklet_of('pdf-shared')
    reader = shared.reader
    marks = outline(reader)
    assert [(d, t) for d, t, _ in marks] == [
        (0, 'Cover'), (0, 'Contents'),
        (0, 'Windows side'), (1, 'Shared program'), (2, 'Shared details'),
        (0, 'Macintosh side'), (1, 'Shared program'), (2, 'Shared details'),
    ]
    win, mac = marks[2][2], marks[5][2]
    assert page_text(shared.pdf).count('SHARED-BODY-TEXT') == 2
    # Each copy's link to its own section stays inside that copy.
    assert {target for _, target in links(reader, mac)} == {mac}
    assert win in {target for _, target in links(reader, win)}


def test_unknown_nodes_warn_with_location_and_keep_their_text(booklet_of):
    unknown = booklet_of('pdf-unknown')
    text = page_text(unknown.pdf)
    assert 'MYSTERY-BLOCK-TEXT' in text and 'MYSTERY-INLINE-TEXT' in text
    assert re.search(r"index\.rst:7: WARNING: booklet: no handler for node 'mystery'",
                     unknown.warnings)
    assert re.search(r"index\.rst:11: WARNING: booklet: no inline handler for node "
                     r"'mystery_inline'", unknown.warnings)


def test_characters_without_a_glyph_are_named_with_their_location(booklet_of):
    # A project with the booklet alone gets the glyph check with it.
    unknown = booklet_of('pdf-unknown')
    assert re.search(r'index\.rst:13: ERROR: the fonts of the style .* and its fallback chain '
                     r'have no glyph for U\+AD6D \(\uad6d\), U\+D55C \(\ud55c\)', unknown.warnings)


def all_node_classes():
    for module in (nodes, addnodes):
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, nodes.Node)
                    and value.__module__ == module.__name__
                    and (issubclass(value, nodes.Element) or value is nodes.Text)
                    and value not in (nodes.Element, nodes.TextElement, nodes.FixedTextElement)
                    and not value.__name__[0].isupper()
                    and not value.__name__.startswith('_')):
                yield value


def test_every_docutils_and_sphinx_node_has_a_handler():
    classes = list(all_node_classes())
    assert len(classes) > 100  # the walk found docutils' and Sphinx's node classes
    without = [cls.__name__ for cls in classes
               if (INLINE if issubclass(cls, nodes.Inline) else BLOCK).lookup(cls) is None]
    assert without == []


def test_booklet_editions_makes_the_editions_listed(booklet_of, rootdir, tmp_path):
    # The smallest root: what is made depends on the setting, not the book.
    # ['print']: how booklet_of builds the test roots
    shared = booklet_of('pdf-shared')
    assert {pdf.name for pdf in shared.app.outdir.glob('*.pdf')} == {'guide.pdf'}
    for editions, made in ((['screen'], {'guide-screen.pdf'}),
                           (['print', 'screen'], {'guide.pdf', 'guide-screen.pdf'})):
        booklet = build_booklet(rootdir / 'test-pdf-shared', tmp_path / '-'.join(editions),
                                booklet_editions=editions)
        assert booklet.app.statuscode == 0, booklet.warnings
        assert {pdf.name for pdf in booklet.app.outdir.glob('*.pdf')} == made


def test_booklet_editions_other_than_print_and_screen_is_one_line(rootdir, tmp_path):
    with pytest.raises(BadSetting):
        build_booklet(rootdir / 'test-pdf-basic', tmp_path, booklet_editions=['print', 'web'])
