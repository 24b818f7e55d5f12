"""Build an output in staging folders; publish it, and the doctree cache,
only when the build succeeds.

The staging folders are seeded from the live output and doctree cache (with
their modification times, so Sphinx's incremental build still rebuilds only
what changed), Sphinx builds there, and only a build that succeeds is put in
place by :mod:`helpguide.atomic`, cache and output each in one step. A
build that fails or is killed leaves the live output and cache
byte-identical: the cache must not move on either, or the next build would
skip the bad document and its error. Pages, images and downloads of
documents removed from the sources are deleted, since Sphinx itself never
deletes an output file.
"""
import pickle
import shutil
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from .atomic import NotPublished, partial_path, publish, remove, replacing
from .guarded import build_lock

ENV_PICKLE = 'environment.pickle'


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


def _seed(live: Path, stage: Path, seeded: bool) -> None:
    if seeded and live.is_dir():
        shutil.copytree(live, stage, symlinks=True)
    else:
        stage.mkdir(parents=True)


def staged_build(outdir, doctreedir, build: Callable[[Path, Path], int], *,
                 whole: bool = True, per_document: bool = False, fresh: bool = False,
                 prog: str = 'build') -> int:
    """Run ``build(staged_outdir, staged_doctreedir)``; publish on status 0.

    *whole*: *outdir* is the product (the HTML, the handouts), published in
    one step; else the product is the files the build writes, published one
    by one into *outdir*, which other products share (build/pdf).
    *per_document*: the output has a file per document (HTML), so the files
    of documents removed from the sources are deleted. That needs the old and
    the new environment unpickled; a print product, one file made from all
    documents, is spared it (0.4 s at ×50). *fresh*: the output starts
    empty (an EPUB packs every file of its folder). *prog* names the
    command in the line it prints while it waits for another build.
    """
    outdir, doctreedir = Path(outdir), Path(doctreedir)
    # Every output shares the doctree cache: builds of any two (make -j) take turns.
    with build_lock([doctreedir, outdir], prog):
        before = _environment(doctreedir) if per_document else None
        # Without a cache (for pages per document, one that says what the
        # old pages were), start afresh.
        seeded = before is not None if per_document else (doctreedir / ENV_PICKLE).is_file()
        status = 1
        try:
            # Leaving the blocks, the output is published first: killed between
            # the two, the old cache makes the next build read again what
            # changed, and still know the pages of documents since removed.
            with replacing(doctreedir) as doctrees, \
                    replacing(outdir) if whole else _scratch(outdir) as output:
                _seed(doctreedir, doctrees, seeded)
                _seed(outdir, output, seeded and whole and not fresh)
                status = build(output, doctrees)
                if status:
                    raise NotPublished
                if before is not None:
                    remove_stale(output, before, _environment(doctrees))
                if not whole:
                    for path in sorted(output.iterdir()):
                        publish(path, outdir / path.name)
        except NotPublished:
            pass
    return status


def scratch_path(outdir: Path) -> Path:
    """Where the files of a product that shares *outdir* are made."""
    return Path(outdir) / '.product.partial'


def staged_paths(outdir, doctreedir, whole: bool = True) -> tuple[Path, Path]:
    """The staging folders of a build (to name the outputs they stand for)."""
    return (partial_path(Path(doctreedir)),
            partial_path(Path(outdir)) if whole else scratch_path(outdir))


@contextmanager
def _scratch(outdir: Path):
    """A folder beside the files of a product that shares *outdir*."""
    scratch = scratch_path(outdir)
    remove(scratch)  # left by a build that was killed
    try:
        yield scratch
    finally:
        remove(scratch)
