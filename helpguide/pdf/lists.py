"""Lists: labels hung in the margin (bullets, numbers, footnote marks) and
two-column lists (fields, options, document information)."""
import re
from html import unescape

from docutils import nodes
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer, Table, TableStyle
from roman_numerals import RomanNumeral

from .blocks import has_blocks, indented_blocks, nothing, rendered, styled_paragraph
from .flowables import ItemLabel
from .keeps import item_start
from .paragraphs import Paragraph
from .registry import BLOCK, Context, block, escape, inline_children


def enum_number(n: int, enumtype: str) -> str:
    if enumtype in ('loweralpha', 'upperalpha'):
        letters = ''
        while n > 0:
            n, rem = divmod(n - 1, 26)
            letters = chr(ord('a') + rem) + letters
        return letters.upper() if enumtype == 'upperalpha' else letters
    if enumtype == 'lowerroman':
        return RomanNumeral(n).to_lowercase()
    if enumtype == 'upperroman':
        return str(RomanNumeral(n))
    return str(n)


def hanging_list(items, labels, ctx: Context) -> list:
    """List items with their labels hung in the left margin."""
    st = ctx.styles[ctx.para_style]
    widest = max((stringWidth(label, st.bulletFontName, st.fontSize) for label in labels),
                 default=0)
    indent = max(ctx.styles.list_indent, widest + st.fontSize * 0.7)
    hang = ctx.room(indent)[0]

    def items_():
        out = []
        for index, (item, label) in enumerate(zip(items, labels, strict=True)):
            first = item.children[0] if item.children else None
            start = len(out)
            if isinstance(first, nodes.paragraph) and not has_blocks(first):
                with ctx.hanging(first, label, hang):
                    out.extend(block(item, ctx))
            else:
                out.append(ItemLabel(label, st, hang))
                out.extend(block(item, ctx))
            if len(out) > start:  # where a heading's keep may end (keeps.heading_lead)
                item_start(out[start], id(items), index)
        return out
    return indented_blocks(items_, ctx, indent)


@BLOCK.register(nodes.bullet_list)
def bullet_list(node, ctx: Context):
    nested = any(isinstance(a, nodes.bullet_list) for a in _ancestors(node))
    mark = '\N{EN DASH}' if nested else '\N{BULLET}'
    return hanging_list(node.children, [mark] * len(node.children), ctx)


@BLOCK.register(nodes.enumerated_list)
def enumerated_list(node, ctx: Context):
    start = node.get('start', 1)
    labels = [node.get('prefix', '') + enum_number(start + i, node.get('enumtype', 'arabic'))
              + node.get('suffix', '.') for i in range(len(node.children))]
    return hanging_list(node.children, labels, ctx)


def _ancestors(node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


@BLOCK.register(nodes.definition_list)
def definition_list(node, ctx: Context):
    out = []
    indent = ctx.styles.list_indent
    for item in node.children:
        if not isinstance(item, nodes.definition_list_item):
            out.extend(block(item, ctx))
            continue
        for part in item.children:
            if isinstance(part, nodes.term):
                out.extend(_term(part, item, ctx))
            elif isinstance(part, nodes.definition):
                out += indented_blocks(lambda: block(part, ctx), ctx, indent)
    return out


def _term(term, item, ctx: Context):
    markup = inline_children(term, ctx)
    for classifier in item.children:
        if isinstance(classifier, nodes.classifier):
            markup += ' : ' + ctx.styles.inline('emphasis', inline_children(classifier, ctx))
    return [Paragraph(markup, ctx.styles['term'])]


BLOCK.register(nodes.term)(lambda node, ctx: _term(node, node.parent, ctx))
BLOCK.register(nodes.classifier)(nothing)  # printed with its term


def two_columns(rows, ctx: Context, boxed: bool = False) -> list:
    """(name markup, body node or markup) rows as a table that splits across pages."""
    if not rows:
        return []
    st = ctx.styles
    name_style = st['field_name']
    widest = max(stringWidth(plain(name), name_style.fontName, name_style.fontSize)
                 for name, _ in rows)
    pad = st.base * 0.4
    name_w = min(widest + 2 * pad + 2, ctx.width * 0.35)
    body_w = ctx.width - name_w
    data = []
    with ctx.indented(name_w + 2 * pad), ctx.set(para_style='table_cell'):
        for name, body in rows:
            cell = ([Paragraph(body, st['table_cell'])] if isinstance(body, str)
                    else block(body, ctx))
            data.append([Paragraph(name, name_style), cell])
    table = Table(data, colWidths=[name_w, body_w], hAlign='LEFT', splitInRow=1)
    commands = [*st.table_commands(),
                ('LEFTPADDING', (0, 0), (-1, -1), pad), ('RIGHTPADDING', (0, 0), (-1, -1), pad),
                ('TOPPADDING', (0, 0), (-1, -1), pad * 0.5),
                ('BOTTOMPADDING', (0, 0), (-1, -1), pad * 0.2)]
    if boxed:
        commands += [('BACKGROUND', (0, 0), (-1, -1), st.colors['data_box']),
                     ('TOPPADDING', (0, 0), (-1, 0), pad * 1.5),
                     ('BOTTOMPADDING', (0, -1), (-1, -1), pad * 1.2)]
    table.setStyle(TableStyle(commands))
    return [table, Spacer(1, st.base * 0.6)]


def plain(markup: str) -> str:
    """The text Paragraph markup prints."""
    return unescape(re.sub(r'<[^>]+>', '', markup))


@BLOCK.register(nodes.field_list)
def field_list(node, ctx: Context):
    rows = []
    for field in node.children:
        if isinstance(field, nodes.field) and len(field.children) == 2:
            rows.append((inline_children(field[0], ctx), field[1]))
        else:
            rows.append(('', field))
    return two_columns(rows, ctx, boxed='program-facts' in node['classes'])


BLOCK.register(nodes.field_name)(styled_paragraph('field_name'))


@BLOCK.register(nodes.docinfo)
def docinfo(node, ctx: Context):
    rows = []
    for item in node.children:
        if isinstance(item, nodes.field):
            rows.append((inline_children(item[0], ctx), item[1]))
        elif isinstance(item, nodes.authors):
            rows.append(('Authors', '; '.join(inline_children(a, ctx) for a in item.children)))
        else:
            value = inline_children(item, ctx)
            if isinstance(item, nodes.FixedTextElement):  # address keeps its lines
                value = value.replace('\n', '<br/>')
            rows.append((type(item).__name__.title(), value))
    return two_columns(rows, ctx)


BLOCK.register(nodes.Bibliographic)(lambda node, ctx: two_columns(
    [(type(node).__name__.title(), inline_children(node, ctx))], ctx))


@BLOCK.register(nodes.option_list)
def option_list(node, ctx: Context):
    rows = []
    for item in node.children:
        group = item.next_node(nodes.option_group)
        desc = item.next_node(nodes.description)
        options = ', '.join(escape(o.astext()) for o in group.children) if group else ''
        rows.append((ctx.styles.inline('literal', options), desc if desc else ''))
    return two_columns(rows, ctx)


BLOCK.register(nodes.option_group, nodes.option, nodes.option_string,
               nodes.option_argument)(styled_paragraph('code'))


@BLOCK.register(nodes.footnote, nodes.citation)
def footnote(node, ctx: Context):
    """The label hangs in the margin, the text is set small."""
    label = node.next_node(nodes.label)
    text = label.astext() if label is not None else ''
    mark = f'[{text}]' if isinstance(node, nodes.citation) else text
    st = ctx.styles['footnote']
    indent = max(ctx.styles.list_indent,
                 stringWidth(mark, st.bulletFontName, st.fontSize) + st.fontSize * 0.7)
    body = [c for c in node.children if not isinstance(c, nodes.label)]
    hang = ctx.room(indent)[0]

    def note():
        first = body[0] if body and isinstance(body[0], nodes.paragraph) else None
        with ctx.set(para_style='footnote'), ctx.hanging(first, mark, hang) as hung:
            flow = rendered(body, ctx)
        if body and not hung.taken:  # no paragraph first, or one holding blocks
            flow.insert(0, ItemLabel(mark, st, hang))
        return flow
    return indented_blocks(note, ctx, indent)
