"""Command-line builds that neither trip over each other nor over the disk.

* :func:`build_lock`: builds of the same output (or of the doctree cache
  every output shares) take turns; one that has to wait says so in one line.
  Closing the handle releases the lock, so a killed build leaves none held.
* :func:`disk_errors_said`: a full disk, an unwritable or read-only output
  folder ends the build with one line naming the path and the reason, not a
  traceback. The outputs are written beside their targets and moved over them
  only when complete (:mod:`helpguide.atomic`, :mod:`helpguide.staging`), so
  the last good output stays and no temporary file is left.
"""
import fcntl
import os
import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path


@contextmanager
def build_lock(paths, prog: str) -> Iterator[None]:
    """Hold the locks of the outputs *paths* (files or folders) while building them.

    The lock is the folder holding each path, not a file beside it: a lock
    file would be litter in the output folder, and a staged output folder is
    swapped by renaming, so its own handle would lock a folder no longer
    there. Folders are locked in one order, each once, so no two builds can
    wait for each other.
    """
    folders = sorted({Path(path).absolute().parent for path in paths})
    with ExitStack() as stack:
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
            handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            stack.callback(os.close, handle)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                print(f'{prog}: another build in {folder} is running; waiting for it to '
                      'finish', file=sys.stderr, flush=True)
                fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def os_error_line(prog: str, err: OSError, kept, staged=None) -> str:
    """``PROG: error: cannot write PATH: REASON; KEPT is unchanged``; the
    output's *staged* copy (a path, or several; what is in them too) is a
    detail of the build and is named as *kept*."""
    where = err.filename or kept
    if staged is not None and any(Path(where) == Path(path) or Path(path) in Path(where).parents
                                  for path in ([staged] if isinstance(staged, (str, Path))
                                               else staged)):
        where = kept
    return (f'{prog}: error: cannot write {where}: {err.strerror or err}; '
            f'{kept} is unchanged')


@contextmanager
def disk_errors_said(prog: str, kept, staged=None) -> Iterator[None]:
    """Raise :class:`DiskError` (one line) for an OSError of the build: one
    escaping in this process, or one Sphinx's command line caught (it would
    print a traceback: an OSError is the user's disk, not a bug)."""
    # Sphinx 9's command line reports what escapes a build here (a private
    # module: Sphinx is pinned, and the tests fill a disk to check it).
    from sphinx._cli.util import errors

    original = errors.handle_exception
    caught = []

    def handle(exception, /, **options):
        if isinstance(exception, OSError):
            caught.append(exception)
            return None
        return original(exception, **options)

    errors.handle_exception = handle
    try:
        yield
    except OSError as err:
        raise DiskError(os_error_line(prog, err, kept, staged)) from None
    finally:
        errors.handle_exception = original
    if caught:
        raise DiskError(os_error_line(prog, caught[0], kept, staged))


class DiskError(Exception):
    """An output could not be written; the message is one line."""
