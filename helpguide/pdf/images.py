"""Images and figures, scaled to fit the frame they land in."""
import re
from pathlib import Path
from urllib.parse import unquote

from docutils import nodes
from PIL import Image as PILImage
from reportlab.platypus import Image

from ..image_policy import image_problem
from .paragraphs import Paragraph
from .registry import BLOCK, Context, block, children, escape, inline_children, warn

PX = 0.75  # CSS pixel in points (96 px to the inch)
UNITS = {'': PX, 'px': PX, 'pt': 1, 'pc': 12, 'in': 72, 'cm': 72 / 2.54,
         'mm': 72 / 25.4, 'q': 72 / 101.6}
LENGTH = re.compile(r'\s*([0-9.]+)\s*([a-z%]*)\s*$', re.IGNORECASE)


def length(value: str, ctx: Context, relative_to: float) -> float | None:
    """A docutils length ('3cm', '200px', '50%', '2em') in points."""
    match = LENGTH.match(str(value))
    if not match:
        return None
    number, unit = float(match[1]), match[2].lower()
    if unit == '%':
        return relative_to * number / 100
    if unit in ('em', 'ex'):
        return number * ctx.styles.base * (1 if unit == 'em' else 0.5)
    return number * UNITS[unit] if unit in UNITS else None


def image_file(node, ctx: Context) -> Path | None:
    """The local file of an image node, or None after a warning."""
    uri = node.get('uri', '')
    if '://' in uri or uri.startswith('data:'):
        warn(f'booklet: remote image {uri!r} is not embedded; printing its description', node)
        return None
    path = ctx.srcdir / uri
    if not path.is_file():  # 'blue%20square.png' names 'blue square.png'
        path = ctx.srcdir / unquote(uri)
    if not path.is_file():
        warn(f'booklet: image file not found: {uri}', node)
        return None
    return path


def image_size(node, ctx: Context, path: Path, max_height: float):
    """Width and height in points: the node's options, then fitted to the frame."""
    uri = node.get('uri')
    problem = image_problem(path)
    if problem:
        warn(f'booklet: image {uri} {problem}; printing its description', node)
        return None
    try:
        with PILImage.open(path) as picture:
            iw, ih = picture.size
    except Exception as exc:  # PIL raises many kinds for files it cannot read
        warn(f'booklet: cannot read image {uri}: {exc}; printing its description', node)
        return None
    return fitted(node, ctx, iw * PX, ih * PX, max_height)


def fitted(node, ctx: Context, width: float, height: float, max_height: float):
    """An image's natural size in points after the node's width, height and
    scale, as the HTML sizes it, then made to fit the frame."""
    if 'width' in node and (w := length(node['width'], ctx, ctx.width)):
        height, width = height * w / width, w
    if 'height' in node and (h := length(node['height'], ctx, max_height)):
        if 'width' not in node:
            width = width * h / height
        height = h
    scale = node.get('scale', 100) / 100
    width, height = width * scale, height * scale
    fit = min(1, ctx.width / width, max_height / height)
    return width * fit, height * fit


def alt_text(node) -> str:
    return node.get('alt') or Path(node.get('uri', 'image')).name


def svg_image(node, ctx: Context, path: Path) -> list:
    """An SVG file as a vector drawing, or its description if it cannot be drawn."""
    from .svg import SvgError, SvgFlowable, svg_drawing  # lxml and svglib, only for a book with SVG

    problem = image_problem(path)
    try:
        if problem:
            raise SvgError(problem)
        drawing = svg_drawing(path, ctx.styles['body'].fontName)
    except SvgError as err:
        warn(f'booklet: image {node.get("uri")} {err}; printing its description', node)
        return [Paragraph(f'[{escape(alt_text(node))}]', ctx.styles['caption'])]
    flowable = SvgFlowable(drawing, *fitted(node, ctx, drawing.width, drawing.height,
                                            ctx.height * 0.85))
    flowable.spaceBefore, flowable.spaceAfter = ctx.styles.base * 0.3, ctx.styles.base
    flowable.hAlign = {'left': 'LEFT', 'right': 'RIGHT'}.get(node.get('align'), 'CENTER')
    return [flowable]


@BLOCK.register(nodes.image)
def image(node, ctx: Context):
    path = image_file(node, ctx)
    if path is not None and path.suffix.lower() == '.svg':
        return svg_image(node, ctx, path)
    size = path and image_size(node, ctx, path, ctx.height * 0.85)
    if not size:
        return [Paragraph(f'[{escape(alt_text(node))}]', ctx.styles['caption'])]
    flowable = Image(str(path), *size)
    flowable.spaceBefore, flowable.spaceAfter = ctx.styles.base * 0.3, ctx.styles.base
    flowable.hAlign = {'left': 'LEFT', 'right': 'RIGHT'}.get(node.get('align'), 'CENTER')
    return [flowable]


def inline_image(node, ctx: Context) -> str:
    """An image inside a line of text, at most a line and a half tall."""
    path = image_file(node, ctx)
    if path is not None and path.suffix.lower() == '.svg':
        path = None  # a drawing cannot stand in a line of text: its description does
    size = path and image_size(node, ctx, path, ctx.styles.base * 1.5)
    if not size:
        return f'[{escape(alt_text(node))}]'
    return (f'<img src="{escape(str(path))}" width="{size[0]:.1f}" '
            f'height="{size[1]:.1f}" valign="middle"/>')


@BLOCK.register(nodes.figure)
def figure(node, ctx: Context):
    parts = []
    for child in node.children:
        if isinstance(child, nodes.caption):
            parts.append(Paragraph(caption_markup(child, node, ctx), ctx.styles['caption']))
        else:
            parts.extend(block(child, ctx))
    # Kept together by keep-with-next, not KeepTogether: a KeepTogether
    # cannot be measured inside a table cell or a box (it has no canvas there).
    for part in parts[:-1]:
        part.keepWithNext = 1
    return parts


def caption_markup(caption, owner, ctx: Context) -> str:
    """A caption's markup after its number ("Fig. 1", "Table 1", "Listing 1")
    when numfig numbers *owner* (pdf/numbers.py)."""
    markup = inline_children(caption, ctx)
    if number := owner.get('fignumber'):
        return f'{ctx.styles.inline("strong", escape(number))} {markup}'
    return markup


@BLOCK.register(nodes.caption)
def caption(node, ctx: Context):
    return [Paragraph(caption_markup(node, node.parent, ctx), ctx.styles['caption'])]


@BLOCK.register(nodes.legend)
def legend(node, ctx: Context):
    return children(node, ctx)
