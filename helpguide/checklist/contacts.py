"""``support-contacts``: the provider's contact details, from the settings.

Only the details that are set are shown; with none set the directive
produces nothing.
"""
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

CONTACTS = (
    ('guide_support_phone', 'Telephone'),
    ('guide_support_email', 'Email'),
    ('guide_support_url', 'Online case submission'),
    ('guide_support_hours', 'Opening hours'),
)


class SupportContacts(SphinxDirective):
    option_spec = {}

    def run(self) -> list[nodes.Node]:
        rows = [(label, getattr(self.config, setting)) for setting, label in CONTACTS
                if getattr(self.config, setting)]
        if not rows:
            return []
        contacts = nodes.field_list(classes=['support-contacts'])
        for label, value in rows:
            contacts += nodes.field('', nodes.field_name(label, label),
                                    nodes.field_body('', nodes.paragraph(value, value)))
        return [contacts]
