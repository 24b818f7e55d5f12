"""The other tools' doctrees as the booklet sets them, so that every tool lays
out the same text (and prints its index of the same entries):

- each program's steps without the rubric naming their platform, which the
  booklet drops in a platform's chapter (helpguide.programs.select_platform)
  since the chapter's title says it. The benchmark's corpus has no program
  shared between platforms, so each program's document belongs to one
  chapter;
- an unsupported program's index entries at the appendix that lists it: its
  own page is in no book, and the booklet's index points at the appendix
  instead (helpguide.pdf.index.stand_ins).
"""
from helpguide.programs import select_platform
from helpguide.programs.index import entry_values, index_node
from helpguide.programs.nodes import platform_steps, unsupported_programs


def as_in_booklet(app, doctree) -> None:
    platforms = {p for block in doctree.findall(platform_steps) for p in block['platforms']}
    if len(platforms) == 1:
        select_platform(doctree, platforms.pop())


def index_at_appendix(app, doctree, docname) -> None:
    domain = app.env.get_domain('programs')
    for listing in list(doctree.findall(unsupported_programs)):
        for program in domain.programs(supported=False):
            listing.parent.insert(listing.parent.index(listing),
                                  index_node(program, listing.parent.get('ids', [''])[0]))


def indexed_at_appendix(app, env) -> None:
    """The same in the index domain's record, from which rst2pdf builds its index."""
    domain = env.get_domain('programs')
    entries = env.get_domain('index').entries
    for docname in domain.listings_of('unsupported'):
        entries.setdefault(docname, []).extend(
            ('single', value, '', '', None)
            for program in domain.programs(supported=False)
            for value in entry_values(program.name))


def setup(app):
    app.connect('doctree-read', as_in_booklet)
    # Before helpguide.programs replaces the listing by its table.
    app.connect('doctree-resolved', index_at_appendix, priority=400)
    app.connect('env-updated', indexed_at_appendix)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
