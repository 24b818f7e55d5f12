"""``support-checklist``: one field per content line, ``KIND NAME: Label``."""
import re

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from .nodes import support_checklist

KINDS = ('text', 'lines', 'check')
_FIELD = re.compile(r'^(?P<kind>\S+)\s+(?P<name>[a-z][a-z0-9_]*)\s*:\s*(?P<label>\S.*)$')


class SupportChecklist(SphinxDirective):
    """The optional argument is the checklist's heading."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {}

    def run(self) -> list[nodes.Node]:
        fields = []
        for offset, line in enumerate(self.content):
            if not line.strip():
                continue
            lineno = self.content_offset + offset + 1
            match = _FIELD.match(line.strip())
            if not match:
                raise self.error(f'line {lineno}: write a checklist field as '
                                 f'"KIND name: Label" (KIND is one of {", ".join(KINDS)}), '
                                 f'not {line.strip()!r}')
            field = match.groupdict()
            if field['kind'] not in KINDS:
                raise self.error(f'line {lineno}: unknown checklist field kind '
                                 f'{field["kind"]!r} (known: {", ".join(KINDS)})')
            if any(known['name'] == field['name'] for known in fields):
                raise self.error(f'line {lineno}: checklist field name '
                                 f'{field["name"]!r} is used twice')
            fields.append(field)
        if not fields:
            raise self.error('a support checklist needs at least one field')
        node = support_checklist(fields=fields, title=self.arguments[0] if self.arguments else '')
        self.set_source_info(node)
        return [node]


def note_fields(app, doctree) -> None:
    """The domain keeps the fields as the document ends up, translated labels included."""
    fields = [field for node in doctree.findall(support_checklist) for field in node['fields']]
    if fields:
        app.env.get_domain('checklist').note_fields(app.env.docname, fields)


def keep_together(app, doctree):
    """The section holding a checklist is kept on one page or one spread in
    print (helpguide.pdf.keeps): a page turn must not split the form."""
    for node in doctree.findall(support_checklist):
        section = node.parent
        while section is not None and not isinstance(section, nodes.section):
            section = section.parent
        if section is not None and 'keep-together' not in section['classes']:
            section['classes'].append('keep-together')
