"""Print products made from the guide's sources with the booklet's renderer:
per-program handouts, the fillable support checklist and the booklet imposed
for saddle-stitching. Each is a Sphinx builder, so the sources are parsed
once (the doctrees in build/doctrees are shared with HTML and the booklet).
"""


def setup(app):
    app.setup_extension('helpguide.pdf')
    # Imported here: helpguide.pdf's checklist handler uses .form, and the
    # builders use helpguide.pdf, so importing this package stays cycle-free.
    from .handouts import HandoutsBuilder, PrerequisiteNotes
    from .saddle_stitch import SaddleStitchBuilder
    from .support_form import SupportChecklistBuilder

    app.add_builder(HandoutsBuilder)
    app.add_builder(SaddleStitchBuilder)
    app.add_builder(SupportChecklistBuilder)
    app.add_env_collector(PrerequisiteNotes)
    # The environment notes which documents hold a prerequisite note: one
    # pickled before that is read afresh.
    return {'version': '1.0', 'env_version': 1, 'parallel_read_safe': True,
            'parallel_write_safe': True}
