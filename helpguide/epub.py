"""Sphinx's EPUB builder, with each document once in the table of contents.

A guide lists some documents under several chapters (a program under each
of its platforms), while an EPUB has one file per document and its
navigation may point at a file once: Sphinx warns about every repeat
("duplicated ToC entry found"), so the EPUB fails under -W, and its
reading order (the spine) would list the file twice. This builder keeps
each document at its first place in both.
"""
from sphinx.builders.epub3 import Epub3Builder


class EpubBuilder(Epub3Builder):
    def toc_add_files(self, refnodes: list[dict]) -> None:
        first = {}
        for node in refnodes:
            first.setdefault(node['refuri'], node)
        refnodes[:] = first.values()
        super().toc_add_files(refnodes)


def setup(app):
    app.add_builder(EpubBuilder, override=True)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
