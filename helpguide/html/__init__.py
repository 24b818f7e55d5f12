"""The offline HTML theme: nothing fetched from the network, print-friendly."""
from pathlib import Path

from .builder import GuideHTMLBuilder

THEME_DIR = Path(__file__).parent / 'theme' / 'helpguide'


def use_guide_builder(app, config) -> None:
    """Sphinx's html builder stays Sphinx's own unless the project chose the
    guide's theme (builders are made after this event)."""
    if config.html_theme == 'helpguide':
        app.add_builder(GuideHTMLBuilder, override=True)


def setup(app):
    app.connect('config-inited', use_guide_builder)
    app.add_html_theme('helpguide', str(THEME_DIR))
    app.setup_extension('helpguide.html.search')
    app.setup_extension('helpguide.html.navigation')
    app.setup_extension('helpguide.html.serial_write')
    app.setup_extension('helpguide.html.accessibility')
    app.setup_extension('helpguide.html.index_link')
    app.setup_extension('helpguide.html.compiled_templates')
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
