"""The ``support-checklist`` builder: the guide's support checklist as a PDF
form, ``<outdir>/support-checklist.pdf``.

The document that holds the ``support-checklist`` directive (its title,
its lead-in and contact details, then the checklist) is rendered by the
booklet's renderer onto a sheet page; its checklist handler draws the
checklist with :mod:`.form`, as in the booklet, so it prints as labelled
write-in lines and boxes and can be filled on screen.

Every build with the extension loads this module: the renderer and
ReportLab are imported where the form is written.
"""
from sphinx.util import logging
from sphinx.util.display import progress_message

from helpguide.locale import _
from helpguide.pdf.printing import PrintBuilder

logger = logging.getLogger(__name__)

FILENAME = 'support-checklist.pdf'


class SupportChecklistBuilder(PrintBuilder):
    """Only the checklist's document, as a form."""

    name = 'support-checklist'
    product = 'the support checklist'
    epilog = 'The support checklist form is in %(outdir)s.'

    @progress_message('writing the support checklist form')
    def write_documents(self, _docnames) -> None:
        from helpguide.pdf.render import new_context, render_document
        from helpguide.pdf.styles import book_styles

        from .page import Furniture, Margins, write_sheets

        if self.style_failed():
            return
        config = self.config
        docnames = sorted(self.env.get_domain('checklist').data['fields'])
        if not docnames:
            self.missing('no support-checklist directive was read from the sources '
                         '(none is there, or it has an error reported above)')
            return
        styles = book_styles(self.style)
        heading = _('Support checklist')
        furniture = Furniture.from_config(config, heading, heading)
        record = self.record()
        for paper in self.editions():
            target = self.outdir / self.edition_name(FILENAME)
            # The form is its checklist's documents: a program's edit leaves it as it is.
            inputs = self.inputs.of(self.inputs.documents(docnames), paper)
            if self.up_to_date(record, target.name, inputs):
                continue
            pagesize = self.pagesize
            frame = Margins.of(pagesize, styles).frame_size(pagesize)
            trees = [self.resolved_doctree(docname) for docname in docnames]

            def story(frame=frame, trees=trees) -> list:
                ctx = new_context(styles, *frame, self.srcdir)
                return [flowable for tree in trees
                        for flowable in render_document(tree, ctx)]
            write_sheets(target, story, styles, furniture, pagesize,
                         location=', '.join(str(self.env.doc2path(d)) for d in docnames))
            record.note(target.name, inputs)
            logger.info('support-checklist: written to %s', target)
        record.save()
