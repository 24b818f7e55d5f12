"""``support-contacts``: the provider's contact details, from the settings.

Only the details that are set are shown. The original guide names no
contact, so its settings are empty; a customer edition must not ship that
way, but a draft must still build with ``-W``:

- an ordinary build says so once, as a notice (info level: a warning would
  fail the ``-W`` builds of a guide whose contacts are deliberately empty),
  and prints a visible "contact details not set" line where they would go;
- a release build (``guide_release = True``, ``make dist RELEASE=1``,
  ``python -m helpguide build --release``) stops with one line.
"""
from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from ..config import BadSetting, add_setting
from ..locale import N_, _

logger = logging.getLogger(__name__)

CONTACTS = (
    ('guide_support_phone', N_('Telephone')),
    ('guide_support_email', N_('Email')),
    ('guide_support_url', N_('Online case submission')),
    ('guide_support_hours', N_('Opening hours')),
)

#: the settings a customer can reach support by (opening hours alone are no way in)
REACHABLE_BY = ('guide_support_phone', 'guide_support_email', 'guide_support_url')

UNSET_CLASS = 'contacts-unset'


def contacts_set(config) -> bool:
    return any(getattr(config, setting) for setting in REACHABLE_BY)


def contact_fields(config) -> list[nodes.Element]:
    """The contact details that are set, as a field list (none: nothing)."""
    rows = [(_(label), getattr(config, setting)) for setting, label in CONTACTS
            if getattr(config, setting)]
    if not rows:
        return []
    contacts = nodes.field_list(classes=['support-contacts'])
    for label, value in rows:
        # The engine's words and the settings' values: not the guide's messages.
        contacts += nodes.field('', nodes.field_name(label, label, translatable=False),
                                nodes.field_body('', nodes.paragraph(value, value,
                                                                     translatable=False)))
    return [contacts]


def unset_words() -> str:
    return _('Contact details not set')


class SupportContacts(SphinxDirective):
    option_spec = {}

    def run(self) -> list[nodes.Node]:
        """The details that are set; with no way to reach support set, a
        "contact details not set" line in their place."""
        if contacts_set(self.config):
            return contact_fields(self.config)
        unset = unset_words()
        return [nodes.paragraph(unset, unset, classes=[UNSET_CLASS], translatable=False),
                *contact_fields(self.config)]


def check_contacts(app) -> None:
    """Once a build, after the language's catalog is loaded (builder-inited)."""
    if contacts_set(app.config):
        return
    settings = ', '.join(REACHABLE_BY)
    if app.config.guide_release:
        logger.error(_('a release needs a support contact: set %(settings)s in conf.py')
                     % {'settings': settings})
        raise BadSetting
    logger.info(_('notice: no support contact set (%(settings)s); the outputs say '
                  '"Contact details not set", and a release build will stop')
                % {'settings': settings})


def setup(app):
    app.setup_extension('helpguide.settings')
    add_setting(app, 'guide_release', False, 'env',
                description='a customer edition: the build stops without a support contact')
    app.connect('builder-inited', check_contacts)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
