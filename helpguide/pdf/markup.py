"""The inline channel: docutils inline nodes as ReportLab Paragraph markup."""
import posixpath
import re

from docutils import nodes
from sphinx import addnodes

from ..locale import _
from ..safety import is_remote
from ..style.menu import SPHINX_SEPARATOR
from .images import inline_image
from .page_refs import page_ref, reserve
from .registry import (INLINE, Context, RenderError, escape, inline, inline_children,
                       location)



def styled(name):
    """A handler that wraps the children in the inline style *name*."""
    def handler(node, ctx):
        return ctx.styles.inline(name, inline_children(node, ctx))
    return handler


INLINE.register(nodes.emphasis, addnodes.desc_annotation)(styled('emphasis'))
INLINE.register(nodes.strong, addnodes.desc_name)(styled('strong'))
INLINE.register(nodes.title_reference)(styled('title_reference'))
INLINE.register(nodes.problematic)(styled('problematic'))
INLINE.register(addnodes.literal_strong)(styled('kbd'))
INLINE.register(addnodes.literal_emphasis, addnodes.desc_addname, addnodes.desc_type,
                addnodes.desc_sig_element, addnodes.desc_inline,
                addnodes.desc_parameter, addnodes.desc_type_parameter,
                addnodes.manpage)(styled('literal'))
INLINE.register(nodes.generated, nodes.acronym,
                nodes.substitution_reference, nodes.target, nodes.label,
                addnodes.pending_xref, addnodes.download_reference,
                addnodes.number_reference, addnodes.pending_xref_condition,
                addnodes.desc_sig_space, addnodes.desc_signature,
                addnodes.desc_signature_line, addnodes.production)(inline_children)


# -- signatures: the punctuation Sphinx's text and LaTeX writers add -----------
def parameters(node, ctx) -> str:
    """Parameters separated by commas; an optional group in brackets, its comma inside."""
    out = []
    for child in node.children:
        sep = ', ' if out else ''
        if isinstance(child, addnodes.desc_optional):
            out.append(f'[{sep}{parameters(child, ctx)}]')
        else:
            out.append(sep + inline(child, ctx))
    return ''.join(out)


def parameter_list(opening: str, closing: str):
    def handler(node, ctx):
        return ctx.styles.inline('literal', escape(opening) + parameters(node, ctx)
                                 + escape(closing))
    return handler


INLINE.register(addnodes.desc_parameterlist)(parameter_list('(', ')'))
INLINE.register(addnodes.desc_type_parameter_list)(parameter_list('[', ']'))
INLINE.register(addnodes.desc_optional)(parameter_list('[', ']'))


@INLINE.register(addnodes.desc_returns)
def desc_returns(node, ctx):
    return ctx.styles.inline('literal', escape(' -> ') + inline_children(node, ctx))


@INLINE.register(nodes.comment, nodes.system_message, addnodes.index, nodes.pending,
                 nodes.substitution_definition)
def invisible(node, ctx):
    return ''


@INLINE.register(nodes.abbreviation)
def abbreviation(node, ctx):
    """Sphinx's :abbr:, its explanation after it as the LaTeX writer prints it."""
    text = inline_children(node, ctx)
    explanation = node.get('explanation')
    return f'{text} ({escape(explanation)})' if explanation else text


@INLINE.register(nodes.subscript)
def subscript(node, ctx):
    return f'<sub>{inline_children(node, ctx)}</sub>'


@INLINE.register(nodes.superscript)
def superscript(node, ctx):
    return f'<super>{inline_children(node, ctx)}</super>'


@INLINE.register(nodes.literal)
def literal(node, ctx):
    return ctx.styles.inline('kbd' if 'kbd' in node['classes'] else 'literal',
                             inline_children(node, ctx))


@INLINE.register(nodes.inline)
def inline_span(node, ctx):
    """Sphinx's :guilabel: and :menuselection: get their own styles."""
    text = inline_children(node, ctx)
    if 'menuselection' in node['classes']:
        arrow = ctx.styles.inline('menu_arrow', f" {ctx.styles.style['text']['menu_arrow']} ")
        parts = [part.strip() for part in text.split(SPHINX_SEPARATOR)]
        return ctx.styles.inline('menuselection', arrow.join(parts))
    if 'guilabel' in node['classes']:
        return ctx.styles.inline('guilabel', text)
    return text


@INLINE.register(nodes.math)
def math(node, ctx):
    return ctx.styles.inline('math', escape(node.astext()))


#: Where ReportLab markup links: an href without a scheme names a destination.
RAW_LINK = re.compile(r'''\b(?:href|destination)\s*=\s*(["'])(.*?)\1''', re.IGNORECASE)


def raw_pdf(node) -> str:
    """The markup of a raw ``pdf`` node, whose links may only be URLs: its
    author cannot name the book's destinations, and one that is missing
    would stop the PDF being saved."""
    markup = node.astext()
    for _quote, target in RAW_LINK.findall(markup):
        if not is_remote(target):
            raise RenderError(f'raw pdf content links to {target!r}: only URLs can be '
                              'linked from raw pdf; link places in the guide with a '
                              'reference', location(node))
    return markup


@INLINE.register(nodes.raw)
def raw(node, ctx):
    return raw_pdf(node) if 'pdf' in node.get('format', '').split() else ''


@INLINE.register(nodes.image)
def image(node, ctx):
    return inline_image(node, ctx)


def link(key: str | None, text: str, ctx: Context, *, paged: bool = False) -> str:
    """*text* linked to the destination *key* if that will exist; *paged*, a
    reference that also prints the page it leads to where the layout can,
    in a slot the layout fills in (:func:`.page_refs.reserve`)."""
    if not ctx.links or key not in ctx.anchors:
        return text
    ctx.linked.add(key)
    linked = f'<a href="#{escape(key)}">{ctx.styles.inline("link", text)}</a>'
    if not paged or ctx.page_labels is None:
        return linked
    ctx.page_refs.add(key)
    reserved = reserve(ctx.page_labels, key)
    return linked if reserved is None else f'{linked} {page_ref(reserved, key)}'


def internal_key(node, ctx) -> str | None:
    """The destination of a reference within the book, if it is one."""
    if node.get('refid'):
        return ctx.key(node['refid'])
    uri = node.get('refuri', '')
    if uri.startswith('%'):  # BookletBuilder.get_target_uri
        docname, _, anchor = uri[1:].partition('#')
        instance = ctx.instances.get(docname)
        return instance and ctx.key(anchor, instance)
    return None


def relative_key(uri: str, ctx) -> str | None:
    """The destination of a link without a scheme (``#anchor``, ``page.html#x``),
    if it names a place in the book: the book has no files to point to."""
    path, _, anchor = uri.partition('#')
    if not path:
        return ctx.key(anchor) if anchor else None
    docname = posixpath.normpath(posixpath.splitext(path)[0]).lstrip('./')
    instance = ctx.instances.get(docname)
    return instance and ctx.key(anchor, instance)


@INLINE.register(nodes.reference)
def reference(node, ctx):
    text = inline_children(node, ctx)
    uri = node.get('refuri', '')
    if node.get('refid') or uri.startswith('%'):
        return link(internal_key(node, ctx), text, ctx, paged=True)
    if not uri or not ctx.links:
        return text
    if not is_remote(uri):  # a page or an anchor: its text, linked where it is in the book
        return link(relative_key(uri, ctx), text, ctx, paged=True)
    shown = node.astext()
    if uri.startswith('mailto:'):
        return text if shown == uri[7:] else f'{text} ({escape(uri[7:])})'
    href = f'<a href="{escape(uri)}">{ctx.styles.inline("link", text)}</a>'
    if shown.rstrip('/') == uri.rstrip('/'):
        return href
    return f'{href} {ctx.styles.inline("url", escape(f"({uri})"))}'


@INLINE.register(nodes.footnote_reference)
def footnote_reference(node, ctx):
    key = node.get('refid') and ctx.key(node['refid'])
    return f'<super>{link(key, inline_children(node, ctx), ctx)}</super>'


@INLINE.register(nodes.citation_reference)
def citation_reference(node, ctx):
    key = node.get('refid') and ctx.key(node['refid'])
    return f'[{link(key, inline_children(node, ctx), ctx)}]'

