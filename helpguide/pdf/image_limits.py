"""The largest image the booklet embeds; larger ones would bloat a booklet
meant to be printed. The source check (:mod:`helpguide.checks.images`) holds
the sources to the same limits, without importing the renderer."""

MAX_BYTES = 20 * 2**20
MAX_PIXELS = 40_000_000
