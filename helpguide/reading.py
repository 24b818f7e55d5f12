"""What Sphinx does again for every document it reads, done once a process.

Sphinx makes docutils' option parser again for every document, to give the
document its settings: the option objects of every setting of the reader
and the parser, and the docutils config files read again, 1.8 ms a document
(1.4 s of CPU at ×50, 5.4 s at ×200). The parser is made once instead
(:func:`helpguide.compat.sphinx.parse_settings_once`); each document still
gets settings of its own from it. Reading processes forked by
``sphinx-build -j`` inherit this.
"""
from .compat.sphinx import parse_settings_once


def setup(app):
    parse_settings_once()
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
