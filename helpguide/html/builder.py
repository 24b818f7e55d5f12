"""Our HTML builder: Sphinx's own, rendering each page title and each
stylesheet and script tag once per build, with previous/next that follow each
platform chapter's order."""
import json
import posixpath
from collections import UserString

from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder


#: docutils' HTML5 writer adds this to every page's meta tags; Sphinx's layout has its own
DOCUTILS_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'


class DeferredHTML(UserString):
    """A fragment of HTML rendered the first time it is read, as a string.

    Made from a string (as :class:`UserString`'s methods make their results),
    it is that string.
    """

    def __init__(self, seq: object = '', render=None):
        self._render = render
        if render is None:
            super().__init__(seq)

    @property
    def data(self) -> str:
        if self._render is not None:
            self.data = self._render()
        return self._data

    @data.setter
    def data(self, value: str) -> None:
        self._data, self._render = value, None

    def __repr__(self) -> str:
        # Sphinx's debug log of every event's arguments is no reason to render.
        return f'<{type(self).__name__}: not rendered>' if self._render is not None \
            else super().__repr__()


class GuideHTMLBuilder(StandaloneHTMLBuilder):
    """Sphinx's HTML builder, rendering each title (and each stylesheet and
    script tag, :meth:`update_page_context`) once per build.

    Every page shows its own title and those of its neighbours and of the
    pages above it, and Sphinx renders each through a docutils document and
    translator of its own every time it is shown: a chapter's title once for
    every program page in it. At ×50 that was 2,630 renderings for 606 pages.
    """

    def init(self) -> None:
        super().init()
        self._rendered_titles: dict[nodes.title, dict[str, str]] = {}
        #: (tag function, page folder, asset) -> its tag
        self._rendered_tags: dict[tuple, str] = {}
        #: while a page's context is made (see :meth:`render_partial`)
        self._defer_partials = False

    def prepare_writing(self, docnames) -> None:
        self._rendered_titles.clear()  # titles read again since the last build are new nodes
        self._rendered_tags.clear()  # static files may have changed since the last build
        super().prepare_writing(docnames)
        self.relate_unsupported()
        self.relate_platforms()

    def relate_unsupported(self) -> None:
        """Previous, next and parent for the pages of unsupported subjects.

        They are in no toctree (the appendix's table links them), so Sphinx
        gives them no relations, and each was a dead end. Here they follow
        the appendix in its order, their parent the appendix, and the last
        leads on to what follows the appendix.
        """
        domain = self.env.get_domain('programs')
        listing = next(iter(domain.listings_of('unsupported')), None)
        if listing not in self.relations:
            return
        pages = [docname for docname in dict.fromkeys(
            program.docname for program in domain.programs(supported=False))
            if docname not in self.relations]
        chain = [listing, *pages, self.relations[listing][2]]
        for previous, docname, following in zip(chain, chain[1:], chain[2:]):
            self.relations[docname] = [listing, previous, following]

    def relate_platforms(self) -> None:
        """Previous, next and parent along each platform chapter, in its order.

        A program of several platforms has one page, listed in each of their
        chapters, and Sphinx relates it within one of them only (its home:
        the chapter Sphinx made its parent); the other chapters' "next" then
        skipped it. Here every chapter's pages form a chain, chapter first and
        what follows the chapter last. A page's relations in its home chapter
        are its own; those in another chapter are written into the page
        (``guide_platform_relations``), and links along that chapter reach it
        with ``?platform=NAME``, which navigation.js reads to show them.
        """
        self.platform_relations: dict[str, dict[str, dict]] = {}
        self.platform_links: dict[str, dict[str, str]] = {}   # from -> {to: query}
        #: chapter -> (its platform, its pages whose home is another chapter)
        self.platform_guests: dict[str, tuple[str, set[str]]] = {}
        domain = self.env.get_domain('programs')
        homes = {docname: relation[0] for docname, relation in self.relations.items()}
        for platform, chapter in domain.platform_chapters():
            pages = domain.chapter_docnames(platform)
            if chapter not in self.relations or not pages:
                continue
            self.platform_guests[chapter] = (
                platform, {page for page in pages if homes.get(page) != chapter})
            parent = self.relations[chapter][0]
            siblings = self.env.toctree_includes.get(parent, [])
            at = siblings.index(chapter) if chapter in siblings else len(siblings)
            after = siblings[at + 1] if at + 1 < len(siblings) else None
            chain = [chapter, *pages, after]

            def query(target: str | None) -> str:
                """What a link along this chapter to *target* carries."""
                return f'?platform={platform}' \
                    if target in self.platform_guests[chapter][1] else ''

            def link(source: str, target: str | None) -> None:
                if query(target):
                    self.platform_links.setdefault(source, {})[target] = query(target)

            self.relations[chapter][2] = pages[0]
            link(chapter, pages[0])
            if after in self.relations:
                self.relations[after][1] = pages[-1]
                link(after, pages[-1])
            for previous, docname, following in zip(chain, chain[1:], chain[2:]):
                if homes.get(docname) == chapter:
                    self.relations[docname] = [chapter, previous, following]
                    link(docname, previous)
                    link(docname, following)
                    continue
                self.platform_relations.setdefault(docname, {})[platform] = {
                    key: [self.get_relative_uri(docname, target) + query(target),
                          self.env.titles[target].astext()]
                    for key, target in (('U', chapter), ('P', previous), ('N', following))
                    if target}

    def carry_platform(self, node: nodes.Node, source: str, here: str) -> None:
        """Links in *node* (written on page *here*) that lead along *source*'s
        platform chapter to a page at home in another carry ``?platform=NAME``.

        *source* is the chapter, or a page at home in it: its table of
        contents, and the sidebar's entries under it, lead along the chapter.
        """
        chapter = source if source in self.platform_guests \
            else self.relations.get(source, [None])[0]
        if chapter not in self.platform_guests:
            return
        platform, guests = self.platform_guests[chapter]
        uris = {self.get_relative_uri(here, guest) for guest in guests}
        for reference in node.findall(nodes.reference):
            uri, hash_, fragment = reference.get('refuri', '').partition('#')
            if uri in uris:
                reference['refuri'] = f'{uri}?platform={platform}{hash_}{fragment}'

    def carry_platform_under_chapters(self, node: nodes.Node, here: str) -> None:
        """In a list on page *here* (a table of contents: the start page's,
        the sidebar's), the entries under a platform chapter's lead along it."""
        chapter_of = {self.get_relative_uri(here, chapter): chapter
                      for chapter in self.platform_guests}
        for item in node.findall(nodes.list_item):
            reference = next(item[0].findall(nodes.reference), None) if item.children else None
            if reference is not None and reference.get('refuri') in chapter_of:
                self.carry_platform(item, chapter_of[reference['refuri']], here)

    def write_doc(self, docname: str, doctree: nodes.document) -> None:
        self.carry_platform(doctree, docname, docname)
        self.carry_platform_under_chapters(doctree, docname)
        super().write_doc(docname, doctree)

    def get_doc_context(self, docname: str, body: str, metatags: str) -> dict:
        # One viewport tag a page: a second one is invalid HTML.
        self._defer_partials = True
        try:
            context = super().get_doc_context(docname, body,
                                              metatags.replace(DOCUTILS_VIEWPORT, ''))
        finally:
            self._defer_partials = False
        queries = context['guide_rel_query'] = self.platform_links.get(docname, {})
        # The head's <link rel="next/prev"> say what the bar says.
        for key, target in (('prev', self.relations.get(docname, [None] * 3)[1]),
                            ('next', self.relations.get(docname, [None] * 3)[2])):
            if context.get(key) and target in queries:
                context[key] = {**context[key], 'link': context[key]['link'] + queries[target]}
        if docname in self.platform_relations:
            # In a <script> element: no "</" may end it early.
            context['guide_platform_relations'] = json.dumps(
                self.platform_relations[docname], ensure_ascii=False).replace('</', '<\\/')
        return context

    def update_page_context(self, pagename, templatename, ctx, event_arg) -> None:
        """Each stylesheet and script tag made once per folder of pages.

        Sphinx makes every page's tags anew, each with the file's path made
        absolute (a system call per folder of it) to find its checksum: 3 % of
        the HTML build. A tag depends only on the asset and on the folder of
        the page it links from.
        """
        super().update_page_context(pagename, templatename, ctx, event_arg)
        folder = posixpath.dirname(pagename)
        for name in ('css_tag', 'js_tag'):
            ctx[name] = self._tag_once(name, ctx[name], folder)

    def _tag_once(self, name: str, make_tag, folder: str):
        def tag(asset) -> str:
            key = (name, folder, asset)
            if key not in self._rendered_tags:
                self._rendered_tags[key] = make_tag(asset)
            return self._rendered_tags[key]
        return tag

    def render_partial(self, node) -> dict[str, str]:
        if not isinstance(node, nodes.title):
            if self._defer_partials and node is not None:
                # The page's own table of contents (``toc``), the only other
                # node Sphinx renders for a page's context: the guide's
                # sidebars do not show it, so it is rendered only if read.
                return {'fragment': DeferredHTML(
                    render=lambda: StandaloneHTMLBuilder.render_partial(self, node)['fragment'])}
            return super().render_partial(node)
        # The environment's title nodes stay as they are while the pages are written.
        if node not in self._rendered_titles:
            self._rendered_titles[node] = self._text_title(node) or super().render_partial(node)
        return self._rendered_titles[node]

    def _text_title(self, node: nodes.title) -> dict[str, str] | None:
        """A title of text alone as Sphinx's own translator renders it (the
        text, escaped), without a docutils document and translator for it:
        every title of the guide and of the benchmark's corpus is one."""
        translator = self.get_translator_class()
        if translator is not self.default_translator_class \
                or not all(isinstance(child, nodes.Text) for child in node.children):
            return None
        return {'fragment': '', 'title': node.astext().translate(translator.special_characters)}
