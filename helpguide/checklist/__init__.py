"""The support-contact checklist and contact details: directives, data, HTML."""
from .contacts import SupportContacts
from .directive import SupportChecklist
from .domain import ChecklistDomain
from .html import visit_html, visit_text
from .nodes import support_checklist

__all__ = ['support_checklist']


def setup(app):
    app.add_domain(ChecklistDomain)
    app.add_node(support_checklist,
                 html=(visit_html, None),
                 text=(visit_text, None))
    app.add_directive('support-checklist', SupportChecklist)
    app.add_directive('support-contacts', SupportContacts)
    return {'version': '1.0', 'env_version': 1,
            'parallel_read_safe': True, 'parallel_write_safe': True}
