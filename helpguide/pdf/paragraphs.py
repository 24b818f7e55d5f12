"""ReportLab's Paragraph, with the booklet's own markup read without an HTML parser.

ReportLab parses Paragraph markup with :class:`html.parser.HTMLParser`, which
was most of the cost of rendering the book. The markup the inline channel
writes is regular (double-quoted attributes, the four entities
:func:`.registry.escape` writes), so a regular expression splits it into
ReportLab's own tuple-tree form, and ReportLab's ``ParaParser.tt_parse``
turns that into the same fragments, through the same tag handlers, that
parsing the text would give. Anything else (hand-written raw ``pdf`` markup)
goes through ReportLab's parser as before.
"""
import re
import weakref
from functools import lru_cache
from html import unescape

from reportlab.lib.colors import toColor
from reportlab.platypus.paragraph import textTransformFrags
from reportlab.platypus.paraparser import ParaParser

from ..compat.reportlab import Paragraph as _Paragraph, parse_tuple_tree
from .fonts import with_fallback

#: A tag, an entity, or text without either; HTMLParser splits text at
#: every entity too, so each becomes a fragment of its own here as there.
TOKEN = re.compile(r'''
    <(?P<close>/)?(?P<tag>[A-Za-z][A-Za-z0-9]*)
        (?P<attrs>(?:\s+[A-Za-z_][-\w]*="[^"<>]*")*)\s*(?P<empty>/)?>
  | &(?P<entity>amp|lt|gt|quot);
  | (?P<text>[^<&]+)
''', re.VERBOSE)
ATTR = re.compile(r'([A-Za-z_][-\w]*)="([^"<>]*)"')
ENTITIES = {'amp': '&', 'lt': '<', 'gt': '>', 'quot': '"'}
#: Attributes of <font> that ReportLab reads as colours
COLORS = ('color', 'fg', 'backcolor', 'bgcolor')


@lru_cache(maxsize=256)
def attributes(tag: str, text: str) -> dict:
    """A tag's attributes as HTMLParser gives them (names lower-cased, values
    unescaped); a <font>'s colours ready made, as ReportLab would read them:
    the booklet has a handful of inline styles, and reading a colour from
    its text is slow."""
    attrs = {name.lower(): unescape(value) for name, value in ATTR.findall(text)}
    if tag == 'font':
        attrs.update((name, toColor(attrs[name])) for name in COLORS if name in attrs)
    return attrs


def tuple_tree(markup: str):
    """``('para', None, [...])`` for *markup*, or None where it is not the
    booklet's regular markup (then ReportLab's parser reads it)."""
    root = ('para', None, [])
    stack = [root]
    pos = 0
    for match in TOKEN.finditer(markup):
        if match.start() != pos:
            return None  # a stray '<' or '&'
        pos = match.end()
        if (text := match['text']) is not None:
            stack[-1][2].append(text)
        elif (entity := match['entity']) is not None:
            stack[-1][2].append(ENTITIES[entity])
        elif match['close']:
            tag = match['tag'].lower()
            if len(stack) == 1 or stack[-1][0] != tag or match['attrs'] or match['empty']:
                return None
            stack.pop()
        else:
            tag = match['tag'].lower()
            if tag == 'para' and len(stack) == 1:
                return None  # ReportLab reads the paragraph's own attributes
            attrs = dict(attributes(tag, match['attrs']))  # ReportLab's to keep
            node = (tag, attrs, [] if not match['empty'] else None)
            stack[-1][2].append(node)
            if not match['empty']:
                stack.append(node)
    if pos != len(markup) or len(stack) != 1:
        return None
    return root


#: ReportLab's parser resets itself for each paragraph; one is enough (the
#: builder writes on one thread), and a new one per paragraph was cyclic garbage.
PARSER = ParaParser()
#: The fragment ReportLab makes of text in a paragraph of each style, no tag
#: around it: most paragraphs are only that.
_PLAIN = weakref.WeakKeyDictionary()


def plain_fragments(texts: list[str], style) -> list:
    """What ReportLab's parser makes of a paragraph of *texts* without tags."""
    if style not in _PLAIN:
        _PLAIN[style] = parse_tuple_tree(PARSER, ('para', None, ['-']), style)[1][0]
    template = _PLAIN[style]
    return [template.clone(text=text) for text in texts]


class Paragraph(_Paragraph):
    """A Paragraph whose regular markup skips ReportLab's HTML parser, and
    whose text runs are cut where a character needs a font of the style's
    fallback chain (the chain rides on the style as ``fallback``)."""

    def fragments(self, text, style, bulletText, cleaner):
        text = cleaner(text)
        tree = tuple_tree(text)
        frags = None
        if tree is not None and all(isinstance(part, str) for part in tree[2]):
            frags = plain_fragments(tree[2], style)
            textTransformFrags(frags, style)
        elif tree is not None:
            style, frags, bullet_frags = parse_tuple_tree(PARSER, tree, style)
            textTransformFrags(frags, style)
            bulletText = bullet_frags or bulletText
        return text, style, bulletText, frags

    def fragments_made(self) -> None:
        fonts = getattr(self.style, 'fallback', None)
        if fonts is not None:
            self.frags = with_fallback(self.frags, fonts)

    def wrap(self, availWidth, availHeight):
        """As ReportLab's, which ReportLab asks twice of most paragraphs at the
        same width (to measure a row or a group kept together, then to place
        it): the lines depend on the width alone, so the second time they are
        the first time's (unless a split has dropped them)."""
        if availWidth == getattr(self, '_wrapped_at', None) and hasattr(self, 'blPara'):
            return self.width, self.height
        size = super().wrap(availWidth, availHeight)
        self._wrapped_at = availWidth
        return size
