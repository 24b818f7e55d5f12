"""The support-contact checklist node."""
from docutils import nodes


class support_checklist(nodes.General, nodes.Element):
    """A form a customer fills in before calling support.

    ``node['fields']`` is a list of ``{'kind', 'name', 'label'}`` dicts with
    kind ``text`` (one write-in line), ``lines`` (a box for several lines) or
    ``check`` (a tick box). ``node['title']`` is its heading, possibly empty.
    """
