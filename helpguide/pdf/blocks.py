"""Block handlers: structure (sections, paragraphs, quotes, lines) and the
helpers the other handler modules (lists, boxes, tables, images) share."""
from docutils import nodes
from reportlab.platypus import HRFlowable, Indenter, Spacer
from sphinx import addnodes

from .flowables import Heading, RectoBreak
from .keeps import KEEP_TOGETHER, KeepInView, KeepTail, heading_lead
from .markup import raw_pdf
from .paragraphs import Paragraph
from .registry import (BLOCK, Context, RenderError, block, children, inline_children, location,
                       paragraph_of, warn)


def rendered(nodes_, ctx: Context) -> list:
    return [f for node in nodes_ for f in block(node, ctx)]


def nothing(node, ctx):
    return []


def indented_blocks(render, ctx: Context, left: float, right: float = 0) -> list:
    """What *render* returns, set in from the left and right as far as there is
    room. Deep nesting is set with less indent rather than refused: nothing is
    lost, and `make check` draws the line where nesting stops making sense."""
    got_left, got_right = ctx.room(left, right)
    with ctx.indented(got_left, got_right):
        inner = render()
    if not (got_left or got_right):
        return inner
    return [Indenter(got_left, got_right), *inner, Indenter(-got_left, -got_right)]


BLOCK.register(nodes.comment, nodes.substitution_definition, nodes.pending, nodes.meta,
               nodes.target, nodes.colspec,
               nodes.label,
               addnodes.toctree, addnodes.index, addnodes.tabular_col_spec,
               addnodes.highlightlang, addnodes.pending_xref_condition)(nothing)
BLOCK.register(nodes.document, nodes.decoration, nodes.compound, nodes.container,
               nodes.list_item,
               nodes.definition_list_item, nodes.field, nodes.option_list_item,
               nodes.legend, nodes.tgroup, nodes.thead, nodes.tbody, nodes.row,
               nodes.entry, nodes.field_body, nodes.description, nodes.definition,
               addnodes.only, addnodes.acks, addnodes.hlist, addnodes.hlistcol,
               addnodes.glossary, addnodes.versionmodified)(children)


@BLOCK.register(nodes.header, nodes.footer)
def header_or_footer(node, ctx: Context):
    """The book prints its own running heads and folios; what ``.. header::``
    and ``.. footer::`` say is left out, with a warning where it is written."""
    where = next((n for n in node.findall(nodes.Element) if n.line), node)
    warn(f'booklet: the {node.tagname} is not printed: the booklet has its own running '
         'heads and page numbers', where)
    return []


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
    if has_blocks(node):  # only a broken transform nests blocks in a paragraph
        return children(node, ctx)
    return paragraph_of(node.children, ctx, ctx.para_style, ctx.take_label(node))


@BLOCK.register(nodes.Text)
def text(node, ctx: Context):
    return paragraph_of([node], ctx, ctx.para_style) if node.strip() else []


def has_blocks(node) -> bool:
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


@BLOCK.register(nodes.section)
def section(node, ctx: Context):
    """A heading (a chapter, level 1, starts on a right-hand page) and its
    body, with the keep rules of :mod:`.keeps`; a section of class
    ``keep-together`` on one page or one spread."""
    titled = bool(node.children) and isinstance(node[0], nodes.title)
    body = node.children[1:] if titled else node.children
    book = ctx.book
    if book and node is book.section:  # titled on the cover; its lead-in precedes the contents
        lead = 0  # up to the first child holding a chapter
        while lead < len(body) and not any(body[lead].findall(nodes.section)):
            lead += 1
        if lead < len(body):
            with ctx.set(para_style='lead'):
                book.lead_in.extend(rendered(body[:lead], ctx))
            body = body[lead:]
        return rendered(body, ctx)
    level = ctx.level + 1
    title = node[0] if titled else nodes.title('', '')
    keys = ctx.take_pending() or [ctx.key(f'section-{len(ctx.contents)}')]
    with ctx.set(links=False):
        markup = inline_children(title, ctx)
    text = title.astext()
    if number := node.get('secnumber'):  # a :numbered: toctree's (pdf/numbers.py)
        number = '.'.join(map(str, number))
        markup, text = f'{number}.\N{NO-BREAK SPACE}{markup}', f'{number}. {text}'
    in_contents = level <= ctx.contents_depth
    if in_contents:
        ctx.contents.append((level, markup, keys[0]))
    flow = [Heading(markup, ctx.styles.heading(level), level=level, keys=keys,
                    text=text, contents=in_contents)]
    with ctx.set(level=level):
        flow.extend(rendered(body, ctx))
    if KEEP_TOGETHER in node['classes']:
        return [KeepInView(flow, chapter=level == 1)]
    flow = heading_lead(flow, ctx.height / 2)
    return [RectoBreak(), KeepTail(flow)] if level == 1 else flow


@BLOCK.register(nodes.transition)
def transition(node, ctx: Context):
    base = ctx.styles.base
    return [HRFlowable(width='30%', thickness=0.6, color=ctx.styles.colors['rule'],
                       spaceBefore=base, spaceAfter=base * 1.5, hAlign='CENTER')]


@BLOCK.register(addnodes.desc_signature, addnodes.desc_signature_line)
def desc_signature(node, ctx: Context):
    """A signature; one of several lines (C++ templates) each on its own line."""
    if node.get('is_multiline'):
        markup = '<br/>'.join(inline_children(line, ctx) for line in node.children)
    else:
        markup = inline_children(node, ctx)
    return [Paragraph(markup, ctx.styles['term'])]


@BLOCK.register(addnodes.desc_content)
def desc_content(node, ctx: Context):
    return indented_blocks(lambda: children(node, ctx), ctx, ctx.styles.list_indent)


@BLOCK.register(nodes.raw)
def raw(node, ctx: Context):
    """Raw ``pdf`` content is Paragraph markup; other formats are not for print."""
    if 'pdf' not in node.get('format', '').split():
        return []
    try:
        return [Paragraph(raw_pdf(node), ctx.styles[ctx.para_style])]
    except ValueError as err:  # ReportLab's markup parser
        raise RenderError(f'raw pdf content is not ReportLab paragraph markup: {err}',
                          location(node)) from None


# -- quotes, lines, notes ----------------------------------------------------
@BLOCK.register(nodes.block_quote)
def block_quote(node, ctx: Context):
    indent = ctx.styles.list_indent
    return indented_blocks(lambda: children(node, ctx), ctx, indent, indent)


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
        return indented_blocks(lines, ctx, ctx.styles.list_indent)
    return [*lines(), Spacer(1, ctx.styles['body'].spaceAfter)]


BLOCK.register(nodes.line)(styled_paragraph('line'))
