"""A source folder without the root document: one clear message, no crash report."""
from pathlib import Path

from sphinx.util import logging

logger = logging.getLogger(__name__)


def refuse_missing_root(app) -> None:
    srcdir = Path(app.srcdir)
    root = [srcdir / f'{app.config.root_doc}{suffix}' for suffix in app.config.source_suffix]
    if not any(path.is_file() for path in root):
        empty = not any(any(srcdir.rglob(f'*{suffix}')) for suffix in app.config.source_suffix)
        what = 'holds no source files' if empty else f'has no {root[0].name}'
        logger.error(f'the source folder {what}: nothing to build (the guide starts at '
                     f'{root[0].name})', location=f'{root[0]}:1', type='helpguide',
                     subtype='empty')
        # Sphinx would go on to stop with its crash report; the message says it all.
        raise SystemExit(2)
