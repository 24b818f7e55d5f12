"""Sphinx's private interfaces, used here and nowhere else.

* ``BuildEnvironment._write_doc_doctree_cache``: the doctrees a serial read
  kept in memory for writing (:func:`doctrees_in_memory`).
* ``Builder._app``: the application, for its exit status (:func:`fail_build`);
  ``Builder.app`` is deprecated and goes in Sphinx 11, and Sphinx's own
  builders (linkcheck) set the status the same way: there is no public one.
* ``Builder.parallel_ok``, set in ``write-started``: whether pages are
  written by forked processes (:func:`write_in_one_process`).
* ``Builder.read_doc`` called from ``env-updated``: a document read again
  once every process's reading is merged (:func:`read_again`). Sphinx's
  public ways to read a document again (``env.note_reread()``, the
  ``env-get-outdated`` event) act on the next build, and a platform chapter
  read in parallel beside new programs must list them in this one.
* The order of the ``sphinx`` logger's handlers (:func:`hear_warnings`):
  Sphinx's warning handler rewrites each record as it prints it (its
  location made text, the ``[type]`` tag appended), so a handler that reads
  records goes before it.
* The logger of ``sphinx.environment`` and the subtype of its note that a
  document is in several toctrees (:func:`expect_several_toctrees`): the
  note is an info, which ``suppress_warnings`` does not reach.
"""
import logging

from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.logging import NAMESPACE

from . import require

SUPPORTED = ('9.0', '10')
VERSION = require('sphinx', *SUPPORTED)


def doctrees_in_memory(env: BuildEnvironment) -> dict:
    """docname -> doctree, of the documents read in this process and not
    written yet; empty where there are none (a parallel read)."""
    return getattr(env, '_write_doc_doctree_cache', {})


def fail_build(builder: Builder) -> None:
    """The build ends with exit status 1, without a crash report."""
    builder._app.statuscode = 1


def writes_in_parallel(builder: Builder) -> bool:
    return builder.parallel_ok


def write_in_one_process(builder: Builder) -> None:
    """On ``write-started``: write the pages in this process."""
    builder.parallel_ok = False


def read_again(app, env: BuildEnvironment, docname: str) -> None:
    """Read *docname* again, as Sphinx's serial reading reads a document."""
    app.events.emit('env-purge-doc', env, docname)
    env.clear_doc(docname)
    app.builder.read_doc(docname)


def hear_warnings(handler: logging.Handler) -> None:
    """*handler* receives Sphinx's log records as they were logged."""
    logging.getLogger(NAMESPACE).handlers.insert(0, handler)


class _SeveralToctrees(logging.Filter):
    """Drops Sphinx's note that a document is referenced in several
    toctrees, for the documents in :attr:`docnames`."""

    docnames: frozenset[str] = frozenset()

    def filter(self, record: logging.LogRecord) -> bool:
        return not (getattr(record, 'subtype', None) == 'multiple_toc_parents'
                    and getattr(record, 'location', None) in self.docnames)


_SEVERAL_TOCTREES = _SeveralToctrees()


def expect_several_toctrees(docnames) -> None:
    """Sphinx does not note that *docnames* are in several toctrees (until
    the next call): they are there by design."""
    logger = logging.getLogger(f'{NAMESPACE}.sphinx.environment')
    if _SEVERAL_TOCTREES not in logger.filters:
        logger.addFilter(_SEVERAL_TOCTREES)
    _SEVERAL_TOCTREES.docnames = frozenset(docnames)
