"""An extension whose nodes the booklet does not know."""
from docutils import nodes
from docutils.parsers.rst import Directive



class mystery(nodes.General, nodes.Element):
    pass


class mystery_inline(nodes.Inline, nodes.TextElement):
    pass


class Mystery(Directive):
    has_content = True

    def run(self):
        node = mystery()
        self.state.nested_parse(self.content, self.content_offset, node)
        node.source, node.line = self.state_machine.get_source_and_line(self.lineno)
        return [node]


def mystery_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [mystery_inline(rawtext, text)], []


def setup(app):
    app.add_node(mystery)
    app.add_node(mystery_inline)
    app.add_directive('mystery', Mystery)
    app.add_role('mystery', mystery_role)
