"""Command-line builds that neither trip over each other nor over the disk.

* :func:`build_lock`: builds of the same output (or of the doctree cache
  every output shares) take turns; one that has to wait says so in one line.
* :func:`disk_errors_said`: a full disk, an unwritable or read-only output
  folder ends the build with one line naming the path and the reason, not a
  traceback. The outputs are written beside their targets and moved over them
  only when complete (:mod:`helpguide.atomic`, :mod:`helpguide.staging`), so
  the last good output stays and no temporary file is left.
"""
import fcntl
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def lock_file(path: Path) -> Path:
    """The lock beside *path*; :mod:`helpguide.staging` takes the same one."""
    return path.parent / f'.{path.name}.lock'


@contextmanager
def build_lock(path, prog: str) -> Iterator[None]:
    """Hold the lock of the output *path* (a file or a folder) while building it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file(path), 'a') as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f'{prog}: another build of {path} is running; waiting for it to finish',
                  file=sys.stderr, flush=True)
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def os_error_line(prog: str, err: OSError, kept, staged=None) -> str:
    """``PROG: error: cannot write PATH: REASON; KEPT is unchanged``; the
    output's *staged* copy is a detail of the build and is named as *kept*."""
    where = err.filename or kept
    if staged is not None and str(where) == str(staged):
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
