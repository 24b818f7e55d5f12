"""French spacing: a narrow no-break space (U+202F) before ``; : ! ?``.

French sets these signs apart from the word before them, and never at the
start of a line; a translator types a plain space or none, and this
transform puts the right one. Guillemets come from Sphinx's smart quotes,
which give ``« … »`` for French. Names the programs show (``:guilabel:``,
``:menuselection:``, ``:kbd:``), code, host names and addresses are left as
they are: a label must read as on the screen.
"""
import re

from docutils import nodes
from sphinx.transforms import SphinxTransform

NARROW_NBSP = '\u202f'

#: Space (or none) before the sign, then the sign(s) followed by a space, the
#: end of the text, a closing sign or a no-break space: "10:30", "http://"
#: and "a:b" keep their colon as it is. At the start of a text the sign
#: follows an inline element (a label, a link).
_SIGN = re.compile(r'(?:(?<=\S)|^)[ \u00a0\u202f]?([;:!?]+)(?=$|[\s»)\]])')
#: Elements whose text is not the guide's prose.
_UNTOUCHED_CLASSES = {'guilabel', 'menuselection', 'kbd', 'file', 'program'}


def french_spacing(text: str) -> str:
    return _SIGN.sub(lambda match: NARROW_NBSP + match[1], text)


def _untouched(node: nodes.Node) -> bool:
    for ancestor in _ancestors(node):
        if isinstance(ancestor, (nodes.FixedTextElement, nodes.literal, nodes.raw,
                                 nodes.math, nodes.target, nodes.substitution_definition)):
            return True
        if _UNTOUCHED_CLASSES.intersection(ancestor.get('classes', ())):
            return True
        if isinstance(ancestor, nodes.reference) and ancestor.get('refuri') == ancestor.astext():
            return True
    return False


def _ancestors(node: nodes.Node):
    node = node.parent
    while node is not None and not isinstance(node, nodes.document):
        yield node
        node = node.parent


class FrenchSpacing(SphinxTransform):
    """In a French build (``language`` ``fr``, ``fr_CA``, …) where
    ``guide_french_spacing`` is on."""

    # After Sphinx's smart quotes (750), which may leave a sign after a quote.
    default_priority = 760

    def apply(self, **kwargs) -> None:
        language = (self.config.language or 'en').replace('-', '_')
        if language.split('_')[0] != 'fr' or not self.config.guide_french_spacing:
            return
        for text in list(self.document.findall(nodes.Text)):
            if _untouched(text):
                continue
            spaced = french_spacing(str(text))
            if spaced != str(text):
                text.parent.replace(text, nodes.Text(spaced))


def setup(app):
    app.add_config_value('guide_french_spacing', True, 'env', types=frozenset({bool}))
    app.add_transform(FrenchSpacing)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
