"""Per-document storage of the guide's subjects (email programs, router
models), kept right across incremental and parallel builds (``clear_doc`` / ``merge_domaindata``).

Parallel reading reads documents side by side, so a chapter may be read
before every program is known: each chapter records the programs it listed
(``chapters``), and ``listings.reread_stale_chapters`` reads it again once
all are."""
from collections import Counter

from docutils import nodes
from sphinx.domains import Domain
from sphinx.util import logging

from .model import Program
from .words import Words

logger = logging.getLogger(__name__)


def duplicate_message(env, words, pid: str, known: Program) -> str:
    return (f'duplicate {words.subject} id {pid!r}: already declared in '
            f'{env.doc2path(known.docname)}:{known.lineno}')


class ProgramsDomain(Domain):
    name = 'programs'
    label = 'Subjects'
    initial_data = {
        'programs': {},   # id -> Program.as_data()
        'listings': {},   # docname -> kind of generated listing it holds
        'chapters': {},   # docname -> [(platform, [docnames it listed])]
    }

    def clear_doc(self, docname: str) -> None:
        programs = self.data['programs']
        for pid in [pid for pid, data in programs.items() if data['docname'] == docname]:
            del programs[pid]
        self.data['listings'].pop(docname, None)
        self.data['chapters'].pop(docname, None)

    def merge_domaindata(self, docnames, otherdata) -> None:
        for pid, data in otherdata['programs'].items():
            if data['docname'] not in docnames:
                continue
            # Read in another process, a duplicate id is only seen here. Processes
            # finish in any order: as in a serial build, the document read first
            # (sorted first) keeps the id and the other is reported.
            known = self.data['programs'].get(pid)
            if known is not None and known['docname'] != data['docname']:
                first, later = sorted((known, data), key=lambda d: d['docname'])
                self.data['programs'][pid] = first
                logger.error(duplicate_message(self.env, Words.of(self.env.config), pid,
                                                Program.from_data(first)),
                             location=(later['docname'], later['lineno']))
                continue
            self.data['programs'][pid] = data
        for key in ('listings', 'chapters'):
            for docname, value in otherdata[key].items():
                if docname in docnames:
                    self.data[key][docname] = value

    def add_program(self, program: Program) -> Program | None:
        """Store ``program``; return the program that already has its id, if any."""
        known = self.data['programs'].get(program.id)
        if known is not None:
            return Program.from_data(known)
        self.data['programs'][program.id] = program.as_data()
        return None

    def note_listing(self, docname: str, kind: str) -> None:
        self.data['listings'][docname] = kind

    def note_chapter(self, docname: str, platform: str, listed: list[str]) -> None:
        self.data['chapters'].setdefault(docname, []).append((platform, listed))

    def platform_chapters(self) -> list[tuple[str, str]]:
        """(platform, chapter document) of every platform chapter."""
        return sorted((platform, docname) for docname, held in self.data['chapters'].items()
                      for platform, _listed in held)

    def chapter_docnames(self, platform: str) -> list[str]:
        """The subject documents a chapter of ``platform`` lists, in order."""
        return [p.docname for p in self.programs(platform=platform, supported=True)]

    def stale_chapters(self) -> list[str]:
        """Chapters that listed other programs than the ones now known."""
        return sorted(docname for docname, chapters in self.data['chapters'].items()
                      if any(listed != self.chapter_docnames(platform)
                             for platform, listed in chapters))

    def shared_subjects(self) -> set[str]:
        """The subject documents more than one chapter lists."""
        listed = Counter(docname for chapters in self.data['chapters'].values()
                         for _platform, docnames in chapters for docname in docnames)
        return {docname for docname, chapters in listed.items() if chapters > 1}

    @property
    def listing_docs(self) -> set[str]:
        return set(self.data['listings'])

    def listings_of(self, kind: str) -> list[str]:
        """The documents holding a generated listing of *kind* ('chapter', 'unsupported')."""
        return sorted(docname for docname, held in self.data['listings'].items() if held == kind)

    def programs(self, *, platform: str | None = None,
                 supported: bool | None = None) -> list[Program]:
        """Subjects in guide order (``:order:``, then name)."""
        found = [Program.from_data(data) for data in self.data['programs'].values()]
        if platform is not None:
            found = [p for p in found if platform in p.platforms]
        if supported is not None:
            found = [p for p in found if p.supported == supported]
        return sorted(found, key=lambda p: (p.order, p.name.casefold(), p.id))

    def get_program(self, pid: str) -> Program | None:
        data = self.data['programs'].get(pid)
        return Program.from_data(data) if data else None

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []


def note_titles(app, doctree) -> None:
    """Each subject is named, and its upgrade advice given, as its page reads
    once the document is read: in a translated build, translated (handouts,
    the appendix and navigation then say what its page says)."""
    programs = app.env.get_domain('programs').data['programs']
    for section in doctree.findall(nodes.section):
        data = next((programs[pid] for pid in section['ids'] if pid in programs), None)
        if data is None or data['docname'] != app.env.docname:
            continue
        if section.children and isinstance(section[0], nodes.title):
            data['name'] = section[0].astext()
        for advice in section.findall(nodes.paragraph):
            if 'upgrade' in advice['classes']:
                data['upgrade'] = advice.astext()
