"""rinohtype's Sphinx builder with our doctree nodes mapped, for the benchmark.

rinohtype maps doctree nodes by tag name and stops on any it does not know
(it does not fall back along the node's class hierarchy as docutils' writers
do), so our nodes are mapped the way the other writers see them: the steps of
a platform as the container they are, the support checklist as nothing (its
fields are attributes, which rst2pdf skips too; the benchmark's corpus has
none), and index entries rinohtype does not know (see, seealso) as it can.

The document is rinohtype's book template with what the booklet does not lay
out taken away, so every tool sets the same text: no numbers in headings and
contents (rinoh_bench.rts), no "Chapter N" label above a chapter's title, and
folios without the section's number and title beside them.
"""
from pathlib import Path

from rinoh.frontend.rst import DocutilsDummyNode
from rinoh.frontend.rst.nodes import Container
from rinoh.frontend.sphinx import RinohBuilder
from rinoh.frontend.sphinx.nodes import Index as SphinxIndex
from rinoh.index import IndexTerm
from rinoh.paragraph import Paragraph
from rinoh.reference import PAGE_NUMBER, SECTION_TITLE, Field
from rinoh.style import StyleSheetFile
from rinoh.template import BodyPageTemplate, TemplateConfiguration
from rinoh.templates import Book
from rinoh.text import Tab


class Platform_Steps(Container):
    pass


class Support_Checklist(DocutilsDummyNode):
    pass


class Index(SphinxIndex):
    """rinohtype 0.5.6 stops on Sphinx's ``see`` and ``seealso`` entries:
    they are given as the sub-entry "see X" / "see also X", as the booklet
    prints them."""

    @property
    def _index_terms(self):
        words = {'see': 'see', 'seealso': 'see also'}
        for kind, name, *_ in self.get('entries'):
            if kind in words:
                main, other = (n.strip() for n in name.split(';'))
                yield IndexTerm(main, f'{words[kind]} {other}')
        known = self.node.deepcopy()
        known['entries'] = [e for e in self.get('entries') if e[0] not in words]
        yield from SphinxIndex(known)._index_terms


def unnumbered_book() -> TemplateConfiguration:
    config = TemplateConfiguration(
        'book, unnumbered (benchmark)', template=Book,
        stylesheet=StyleSheetFile(Path(__file__).with_name('rinoh_bench.rts')))
    folio = Tab() + Tab() + Field(PAGE_NUMBER)
    config['contents_right_page'] = BodyPageTemplate(
        footer_text=folio, chapter_footer_text=folio,
        chapter_title_flowables=[Paragraph(Field(SECTION_TITLE(1)),
                                           style='body matter chapter title')])
    config['contents_left_page'] = BodyPageTemplate(footer_text=Field(PAGE_NUMBER))
    return config


class Builder(RinohBuilder):
    """rinohtype's builder, its template the unnumbered book (built here, as
    the configuration, pickled for -j's reading processes, cannot hold it)."""

    def template_configuration(self, template, logger):
        return super().template_configuration(
                unnumbered_book() if template == UNNUMBERED else template, logger)


UNNUMBERED = 'unnumbered book (benchmark)'


def use_template(app, config):
    config.rinoh_documents = [{'doc': config.root_doc, 'target': 'guide',
                               'title': config.project, 'author': config.author,
                               'template': UNNUMBERED}]


def setup(app):
    app.setup_extension('rinoh.frontend.sphinx')
    app.add_builder(Builder, override=True)
    app.connect('config-inited', use_template)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
