"""Writing an output file so that a failed build never leaves half a file.

The file is written next to its target under a fixed name (so a killed build
leaves no litter that the next build does not clear), synced to disk, and
renamed over the target only once it is complete; on any error the last good
file stays as it was.
"""
import os
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(target: str | os.PathLike):
    """Yield a temporary path beside *target*; move it onto *target* on success."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f'.{target.name}.partial')
    partial.unlink(missing_ok=True)
    try:
        yield partial
        with open(partial, 'rb+') as written:
            os.fsync(written.fileno())
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
