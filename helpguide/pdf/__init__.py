"""The PDF booklet: a Sphinx builder rendering the guide with ReportLab."""
from sphinx.application import Sphinx

from .builder import BookletBuilder

__all__ = ['BookletBuilder', 'setup']

#: Settings the booklet reads. The guide's own extension registers the
#: ``guide_*`` ones first; these defaults serve a plain Sphinx project.
SETTINGS = {
    'guide_paper': 'letter',        # 'letter' or 'a4'
    'guide_brand': '',
    'guide_title': '',
    'guide_subtitle': '',
    'guide_edition': '',
    'guide_date': '',
    'guide_author': '',
    'guide_logo': '',
    'booklet_filename': 'guide.pdf',
    'booklet_contents_depth': 2,    # section levels listed in the contents
}


def setup(app: Sphinx) -> dict:
    app.add_builder(BookletBuilder)
    for name, default in SETTINGS.items():
        if name not in app.config:
            app.add_config_value(name, default, '', types=frozenset({type(default)}))
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
