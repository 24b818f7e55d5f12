"""Tables: column and row spans, header rows repeated on every page."""
from docutils import nodes
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Spacer, Table, TableStyle

from .images import caption_markup
from .paragraphs import Paragraph
from .registry import BLOCK, Context, block


def grid(rows):
    """Place entries on a grid: [(row, col, morerows, morecols, entry)], width."""
    taken: set[tuple[int, int]] = set()
    cells, ncols = [], 0
    for r, row in enumerate(rows):
        c = 0
        for entry in row.children:
            while (r, c) in taken:
                c += 1
            down, across = entry.get('morerows', 0), entry.get('morecols', 0)
            for dr in range(down + 1):
                for dc in range(across + 1):
                    taken.add((r + dr, c + dc))
            cells.append((r, c, down, across, entry))
            c += across + 1
            ncols = max(ncols, c)
    ncols = max([ncols] + [c + 1 for _, c in taken])
    return cells, ncols


def longest_word(entry, style) -> float:
    """Width of the widest word of an entry in *style* (code and bold are a
    little wider than the style's face: a tenth is allowed for them)."""
    words = entry.astext().split()
    return max((stringWidth(w, style.fontName, style.fontSize) for w in words), default=0) * 1.1


def capped(need: list[float], total: float) -> list[float]:
    """*need* with the largest cut down to one cap, so that they add up to *total*."""
    rest, count = total, len(need)
    for n in sorted(need):  # the smallest fit whole while each gets at least as much
        if n * count > rest:
            break
        rest -= n
        count -= 1
    cap = rest / count if count else 0
    return [min(n, cap) for n in need]


def column_widths(cells, head_rows: int, specs: list, total: float, pad: float,
                  ctx: Context) -> list[float]:
    """Widths in proportion to the source's columns, but none narrower than
    its longest word where the table's width allows: room is taken from the
    columns that have more than their words need. Where the longest words do
    not fit side by side, only the columns of the longest are narrowed, and
    only their words break."""
    need = [0.0] * len(specs)
    for r, c, _down, across, entry in cells:
        if not across:  # a spanning cell's words may use the columns it spans
            style = ctx.styles['table_head' if r < head_rows else 'table_cell']
            need[c] = max(need[c], longest_word(entry, style) + 2 * pad)
    if sum(need) >= total:
        return capped(need, total)
    widths = [total * w / sum(specs) for w in specs]
    short = [i for i, w in enumerate(widths) if w < need[i]]
    while short:
        for i in short:
            widths[i] = need[i]
        spare = [i for i in range(len(widths)) if i not in short and widths[i] > need[i]]
        excess = sum(widths) - total
        slack = sum(widths[i] - need[i] for i in spare)
        for i in spare:  # each gives in proportion to what it has beyond its words
            widths[i] -= excess * (widths[i] - need[i]) / slack
        short = [i for i, w in enumerate(widths) if w < need[i] - 0.01]
    return widths


@BLOCK.register(nodes.table)
def table(node, ctx: Context):
    out = []
    title = node.next_node(nodes.title)
    if title is not None and title.parent is node:
        caption = Paragraph(caption_markup(title, node, ctx), ctx.styles['caption'])
        caption.keepWithNext = 1
        out.append(caption)
    for tgroup in node.findall(nodes.tgroup):
        if tgroup.parent is node:
            out.extend(table_group(tgroup, node, ctx))
    return out


def table_group(tgroup, table_node, ctx: Context):
    st = ctx.styles
    head = [r for part in tgroup.children if isinstance(part, nodes.thead) for r in part.children]
    body = [r for part in tgroup.children if isinstance(part, nodes.tbody) for r in part.children]
    rows = head + body
    if not rows:
        return []
    cells, ncols = grid(rows)
    specs = [c.get('colwidth', 1) for c in tgroup.children if isinstance(c, nodes.colspec)]
    specs += [1] * (ncols - len(specs))
    total_width = ctx.width
    if 'width' in table_node and str(table_node['width']).endswith('%'):
        total_width *= min(float(str(table_node['width'])[:-1]) / 100, 1)
    pad = st.base * 0.35
    widths = column_widths(cells, len(head), specs[:ncols], total_width, pad, ctx)
    data = [[''] * ncols for _ in rows]
    commands = [
        *st.table_commands(),
        ('GRID', (0, 0), (-1, -1), 0.5, st.colors['table_rule']),
        ('LEFTPADDING', (0, 0), (-1, -1), pad), ('RIGHTPADDING', (0, 0), (-1, -1), pad),
        ('TOPPADDING', (0, 0), (-1, -1), pad * 0.6),
        ('BOTTOMPADDING', (0, 0), (-1, -1), pad * 0.2),
    ]
    if head:
        commands += [('BACKGROUND', (0, 0), (-1, len(head) - 1), st.colors['table_head']),
                     ('LINEBELOW', (0, len(head) - 1), (-1, len(head) - 1), 1,
                      st.colors['accent'])]
    for r, c, down, across, entry in cells:
        if r + down >= len(rows) or c + across >= ncols:
            down, across = min(down, len(rows) - 1 - r), min(across, ncols - 1 - c)
        cell_width = sum(widths[c:c + across + 1]) - 2 * pad
        style = 'table_head' if r < len(head) else 'table_cell'
        cell_width = max(cell_width, st.base)
        with ctx.set(width=cell_width, floor=min(ctx.floor, cell_width * 0.6), para_style=style):
            data[r][c] = [f for child in entry.children for f in block(child, ctx)] or ''
        if down or across:
            commands.append(('SPAN', (c, r), (c + across, r + down)))
    flow = Table(data, colWidths=widths, repeatRows=len(head), splitByRow=1, splitInRow=1,
                 hAlign='LEFT')
    flow.setStyle(TableStyle(commands))
    return [flow, Spacer(1, st.base * 0.8)]
