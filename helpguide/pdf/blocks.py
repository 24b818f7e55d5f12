"""Block handlers: docutils and Sphinx body elements as flowables."""
import re

from docutils import nodes
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (HRFlowable, Indenter, Paragraph, Preformatted, Spacer,
                                Table, TableStyle)
from sphinx import addnodes

from .flowables import Heading, ItemLabel, RectoBreak
from .registry import (BLOCK, Context, block, children, escape, inline_children, paragraph_of,
                       warn)
from .templates import to_roman


def rendered(nodes_, ctx: Context) -> list:
    return [f for node in nodes_ for f in block(node, ctx)]


def nothing(node, ctx):
    return []


def indented_blocks(render, node, ctx: Context, left: float, right: float = 0) -> list:
    """What *render* returns, set in from the left and right as far as there is room."""
    got_left, got_right = ctx.room(left, right)
    if (got_left, got_right) != (left, right):
        warn('booklet: nested too deep to indent further; set with less indent', node)
    with ctx.indented(got_left, got_right):
        inner = render()
    if not (got_left or got_right):
        return inner
    return [Indenter(got_left, got_right), *inner, Indenter(-got_left, -got_right)]


# The book prints its own running heads and folios: docutils' header and
# footer (decoration) are left out.
BLOCK.register(nodes.comment, nodes.substitution_definition, nodes.pending, nodes.meta,
               nodes.decoration, nodes.header, nodes.footer, nodes.target, nodes.colspec,
               nodes.label,
               addnodes.toctree, addnodes.index, addnodes.tabular_col_spec,
               addnodes.highlightlang, addnodes.pending_xref_condition)(nothing)
BLOCK.register(nodes.document, nodes.compound, nodes.container, nodes.list_item,
               nodes.definition_list_item, nodes.field, nodes.option_list_item,
               nodes.legend, nodes.tgroup, nodes.thead, nodes.tbody, nodes.row,
               nodes.entry, nodes.field_body, nodes.description, nodes.definition,
               addnodes.only, addnodes.acks, addnodes.hlist, addnodes.hlistcol,
               addnodes.glossary, addnodes.versionmodified)(children)


@BLOCK.register(addnodes.desc, nodes.reference)
def each_as_block(node, ctx: Context):
    """Children that docutils calls inline but that stand as blocks here
    (a description's signature lines, an image linked at block level)."""
    return rendered(node.children, ctx)


@BLOCK.register(addnodes.start_of_file)
def start_of_file(node, ctx: Context):
    """An inlined document: its keys belong to this copy of it."""
    instance = node.get('instance', ctx.instance)
    with ctx.set(instance=instance):
        ctx.pending.append(ctx.key(''))
        return children(node, ctx)


@BLOCK.register(nodes.paragraph)
def paragraph(node, ctx: Context):
    if _has_blocks(node):  # only a broken transform nests blocks in a paragraph
        return children(node, ctx)
    return paragraph_of(node.children, ctx, ctx.para_style)


@BLOCK.register(nodes.Text)
def text(node, ctx: Context):
    return paragraph_of([node], ctx, ctx.para_style) if node.strip() else []


def _has_blocks(node) -> bool:
    return any(isinstance(c, nodes.Element) and not isinstance(c, nodes.Inline)
               and not isinstance(c, (nodes.system_message, addnodes.index, nodes.comment))
               for c in node.children)


def styled_paragraph(style):
    def handler(node, ctx):
        return paragraph_of(node.children, ctx, style)
    return handler


BLOCK.register(nodes.rubric)(styled_paragraph('rubric'))
BLOCK.register(nodes.subtitle)(styled_paragraph('subtitle'))
BLOCK.register(nodes.title)(styled_paragraph('rubric'))
BLOCK.register(nodes.attribution)(
    lambda node, ctx: [Paragraph('\N{EM DASH}\N{NO-BREAK SPACE}' + inline_children(node, ctx),
                                 ctx.styles['attribution'])])
BLOCK.register(addnodes.centered)(styled_paragraph('centered'))
BLOCK.register(nodes.caption)(styled_paragraph('caption'))


@BLOCK.register(nodes.section)
def section(node, ctx: Context):
    """A heading (a chapter, level 1, starts on a right-hand page) and its body."""
    titled = bool(node.children) and isinstance(node[0], nodes.title)
    body = node.children[1:] if titled else node.children
    if node is ctx.book_section:  # its title is on the cover, its lead-in before the contents
        lead = 0  # up to the first child holding a chapter
        while lead < len(body) and not any(body[lead].findall(nodes.section)):
            lead += 1
        if lead < len(body):
            with ctx.set(para_style='lead'):
                ctx.preface.extend(rendered(body[:lead], ctx))
            body = body[lead:]
        return rendered(body, ctx)
    level = ctx.level + 1
    title = node[0] if titled else nodes.title('', '')
    keys = ctx.take_pending() or [ctx.key(f'section-{len(ctx.contents)}')]
    with ctx.set(links=False):
        markup = inline_children(title, ctx)
    text = title.astext()
    in_contents = level <= ctx.contents_depth
    if in_contents:
        ctx.contents.append((level, markup, keys[0]))
    flow = [RectoBreak()] if level == 1 else []
    flow.append(Heading(markup, ctx.styles.heading(level), level=level, keys=keys,
                        text=text, contents=in_contents))
    with ctx.set(level=level):
        flow.extend(rendered(body, ctx))
    return flow


@BLOCK.register(nodes.transition)
def transition(node, ctx: Context):
    base = ctx.styles.base
    return [HRFlowable(width='30%', thickness=0.6, color=ctx.styles.colors['rule'],
                       spaceBefore=base, spaceAfter=base * 1.5, hAlign='CENTER')]


# -- lists ------------------------------------------------------------------
def enum_number(n: int, enumtype: str) -> str:
    if enumtype in ('loweralpha', 'upperalpha'):
        letters = ''
        while n > 0:
            n, rem = divmod(n - 1, 26)
            letters = chr(ord('a') + rem) + letters
        return letters.upper() if enumtype == 'upperalpha' else letters
    if enumtype == 'lowerroman':
        return to_roman(n)
    if enumtype == 'upperroman':
        return to_roman(n).upper()
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
        for item, label in zip(items, labels, strict=True):
            first = item.children[0] if item.children else None
            if isinstance(first, nodes.paragraph) and not _has_blocks(first):
                ctx.bullet = (label, hang)
            else:
                out.append(ItemLabel(label, st, hang))
            out.extend(block(item, ctx))
            ctx.bullet = None
        return out
    return indented_blocks(items_, items[0].parent if items else None, ctx, indent)


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
                out += indented_blocks(lambda: block(part, ctx), part, ctx, indent)
    return out


def _term(term, item, ctx: Context):
    markup = inline_children(term, ctx)
    for classifier in item.children:
        if isinstance(classifier, nodes.classifier):
            markup += ' : ' + ctx.styles.inline('emphasis', inline_children(classifier, ctx))
    return [Paragraph(markup, ctx.styles['term'])]


BLOCK.register(nodes.term)(lambda node, ctx: _term(node, node.parent, ctx))
BLOCK.register(nodes.classifier)(nothing)  # printed with its term


# -- two-column lists: fields, options, document information -----------------
def two_columns(rows, ctx: Context, boxed: bool = False) -> list:
    """(name markup, body node or markup) rows as a table that splits across pages."""
    if not rows:
        return []
    st = ctx.styles
    name_style = st['field_name']
    widest = max(stringWidth(escape(_plain(name)), name_style.fontName, name_style.fontSize)
                 for name, _ in rows)
    pad = st.base * 0.4
    name_w = min(widest + 2 * pad + 2, ctx.width * 0.35)
    body_w = ctx.width - name_w
    data = []
    with ctx.indented(name_w + 2 * pad), ctx.set(para_style='table_cell'):
        for name, body in rows:
            cell = (body if isinstance(body, list)
                    else [Paragraph(body, st['table_cell'])] if isinstance(body, str)
                    else block(body, ctx))
            data.append([Paragraph(name, name_style), cell])
    table = Table(data, colWidths=[name_w, body_w], hAlign='LEFT', splitInRow=1)
    commands = [*st.table_commands(),
                ('LEFTPADDING', (0, 0), (-1, -1), pad), ('RIGHTPADDING', (0, 0), (-1, -1), pad),
                ('TOPPADDING', (0, 0), (-1, -1), pad * 0.5),
                ('BOTTOMPADDING', (0, 0), (-1, -1), pad * 0.2)]
    if boxed:
        commands += [('BACKGROUND', (0, 0), (-1, -1), st.colors['tint']),
                     ('TOPPADDING', (0, 0), (-1, 0), pad * 1.5),
                     ('BOTTOMPADDING', (0, -1), (-1, -1), pad * 1.2)]
    table.setStyle(TableStyle(commands))
    return [table, Spacer(1, st.base * 0.6)]


def _plain(markup: str) -> str:
    return re.sub(r'<[^>]+>', '', markup)


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


# -- boxes: admonitions, topics, sidebars, system messages, code -------------
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


ADMONITION_TITLES = {
    nodes.attention: 'Attention', nodes.caution: 'Caution', nodes.danger: 'Danger',
    nodes.error: 'Error', nodes.hint: 'Hint', nodes.important: 'Important',
    nodes.note: 'Note', nodes.tip: 'Tip', nodes.warning: 'Warning',
    addnodes.seealso: 'See also',
}
WARNING_KINDS = (nodes.attention, nodes.caution, nodes.danger, nodes.error, nodes.warning)


@BLOCK.register(nodes.Admonition, addnodes.seealso)
def admonition(node, ctx: Context):
    body = list(node.children)
    if body and isinstance(body[0], nodes.title):
        title = inline_children(body.pop(0), ctx)
    else:
        title = escape(ADMONITION_TITLES.get(type(node), type(node).__name__.title()))
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


@BLOCK.register(addnodes.desc_signature, addnodes.desc_signature_line)
def desc_signature(node, ctx: Context):
    return [Paragraph(inline_children(node, ctx), ctx.styles['term'])]


@BLOCK.register(addnodes.desc_content)
def desc_content(node, ctx: Context):
    return indented_blocks(lambda: children(node, ctx), node, ctx, ctx.styles.list_indent)


@BLOCK.register(nodes.raw)
def raw(node, ctx: Context):
    """Raw ``pdf`` content is Paragraph markup; other formats are not for print."""
    if 'pdf' not in node.get('format', '').split():
        return []
    return [Paragraph(node.astext(), ctx.styles[ctx.para_style])]


# -- quotes, lines, notes ----------------------------------------------------
@BLOCK.register(nodes.block_quote)
def block_quote(node, ctx: Context):
    indent = ctx.styles.list_indent
    return indented_blocks(lambda: children(node, ctx), node, ctx, indent, indent)


@BLOCK.register(nodes.line_block)
def line_block(node, ctx: Context):
    nested = isinstance(node.parent, nodes.line_block)

    def lines():
        out = []
        for line in node.children:
            if isinstance(line, nodes.line) and not line.children:
                out.append(Spacer(1, ctx.styles['line'].leading))
            elif isinstance(line, nodes.line):
                out.append(Paragraph(inline_children(line, ctx), ctx.styles['line']))
            else:
                out.extend(block(line, ctx))
        return out
    if nested:
        return indented_blocks(lines, node, ctx, ctx.styles.list_indent)
    return [*lines(), Spacer(1, ctx.styles['body'].spaceAfter)]


BLOCK.register(nodes.line)(styled_paragraph('line'))


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
        with ctx.set(para_style='footnote'):
            if body and isinstance(body[0], nodes.paragraph):
                ctx.bullet = (mark, hang)
            flow = rendered(body, ctx)
            if ctx.take_bullet():
                flow.insert(0, ItemLabel(mark, st, hang))
        return flow
    return indented_blocks(note, node, ctx, indent)
