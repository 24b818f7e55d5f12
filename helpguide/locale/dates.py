"""Dates as the reader's language writes them (Babel's CLDR data)."""
import datetime

from babel.core import UnknownLocaleError
from babel.dates import format_date


def long_date(day: datetime.date, language: str | None) -> str:
    """``December 1, 2026`` in English, ``1 décembre 2026`` in French; a
    language CLDR does not know gets the English form."""
    try:
        return format_date(day, 'long', locale=(language or 'en').replace('-', '_'))
    except (UnknownLocaleError, ValueError):
        return format_date(day, 'long', locale='en')
