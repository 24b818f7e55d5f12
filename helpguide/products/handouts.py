"""The ``handouts`` builder: one short PDF per supported subject (an email
program, a router model) and platform.

Support staff hand a customer only what their program needs: the brand, the
program's name, versions and platform, the guide's prerequisite note, the
program's steps and notes for that platform, and a short "Before you call
support" box drawn from the checklist. Each handout is the program's own
resolved doctree (a copy, with :func:`~helpguide.programs.select_platform`
applied) rendered by the booklet's renderer, so nothing is typed twice and
nothing of another program gets in.

Output: ``<outdir>/<program-id>-<platform>.pdf``, and ``.sources.json``
naming the source of each, so the handouts of programs that are gone are
removed and those of a program that failed to build are kept. A handout
whose inputs are unchanged (:mod:`helpguide.pdf.uptodate`) is not written
again: an edit of one program writes that program's handouts.

Every build with the extension loads this module: the renderer and
ReportLab are imported where the handouts are written.
"""
import json

from docutils import nodes
from sphinx.environment.collectors import EnvironmentCollector
from sphinx.errors import SphinxError
from sphinx.util import logging
from sphinx.util.display import status_iterator
from sphinx.util.parallel import ParallelTasks, make_chunks, parallel_available

from helpguide.pdf.printing import PAPER, PrintBuilder
from helpguide.pdf.uptodate import stable
from helpguide.programs import Words, capitalized, select_platform

from ..atomic import replacing
from ..checklist.contacts import contact_fields, contacts_set, unset_words
from ..locale import _
from ..online import guest_platforms, page_address

logger = logging.getLogger(__name__)

PREREQUISITE_CLASS = 'prerequisite'
MANIFEST = '.sources.json'


def handout_name(program_id: str, platform: str) -> str:
    """``<program-id>-<platform>.pdf``; an id that names its platform already
    (``outlook-express-windows``) does not get it twice."""
    if program_id.endswith(f'-{platform}'):
        return f'{program_id}.pdf'
    return f'{program_id}-{platform}.pdf'


def field(label: str, value: str) -> nodes.field:
    return nodes.field('', nodes.field_name(label, label),
                       nodes.field_body('', nodes.paragraph(value, value)))


def support_box(fields: list[dict], brand: str, config) -> nodes.admonition:
    """"Before you call support": what the checklist asks, run in after the
    lead-in (a list of one item a line took a third of a page, and pushed
    the box of a long program onto a second sheet), and how to reach support."""
    title = _('Before you call support')
    if not contacts_set(config):
        # On the title line, which has room: the box, kept whole, grows no taller.
        title = f'{title} · {unset_words()}'
    box = nodes.admonition('', nodes.title(title, title), classes=['before-you-call'])
    intro = (_('Have this at hand when you contact %(brand)s support:') % {'brand': brand}
             if brand else _('Have this at hand when you contact our support:'))
    items = ' \N{MIDDLE DOT} '.join(item['label'] for item in fields)
    box += nodes.paragraph('', f'{intro} {items}')
    box.extend(contact_fields(config))
    return box


def is_prerequisite(node: nodes.Node) -> bool:
    return isinstance(node, nodes.Admonition) and PREREQUISITE_CLASS in node['classes']


def holding_prerequisites(env) -> set[str]:
    """The documents that hold a prerequisite note (:class:`PrerequisiteNotes`)."""
    if not hasattr(env, 'helpguide_prerequisites'):
        env.helpguide_prerequisites = set()
    return env.helpguide_prerequisites


class PrerequisiteNotes(EnvironmentCollector):
    """Which documents hold a prerequisite note, noted as each is read: the
    handouts unpickle those only (every doctree of a x50 guide, unpickled
    to find them, was 2 s of each handouts build)."""

    def clear_doc(self, app, env, docname: str) -> None:
        holding_prerequisites(env).discard(docname)

    def merge_other(self, app, env, docnames: set[str], other) -> None:
        holding_prerequisites(env).update(holding_prerequisites(other) & docnames)

    def process_doc(self, app, doctree: nodes.document) -> None:
        if next(doctree.findall(is_prerequisite), None) is not None:
            holding_prerequisites(app.env).add(app.env.docname)


class HandoutsBuilder(PrintBuilder):
    """One sheet per program and platform."""

    name = 'handouts'
    product = 'the handouts'
    epilog = 'The handouts are in %(outdir)s.'

    def init(self) -> None:
        self.processes = 1
        # sphinx-build -j reaches a builder through this event (Builder.app is deprecated).
        self.events.connect('write-started', self.count_processes, priority=500)

    def count_processes(self, app, builder) -> None:
        if builder is self and parallel_available and app.parallel > 1 \
                and app.is_parallel_allowed('write'):
            self.processes = app.parallel

    def prerequisites(self) -> list[nodes.Element]:
        """The guide's prerequisite notes (admonitions of class ``prerequisite``)."""
        found = []
        for docname in sorted(holding_prerequisites(self.env) & self.env.found_docs):
            tree = self.env.get_doctree(docname)
            found.extend(tree.findall(is_prerequisite))
        return found

    def handout_tree(self, program, platform: str, prerequisites) -> nodes.document | None:
        """The program's resolved doctree, cut to *platform*, with the
        platform's facts and the prerequisite note; None if the program's
        directive failed (its error is reported already)."""
        tree = self.resolved_doctree(program.docname)
        select_platform(tree, platform)
        section = next((node for node in tree.findall(nodes.section)
                        if program.id in node['ids']), None)
        if section is None:
            return None
        words = Words.of(self.config)
        facts = nodes.field_list(classes=['program-facts'])
        if program.versions:
            facts += field(words.versions, program.versions)
        facts += field(capitalized(words.platform), dict(self.config.guide_platforms)[platform])
        # A sheet handed over on its own says what the booklet's chapter does.
        facts += field(words.supported, _('supported'))
        old_facts = [node for node in section.findall(nodes.field_list)
                     if 'program-facts' in node['classes']]
        at = section.index(old_facts[0]) if old_facts else 1
        for node in old_facts:
            node.parent.remove(node)
        section[at:at] = [facts, *(note.deepcopy() for note in prerequisites)]
        return tree

    def remove_stale(self, written: dict[str, str], failed: set[str]) -> None:
        """Delete the handouts of programs that are gone; keep the sources list.

        A handout this build did not write goes if its source file is gone,
        or if that file still declares a program, read without error, that
        no longer needs it (not supported, or not on that platform). The last good
        handouts of a source that failed to build stay.
        """
        manifest = self.outdir / MANIFEST
        try:
            before = json.loads(manifest.read_text(encoding='utf-8'))
        except (OSError, ValueError):
            before = {}
        declaring = {p.docname for p in self.env.get_domain('programs').programs()}
        sources = dict(written)
        for name, docname in sorted(before.items()):
            if name in written:
                continue
            if docname in self.env.found_docs and (docname in failed
                                                   or docname not in declaring):
                sources[name] = docname
            else:
                (self.outdir / name).unlink(missing_ok=True)
        with replacing(manifest) as partial:
            partial.write_text(json.dumps(sources, indent=1, sort_keys=True), encoding='utf-8')

    def write_documents(self, _docnames) -> None:
        """Write every handout; with ``-j N``, N processes write a share each
        (a handout is a document of its own: at ×50, 500 of them took 16.8 s
        in one process)."""
        from reportlab.platypus import KeepTogether

        from helpguide.pdf.registry import block
        from helpguide.pdf.render import new_context, render_document
        from helpguide.pdf.styles import book_styles

        from .page import Furniture, Margins, write_sheets

        if self.style_failed():
            return
        config = self.config
        styles = book_styles(self.style)
        platforms = dict(config.guide_platforms)
        prerequisites = self.prerequisites()
        fields = self.env.get_domain('checklist').fields()
        box = support_box(fields, self.setting('guide_brand'), self.config) if fields else None
        outdir = self.outdir
        guest = guest_platforms(self.env) if config.guide_online_url else None
        handouts = [(program, platform, paper) for paper in self.papers
                    for program in self.env.get_domain('programs').programs(supported=True)
                    for platform in program.platforms]

        def name(item) -> str:
            program, platform, paper = item
            return self.edition_name(handout_name(program.id, platform), paper)

        def online_address(program, platform) -> str:
            return page_address(config, program.docname,
                                guest(program.docname, platform)) if guest else ''

        # A handout is its program's document with the notes and the box every
        # handout carries: another program's edit leaves it as it is.
        shared = self.inputs.of(*(note.pformat() for note in prerequisites),
                                box.pformat() if box is not None else '')
        inputs = {name(item): self.inputs.of(
            shared, self.inputs.document(item[0].docname), stable(item[0]), *item[1:],
            online_address(*item[:2])) for item in handouts}
        record = self.record()
        kept = {name(item): item[0].docname for item in handouts
                if record.up_to_date(name(item), inputs[name(item)])}

        def write(share) -> tuple[dict[str, str], set[str], str | None]:
            """Write *share*: (file name -> source, sources that failed, error)."""
            written, failed = {}, set()
            for program, platform, paper in share:
                pagesize = PAPER[paper]
                online = online_address(program, platform)
                frame = Margins.of(pagesize, styles, online=online).frame_size(pagesize)
                tree = self.handout_tree(program, platform, prerequisites)
                if tree is None:
                    failed.add(program.docname)
                    continue

                def story(tree=tree) -> list:
                    ctx = new_context(styles, *frame, self.srcdir)
                    flowables = render_document(tree, ctx)
                    if box is not None:
                        # The box is short: it moves whole to the next page.
                        flowables.append(KeepTogether(block(box, ctx)))
                    return flowables
                furniture = Furniture.from_config(
                    config, _('Handout · %(platform)s') % {'platform': platforms[platform]},
                    f'{program.name} ({platforms[platform]})', online)
                target = outdir / name((program, platform, paper))
                where = f'{self.env.doc2path(program.docname)}:{program.lineno}'
                try:
                    pages = write_sheets(target, story, styles, furniture, pagesize,
                                         location=where)
                except SphinxError as err:  # reported where it can stop the build
                    return written, failed, str(err)
                written[target.name] = program.docname
                if pages > 1:
                    logger.warning('handouts: %s is %d pages long; a handout should fit '
                                   'on one', target.name, pages,
                                   location=(program.docname, program.lineno))
            return written, failed, None

        if not handouts:
            self.missing(f'no supported {Words.of(self.config).subject} was read from the '
                         'sources')
            return
        handouts = [item for item in handouts if name(item) not in kept]
        written, failed, errors = {}, set(), []
        # One step of Sphinx's progress line per handout, or per share written
        # by another process, as Sphinx shows its own writing.
        progress = status_iterator(handouts, 'writing handouts... ', 'darkgreen',
                                   len(handouts), self.config.verbosity,
                                   stringify_func=name)

        def collect(share, result) -> None:
            share_written, share_failed, error = result
            written.update(share_written)
            failed.update(share_failed)
            if error:
                errors.append(error)
            for _handout in share:
                next(progress, None)

        if self.processes > 1 and len(handouts) > 1:
            tasks = ParallelTasks(self.processes)
            for share in make_chunks(handouts, self.processes):
                tasks.add_task(write, share, collect)
            tasks.join()
        else:
            for item in handouts:
                collect([item], write([item]))
        if errors:
            logger.error('handouts: %s', sorted(errors)[0])
            self.failed()
            return
        for filename in written:
            record.note(filename, inputs[filename])
        record.save()
        self.remove_stale(written | kept, failed)
        logger.info('handouts: %d written, %d up to date', len(written), len(kept))
