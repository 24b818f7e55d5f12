"""Source files that are not in the source encoding: named, with the byte offset.

Sphinx itself would stop with a crash report that names no file. Such a file
is left out of the build, which fails (like a broken link fails linkcheck).
"""
from sphinx.util import logging

from ..locale import _

logger = logging.getLogger(__name__)


def decode_problem(data: bytes, encoding: str) -> tuple[int, str] | None:
    """``(line, message)`` for the first byte that does not decode, else None."""
    name = encoding.upper().removesuffix('-SIG')  # utf-8-sig is UTF-8 to a user
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        line_start = data.rfind(b'\n', 0, exc.start) + 1
        line = data.count(b'\n', 0, exc.start) + 1
        return line, _('not %(encoding)s: byte 0x%(byte)02x at offset %(offset)d (line '
                       '%(line)d, column %(column)d); save the file as %(encoding)s') % {
            'encoding': name, 'byte': data[exc.start], 'offset': exc.start, 'line': line,
            'column': exc.start - line_start + 1}
    return None


def refuse_undecodable(app, env, docnames) -> None:
    for docname in list(docnames):
        problem = decode_problem(env.doc2path(docname).read_bytes(), app.config.source_encoding)
        if problem:
            line, message = problem
            logger.error(message, location=(docname, line), type='helpguide',
                         subtype='encoding')
            docnames.remove(docname)
            env.project.docnames.discard(docname)
            app.statuscode = 1
