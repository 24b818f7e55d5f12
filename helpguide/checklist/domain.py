"""Keeps the checklist's fields, so other outputs (handouts) can draw on them."""
from sphinx.domains import Domain


class ChecklistDomain(Domain):
    name = 'checklist'
    label = 'Support checklist'
    initial_data = {'fields': {}}   # docname -> list of field dicts

    def clear_doc(self, docname: str) -> None:
        self.data['fields'].pop(docname, None)

    def merge_domaindata(self, docnames, otherdata) -> None:
        for docname, fields in otherdata['fields'].items():
            if docname in docnames:
                self.data['fields'][docname] = fields

    def note_fields(self, docname: str, fields: list[dict]) -> None:
        self.data['fields'][docname] = fields

    def fields(self) -> list[dict]:
        """All checklist fields, in document order of their documents."""
        return [field for _doc, fields in sorted(self.data['fields'].items()) for field in fields]

    def resolve_any_xref(self, env, fromdocname, builder, target, node, contnode):
        return []
