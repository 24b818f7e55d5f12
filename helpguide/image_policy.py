"""Which images the guide accepts, for every output: readable to the end, and
within the booklet's limits on file size and pixels (larger ones would bloat
a booklet meant to be printed). The source checks hold the sources to it, so
the HTML does not ship what the PDF refuses, and the booklet applies it to
what it embeds."""
import mimetypes
from pathlib import Path

import imagesize
from PIL import Image

MAX_BYTES = 20 * 2**20
MAX_PIXELS = 40_000_000
#: Kinds of image that Pillow decodes; others (SVG, PDF) are checked for size only.
RASTER = {'image/png', 'image/jpeg', 'image/gif', 'image/bmp', 'image/tiff', 'image/webp'}


def image_problem(path: Path) -> str | None:
    """What is wrong with the image file at *path*, completing "image NAME ...",
    or None."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        return f'is {size / 2**20:.0f} MB, over the limit of {MAX_BYTES // 2**20} MB'
    if mimetypes.guess_type(path.name)[0] not in RASTER:
        return None
    width, height = imagesize.get(path)  # from the header, before Pillow decodes anything
    if width * height > MAX_PIXELS:
        return f'has {width:,} x {height:,} pixels, over the limit of {MAX_PIXELS:,}'
    try:
        with Image.open(path) as picture:
            picture.load()  # decodes it all: a truncated or corrupt file fails here
    except Exception as exc:  # Pillow raises many kinds for a file it cannot read
        return f'cannot be read: {exc}'
    return None
