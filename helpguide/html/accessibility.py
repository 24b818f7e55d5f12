"""What the offline HTML needs for readers of every kind, beyond the theme:

* the step groups of a program whose steps differ per platform ("Windows",
  "Macintosh") are headings one level below the program's, not ``rubric``
  paragraphs, so a screen reader can jump to its platform's steps;
* the page context knows the brand, for the print header the theme writes
  (a printed page names the brand, the edition and the page's title).
"""
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.writers.html5 import HTML5Translator

from helpguide.settings import setting

#: The class of the rubric that titles one platform's steps (helpguide.programs)
PLATFORM_TITLE = 'platform-title'


def heading_level(translator) -> int:
    return min(translator.section_level + 1, 6)


def visit_rubric(self, node: nodes.rubric) -> None:
    if PLATFORM_TITLE not in node['classes']:
        return HTML5Translator.visit_rubric(self, node)
    self.body.append(self.starttag(node, f'h{heading_level(self)}', '', CLASS='rubric'))


def depart_rubric(self, node: nodes.rubric) -> None:
    if PLATFORM_TITLE not in node['classes']:
        return HTML5Translator.depart_rubric(self, node)
    self.body.append(f'</h{heading_level(self)}>\n')


def page_context(app: Sphinx, pagename, templatename, context, doctree) -> None:
    context['guide_brand'] = setting(app.config, 'guide_brand', setting(app.config, 'project'))


def setup(app: Sphinx) -> dict:
    app.add_node(nodes.rubric, override=True, html=(visit_rubric, depart_rubric))
    app.connect('html-page-context', page_context)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
