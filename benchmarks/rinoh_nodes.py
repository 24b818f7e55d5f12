"""rinohtype's Sphinx builder with our doctree nodes mapped, for the benchmark.

rinohtype maps doctree nodes by tag name and stops on any it does not know
(it does not fall back along the node's class hierarchy as docutils' writers
do), so our nodes are mapped the way the other writers see them: the steps of
a platform as the container they are, the support checklist as nothing (its
fields are attributes, which rst2pdf skips too).
"""
from rinoh.frontend.rst import DocutilsDummyNode
from rinoh.frontend.rst.nodes import Container


class Platform_Steps(Container):
    pass


class Support_Checklist(DocutilsDummyNode):
    pass


def setup(app):
    app.setup_extension('rinoh.frontend.sphinx')
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
