"""A document that gave a warning while it was read is read again by every
build until it is fixed.

The HTML, the booklet and the print products share one doctree cache, and a
failed build with ``--keep-going`` still saves it: without this, the next
build of another output would take the faulty document from the cache and
report nothing. (Warnings given while writing are given at every write.)
"""
import logging


class _NoteProblems(logging.Handler):
    def __init__(self, env):
        super().__init__(logging.WARNING)
        self.env = env

    def emit(self, record: logging.LogRecord) -> None:
        if self.env.docname:  # a document is being read
            self.env.note_reread()


def start(app, env, docnames) -> None:
    stop(app)
    app._helpguide_problems = _NoteProblems(env)
    logging.getLogger('sphinx').addHandler(app._helpguide_problems)


def stop(app, *_args) -> None:
    handler = getattr(app, '_helpguide_problems', None)
    if handler is not None:
        logging.getLogger('sphinx').removeHandler(handler)
        app._helpguide_problems = None


def setup(app):
    app.connect('env-before-read-docs', start, priority=100)
    app.connect('env-updated', stop)
    app.connect('build-finished', stop)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
