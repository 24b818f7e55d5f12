"""The offline HTML theme: nothing fetched from the network, print-friendly."""
from pathlib import Path

from .builder import GuideHTMLBuilder

THEME_DIR = Path(__file__).parent / 'theme' / 'helpguide'


def setup(app):
    app.add_builder(GuideHTMLBuilder, override=True)
    app.add_html_theme('helpguide', str(THEME_DIR))
    app.setup_extension('helpguide.html.search')
    app.setup_extension('helpguide.html.navigation')
    app.setup_extension('helpguide.html.serial_write')
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
