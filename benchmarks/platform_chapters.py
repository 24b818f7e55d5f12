"""The other tools' doctrees, each program's steps as the booklet sets them
in its platform's chapter: without the rubric naming the platform, which the
booklet drops there (helpguide.programs.select_platform) since the chapter's
title says it. The benchmark's corpus has no program shared between
platforms, so each program's document belongs to one chapter.
"""
from helpguide.programs import select_platform
from helpguide.programs.nodes import platform_steps


def as_in_chapter(app, doctree) -> None:
    platforms = {p for block in doctree.findall(platform_steps) for p in block['platforms']}
    if len(platforms) == 1:
        select_platform(doctree, platforms.pop())


def setup(app):
    app.connect('doctree-read', as_in_chapter)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
