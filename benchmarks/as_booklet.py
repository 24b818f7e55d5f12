"""The other tools' doctrees as the booklet sets them, so that every tool lays
out the same text:

- each program's steps without the rubric naming their platform, which the
  booklet drops in a platform's chapter (helpguide.programs.select_platform)
  since the chapter's title says it. The benchmark's corpus has no program
  shared between platforms, so each program's document belongs to one chapter;
- no index entries: the booklet prints no index (yet), while Sphinx's LaTeX,
  rinohtype and rst2pdf would each print one of their own. Once the booklet
  prints an index, this must keep them.
"""
from sphinx import addnodes

from helpguide.programs import select_platform
from helpguide.programs.nodes import platform_steps


def as_in_booklet(app, doctree) -> None:
    platforms = {p for block in doctree.findall(platform_steps) for p in block['platforms']}
    if len(platforms) == 1:
        select_platform(doctree, platforms.pop())
    for entry in list(doctree.findall(addnodes.index)):
        entry.parent.remove(entry)
    # rst2pdf builds its index from the domain's record of the entries.
    app.env.get_domain('index').entries[app.env.docname] = []


def setup(app):
    app.connect('doctree-read', as_in_booklet)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
