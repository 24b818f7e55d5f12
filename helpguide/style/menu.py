"""The style's menu arrow between the items of a menu path, in every output.

Sphinx's ``:menuselection:`` joins the items with a triangular bullet; the
booklet printed an arrow instead, so the HTML and the PDF disagreed. Both now
print the style's ``[text] menu_arrow``.
"""
from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

#: what Sphinx's :menuselection: puts between the items
SPHINX_SEPARATOR = '\N{TRIANGULAR BULLET}'


class MenuArrow(SphinxPostTransform):
    """In the HTML outputs, the style's arrow between a menu path's items."""
    default_priority = 200
    formats = ('html',)

    def run(self, **kwargs) -> None:
        from . import style_of

        arrow = style_of(self.app)['text']['menu_arrow']
        for node in self.document.findall(nodes.inline):
            if 'menuselection' not in node['classes']:
                continue
            for text in list(node.findall(nodes.Text)):
                if SPHINX_SEPARATOR in text:
                    text.parent.replace(text, nodes.Text(text.replace(SPHINX_SEPARATOR, arrow)))


def setup(app):
    app.add_post_transform(MenuArrow)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
