"""The page labels a book's references printed, kept from one build to the
next as LaTeX keeps them in its ``.aux`` file.

A reference's page number is a slot the layout fills in
(:mod:`.page_refs`), three digits wide: a label wider than that costs a
layout more (:func:`.book.write_pdf`). Only those widths are taken from the
labels kept here, so a book with such labels is laid out once again, and a
book is the same from clean and from these. They are a hint only: wrong or
missing labels cost one more layout, never a wrong number, so a file that
cannot be read is ignored.

They are kept in the doctree cache, Sphinx's folder for what one build
leaves the next (``<doctrees>/page-labels/``), never among the outputs: one
file per product, edition, paper and language, written only once its PDF
is published.
"""
import json
from pathlib import Path

from ..atomic import replacing

#: The file's layout; a file of another is ignored.
FORMAT = 1


def labels_path(doctreedir, product: str, edition: str, paper: str,
                language: str | None) -> Path:
    """Where the page labels of one book are kept."""
    return Path(doctreedir) / 'page-labels' / f'{product}-{edition}-{paper}-{language or "-"}.json'


def load(path: Path | None) -> dict[str, str]:
    """The labels kept at *path*; none if it is missing, unreadable or of
    another format."""
    if path is None:
        return {}
    try:
        kept = json.loads(path.read_text(encoding='utf-8'))
    except (OSError, ValueError):  # missing, not UTF-8, not JSON
        return {}
    labels = kept.get('labels') if isinstance(kept, dict) and kept.get('format') == FORMAT \
        else None
    if not isinstance(labels, dict) or not all(
            isinstance(key, str) and isinstance(label, str) for key, label in labels.items()):
        return {}
    return labels


def store(path: Path | None, labels: dict[str, str]) -> None:
    """Keep *labels* at *path*, replacing the file in one step."""
    if path is None:
        return
    with replacing(path) as partial:
        partial.write_text(json.dumps({'format': FORMAT, 'labels': labels}, sort_keys=True,
                                      ensure_ascii=False, separators=(',', ':')),
                           encoding='utf-8')
