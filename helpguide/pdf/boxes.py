"""Boxes: admonitions, topics, sidebars, system messages and code blocks."""
from docutils import nodes
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Preformatted, Table, TableStyle, XPreformatted
from sphinx import addnodes
from sphinx.locale import admonitionlabels

from .blocks import rendered
from .keeps import KeptTable
from .paragraphs import Paragraph
from .registry import BLOCK, Context, children, escape, inline_children


def boxed(title_markup, render_body, ctx: Context, box_name: str) -> list:
    """A tinted box with a rule at its left; splits across pages like a table."""
    st, box = ctx.styles, ctx.styles.boxes[box_name]
    rule, pad = 3, box.padding
    with ctx.indented(rule + 2 * pad):
        content = render_body()
    rows = ([[Paragraph(title_markup, st[box.title_style])]] if title_markup else [])
    rows.append([content or ''])
    # A note of a few lines is never split by a page turn; a long one may be.
    table = KeptTable(rows, colWidths=[ctx.width], splitInRow=1, hAlign='LEFT',
                      limit=ctx.height / 3)
    table.setStyle(TableStyle([
        *st.table_commands(),
        ('BACKGROUND', (0, 0), (-1, -1), box.background),
        ('BOX', (0, 0), (-1, -1), 0.5, box.border),
        ('LINEBEFORE', (0, 0), (0, -1), rule, box.rule),
        ('LEFTPADDING', (0, 0), (-1, -1), pad + rule), ('RIGHTPADDING', (0, 0), (-1, -1), pad),
        ('TOPPADDING', (0, 0), (-1, -1), pad * 0.6),
        ('BOTTOMPADDING', (0, 0), (-1, -1), pad * 0.3),
        ('TOPPADDING', (0, 0), (-1, 0), pad),
        ('BOTTOMPADDING', (0, -1), (-1, -1), pad),
    ]))
    table.spaceBefore = st.base * 0.3
    table.spaceAfter = st.base * 0.8
    return [table]


#: Sphinx's own labels (its catalog translates them: "Remarque", "Voir aussi").
ADMONITION_TITLES = {getattr(nodes, name, None) or getattr(addnodes, name): label
                     for name, label in admonitionlabels.items()}
WARNING_KINDS = (nodes.attention, nodes.caution, nodes.danger, nodes.error, nodes.warning)


@BLOCK.register(nodes.Admonition, addnodes.seealso)
def admonition(node, ctx: Context):
    body = list(node.children)
    if body and isinstance(body[0], nodes.title):
        title = inline_children(body.pop(0), ctx)
    else:
        title = escape(str(ADMONITION_TITLES.get(type(node), type(node).__name__.title())))
    box = 'warning' if isinstance(node, WARNING_KINDS) else 'note'
    return boxed(title, lambda: rendered(body, ctx), ctx, box)


@BLOCK.register(nodes.topic, nodes.sidebar)
def topic(node, ctx: Context):
    if 'contents' in node['classes']:  # the booklet prints its own contents
        return []
    body = list(node.children)
    title = inline_children(body.pop(0), ctx) if body and isinstance(body[0], nodes.title) else ''
    if body and isinstance(body[0], nodes.subtitle):
        title += ' \N{EM DASH} ' + inline_children(body.pop(0), ctx)
    return boxed(title, lambda: rendered(body, ctx), ctx, 'topic')


@BLOCK.register(nodes.system_message)
def system_message(node, ctx: Context):
    where = ', '.join(str(p) for p in (node.get('source'), node.get('line') and
                                       f'line {node["line"]}') if p)
    title = escape(f'System message: {node.get("type", "")}/{node.get("level", "")}'
                   + (f' ({where})' if where else ''))
    return boxed(title, lambda: children(node, ctx, 'system_message'), ctx, 'warning')


#: Starts the rest of a code line too long for the width, as editors mark it.
CONTINUED = '\N{RIGHTWARDS ARROW WITH HOOK} '


def wrapped(line: str, chars: int) -> list[str]:
    """*line* in pieces of at most *chars* characters, broken after a space
    where there is one in the second half, each piece after the first marked
    as a continuation."""
    pieces, room = [], chars
    while len(line) > room:
        cut = line.rfind(' ', room // 2, room) + 1 or room
        pieces.append(line[:cut])
        line = line[cut:]
        room = chars - len(CONTINUED)
    pieces.append(line)
    return [pieces[0], *(CONTINUED + piece for piece in pieces[1:])]


def code_lines(text: str, style_name: str, ctx: Context, box: bool = True,
               first_number: int | None = None, emphasized=frozenset()) -> list:
    """Monospaced text in a code box, long lines wrapped to the width with a
    continuation mark; numbered from *first_number*, the lines (1-based) in
    *emphasized* on a tint, where asked."""
    st = ctx.styles[style_name]

    def body():
        chars = max(int(ctx.width / (st.fontSize * 0.61)), 8)
        lines = text.expandtabs(8).split('\n')
        if first_number is None and not emphasized:
            return [Preformatted('\n'.join(piece for line in lines
                                            for piece in wrapped(line, chars)),
                                 st, newLineChars='')]
        digits = len(str((first_number or 1) + len(lines) - 1)) if first_number else -1
        muted = '#' + ctx.styles.colors['muted'].hexval()[2:]
        tint = '#' + ctx.styles.colors['code_emphasis'].hexval()[2:]
        out = []
        for index, line in enumerate(lines):
            for part, piece in enumerate(wrapped(line, chars - digits - 1)):
                markup = escape(piece)
                if index + 1 in emphasized:
                    markup = f'<font backColor="{tint}">{markup}</font>'
                if first_number is not None:
                    number = str(first_number + index) if part == 0 else ''
                    markup = f'<font color="{muted}">{number:>{digits}} </font>{markup}'
                out.append(markup)
        return [XPreformatted('\n'.join(out), st)]
    return boxed('', body, ctx, 'code') if box else body()


@BLOCK.register(nodes.literal_block, nodes.doctest_block)
def literal_block(node, ctx: Context):
    """Code; with Sphinx's ``:linenos:``, ``:lineno-start:`` and
    ``:emphasize-lines:`` as the HTML shows them."""
    options = node.get('highlight_args', {})
    start = options.get('linenostart', 1) if node.get('linenos') else None
    return code_lines(node.astext(), 'code', ctx, first_number=start,
                      emphasized=frozenset(options.get('hl_lines', ())))


@BLOCK.register(nodes.math_block)
def math_block(node, ctx: Context):
    """No TeX here: the LaTeX source is printed as it is, in monospace
    (``make check`` says so), its equation number at the right."""
    number = node.get('eqnumber')
    if not number:
        return code_lines(node.astext(), 'math', ctx, box=False)
    st = ctx.styles['math']
    label = f'({number})'
    label_width = stringWidth(label, st.fontName, st.fontSize) + st.fontSize
    with ctx.indented(0, label_width):
        source = code_lines(node.astext(), 'math', ctx, box=False)
    table = Table([[source, label]], colWidths=[ctx.width - label_width, label_width],
                  hAlign='LEFT')
    table.setStyle(TableStyle([
        *ctx.styles.table_commands(), ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
        ('FONTNAME', (1, 0), (1, 0), st.fontName), ('FONTSIZE', (1, 0), (1, 0), st.fontSize),
        ('ALIGN', (1, 0), (1, 0), 'RIGHT'),
        ('LEFTPADDING', (0, 0), (-1, -1), 0), ('RIGHTPADDING', (0, 0), (-1, -1), 0)]))
    return [table]


@BLOCK.register(addnodes.productionlist)
def productionlist(node, ctx: Context):
    return code_lines('\n'.join(p.astext() for p in node.children), 'code', ctx)
