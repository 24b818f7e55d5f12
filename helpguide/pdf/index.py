"""The booklet's index: back matter titled "Index", Sphinx's own entries
(:class:`~sphinx.environment.adapters.indexentries.IndexEntries`: sorted and
grouped by letter as the HTML's General Index) with the page numbers of
their places, each number a link there.

An entry's target is an id in a document; the book holds each document once
per place it is inlined (a program under two platforms), so an entry lists
the page of every copy that kept its target. The index is laid out after
the body, when every page is known: :class:`IndexBody` makes its
paragraphs at that moment, from the pages the page template noted as the
targets landed (:meth:`~.templates.BookTemplate.landed`).
"""
from dataclasses import dataclass

from docutils import nodes
from reportlab.platypus.flowables import BalancedColumns, NullDraw
from sphinx import addnodes
from sphinx.environment.adapters.indexentries import IndexEntries

from ..compat.reportlab import ZeroSize, doc_attribute
from ..locale import _
from .flowables import Heading
from .keeps import KeepTail
from .paragraphs import Paragraph
from .registry import Context, escape
from .tagging import Element, group

INDEX_KEY = 'index'
#: Two columns where each is at least this many body sizes wide (Letter, A4);
#: one on narrower pages (A5, half-letter, A6).
MIN_COLUMN = 17


@dataclass
class Entry:
    """A line of the index: its *text*, the destination keys of its places
    (each with whether it is a main place), and its sub-entries."""
    text: str
    places: list[tuple[str, bool]]
    subentries: list['Entry']


def document_copies(tree: nodes.document) -> dict[str, list[str]]:
    """Each document of the book -> the instances it is inlined as, in order."""
    copies = {tree.get('docname', ''): ['d0']}
    for sof in tree.findall(addnodes.start_of_file):
        copies.setdefault(sof['docname'], []).append(sof['instance'])
    return copies


def stand_ins(builder, copies: dict[str, list[str]]) -> dict[str, list[str]]:
    """Documents without pages in the book -> the instances of the one that
    stands for them: an unsupported subject's page is not printed, the
    appendix listing it is."""
    domain = builder.env.get_domain('programs')
    listing = [instance for docname in domain.listings_of('unsupported')
               for instance in copies.get(docname, ())]
    return {program.docname: listing for program in domain.programs(supported=False)
            if program.docname not in copies}


def book_index(builder, copies: dict[str, list[str]], ctx: Context
               ) -> list[tuple[str, list[Entry]]]:
    """The index of the book: (letter, entries), only what has a place in it."""

    standing = stand_ins(builder, copies)

    def places(links) -> list[tuple[str, bool]]:
        found = []
        for main, uri in links:
            if not uri or not uri.startswith('%'):  # "see" entries have no place
                continue
            docname, _sep, target = uri[1:].partition('#')
            keys = ([ctx.key(target, instance) for instance in copies[docname]]
                    if docname in copies else
                    [ctx.key('', instance) for instance in standing.get(docname, ())])
            found.extend((key, bool(main)) for key in keys if key in ctx.anchors)
        return found

    groups = []
    for letter, entries in IndexEntries(builder.env).create_index(builder):
        made = []
        for term, (links, subentries, _category) in entries:
            subs = []
            for sub, sub_links in subentries:
                # kept with its places, or as words ("see also"); not when
                # its places are all outside the book
                if (found := places(sub_links)) or not sub_links:
                    subs.append(Entry(sub, found, []))
            entry = Entry(term, places(links), subs)
            if entry.places or entry.subentries:
                made.append(entry)
        if made:
            groups.append((letter, made))
    return groups


def index_matter(builder, copies: dict[str, list[str]], ctx: Context) -> list:
    """The index as back matter, with its line in the contents; nothing
    where no entry has a place in the book."""
    groups = book_index(builder, copies, ctx)
    if not groups:
        return []
    title = str(_('Index'))  # a lazy translation is no PDF string
    ctx.contents.append((1, escape(title), INDEX_KEY))
    return index_story(groups, ctx.styles, title)


def index_story(groups, styles, title: str) -> list:
    """The index's title and its body, in one Index structure element."""
    heading = Heading(escape(title), styles['contents_title'], level=1,
                      keys=[INDEX_KEY], text=title)
    body = IndexBody(groups, styles)
    element = group(Element('Index'), [heading])
    body._hg_tag = element
    return [heading, body]


class IndexBody(ZeroSize, NullDraw):
    """The letters and entries, made when the index is laid out (the body's
    pages are known by then) and handed to the frame as generated content,
    as ReportLab's ``DocIf`` does; in two balanced columns where the frame
    is wide enough."""

    def __init__(self, groups, styles):
        super().__init__()
        self.groups = groups
        self.styles = styles
        self.made = False

    def wrap(self, aW, aH):
        if not self.made:
            self.made = True
            pages = doc_attribute(self, 'key_pages') or {}
            flowables = self.flowables(pages)
            if aW >= 2 * MIN_COLUMN * self.styles.base:
                flowables = [BalancedColumns(flowables, nCols=2,
                                             innerPadding=self.styles.base * 1.5)]
            else:  # as a chapter ends: never a line or two alone on the last page
                flowables = [KeepTail(flowables)]
            doc_attribute(self, 'frame').add_generated_content(*flowables)
        return 0, 0

    def flowables(self, pages) -> list:
        """The letters and entries, tagged as parts of the index."""
        st = self.styles
        out = []
        for letter, entries in self.groups:
            # A heading to a screen reader; no bookmark of its own (a letter
            # is no chapter, and one inside the columns never lands as one).
            heading = Paragraph(escape(letter), st['index_letter'])
            heading.tag_role = 'H2'
            out.append(heading)
            for entry in entries:
                out.append(self.line(entry, st['index_entry'], pages))
                out += [self.line(sub, st['index_subentry'], pages)
                        for sub in entry.subentries]
        group(self._hg_tag, out)
        return out

    def line(self, entry: Entry, style, pages) -> Paragraph:
        """The entry's text, then its page numbers in page order, each linked."""
        numbers = {}
        for key, main in entry.places:
            if key in pages:
                page, label = pages[key]
                link = f'<a href="#{escape(key)}">{escape(label)}</a>'
                if main or page not in numbers:
                    numbers[page] = (self.styles.inline('index_main', link) if main
                                     else link)
        text = escape(entry.text)
        if numbers:
            text += ', ' + ', '.join(numbers[page] for page in sorted(numbers))
        return Paragraph(text, style)
