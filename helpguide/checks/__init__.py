"""Content checks: problems in the sources, named by file and line.

As part of the extension they run in every build, so ``make html`` fails on
them (with ``-W``); ``python -m helpguide.checks`` runs them, with every other
warning Sphinx and our directives give, over the whole tree and prints each as
``path:line: error: message`` (see :mod:`helpguide.checks.report`).
"""
from . import documents, encoding, images, lines, math, names, report, sources


def setup(app):
    report.listen(app)  # python -m helpguide.checks hears the warnings from here on
    app.setup_extension('helpguide.style')
    app.connect('builder-inited', sources.refuse_missing_root)
    app.setup_extension('helpguide.checks.reread')
    app.connect('env-before-read-docs', encoding.refuse_undecodable)
    app.connect('builder-inited', names.refuse_literal_names)
    app.connect('source-read', lines.refuse_in_document)
    app.connect('include-read', lines.refuse_in_included)
    app.connect('doctree-read', documents.refuse_empty)
    app.connect('doctree-read', math.refuse_math)
    app.setup_extension('helpguide.checks.glyphs')
    # After Sphinx's own collector has found each image's files.
    app.connect('doctree-read', images.refuse_unusable_images, priority=600)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
