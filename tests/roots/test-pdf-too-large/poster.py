"""A directive whose booklet rendering is taller than any page: the layout fails."""
from docutils import nodes
from docutils.parsers.rst import Directive
from reportlab.platypus import Flowable

from helpguide.pdf.registry import BLOCK


class poster(nodes.General, nodes.Element):
    pass


class Poster(Flowable):
    def wrap(self, width, height):
        return width, 100_000  # points: far taller than any page, and it cannot split


class PosterDirective(Directive):
    def run(self):
        node = poster()
        node.source, node.line = self.state_machine.get_source_and_line(self.lineno)
        return [node]


@BLOCK.register(poster)
def render_poster(node, ctx):
    return [Poster()]


def setup(app):
    app.add_node(poster)
    app.add_directive('poster', PosterDirective)
    return {'parallel_read_safe': True}
