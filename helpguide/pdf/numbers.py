"""The numbers references point to: section numbers of ``:numbered:`` toctrees,
"Fig. 1" / "Table 1" / "Listing 1" of captions under ``numfig``, equation numbers.

Sphinx keeps them per document in the environment (``toc_secnumbers``,
``toc_fignumbers``) and its writers look them up while writing. The booklet
inlines every document into one tree, so :func:`number_tree` copies each
number onto its node (``secnumber``, ``fignumber``, ``eqnumber``) while it
still knows which document the node came from; the handlers print them.
"""
from docutils import nodes
from sphinx import addnodes


def equation_number(node: nodes.math_block, docname: str, env) -> str:
    """As Sphinx's ``get_node_equation_number``: numfig numbers, else the domain's."""
    config = env.config
    if config.math_numfig and config.numfig and node['ids']:
        number = env.toc_fignumbers.get(docname, {}).get('displaymath', {}).get(
            node['ids'][0], ())
        text = '.'.join(map(str, number))
        return config.math_numsep.join(text.rsplit('.', 1))
    return str(node['number'])


def number_tree(tree: nodes.document, env) -> None:
    """Put each node's number on it, looked up in its own document's numbers."""
    std = env.domains.standard_domain
    formats = env.config.numfig_format

    def walk(node: nodes.Element, docname: str, first_section: list):
        if isinstance(node, addnodes.start_of_file):
            docname, first_section = node['docname'], [True]
        elif isinstance(node, nodes.section):
            numbers = env.toc_secnumbers.get(docname, {})
            number = numbers.get('#' + node['ids'][0]) if node['ids'] else None
            if number is None and first_section[0]:
                number = numbers.get('')  # a document's title has no anchor
            first_section[0] = False
            if number:
                node['secnumber'] = number
        elif isinstance(node, nodes.math_block) and node.get('number') is not None:
            node['eqnumber'] = equation_number(node, docname, env)
        elif node.get('ids') and (figtype := std.get_enumerable_node_type(node)):
            number = env.toc_fignumbers.get(docname, {}).get(figtype, {}).get(node['ids'][0])
            if number and figtype in formats:
                node['fignumber'] = formats[figtype] % '.'.join(map(str, number))
        for child in node.children:
            if isinstance(child, nodes.Element):
                walk(child, docname, first_section)

    walk(tree, tree.get('docname', env.config.root_doc), [True])
