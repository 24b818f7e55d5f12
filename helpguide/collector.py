"""Python's garbage collector, run less often while Sphinx reads the sources.

Reading makes millions of small objects (docutils nodes and state machines,
most of them garbage a moment later), and the collector, which by default
runs after every 700 new objects, scans the young ones again and again. At
×50, a first threshold of 50,000 took Sphinx's reading from 9.4–10.2 s to
9.0–9.1 s CPU, with the same peak memory. The thresholds are put back when reading ends, so
each builder's own work runs with the collector as it was.
"""
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


def setup(app):
    threshold = ReadingThreshold()
    # Forked reading processes (sphinx-build -j) start after this and inherit it.
    app.connect('env-before-read-docs', threshold.raise_)
    app.connect('env-updated', threshold.restore)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
