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
* ``sphinx.util.docutils._get_settings``, which Sphinx calls for every
  document it reads (:func:`parse_settings_once`).
* ``IndexBuilder._index_entries`` (docname -> its index entries as
  ``(entry, anchor, 'main' or '')``) and the ``indexentries`` of the index
  the search builder last wrote (:func:`keep_index_entries`).
"""
import logging
import warnings

import sphinx.util.docutils as sphinx_docutils
from docutils.frontend import OptionParser
from docutils.utils import DependencyList
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment
from sphinx.util.logging import NAMESPACE

from . import require

SUPPORTED = ('9.0', '10')
VERSION = require('sphinx', *SUPPORTED)
#: Sphinx's own, as :func:`parse_settings_once` found it
SPHINX_GET_SETTINGS = sphinx_docutils._get_settings


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


class _SettingsOfComponents:
    """``sphinx.util.docutils._get_settings`` with docutils' option parser
    made once per kind of reader and parser and per defaults, not once per
    document: each made the option objects of every setting again and read
    the docutils config files again. Each document still gets settings of
    its own, from the parser's defaults as before, and a list of its own of
    the files it depends on."""

    def __init__(self):
        self.parsers: dict[tuple, tuple[dict, OptionParser]] = {}

    def __call__(self, *components, defaults, read_config_files: bool = False):
        # Sphinx makes a parser instance per document: its class is what counts.
        key = (tuple(c if isinstance(c, type) else type(c) for c in components),
               read_config_files)
        made = self.parsers.get(key)
        if made is None or made[0] != defaults:
            with warnings.catch_warnings(action='ignore', category=DeprecationWarning):
                parser = OptionParser(components=components, defaults=defaults,
                                      read_config_files=read_config_files)
            made = self.parsers[key] = (dict(defaults), parser)
        settings = made[1].get_default_values()
        if 'record_dependencies' not in defaults:
            # The one list docutils makes with the parser: each document
            # notes the files it depends on in a list of its own.
            settings.record_dependencies = DependencyList()
        return settings


def parse_settings_once() -> None:
    """Every document Sphinx reads in this process gets its docutils settings
    from one option parser (at ×50, 1.8 ms a document)."""
    if not isinstance(sphinx_docutils._get_settings, _SettingsOfComponents):
        sphinx_docutils._get_settings = _SettingsOfComponents()


def keep_index_entries(indexer, written: dict, docnames) -> None:
    """Give the search *indexer* back the index entries of *docnames* from
    the index it *written* last (frozen, as ``searchindex.js`` holds it).

    Sphinx keeps them in the environment, pickled before the pages are
    written, and its ``IndexBuilder.load`` takes the words and titles from
    the written index but not the entries: every page not written again
    lost its index entries from the search (Sphinx 9.0)."""
    names = written.get('docnames', ())
    entries: dict[str, set] = {}
    for entry, places in written.get('indexentries', {}).items():
        for index, anchor, main in places:
            entries.setdefault(names[index], set()).add((entry, anchor, 'main' if main else ''))
    for docname in docnames:
        if docname in entries and not indexer._index_entries.get(docname):
            indexer._index_entries[docname] = sorted(entries[docname])
