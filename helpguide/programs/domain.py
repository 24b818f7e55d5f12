"""Per-document storage of the email programs, kept right across incremental
and parallel builds (``clear_doc`` / ``merge_domaindata``)."""
from sphinx.domains import Domain
from sphinx.util import logging

from .model import Program

logger = logging.getLogger(__name__)


class ProgramsDomain(Domain):
    name = 'programs'
    label = 'Email programs'
    initial_data = {
        'programs': {},   # id -> Program.as_data()
        'listings': {},   # docname -> kind of generated listing it holds
    }

    def clear_doc(self, docname: str) -> None:
        programs = self.data['programs']
        for pid in [pid for pid, data in programs.items() if data['docname'] == docname]:
            del programs[pid]
        self.data['listings'].pop(docname, None)

    def merge_domaindata(self, docnames, otherdata) -> None:
        for pid, data in otherdata['programs'].items():
            if data['docname'] in docnames:
                self.data['programs'][pid] = data
        for docname, kind in otherdata['listings'].items():
            if docname in docnames:
                self.data['listings'][docname] = kind

    def add_program(self, program: Program) -> Program | None:
        """Store ``program``; return the program that already has its id, if any."""
        known = self.data['programs'].get(program.id)
        if known is not None:
            return Program.from_data(known)
        self.data['programs'][program.id] = program.as_data()
        return None

    def note_listing(self, docname: str, kind: str) -> None:
        self.data['listings'][docname] = kind

    @property
    def listing_docs(self) -> set[str]:
        return set(self.data['listings'])

    def programs(self, *, platform: str | None = None, ssl: bool | None = None) -> list[Program]:
        """Programs in guide order (``:order:``, then name)."""
        found = [Program.from_data(data) for data in self.data['programs'].values()]
        if platform is not None:
            found = [p for p in found if platform in p.platforms]
        if ssl is not None:
            found = [p for p in found if p.ssl == ssl]
        return sorted(found, key=lambda p: (p.order, p.name.casefold(), p.id))

    def get_program(self, pid: str) -> Program | None:
        data = self.data['programs'].get(pid)
        return Program.from_data(data) if data else None

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []
