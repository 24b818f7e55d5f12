"""The support-contact checklist node."""
from docutils import nodes
from sphinx import addnodes


class support_checklist(nodes.General, nodes.Element, addnodes.translatable):
    """A form a customer fills in before calling support.

    ``node['fields']`` is a list of ``{'kind', 'name', 'label'}`` dicts with
    kind ``text`` (one write-in line), ``lines`` (a box for several lines) or
    ``check`` (a tick box). ``node['title']`` is its heading, possibly empty.

    Its heading and labels are the guide's text, so they are messages of the
    guide's catalogs (``make gettext``); field names are data and stay.
    """

    def preserve_original_messages(self) -> None:
        self['rawtitle'] = self['title']
        self['rawlabels'] = [field['label'] for field in self['fields']]

    def extract_original_messages(self) -> list[str]:
        title = self.get('rawtitle', self['title'])
        labels = self.get('rawlabels', [field['label'] for field in self['fields']])
        return [message for message in (title, *labels) if message]

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        if self.get('rawtitle', self['title']) == original_message:
            self['title'] = translated_message
        for raw, field in zip(self.get('rawlabels', []), self['fields']):
            if raw == original_message:
                field['label'] = translated_message
