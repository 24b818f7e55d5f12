"""Images every output can use: readable to the end, and within the
booklet's limits on file size and pixels, so the HTML does not ship what the
PDF refuses (and a truncated file is caught before anything is built)."""
import mimetypes
from pathlib import Path

import imagesize
from docutils import nodes
from PIL import Image
from sphinx.util import logging

from ..pdf.image_limits import MAX_BYTES, MAX_PIXELS

logger = logging.getLogger(__name__)

#: Kinds of image that Pillow decodes; others (SVG, PDF) are checked for size only.
RASTER = {'image/png', 'image/jpeg', 'image/gif', 'image/bmp', 'image/tiff', 'image/webp'}


def image_problem(path: Path) -> str | None:
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


def refuse_unusable_images(app, doctree) -> None:
    srcdir = Path(app.srcdir)
    for node in doctree.findall(nodes.image):
        for candidate in node.get('candidates', {}).values():
            path = srcdir / candidate
            problem = path.is_file() and image_problem(path)
            if problem:
                logger.error(f'image {candidate} {problem}', location=node,
                             type='helpguide', subtype='image')
