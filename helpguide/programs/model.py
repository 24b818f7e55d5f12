"""What the guide knows about a subject (an email program, a router model), and the validators for it.

Validators are small named functions that raise ``ValueError``; docutils then
reports the failing option with the directive's file and line.
"""
import re
from dataclasses import dataclass, field

from docutils.parsers.rst import directives

_ID = re.compile(r'^[a-z0-9]+(?:[-.][a-z0-9]+)*$')
_SPLIT = re.compile(r'[\s,]+')


@dataclass
class Program:
    id: str
    name: str
    versions: str
    platforms: list[str]
    supported: bool
    order: int
    docname: str
    lineno: int
    upgrade: str = ''
    requires: dict[str, str] = field(default_factory=dict)

    def as_data(self) -> dict:
        return dict(self.__dict__)

    @classmethod
    def from_data(cls, data: dict) -> 'Program':
        return cls(**data)


def program_id(argument: str) -> str:
    value = directives.unchanged_required(argument).strip()
    if not _ID.match(value):
        raise ValueError(f'{value!r} is not an id: use lower-case letters, digits, "-" and "."')
    return value


def platform_list(argument: str) -> list[str]:
    """Platform ids separated by spaces or commas; checked against the
    configured platforms by the directive, which knows the configuration."""
    values = [value for value in _SPLIT.split(argument or '') if value]
    if not values:
        raise ValueError('at least one platform is required')
    if len(set(values)) != len(values):
        raise ValueError(f'a platform is named twice in {argument!r}')
    return values


def yes_no(argument: str) -> bool:
    return directives.choice((argument or '').strip().lower(), ('yes', 'no')) == 'yes'


def requirement(argument: str) -> dict[str, str]:
    """``platform: text``, e.g. ``macintosh: Mac OS X needs Eudora 5.2.``"""
    platform, sep, text = (argument or '').partition(':')
    if not sep or not platform.strip() or not text.strip():
        raise ValueError('write the requirement as "platform: text"')
    return {platform.strip(): ' '.join(text.split())}
