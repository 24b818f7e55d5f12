"""Where each key of a TOML file is written: ``tomllib`` keeps no positions,
so errors about a value find its line here."""
import re

_TABLE = re.compile(r'^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$')
_KEY = re.compile(r'^\s*((?:[A-Za-z0-9_-]+|"[^"]*")(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"))*)\s*=')
_INLINE_KEY = re.compile(r'[{,]\s*([A-Za-z0-9_-]+)\s*=')


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip().strip('"') for part in dotted.split('.'))


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """``('page', 'size') -> 41`` for every table and key (and the keys of
    inline tables, on their table's line)."""
    found: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        if match := _TABLE.match(line):
            table = _parts(match[1])
            found.setdefault(table, number)
        elif match := _KEY.match(line):
            key = (*table, *_parts(match[1]))
            found.setdefault(key, number)
            for inner in _INLINE_KEY.finditer(line[match.end():]):
                found.setdefault((*key, inner[1]), number)
    return found


def line_of(lines: dict[tuple[str, ...], int], *key: str) -> int:
    """The line of *key*, else of the nearest table holding it, else 1."""
    while key:
        if key in lines:
            return lines[key]
        key = key[:-1]
    return 1
