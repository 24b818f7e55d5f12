"""The support-contact checklist and contact details: directives, data, HTML, PDF."""
from .contacts import SupportContacts
from .directive import SupportChecklist, keep_together, note_fields
from .domain import ChecklistDomain
from .html import visit_html, visit_text
from .nodes import support_checklist
from .standard import StandardChecklist

__all__ = ['support_checklist']


def register_pdf(app):
    """The checklist's PDF handler, for the builders that render PDF with
    helpguide's renderer (as ``add_node`` gives it HTML and text ones)."""
    # Ours only: another tool's PDF builder (rinohtype, rst2pdf) renders its own way.
    if app.builder.format == 'pdf' and type(app.builder).__module__.startswith('helpguide.'):
        from . import pdf  # noqa: F401  (registers the handler)


def setup(app):
    app.setup_extension('helpguide.checklist.contacts')
    app.add_domain(ChecklistDomain)
    app.add_node(support_checklist,
                 html=(visit_html, None),
                 text=(visit_text, None))
    app.add_post_transform(StandardChecklist)
    app.add_directive('support-checklist', SupportChecklist)
    app.add_directive('support-contacts', SupportContacts)
    app.connect('builder-inited', register_pdf)
    # After the Locale transform, which translates the labels of a translated build.
    app.connect('doctree-read', note_fields)
    app.connect('doctree-read', keep_together)
    return {'version': '1.0', 'env_version': 1,
            'parallel_read_safe': True, 'parallel_write_safe': True}
