"""The checklist for builders without a rendering of its own (LaTeX, man,
Texinfo, ...): standard docutils nodes that every builder writes, a heading
and a list of write-in lines and tick boxes, as the text builder prints it.

HTML builders (the EPUB too) draw a form, the text builder its own lines,
and helpguide's PDF builders the form primitive.
"""
from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from .nodes import support_checklist

BLANK = '_' * 30


def standard_nodes(node: support_checklist) -> list[nodes.Element]:
    items = nodes.bullet_list(bullet='-', classes=['support-checklist'])
    for field in node['fields']:
        text = (f'[ ] {field["label"]}' if field['kind'] == 'check'
                else f'{field["label"]}: {BLANK}')
        items += nodes.list_item('', nodes.paragraph(text, text))
    title = [nodes.rubric(node['title'], node['title'])] if node['title'] else []
    return [*title, items]


class StandardChecklist(SphinxPostTransform):
    """Replace the checklist by standard nodes for builders without a
    rendering of it."""

    default_priority = 400
    # Sphinx's builders that write every node they get: html (with epub,
    # singlehtml, dirhtml) and text have renderings of their own, xml shows
    # any node as it is.
    formats = ('latex', 'man', 'texinfo')

    def run(self, **kwargs) -> None:
        for node in list(self.document.findall(support_checklist)):
            node.replace_self(standard_nodes(node))
