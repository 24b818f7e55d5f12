"""``support-contacts``: the provider's contact details, from the settings.

Only the details that are set are shown; with none set the directive
produces nothing.
"""
from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from ..locale import N_, _

CONTACTS = (
    ('guide_support_phone', N_('Telephone')),
    ('guide_support_email', N_('Email')),
    ('guide_support_url', N_('Online case submission')),
    ('guide_support_hours', N_('Opening hours')),
)


class SupportContacts(SphinxDirective):
    option_spec = {}

    def run(self) -> list[nodes.Node]:
        rows = [(_(label), getattr(self.config, setting)) for setting, label in CONTACTS
                if getattr(self.config, setting)]
        if not rows:
            return []
        contacts = nodes.field_list(classes=['support-contacts'])
        for label, value in rows:
            # The engine's words and the settings' values: not the guide's messages.
            contacts += nodes.field('', nodes.field_name(label, label, translatable=False),
                                    nodes.field_body('', nodes.paragraph(value, value,
                                                                         translatable=False)))
        return [contacts]
