"""Build an output in a staging folder and swap it in whole.

``python -m helpguide.staging -d DOCTREES SOURCE OUTDIR [-- SPHINX-BUILD OPTIONS]``
builds the HTML (``make html``); :func:`staged_build` serves any builder.

The staging folders are seeded from the live output and doctree cache (with
their modification times, so Sphinx's incremental build still rebuilds only
what changed), Sphinx builds there, and only a build that succeeds is swapped
in, cache and output each in one rename. A build that fails or is killed
leaves the live output and cache byte-identical: the cache must not move on
either, or the next build would skip the bad document and its error. Pages,
images and downloads of documents removed from the sources are deleted, since
Sphinx itself never deletes an output file.
"""
import argparse
import ctypes
import errno
import os
import pickle
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from sphinx.cmd.build import build_main

from .guarded import DiskError, build_lock, disk_errors_said

ENV_PICKLE = 'environment.pickle'
_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _staging(live: Path) -> Path:
    return live.parent / f'.{live.name}.staging'


def _exchange(new: Path, live: Path) -> None:
    """Put ``new`` at ``live`` in one step; the old ``live`` ends up at ``new``."""
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
    # No atomic exchange on this system or file system: two renames.
    old = live.with_name(live.name + '.old')
    shutil.rmtree(old, ignore_errors=True)
    live.rename(old)
    new.rename(live)
    old.rename(new)


def _environment(doctreedir: Path):
    """The pickled Sphinx environment, or None if there is none that loads."""
    try:
        with open(doctreedir / ENV_PICKLE, 'rb') as file:
            return pickle.load(file)
    except Exception:  # missing, or written by another Sphinx: a fresh build
        return None


def _outputs(env) -> set[str]:
    """Files (relative to the output folder) that the documents of ``env`` own."""
    suffix = env.config.html_file_suffix or '.html'
    owned = {docname + suffix for docname in env.all_docs}
    owned |= {'_images/' + unique for _docs, unique in env.images.values()}
    owned |= {'_downloads/' + dest for _docs, dest in env.dlfiles.values()}
    return owned


def remove_stale(outdir: Path, before, after) -> list[str]:
    """Delete the outputs of documents (and their images) that are gone."""
    stale = sorted(_outputs(before) - _outputs(after))
    for name in stale:
        (outdir / name).unlink(missing_ok=True)
    return stale


def staged_build(outdir, doctreedir, build: Callable[[Path, Path], int], *,
                 per_document: bool = False) -> int:
    """Run ``build(staged_outdir, staged_doctreedir)``; swap in on status 0.

    *per_document*: the output has a file per document (HTML), so the files
    of documents removed from the sources are deleted. That needs the old and
    the new environment unpickled; a print product, one file made from all
    documents, is spared it (0.4 s at ×50).
    """
    outdir, doctreedir = Path(outdir), Path(doctreedir)
    stages = {outdir: _staging(outdir), doctreedir: _staging(doctreedir)}
    # Every output shares the doctree cache: builds of any two (make -j) take turns.
    with build_lock([doctreedir, outdir], 'build'):
        try:
            for stage in stages.values():
                shutil.rmtree(stage, ignore_errors=True)  # left by a killed build
            before = _environment(doctreedir) if per_document else None
            # Without a cache (for pages per document, one that says what the
            # old pages were), start afresh.
            seeded = before is not None if per_document else (doctreedir / ENV_PICKLE).is_file()
            for live, stage in stages.items():
                if seeded and live.is_dir():
                    shutil.copytree(live, stage, symlinks=True)
                else:
                    stage.mkdir(parents=True)
            status = build(stages[outdir], stages[doctreedir])
            if status == 0:
                if before is not None:
                    remove_stale(stages[outdir], before, _environment(stages[doctreedir]))
                # The output first: killed between the two, the old cache makes
                # the next build read again what changed, and still know the
                # pages of documents since removed.
                _exchange(stages[outdir], outdir)
                _exchange(stages[doctreedir], doctreedir)
        finally:
            for stage in stages.values():
                shutil.rmtree(stage, ignore_errors=True)
    return status


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog='python -m helpguide.staging', description=__doc__.split('\n\n')[0],
        epilog='Options after "--" go to sphinx-build (e.g. -c . -W --keep-going -q).')
    parser.add_argument('-d', '--doctrees', required=True, help="Sphinx's doctree cache")
    parser.add_argument('source', help='folder of the .rst sources')
    parser.add_argument('outdir', help='where the HTML goes')
    parser.add_argument('sphinx_options', nargs='*', metavar='-- OPTIONS')
    args = parser.parse_args(argv)

    def build(outdir: Path, doctreedir: Path) -> int:
        return build_main(['-b', 'html', '-d', str(doctreedir), *args.sphinx_options,
                           args.source, str(outdir)])

    try:
        with disk_errors_said('python -m helpguide.staging', args.outdir):
            return staged_build(args.outdir, args.doctrees, build, per_document=True)
    except DiskError as err:
        print(err, file=sys.stderr)
        return 1


if __name__ == '__main__':
    sys.exit(main())
