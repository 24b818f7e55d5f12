"""The engine's layers point one way: the source checks do not depend on an
output's renderer, and the renderer does not depend on the products built
with it. Read from the import statements of every module."""
import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / 'helpguide'


def imports(path: Path) -> set[str]:
    """The helpguide modules a file imports, as absolute names."""
    module = '.'.join(('helpguide', *path.relative_to(PACKAGE).with_suffix('').parts))
    package = module if path.name == '__init__.py' else module.rsplit('.', 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split('.')[:len(package.split('.')) - node.level + 1] \
                if node.level else []
            name = '.'.join([*base, node.module] if node.module else base)
            found |= {name} | {f'{name}.{alias.name}' for alias in node.names}
    return {name for name in found if name.split('.')[0] == 'helpguide'}


def layer_imports(layer: str) -> dict[str, set[str]]:
    return {str(path.relative_to(PACKAGE)): imports(path)
            for path in sorted((PACKAGE / layer).rglob('*.py'))}


def test_the_reader_sees_relative_imports():
    found = imports(PACKAGE / 'checks' / 'images.py')
    assert 'helpguide.image_policy' in found


@pytest.mark.parametrize('layer, forbidden', [
    ('checks', ('helpguide.pdf', 'helpguide.products', 'helpguide.html')),
    ('pdf', ('helpguide.products',)),
])
def test_a_layer_does_not_import_what_is_built_on_it(layer, forbidden):
    crossing = {path: sorted(name for name in names if name.startswith(forbidden))
                for path, names in layer_imports(layer).items()}
    assert {path: names for path, names in crossing.items() if names} == {}


def test_no_import_of_our_own_is_allowed_to_fail():
    """An ``except ImportError`` around our own modules would turn an import
    bug into silently wrong output."""
    guarded = []
    for path in sorted(PACKAGE.rglob('*.py')):
        for node in ast.walk(ast.parse(path.read_text(encoding='utf-8'))):
            if not isinstance(node, ast.Try):
                continue
            catches = {ast.unparse(handler.type) for handler in node.handlers if handler.type}
            if not catches & {'ImportError', 'ModuleNotFoundError'}:
                continue
            for statement in node.body:
                if isinstance(statement, ast.ImportFrom) and (
                        statement.level or (statement.module or '').startswith('helpguide')):
                    guarded.append(f'{path.relative_to(PACKAGE)}:{statement.lineno}')
                elif isinstance(statement, ast.Import) and any(
                        alias.name.startswith('helpguide') for alias in statement.names):
                    guarded.append(f'{path.relative_to(PACKAGE)}:{statement.lineno}')
    assert guarded == []
