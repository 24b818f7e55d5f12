"""Our HTML builder: Sphinx's own, rendering each page title once per build."""
from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder


#: docutils' HTML5 writer adds this to every page's meta tags; Sphinx's layout has its own
DOCUTILS_VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1" />\n'


class GuideHTMLBuilder(StandaloneHTMLBuilder):
    """Sphinx's HTML builder, rendering each title once per build.

    Every page shows its own title and those of its neighbours and of the
    pages above it, and Sphinx renders each through a docutils document and
    translator of its own every time it is shown: a chapter's title once for
    every program page in it. At ×50 that was 2,630 renderings for 606 pages.
    """

    def init(self) -> None:
        super().init()
        self._rendered_titles: dict[nodes.title, dict[str, str]] = {}

    def prepare_writing(self, docnames) -> None:
        self._rendered_titles.clear()  # titles read again since the last build are new nodes
        super().prepare_writing(docnames)
        self.relate_unsupported()

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

    def get_doc_context(self, docname: str, body: str, metatags: str) -> dict:
        # One viewport tag a page: a second one is invalid HTML.
        return super().get_doc_context(docname, body, metatags.replace(DOCUTILS_VIEWPORT, ''))

    def render_partial(self, node) -> dict[str, str]:
        if not isinstance(node, nodes.title):
            return super().render_partial(node)
        # The environment's title nodes stay as they are while the pages are written.
        if node not in self._rendered_titles:
            self._rendered_titles[node] = super().render_partial(node)
        return self._rendered_titles[node]
