"""The checklist form filled by two libraries (pypdf, pikepdf) and rendered
by two renderers (poppler, Ghostscript): each field shows its own value and
nothing else does, typed in an embedded font; the multi-line field's typed
lines stand on its write-in rules."""
import subprocess

import pikepdf
import pytest
from pikepdf.form import ExtendedAppearanceStreamGenerator, Form
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import LETTER

from helpguide.pdf.form import LINES_ROWS, checklist_flowables
from helpguide.pdf.styles import book_styles
from helpguide.products.page import Furniture, SheetTemplate
from pdf_fonts import fonts

#: The guide's checklist: five single-line fields, one multi-line, a tick box.
FIELDS = [
    {'kind': 'text', 'name': 'os_name', 'label': 'Operating system name'},
    {'kind': 'text', 'name': 'os_version', 'label': 'Operating system version'},
    {'kind': 'text', 'name': 'program', 'label': 'Email program'},
    {'kind': 'text', 'name': 'program_version', 'label': 'Email program version'},
    {'kind': 'text', 'name': 'when', 'label': 'Date and time of the problem'},
    {'kind': 'lines', 'name': 'errors', 'label': 'Exact text of every error message'},
    {'kind': 'check', 'name': 'os_cd', 'label': 'Original operating system CD at hand'},
]
TEXT = [field['name'] for field in FIELDS if field['kind'] != 'check']
VALUE = 'WWW MMM 0x800CCC0F Café'
DPI = 40


def fill_pypdf(src, dst, values):
    writer = PdfWriter(clone_from=src)
    writer.update_page_form_field_values(None, values, auto_regenerate=False)
    writer.write(dst)


def fill_pikepdf(src, dst, values):
    with pikepdf.open(src) as pdf:
        form = Form(pdf, ExtendedAppearanceStreamGenerator)
        for name, value in values.items():
            form[name].value = value
        pdf.save(dst)


def render_poppler(pdf, stem, dpi=DPI):
    subprocess.run(['pdftoppm', '-r', str(dpi), '-gray', '-singlefile', str(pdf), str(stem)],
                   check=True)
    return Image.open(f'{stem}.pgm')


def render_gs(pdf, stem, dpi=DPI):
    subprocess.run(['gs', '-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pnggray',
                    f'-r{dpi}', f'-sOutputFile={stem}.png', str(pdf)], check=True)
    return Image.open(f'{stem}.png')


def shows_text(before, after) -> bool:
    """Whether *after* has ink that *before* has not: more than a glyph's
    worth of pixels turned dark (renderers may move an untouched line by
    a pixel between two files)."""
    turned = sum(1 for old, new in zip(before.tobytes(), after.tobytes(), strict=True)
                 if old - new > 80)
    return turned > 20


FILLERS = {'pypdf': fill_pypdf, 'pikepdf': fill_pikepdf}
RENDERERS = {'poppler': render_poppler, 'ghostscript': render_gs}


@pytest.fixture(scope='module')
def blank(tmp_path_factory):
    path = tmp_path_factory.mktemp('form') / 'form.pdf'
    styles = book_styles()
    furniture = Furniture('Brand', 'Support checklist', 'Guide · Edition 1', 'Checklist')
    SheetTemplate(str(path), styles, furniture, LETTER).build(
        checklist_flowables(FIELDS, styles))
    return path


def field_boxes(pdf, height):
    """Field name -> its rectangle in pixels (left, top, right, bottom) at DPI."""
    scale = DPI / 72
    boxes = {}
    for annot in PdfReader(pdf).pages[0]['/Annots']:
        annot = annot.get_object()
        x0, y0, x1, y1 = (float(v) for v in annot['/Rect'])
        boxes[str(annot['/T'])] = (round(x0 * scale), round((height - y1) * scale),
                                   round(x1 * scale), round((height - y0) * scale))
    return boxes


def test_every_text_field_has_an_appearance_of_its_own(blank):
    appearances = [annot.get_object()['/AP'].raw_get('/N').idnum
                   for annot in PdfReader(blank).pages[0]['/Annots']
                   if annot.get_object()['/FT'] == '/Tx']
    assert len(appearances) == len(TEXT)
    assert len(set(appearances)) == len(appearances)


@pytest.fixture(scope='module')
def blank_render(blank, tmp_path_factory):
    """The blank form by *renderer* at *dpi*, rendered once for every test."""
    folder, renders = tmp_path_factory.mktemp('blank'), {}

    def render(renderer: str, dpi: int = DPI):
        if (renderer, dpi) not in renders:
            renders[renderer, dpi] = RENDERERS[renderer](blank, folder / f'{renderer}-{dpi}',
                                                         dpi)
        return renders[renderer, dpi]
    return render


#: pikepdf 10.17's multi-line appearance is a form XObject whose /Subtype is
#: the string (Form), not the name /Form; Ghostscript rightly skips it.
PIKEPDF_MULTILINE = pytest.mark.xfail(strict=True, reason='pikepdf writes /Subtype (Form)')


@pytest.mark.parametrize('filler, renderer, name', [
    pytest.param(filler, renderer, name,
                 marks=PIKEPDF_MULTILINE if (filler, renderer, name) == (
                     'pikepdf', 'ghostscript', 'errors') else ())
    for filler in FILLERS for renderer in RENDERERS for name in TEXT])
def test_a_filled_field_shows_its_value_and_no_other_field_does(blank, blank_render, tmp_path,
                                                               filler, renderer, name):
    boxes = field_boxes(blank, LETTER[1])
    filled = tmp_path / 'filled.pdf'
    FILLERS[filler](blank, filled, {name: VALUE})

    after = RENDERERS[renderer](filled, tmp_path / 'filled')

    before = blank_render(renderer)
    changed = [other for other, box in boxes.items()
               if shows_text(before.crop(box), after.crop(box))]
    assert changed == [name]


@pytest.mark.parametrize('filler', FILLERS)
def test_typed_values_use_an_embedded_font(blank, tmp_path, filler):
    filled = tmp_path / 'filled.pdf'
    FILLERS[filler](blank, filled, dict.fromkeys(TEXT, VALUE))

    used = fonts(filled)

    assert not [name for name in used if 'Helvetica' in name]
    assert all(used.values()), used
    for annot in PdfReader(filled).pages[0]['/Annots']:
        annot = annot.get_object()
        if annot['/FT'] == '/Tx':
            appearance = annot['/AP']['/N'].get_object()
            [font] = appearance['/Resources']['/Font'].values()
            assert '/FontFile2' in font.get_object()['/FontDescriptor'], annot['/T']


def rule_rows(image, box):
    """Pixel rows inside *box* dark across most of its width: printed rules."""
    left, top, right, bottom = box
    pixels = image.load()  # indexing it is many times quicker than getpixel
    rows = []
    for y in range(top + 2, bottom - 1):
        dark = sum(1 for x in range(left + 2, right - 2) if pixels[x, y] < 235)
        if dark > 0.9 * (right - left - 4):
            rows.append(y)
    return rows


#: Typed lines without descenders: each line's lowest ink is its baseline.
TYPED_LINES = ['FIRST LINE 1', 'SECOND LINE 2', 'THIRD LINE 3', 'FOURTH LINE 4']


def ink_bands(before, after, box) -> list[tuple[int, int]]:
    """(top, bottom) pixel rows of each run of rows where *after* has ink
    that *before* has not, within *box*: the typed lines."""
    left, top, right, bottom = box
    old, new = before.load(), after.load()
    rows = [y for y in range(top, bottom)
            if sum(1 for x in range(left, right) if old[x, y] - new[x, y] > 80) > 3]
    bands = []
    for y in rows:
        if bands and y == bands[-1][1] + 1:
            bands[-1][1] = y
        else:
            bands.append([y, y])
    return [tuple(band) for band in bands]


@pytest.mark.parametrize('filler, renderer', [
    pytest.param(filler, renderer, marks=PIKEPDF_MULTILINE if (filler, renderer) == (
        'pikepdf', 'ghostscript') else ())
    for filler in FILLERS for renderer in RENDERERS])
def test_typed_lines_stand_on_the_write_in_rules(blank, blank_render, tmp_path, filler,
                                                  renderer):
    """The rules print blank and filled, and each typed line's baseline is
    on a rule (or the box's bottom edge): the field's font size and line
    height and the rules' spacing come from one value."""
    dpi, render = 100, RENDERERS[renderer]
    left, top, right, bottom = (v * dpi // DPI for v in field_boxes(blank, LETTER[1])['errors'])
    filled = tmp_path / 'filled.pdf'
    FILLERS[filler](blank, filled, {'errors': '\n'.join(TYPED_LINES)})

    before = blank_render(renderer, dpi)
    after = render(filled, tmp_path / 'filled', dpi)

    # the rules and the box's bottom edge, a run of one or two pixel rows each
    box = (left, top, right, bottom)
    rules = sorted({max(group) for group in grouped(rule_rows(before, box))})
    assert len(rules) == LINES_ROWS and grouped(rule_rows(after, box)) == grouped(
        rule_rows(before, box))
    text = (left + 8, top, left + (right - left) // 3, bottom)
    lines = ink_bands(before, after, text)
    assert len(lines) == len(TYPED_LINES), lines
    for (ink_top, baseline), rule in zip(lines, rules, strict=False):
        # the lowest ink of a capital sits on the rule: at most a pixel
        # above it (0.7 pt at 100 dpi), never through it
        assert 0 <= rule - baseline <= 2, (lines, rules)
        assert rule - ink_top > 8  # a line of text, not a rule thickened


def grouped(rows) -> list[list[int]]:
    groups = []
    for y in rows:
        if groups and y - groups[-1][-1] <= 1:
            groups[-1].append(y)
        else:
            groups.append([y])
    return groups


def test_printed_only_form_draws_its_rules_on_the_page(tmp_path):
    path = tmp_path / 'printed.pdf'
    styles = book_styles()
    furniture = Furniture('Brand', 'Support checklist', 'Guide · Edition 1', 'Checklist')
    SheetTemplate(str(path), styles, furniture, LETTER).build(
        checklist_flowables(FIELDS, styles, fillable=False))
    fillable = tmp_path / 'fillable.pdf'
    SheetTemplate(str(fillable), styles, furniture, LETTER).build(
        checklist_flowables(FIELDS, styles))
    box = field_boxes(fillable, LETTER[1])['errors']

    image = render_poppler(path, tmp_path / 'printed')

    assert PdfReader(path).get_fields() is None
    # the rules and the box's bottom edge (the last line's), inside the field
    assert len(grouped(rule_rows(image, box))) == LINES_ROWS


def test_the_imposed_booklet_prints_the_blank_fields_as_they_look(blank, tmp_path):
    from helpguide.products.imposition import impose

    imposed = tmp_path / 'imposed.pdf'
    impose(blank, imposed)  # one page: on the right of the first sheet
    left, top, right, bottom = field_boxes(blank, LETTER[1])['errors']
    shift = round(LETTER[0] * DPI / 72)

    sheet = render_poppler(imposed, tmp_path / 'sheet')

    assert PdfReader(imposed).get_fields() is None
    box = (left + shift, top, right + shift, bottom)
    assert len(grouped(rule_rows(sheet, box))) == LINES_ROWS
