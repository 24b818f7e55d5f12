"""helpguide: publish a printable, offline customer help guide with Sphinx.

``extensions = ['helpguide']`` in conf.py loads every part: the guide's
settings, the email-program data, the support checklist, the offline HTML
theme and the PDF booklet builder.
"""
from importlib.util import find_spec

__version__ = '1.0.0'

PARTS = (
    'helpguide.settings',
    'helpguide.safety',
    'helpguide.checks',
    'helpguide.programs',
    'helpguide.checklist',
    'helpguide.html',
    'helpguide.pdf',
    'helpguide.products',
)


def setup(app):
    for part in PARTS:
        # TEMPORARY while parts land: skip one that is not a package yet.
        spec = find_spec(part)
        if spec is not None and spec.origin not in (None, 'namespace'):
            app.setup_extension(part)
    return {
        'version': __version__,
        'env_version': 1,
        'parallel_read_safe': False,
        'parallel_write_safe': True,
    }
