"""Python's garbage collector, fitted to the two halves of a Sphinx build.

Reading makes millions of small objects (docutils nodes and state machines,
most of them garbage a moment later), and the collector, which by default
runs after every 700 new objects, scans the young ones again and again. At
×50, a first threshold of 50,000 took Sphinx's reading from 9.4–10.2 s to
9.0–9.1 s CPU, with the same peak memory. The thresholds are put back when
reading ends.

What reading leaves (the environment, and the doctrees Sphinx keeps in
memory) lives until the build ends, yet each full collection while writing
walked all of it again, and under ``-j`` that walk made every forked writer
copy the pages it touched. So it is frozen out of the collector's sight
when reading ends (``gc.freeze``) and handed back when the build finishes,
for a process that goes on to build again. The HTML build at ×50 with
``-j 2``: 19.1 s CPU before, 16.0 s after (15.6 and 14.2 s when its pages are
written in one process, see helpguide.html.serial_write).

At exit, Python's last collections walk every object still alive, to free
what is only held in cycles, though the process is ending and the system
frees its memory anyway: at ×50 that was 0.35 s of the booklet's build and
0.5 s of the HTML build's. Everything is frozen when the process exits, so
those collections find nothing to walk. Files are closed where they are
written, and the standard streams are flushed after this anyway.
"""
import atexit
import gc

#: New objects between two collections of the youngest generation, while reading.
READING_THRESHOLD = 50_000


class ReadingThreshold:
    def __init__(self):
        self.saved: tuple[int, int, int] | None = None

    def raise_(self, app, env, docnames) -> None:
        if self.saved is None:
            self.saved = gc.get_threshold()
            first, *older = self.saved
            gc.set_threshold(max(first, READING_THRESHOLD), *older)

    def restore(self, app, env) -> None:
        if self.saved is not None:
            gc.set_threshold(*self.saved)
            self.saved = None


class ReadingKept:
    """Freeze what reading leaves for the writing; unfreeze it at the end."""

    def __init__(self):
        self.frozen = False

    def freeze(self, app, env) -> None:
        # No collection first: it cost more than it saved, and what garbage
        # is frozen with the rest is freed after the unfreeze.
        gc.freeze()
        self.frozen = True

    def unfreeze(self, app, exception) -> None:
        if self.frozen:
            gc.unfreeze()
            self.frozen = False


def setup(app):
    atexit.unregister(gc.freeze)  # once per process, however many builds it runs
    atexit.register(gc.freeze)
    threshold = ReadingThreshold()
    kept = ReadingKept()
    # Forked reading processes (sphinx-build -j) start after this and inherit it.
    app.connect('env-before-read-docs', threshold.raise_)
    app.connect('env-updated', threshold.restore)
    app.connect('env-updated', kept.freeze, priority=900)  # after every other handler
    app.connect('build-finished', kept.unfreeze)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
