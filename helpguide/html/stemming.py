"""The search index's stemmer, memoised for the whole build.

Sphinx memoises stemming per page only. A guide repeats the same few hundred
words on every page, and the pure-Python Snowball stemmers were the largest
single cost of writing the HTML (a quarter of it at 600 pages), so the
language the index uses is registered again with one memo for the build.
"""
from importlib import import_module

from sphinx.search import SearchEnglish, SearchLanguage, languages


def _language_class(lang: str) -> type[SearchLanguage]:
    """The class Sphinx's IndexBuilder would pick for *lang*."""
    found = languages.get(lang)
    if found is None and '_' in lang:
        found = languages.get(lang.partition('_')[0])
    if found is None:
        return SearchEnglish
    if isinstance(found, str):
        module, name = found.rsplit('.', 1)
        return getattr(import_module(module), name)
    return found


def memoised(base: type[SearchLanguage]) -> type[SearchLanguage]:
    """A subclass of *base* whose ``stem`` remembers every word it stemmed."""
    if getattr(base, 'memoised', False):
        return base

    def __init__(self, options):
        base.__init__(self, options)
        self._stems = {}

    def stem(self, word: str) -> str:
        try:
            return self._stems[word]
        except KeyError:
            stemmed = self._stems[word] = base.stem(self, word)
            return stemmed

    return type(f'Memoised{base.__name__}', (base,),
                {'__init__': __init__, 'stem': stem, 'memoised': True})


def register(app):
    if app.builder.format != 'html' or not getattr(app.builder, 'search', False):
        return
    lang = app.config.html_search_language or app.config.language
    base = _language_class(lang)
    cls = memoised(base)
    if cls is not base:
        cls.lang = lang
        app.add_search_language(cls)


def setup(app):
    app.connect('builder-inited', register)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
