"""HTML for the checklist: real form controls, so staff can fill it on screen,
that still print as labelled write-in lines and boxes."""
from html import escape

from docutils import nodes


def visit_html(self, node):
    # starttag writes the node's ids: a link or an index entry may lead here.
    self.body.append(self.starttag(node, 'form', CLASS='support-checklist',
                                   onsubmit='return false') + '<fieldset>\n')
    if node['title']:
        self.body.append(f'<legend>{escape(node["title"])}</legend>\n')
    for field in node['fields']:
        ident = f'checklist-{field["name"]}'
        label = escape(field['label'])
        if field['kind'] == 'check':
            self.body.append(f'<p class="field check"><input type="checkbox" id="{ident}"> '
                             f'<label for="{ident}">{label}</label></p>\n')
        elif field['kind'] == 'lines':
            self.body.append(f'<p class="field lines"><label for="{ident}">{label}</label>'
                             f'<textarea id="{ident}" rows="5"></textarea></p>\n')
        else:
            self.body.append(f'<p class="field text"><label for="{ident}">{label}</label>'
                             f'<input type="text" id="{ident}"></p>\n')
    self.body.append('</fieldset></form>\n')
    raise nodes.SkipNode


def visit_text(self, node):
    """Plain-text builders get a list of write-in lines."""
    if node['title']:
        self.add_text(node['title'] + '\n')
    for field in node['fields']:
        box = '[ ] ' if field['kind'] == 'check' else ''
        blank = '' if field['kind'] == 'check' else ': ' + '_' * 30
        self.add_text(f'{box}{field["label"]}{blank}\n')
    raise nodes.SkipNode
