"""The style's menu arrow between the items of a menu path, in every output.

Sphinx's ``:menuselection:`` joins the items with a triangular bullet; the
booklet printed an arrow instead, so the HTML and the PDF disagreed. Both now
print the style's ``[text] menu_arrow``.
"""
from docutils import nodes

#: what Sphinx's :menuselection: puts between the items
SPHINX_SEPARATOR = '\N{TRIANGULAR BULLET}'


def menu_arrow(app, doctree, docname) -> None:
    """In the HTML outputs, the style's arrow between a menu path's items."""
    if app.builder.format != 'html':
        return
    from . import style_of

    arrow = style_of(app)['text']['menu_arrow']
    for node in doctree.findall(nodes.inline):
        if 'menuselection' not in node['classes']:
            continue
        for text in list(node.findall(nodes.Text)):
            if SPHINX_SEPARATOR in text:
                text.parent.replace(text, nodes.Text(text.replace(SPHINX_SEPARATOR, arrow)))


def setup(app):
    # An event handler, not a post-transform: a transform reaches the
    # application only through SphinxTransform.app, which goes in Sphinx 11.
    app.connect('doctree-resolved', menu_arrow)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
