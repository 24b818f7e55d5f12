"""docutils' own functional test documents (tests/corpus/docutils-functional),
which the booklet and the HTML are tested on."""
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / 'corpus' / 'docutils-functional'
DOCUMENTS = sorted(CORPUS.glob('*.rst'))


def distinct(documents: list[Path]) -> dict[str, Path]:
    """One of each set of byte-identical documents (docutils tests one input
    with several of its writers), named for them all."""
    same = {}
    for document in documents:
        same.setdefault(document.read_bytes(), []).append(document)
    return {'='.join(path.stem for path in paths): paths[0] for paths in same.values()}


DISTINCT = distinct(DOCUMENTS)
