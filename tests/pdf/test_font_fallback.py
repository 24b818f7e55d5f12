"""Font fallback: characters a face lacks print in the first font of the
style's chain that has them, per character run, subset-embedded; the glyph
check asks the same chain, so what prints is not reported."""
import re
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader

from booklets import build_booklet
from helpguide.style import default_style
from helpguide.style.sheet import system_font

CJK = system_font('DroidSansFallbackFull.ttf')


@pytest.fixture(scope='module')
def booklet(rootdir, tmp_path_factory):
    return build_booklet(rootdir / 'test-font-fallback', tmp_path_factory.mktemp('fallback'))


def pdffonts(pdf) -> dict[str, list[str]]:
    out = subprocess.run(['pdffonts', str(pdf)], capture_output=True, text=True,
                         check=True).stdout
    return {line.split()[0].split('+')[-1]: line.split()[-5:-2]
            for line in out.splitlines()[2:]}


def text(pdf) -> str:
    return subprocess.run(['pdftotext', '-layout', str(pdf), '-'], capture_output=True,
                          text=True, check=True).stdout


@pytest.mark.skipif(CJK is None, reason='Debian fonts-droid-fallback is not installed '
                    '(.ci/run installs it)')
def test_every_character_prints_and_none_is_reported(booklet):
    assert 'glyph' not in booklet.warnings, booklet.warnings
    printed = text(booklet.pdf)
    for expected in ('Checked ✓ in a heading', '✓ done, ✗ failed, ⚠ careful', 'ภาษาไทย',
                     '☎ ⛔', '中文, 日本語', '✓ ok', '✗ no', '⚠ warn', '✓ in a note title'):
        assert expected in printed, expected
    # 👍 prints (Noto Sans Symbols 2, below), but ReportLab writes characters
    # beyond U+FFFF into the text layer wrongly: pdftotext reads another one.


def test_each_fallback_font_is_embedded_as_a_subset(booklet):
    fonts = pdffonts(booklet.pdf)
    # The body's serif has no ✓: DejaVu Sans prints it; Thai and 👍 come from Noto.
    expected = {'DejaVuSerif', 'DejaVuSans', 'NotoSansThai-Regular', 'NotoSansSymbols2-Regular'}
    if CJK is not None:
        expected.add('DroidSansFallback')  # its PostScript name
    assert expected <= set(fonts), fonts
    assert all(flags == ['yes', 'yes', 'yes'] for flags in fonts.values()), fonts


def test_a_run_is_cut_only_where_the_face_lacks_a_glyph():
    from helpguide.pdf.fonts import register_fonts

    fonts = register_fonts(default_style())
    mono = fonts.face('mono')
    # DejaVu Sans Mono has ✓ itself: it stays in the monospace face.
    assert fonts.runs('a ✓ b', mono) == [('a ✓ b', mono)]
    serif = fonts.face('body')
    assert fonts.runs('ok ✓ ไทย.', serif) == [
        ('ok ', serif), ('✓', 'DejaVuSans'), (' ', serif), ('ไทย', 'NotoSansThai-Regular'),
        ('.', serif)]


def test_text_no_font_of_the_chain_has_is_reported_once_at_its_line(rootdir, tmp_path):
    """The source check and the booklet's fallback share one rule: the
    booklet build names the characters once, where the source has them."""
    built = build_booklet(rootdir / 'test-glyph-missing', tmp_path)
    named = [line for line in built.warnings.splitlines() if 'U+1230' in line]
    assert len(named) == 1, built.warnings
    assert re.fullmatch(r'\S*index\.rst:9: ERROR: the fonts of the style \(\S*default\.toml:\d+\) '
                        r'and its fallback chain have no glyph for U\+120B \(ላ\), U\+121D \(ም\), '
                        r'U\+1230 \(ሰ\): the PDF would print boxes \[helpguide\.glyph\]', named[0])
    assert 'U+2713' not in built.warnings  # ✓ prints, from DejaVu Sans


def test_the_source_check_uses_the_guides_own_chain(rootdir, tmp_path):
    """A style whose chain has no Thai font: Thai is reported at its line,
    naming the style; ✓ (DejaVu Sans, still in the chain) is not."""
    from sphinxrun import sphinx_build

    src = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-font-fallback', src)
    (src / 'style.toml').write_text(
        '# no Thai\n[fonts]\nfallback = ["DejaVuSans.ttf"]\nsystem_fallback = []\n',
        encoding='utf-8')
    (src / 'index.rst').write_text(
        'Title\n=====\n\nA ✓ here.\n\nThai: ไทย.\n', encoding='utf-8')
    _, warnings = sphinx_build(src, src, tmp_path / 'out', tmp_path / 'doctrees', 'dummy',
                               confoverrides={'guide_style': 'style.toml'})
    assert re.search(rf'index\.rst:6: ERROR: the fonts of the style \({re.escape(str(src))}/'
                     r'style\.toml:2\) and its fallback chain have no glyph for U\+0E17 \(ท\), '
                     r'U\+0E22 \(ย\), U\+0E44 \(ไ\)', warnings), warnings
    assert 'U+2713' not in warnings


def test_faces_and_fallback_fonts_first_needed_on_the_last_page_print_there(rootdir, tmp_path):
    """A face or fallback font is read only when the book first sets text in
    it (helpguide.pdf.fonts): a book, built in a process of its own, whose
    only italic, keyboard, ✓ and Thai text stand on its last page prints
    each there in its own font."""
    src = tmp_path / 'src'
    src.mkdir()
    shutil.copy(rootdir / 'test-font-fallback' / 'conf.py', src)
    filler = '\n\n'.join(f'Paragraph {n}: plain Latin text in the body face, long enough to '
                          'fill two lines of the page before the next paragraph starts.'
                          for n in range(60))
    (src / 'index.rst').write_text(
        f'Title\n=====\n\n{filler}\n\nLast: *slanted*, :kbd:`Ctrl`, ✓ and ไทย.\n',
        encoding='utf-8')
    subprocess.run([sys.executable, '-m', 'sphinx', '-b', 'booklet', '-q',
                    '-D', 'booklet_editions=print', str(src), str(tmp_path / 'out')],
                   check=True, capture_output=True)
    pdf = tmp_path / 'out' / 'guide.pdf'
    pages = PdfReader(pdf).pages
    assert len(pages) > 3
    runs = []
    pages[-1].extract_text(visitor_text=lambda text, cm, tm, font, size: runs.append(
        (text, font and font['/BaseFont'].split('+')[-1])))
    assert [run for run in runs if run[0] in ('slanted', 'Ctrl', '✓', 'ไทย')] == [
        ('slanted', 'DejaVuSerif-Italic'), ('Ctrl', 'DejaVuSansMono-Bold'),
        ('✓', 'DejaVuSans'), ('ไทย', 'NotoSansThai-Regular')]
    assert 'Last: slanted, Ctrl, ✓ and ไทย.' in text(pdf)
    assert all(pages[n].extract_text().isascii() for n in range(len(pages) - 1))
    assert {'DejaVuSerif-Italic', 'DejaVuSansMono-Bold', 'NotoSansThai-Regular'} <= set(
        pdffonts(pdf))
