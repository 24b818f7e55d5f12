"""Publishing an output only once it is complete: the one mechanism every
build uses, for a file (a PDF, a manifest) and for a folder (the HTML, the
handouts, the doctree cache, the CD bundle).

The output is made beside its target under a fixed hidden name,
``.NAME.partial`` (so a killed build leaves nothing that the next build does
not clear), and put in place in one step only when it is complete: a file
is synced to disk and renamed over its target; a folder is exchanged with
its target (``renameat2(RENAME_EXCHANGE)``), the old one then deleted. On
an error, or when the block raises :class:`NotPublished` (a build that
failed), the target stays as it was.
"""
import ctypes
import errno
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class NotPublished(Exception):
    """Raised in a :func:`replacing` block: drop what was made, keep the target."""


def partial_path(target: Path) -> Path:
    return target.with_name(f'.{target.name}.partial')


def remove(path: Path) -> None:
    """Delete a file or folder if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


@contextmanager
def replacing(target: str | os.PathLike):
    """Yield the path beside *target* to make the new output at (nothing is
    there: write a file or make a folder); put it at *target* when the block
    ends without an exception."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_path(target)
    remove(partial)  # left by a build that was killed
    try:
        yield partial
        publish(partial, target)
    finally:
        remove(partial)  # a failure's output, or the folder exchanged out


def publish(new: Path, target: Path) -> None:
    """Put the complete file or folder *new* at *target* in one step.

    A folder that replaces another leaves the old one at *new*, for the
    caller to delete."""
    if new.is_dir():
        _exchange(new, target)
        return
    with open(new, 'rb+') as written:
        os.fsync(written.fileno())
    os.replace(new, target)


def _exchange(new: Path, live: Path) -> None:
    """Put the folder ``new`` at ``live`` in one step; the old ``live`` ends up at ``new``."""
    if not live.exists():
        new.rename(live)
        return
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, 'renameat2', None)
    if renameat2 is not None and renameat2(_AT_FDCWD, os.fsencode(new), _AT_FDCWD,
                                           os.fsencode(live), _RENAME_EXCHANGE) == 0:
        return
    if renameat2 is not None and ctypes.get_errno() not in (errno.ENOSYS, errno.EINVAL):
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(live))
    # No atomic exchange on this system or file system: two renames, the
    # old folder kept aside until the new one is in place.
    old = live.with_name(f'.{live.name}.old')
    remove(old)
    live.rename(old)
    new.rename(live)
    old.rename(new)
