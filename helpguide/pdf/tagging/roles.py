"""Which structure element a docutils node's flowables go in.

:func:`element_for` answers for :func:`helpguide.pdf.registry.block`; a
node it has no role for (a document, a compound, an unknown extension's
node) adds no element of its own: its flowables go in the nearest
enclosing element, a paragraph each if nothing else claims them.
"""
from docutils import nodes
from sphinx import addnodes

from .tree import Element

ROLES: dict[type, str] = {
    nodes.section: 'Sect',
    nodes.paragraph: 'P', nodes.rubric: 'P', nodes.line: 'P', nodes.attribution: 'P',
    nodes.subtitle: 'P', nodes.term: 'P', nodes.field_name: 'P', addnodes.centered: 'P',
    addnodes.desc_signature: 'P',
    nodes.title: 'P',
    nodes.caption: 'Caption',
    nodes.literal_block: 'Code', nodes.doctest_block: 'Code', nodes.math_block: 'Code',
    addnodes.productionlist: 'Code',
    nodes.block_quote: 'BlockQuote',
    nodes.line_block: 'Div', nodes.figure: 'Div', nodes.topic: 'Div', nodes.sidebar: 'Div',
    nodes.system_message: 'Div', addnodes.desc: 'Div', nodes.definition_list: 'Div',
    nodes.definition: 'Div',
    nodes.Admonition: 'Note', addnodes.seealso: 'Note',
    nodes.footnote: 'Note', nodes.citation: 'Note',
    nodes.bullet_list: 'L', nodes.enumerated_list: 'L',
    nodes.list_item: 'LI',
    nodes.table: 'Table',
    nodes.field_list: 'Table', nodes.docinfo: 'Table', nodes.option_list: 'Table',
    nodes.image: 'Figure',
}
#: Tables of names and values: the names head their rows.
ROW_HEADED = (nodes.field_list, nodes.docinfo, nodes.option_list)
#: PDF's names of the numbering of a list (ListNumbering attribute)
NUMBERING = {'arabic': 'Decimal', 'loweralpha': 'LowerAlpha', 'upperalpha': 'UpperAlpha',
             'lowerroman': 'LowerRoman', 'upperroman': 'UpperRoman'}


def role_of(node: nodes.Node) -> str | None:
    for klass in type(node).__mro__:
        if klass in ROLES:
            return ROLES[klass]
    return None


def element_for(node: nodes.Node) -> Element | None:
    """A new element for *node*'s flowables, or None (they join the enclosing one)."""
    role = role_of(node)
    if role is None:
        return None
    element = Element(role)
    if isinstance(node, nodes.image):
        element.alt = node.get('alt') or figure_caption(node)
    elif isinstance(node, ROW_HEADED):
        element.attrs['row_headers'] = True
    elif isinstance(node, nodes.bullet_list):
        element.attrs.update(O='List', ListNumbering='Disc')
    elif isinstance(node, nodes.enumerated_list):
        element.attrs.update(O='List',
                             ListNumbering=NUMBERING.get(node.get('enumtype'), 'Decimal'))
    return element


def figure_caption(image: nodes.image) -> str:
    """A figure's caption stands for its image when the image has no alt text
    (``make check`` reports the image all the same)."""
    caption = image.parent.next_node(nodes.caption) if isinstance(image.parent, nodes.figure) \
        else None
    return caption.astext() if caption is not None else ''
