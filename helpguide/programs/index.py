"""Index entries of a subject, made from its name: a subject is indexed
under the product a reader looks for, its versions below it ("Eudora; 5.x"),
so no source types them a second time.

The entries are Sphinx's (``single`` entries of an ``index`` node), so the
HTML's general index and the booklet's index list them like any other.
They are the subject's data, not the guide's words: the index node is not
marked translatable (``inline`` unset), so no catalog asks for them.
"""
import re

from sphinx import addnodes

from .model import Program

#: Names joined by a slash are several products in one subject.
_PRODUCTS = re.compile(r'\s*/\s*')
#: "Outlook Express and Entourage": "and" between two names, not two versions.
_AND_NAME = re.compile(r' and (?=[A-Z])')
#: Where a product's name ends: its first word that is a version number or a
#: lower-case word ("Eudora 5.x", "Eudora on Mac OS X 10.0").
_QUALIFIER = re.compile(r' (?=\d|[a-z])')


def entry_values(name: str) -> list[str]:
    """The index entries (``main; sub`` or ``main``) a subject's *name* makes.

    >>> entry_values('Outlook Express 5 and 6 / Outlook 2000 / Incredimail')
    ['Outlook Express; 5 and 6', 'Outlook; 2000', 'Incredimail']
    """
    values = []
    for product in _PRODUCTS.split(name.strip()):
        for part in _AND_NAME.split(product):
            values.append(_split_qualifier(part))
    return [value for value in values if value]


def _split_qualifier(name: str) -> str:
    """``main; qualifier`` at the first place :data:`_QUALIFIER` allows that
    is outside parentheses ("Entourage (copy 2)" stays whole)."""
    for match in _QUALIFIER.finditer(name):
        before = name[:match.start()]
        if before.count('(') == before.count(')'):
            return f'{before}; {name[match.end():]}'
    return name


def index_node(program: Program, target_id: str) -> addnodes.index:
    """The index node of *program*'s entries, each leading to *target_id*."""
    entries = [('single', value, target_id, '', None) for value in entry_values(program.name)]
    return addnodes.index(entries=entries)
