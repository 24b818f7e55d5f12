"""Boxes: admonitions, topics, sidebars, system messages and code blocks."""
from docutils import nodes
from reportlab.platypus import Preformatted, Table, TableStyle
from sphinx import addnodes
from sphinx.locale import admonitionlabels

from .blocks import rendered
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
    table = Table(rows, colWidths=[ctx.width], splitInRow=1, hAlign='LEFT')
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


def code_lines(text: str, style_name: str, ctx: Context, box: bool = True) -> list:
    """Monospaced text, long lines wrapped to the width, in a code box."""
    st = ctx.styles[style_name]

    def body():
        chars = max(int(ctx.width / (st.fontSize * 0.61)), 8)
        return [Preformatted(text, st, maxLineLength=chars, newLineChars='')]
    return boxed('', body, ctx, 'code') if box else body()


@BLOCK.register(nodes.literal_block, nodes.doctest_block)
def literal_block(node, ctx: Context):
    return code_lines(node.astext(), 'code', ctx)


@BLOCK.register(nodes.math_block)
def math_block(node, ctx: Context):
    """No TeX here: the LaTeX source is printed as it is, in monospace."""
    return code_lines(node.astext(), 'math', ctx, box=False)


@BLOCK.register(addnodes.productionlist)
def productionlist(node, ctx: Context):
    return code_lines('\n'.join(p.astext() for p in node.children), 'code', ctx)
