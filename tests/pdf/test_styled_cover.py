"""The cover as a style sets it: band colour and height, the logo's side,
a full-page background image; read back from the rendered page."""
import shutil
import subprocess

from PIL import Image

from booklets import build_booklet

BACKGROUND = (0x33, 0x66, 0x99)
BAND = (0xD0, 0x40, 0x10)


def test_the_cover_background_band_and_logo_are_the_styles(rootdir, tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-pdf-basic', src)
    Image.new('RGB', (60, 80), BACKGROUND).save(src / 'back.png')
    (src / 'style.toml').write_text(
        '[cover]\nbackground = "back.png"\nband_color = "#D04010"\nband_height = 10\n'
        'logo = "right"\n', encoding='utf-8')
    booklet = build_booklet(src, tmp_path / 'out', guide_style='style.toml')
    assert booklet.app.statuscode == 0, booklet.warnings
    stem = tmp_path / 'cover'
    subprocess.run(['pdftoppm', '-r', '72', '-f', '1', '-l', '1', '-png', '-singlefile',
                    str(booklet.pdf), str(stem)], check=True)
    cover = Image.open(f'{stem}.png').convert('RGB')
    width, height = cover.size
    assert (width, height) == (612, 792)
    # The image fills the page, margins included, under everything else.
    for corner in ((2, 2), (width - 3, 2), (2, height - 3), (width - 3, height - 3)):
        assert cover.getpixel(corner) == BACKGROUND, corner
    # Letter: the frame starts 79.2 pt from the top; the band is 10 body sizes.
    top = round(792 * 0.1)
    assert cover.getpixel((width // 3, top + 5)) == BAND
    assert cover.getpixel((width // 3, top + 95)) == BAND
    assert cover.getpixel((width // 3, top + 105)) == BACKGROUND
    # The logo (a wide strip, at the band's foot) sits at its right end, not its left.
    left_end = {cover.getpixel((x, top + 85)) for x in range(80, 120)}
    right_end = {cover.getpixel((x, top + 85)) for x in range(width - 150, width - 90)}
    assert left_end == {BAND} and right_end != {BAND}
