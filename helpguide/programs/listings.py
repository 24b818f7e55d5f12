"""Listings generated from the subjects' data: reading order, rereads and
the appendix of unsupported subjects (the shape of sphinx.ext.todo).

Chapters list their subjects while they are read, so subject documents
(kept under ``guide_subjects_dir``) are read first, every listing is read
again whenever a program is added, changed or removed, and a chapter that
was read beside its programs (parallel reading) is read again after them.
"""
import re

from docutils import nodes

from ..compat.sphinx import expect_several_toctrees, read_again
from .directives import join_names, platform_names, subjects_folder
from .nodes import unsupported_programs
from .words import Words, capitalized


def _is_program_doc(config, docname: str) -> bool:
    return docname.startswith(subjects_folder(config))


def reread_listings(app, env, added, changed, removed):
    touched = added | changed | removed
    if any(_is_program_doc(app.config, docname) for docname in touched):
        return sorted(env.get_domain('programs').listing_docs & env.found_docs)
    return []


def read_programs_first(app, env, docnames):
    docnames.sort(key=lambda docname: not _is_program_doc(app.config, docname))


def reread_stale_chapters(app, env):
    """Read again, once every program is known, the chapters that were read
    before (parallel reading reads a chapter beside the programs), the way
    Sphinx reads a document; they are then written as changed documents."""
    stale = env.get_domain('programs').stale_chapters()
    for docname in stale:
        read_again(app, env, docname)
    return stale


def expect_shared_subjects(app, env):
    """A subject for several platforms is listed in each platform's chapter by
    design: Sphinx's note that it is in several toctrees would read as a
    problem in every build."""
    expect_several_toctrees(env.get_domain('programs').shared_subjects())


def resolve_unsupported(app, doctree, fromdocname):
    placeholders = list(doctree.findall(unsupported_programs))
    if not placeholders:
        return
    domain = app.env.get_domain('programs')
    programs = domain.programs(supported=False)
    for placeholder in placeholders:
        placeholder.replace_self(_table(app, programs, fromdocname) if programs
                                 else _none(app))


def _none(app) -> nodes.paragraph:
    """An empty table says nothing: say that every subject is supported."""
    words = Words.of(app.config)
    text = f'None: every {words.subject} in this guide is supported.'
    return nodes.paragraph(text, text, classes=['unsupported-none'])


#: The space before a version number ("Eudora 5.2", "or 7.x", "Mac OS X 10.2").
_BEFORE_VERSION = re.compile(r' (?=\d)')


def bound(text: str) -> str:
    """*text* with each version number held to the word before it, so a
    narrow column does not print "Eudora" on one line and "5.2" on the next."""
    return _BEFORE_VERSION.sub('\N{NO-BREAK SPACE}', text)


def _table(app, programs, fromdocname) -> nodes.table:
    names = platform_names(app.config)
    words = Words.of(app.config)
    headings = (capitalized(words.subject), capitalized(words.platforms), words.upgrade)
    table = nodes.table(classes=['unsupported-programs'])
    group = nodes.tgroup(cols=len(headings))
    table += group
    for width in (4, 2, 4):
        group += nodes.colspec(colwidth=width)
    group += nodes.thead('', _row(headings))
    body = nodes.tbody()
    group += body
    for program in programs:
        name = nodes.paragraph()
        name += _program_name(app, program, fromdocname)
        body += _row((name, join_names([names[p] for p in program.platforms]),
                      bound(program.upgrade)))
    return table


def _program_name(app, program, fromdocname) -> nodes.Node:
    """The name in the cells' own type: the head row is the table's one
    emphasis (a bold serif first column under sans heads made two schemes)."""
    name = bound(program.name)
    text = nodes.Text(name)
    if app.builder.format != 'html':
        return text
    uri = app.builder.get_relative_uri(fromdocname, program.docname)
    return nodes.reference('', '', text, internal=True, refuri=f'{uri}#{program.id}')


def _row(cells) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        content = cell if isinstance(cell, nodes.Node) else nodes.paragraph(cell, cell)
        row += nodes.entry('', content)
    return row
