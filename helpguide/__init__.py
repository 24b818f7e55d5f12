"""helpguide: publish a printable, offline customer help guide with Sphinx.

``extensions = ['helpguide']`` in conf.py loads every part: the engine's
message catalog, the garbage collector's setting for reading, docutils'
settings made once for all documents read, the guide's settings, safe
defaults and source checks, the subjects' data (email programs, router
models), the support checklist, the offline HTML theme, the PDF booklet
builder and the print products.
"""

__version__ = '1.0.0'

PARTS = (
    'helpguide.locale',
    'helpguide.collector',
    'helpguide.reading',
    'helpguide.settings',
    'helpguide.style',
    'helpguide.safety',
    'helpguide.checks',
    'helpguide.programs',
    'helpguide.checklist',
    'helpguide.html',
    'helpguide.epub',
    'helpguide.pdf',
    'helpguide.products',
)


def setup(app):
    for part in PARTS:
        app.setup_extension(part)
    return {
        'version': __version__,
        'env_version': 1,
        'parallel_read_safe': True,
        'parallel_write_safe': True,
    }
