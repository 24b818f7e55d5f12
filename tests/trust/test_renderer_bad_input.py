"""The booklet under bad input: each case renders well, or stops with a
``path:line`` message naming the cause; never a traceback (an exception out of
the build fails the test), never garbage."""
import io
import re
import struct
import subprocess
import zlib
from html import unescape
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from trust_project import REPO, build_scratch


#: The print edition only, the one these tests read: the screen edition lays
#: out the same flowables on pages of the same size, only unmirrored and with
#: no blank page.
PRINT = {'booklet_editions': ['print']}


def booklet(make_app, tmp_path, body: str, **files):
    app, warnings = build_scratch(make_app, tmp_path / 'src', {'index.rst': body, **files},
                                  'booklet', **PRINT)
    return app, warnings, Path(app.outdir) / app.config.booklet_filename


def pdf_text(pdf: Path) -> str:
    # poppler, not pypdf: pypdf's extraction drops parts of very long lines
    return subprocess.run(['pdftotext', str(pdf), '-'], check=True, capture_output=True,
                          text=True).stdout


def squeezed(text: str) -> str:
    return re.sub(r'\s+', '', text)


def body_words(pdf: Path):
    """(page width, right edge, text) of each word poppler finds between the
    running header and the footer (the top and bottom 60 points)."""
    html = subprocess.run(['pdftotext', '-bbox', str(pdf), '-'], check=True,
                          capture_output=True, text=True).stdout
    for width, height, page in re.findall(
            r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S):
        for top, right, bottom, text in re.findall(
                r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                r'([^<]*)</word>', page):
            if float(top) > 60 and float(bottom) < float(height) - 60:
                yield float(width), float(right), unescape(text)


def located(warnings: str, line: int, *words: str) -> bool:
    """Whether one message (with its continuation lines) at index.rst:LINE
    names all ``words``."""
    messages = re.split(r'^(?=\S+:\d*:? ?(?:WARNING|ERROR|CRITICAL): )', warnings, flags=re.M)
    return any(re.match(rf'\S*index\.rst:{line}: ', message)
               and all(word in message for word in words) for message in messages)


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new('RGB', (width, height)).save(out, 'PNG')
    return out.getvalue()


def chunk(kind: bytes, data: bytes) -> bytes:
    """A PNG chunk: length, type, data, CRC."""
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))


def black_bitmap(width: int, height: int) -> bytes:
    """A 1-bit PNG of black pixels, written directly: PIL's encoder takes 1.5 s
    for 20,000 rows."""
    rows = bytes(height * (1 + (width + 7) // 8))  # each row: filter type 0, its pixels
    header = struct.pack('>IIBBBBB', width, height, 1, 0, 0, 0, 0)  # 1 bit, greyscale
    return (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', header) + chunk(b'IDAT', zlib.compress(rows))
            + chunk(b'IEND', b''))


def test_a_5000_character_word_and_url_wrap_inside_the_page(make_app, tmp_path):
    word, url = 'W' * 5000, 'https://example.com/' + 'a/' * 2490
    app, warnings, pdf = booklet(make_app, tmp_path, f'Long\n====\n\n{word}\n\n{url}\n')
    assert app.statuscode == 0, warnings
    words = list(body_words(pdf))
    assert squeezed(''.join(text for _w, _r, text in words)).endswith(word + url)
    assert all(right <= width for width, right, _text in words)


def test_a_table_cell_taller_than_a_page_splits(make_app, tmp_path):
    paragraphs = [f'para {i} of the tall cell' for i in range(300)]
    cell = '\n\n       '.join(paragraphs)
    body = (f'Tall\n====\n\n.. list-table::\n   :header-rows: 1\n\n   * - Head\n     - Other\n'
            f'   * - {cell}\n     - short\n')
    app, warnings, pdf = booklet(make_app, tmp_path, body)
    assert app.statuscode == 0, warnings
    text = pdf_text(pdf)
    positions = [text.find(paragraph + '\n') for paragraph in paragraphs]
    assert -1 not in positions and positions == sorted(positions)
    assert len(PdfReader(pdf).pages) >= 6


def test_a_2000_item_list_is_printed_whole_and_in_order(make_app, tmp_path):
    items = [f'item {i} of many' for i in range(1, 2001)]
    app, warnings, pdf = booklet(make_app, tmp_path, 'List\n====\n\n'
                                 + '\n'.join(f'#. {item}' for item in items) + '\n')
    assert app.statuscode == 0, warnings
    text = pdf_text(pdf)
    positions = [text.find(item) for item in items]
    assert -1 not in positions and positions == sorted(positions)


def nested_list(depth: int) -> str:
    return 'Deep\n====\n\n' + '\n'.join('  ' * level + f'- level {level}\n'
                                        for level in range(depth))


@pytest.mark.parametrize('builder', ['booklet', 'html'])
@pytest.mark.parametrize('depth', [50, 200])
def test_deep_nesting_stops_at_a_clear_limit(make_app, tmp_path, builder, depth):
    app, warnings = build_scratch(make_app, tmp_path / 'src',
                                  {'index.rst': nested_list(depth)}, builder, **PRINT)
    assert app.statuscode != 0
    assert located(warnings, 4 + 2 * 33, 'nested 33 levels deep, over the limit of 32')
    assert 'RecursionError' not in warnings


def test_a_missing_image_is_named(make_app, tmp_path):
    app, warnings, pdf = booklet(make_app, tmp_path, 'Img\n===\n\n.. image:: nothere.png\n')
    assert located(warnings, 4, 'nothere.png')


@pytest.mark.parametrize('damage', ['truncated', 'garbage'])
def test_a_corrupt_png_is_named(make_app, tmp_path, damage):
    good = (REPO / 'assets' / 'logo.png').read_bytes()
    data = good[:len(good) // 2] if damage == 'truncated' else good[:8] + b'garbage' * 100
    app, warnings, pdf = booklet(make_app, tmp_path, 'Img\n===\n\n.. image:: bad.png\n',
                                 **{'bad.png': data})
    assert located(warnings, 4, 'bad.png')


def test_an_image_of_20000_by_20000_pixels_meets_a_named_limit(make_app, tmp_path):
    app, warnings, pdf = booklet(make_app, tmp_path, 'Img\n===\n\n.. image:: huge.png\n',
                                 **{'huge.png': black_bitmap(20_000, 20_000)})
    assert located(warnings, 4, 'huge.png', '20,000 x 20,000 pixels, over the limit')


def test_a_50_mb_image_meets_a_named_limit(make_app, tmp_path):
    small = png(10, 10)
    payload = bytes(51 * 1024 * 1024)  # a private chunk: the file is big, the picture small
    app, warnings, pdf = booklet(make_app, tmp_path, 'Img\n===\n\n.. image:: big.png\n',
                                 **{'big.png': small[:33] + chunk(b'zzZz', payload) + small[33:]})
    assert located(warnings, 4, 'big.png', 'MB')


# Scripts and an emoji no font of the default style's chain has (Japanese and
# older emoji print, where Debian's Droid Sans Fallback and Symbola are installed).
@pytest.mark.parametrize('text', ['한국어 텍스트', 'مرحبا بالعالم', 'Smile 🥰 please'],
                         ids=['korean', 'arabic', 'emoji'])
def test_text_the_fonts_lack_is_an_error_listing_its_code_points(make_app, tmp_path, text):
    app, warnings, pdf = booklet(make_app, tmp_path, f'Script\n======\n\n{text}\n')
    missing = [f'U+{ord(char):04X}' for char in sorted(set(text)) if ord(char) > 0x24F]
    assert located(warnings, 4, *missing)


def test_markup_like_text_is_printed_literally(make_app, tmp_path):
    line = ('Less < and amp & and <b>bold?</b> and &amp; and <font color=red>x</font> '
            'and <para/> and &lt; and a</i> stray close')
    app, warnings, pdf = booklet(make_app, tmp_path, f'Markup\n======\n\n{line}\n')
    assert app.statuscode == 0, warnings
    assert squeezed(line) in squeezed(pdf_text(pdf))
