"""The other tools' doctrees as the booklet sets them, so that every tool lays
out the same text: each program's steps without the rubric naming their
platform, which the booklet drops in a platform's chapter
(helpguide.programs.select_platform) since the chapter's title says it. The
benchmark's corpus has no program shared between platforms, so each program's
document belongs to one chapter. (The index entries stay: every tool prints
an index of them, as the booklet does.)
"""
from helpguide.programs import select_platform
from helpguide.programs.nodes import platform_steps


def as_in_booklet(app, doctree) -> None:
    platforms = {p for block in doctree.findall(platform_steps) for p in block['platforms']}
    if len(platforms) == 1:
        select_platform(doctree, platforms.pop())


def setup(app):
    app.connect('doctree-read', as_in_booklet)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
