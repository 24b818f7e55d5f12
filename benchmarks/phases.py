"""The booklet's phases, timed inside its own process: a Sphinx extension the
benchmark loads into our booklet's build (never into the guide's).

Phases: reading (Sphinx reads and transforms the sources; with -j in forked
processes, so by wall time), resolving (the book assembled from its toctrees
and its references resolved), rendering (nodes to ReportLab flowables),
layout (the flowables laid out on pages) and writing (the PDF serialised).
Their wall and CPU seconds go to the JSON file named by $BENCH_PHASES, for
the floor comparison: the same process, not the difference of two runs.
"""
import atexit
import json
import os
import time
from contextlib import contextmanager

PHASES: dict[str, list[float]] = {}


@contextmanager
def phase(name: str):
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield
    finally:
        spent = PHASES.setdefault(name, [0.0, 0.0])
        spent[0] += time.perf_counter() - wall
        spent[1] += time.process_time() - cpu


def timed(owner, attribute: str, name: str) -> None:
    original = getattr(owner, attribute)

    def wrapper(*args, **kwargs):
        with phase(name):
            return original(*args, **kwargs)
    setattr(owner, attribute, wrapper)


def write_phases() -> None:
    # Layout is write_pdf's time without the serialising inside it.
    if 'layout' in PHASES and 'writing' in PHASES:
        PHASES['layout'] = [a - b for a, b in zip(PHASES['layout'], PHASES['writing'])]
    target = os.environ.get('BENCH_PHASES')
    if target:
        with open(target, 'w', encoding='utf-8') as file:
            json.dump({name: {'wall': round(w, 3), 'cpu': round(c, 3)}
                       for name, (w, c) in PHASES.items()}, file)


def setup(app):
    from reportlab.pdfgen.canvas import Canvas

    from helpguide.pdf import book, booklet, render
    timed(booklet.BookAssembly, 'tree', 'resolving')
    timed(render, 'render_document', 'rendering')
    timed(book, 'write_pdf', 'layout')
    timed(Canvas, 'save', 'writing')
    marks = {}

    def read_start(app, env, docnames):
        marks['read'] = (time.perf_counter(), time.process_time())

    def read_end(app, env):
        if 'read' in marks:
            wall, cpu = marks.pop('read')
            PHASES['reading'] = [time.perf_counter() - wall, time.process_time() - cpu]

    app.connect('env-before-read-docs', read_start)
    app.connect('env-updated', read_end)
    atexit.register(write_phases)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
