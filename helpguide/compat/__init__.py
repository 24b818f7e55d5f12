"""Every use of a library's private interface, in one module per library.

What the public interfaces of ReportLab, Sphinx and pycdlib do not offer,
helpguide reaches through :mod:`.reportlab`, :mod:`.sphinx` and
:mod:`.pycdlib` only; Sphinx's search JavaScript is listed in
:mod:`.searchtools`. Each module names the private members it uses, checks
when imported that the installed version is one it was written for, and
``tests/test_compat.py`` fails loudly on a version where one has changed.
"""
from importlib.metadata import version


class UnsupportedVersion(ImportError):
    """An installed library is outside the versions helpguide was written for."""


def _release(text: str) -> tuple[int, ...]:
    parts = []
    for part in text.split('.'):
        digits = ''.join(ch for ch in part if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
        if digits != part:
            break
    return tuple(parts)


def require(distribution: str, low: str, high: str, installed: str | None = None) -> str:
    """The installed version of *distribution*, if ``low <= version < high``;
    else :class:`UnsupportedVersion`, naming the range and the module to update."""
    found = installed or version(distribution)
    if not _release(low) <= _release(found) < _release(high):
        raise UnsupportedVersion(
            f'helpguide uses private parts of {distribution} and supports versions '
            f'>={low},<{high} (helpguide/compat/); {found} is installed')
    return found
