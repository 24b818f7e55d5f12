"""Doctree nodes of the subjects' data."""
from docutils import nodes


class platform_steps(nodes.container):
    """The steps of one subject for one or more platforms.

    ``node['platforms']`` lists the platform ids; the first child is a rubric
    naming them, which a per-platform output (a platform chapter, a handout)
    drops along with the blocks meant for other platforms.
    """


class unsupported_programs(nodes.General, nodes.Element):
    """Placeholder for the generated list of unsupported subjects."""


def select_platform(tree: nodes.Node, platform: str) -> None:
    """Keep only what ``platform`` needs in ``tree`` (changed in place)."""
    for block in list(tree.findall(platform_steps)):
        if platform not in block['platforms']:
            block.parent.remove(block)
        elif block.children and isinstance(block[0], nodes.rubric):
            block.remove(block[0])
