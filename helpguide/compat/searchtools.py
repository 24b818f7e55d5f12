"""Sphinx's search JavaScript: the private parts ``html/static/offline-search.js``
relies on, each with the line of Sphinx's script that defines it as this
engine expects it (``tests/test_compat.py`` reads Sphinx's installed scripts).

The search itself stays Sphinx's; the snippets under its results come from
the texts the build writes, and a page's hits are made distinct by its parts,
so the script wraps the search where the results are made and reuses
Sphinx's highlighting.
"""
import re
from pathlib import Path

import sphinx

STATIC = Path(sphinx.__file__).parent / 'themes' / 'basic' / 'static'

#: (script, pattern of its definition, what offline-search.js does with it)
PRIVATE = (
    ('searchtools.js', r'^\s*_performSearch: \(\s*query,\s*searchTerms,\s*excludedTerms,'
                       r'\s*highlightTerms,\s*objectTerms,\s*\) =>',
     'Search._performSearch is wrapped: each result gets its snippet as it is listed'),
    ('searchtools.js', r'const \[docName, title, anchor, descr, score, _filename, kind\] = item;',
     'a result is [docName, title, anchor, descr, ...]: results are retitled and dropped by them'),
    ('searchtools.js', r'_displayNextItem\(results, results\.length,',
     'query lists the results _performSearch returns, so fewer are listed'),
    ('searchtools.js', r'^\s*Search\.status\.innerText = Documentation\.ngettext\(\s*'
                       r'"Search finished, found one page matching the search query\.",\s*'
                       r'"Search finished, found \$\{resultCount\} pages matching the search query\.",'
                       r'\s*resultCount,\s*\)\.replace\("\$\{resultCount\}", resultCount\);',
     'Search.status gets its "found N pages" once; it is rewritten with the count of pages'),
    ('searchtools.js', r'Search\.output = ',
     'Search.output, the list the results are appended to, is watched'),
    ('searchtools.js', r'DOCUMENTATION_OPTIONS\.SHOW_SEARCH_SUMMARY',
     "SHOW_SEARCH_SUMMARY is switched off: Sphinx's summary fetches every page"),
    ('sphinx_highlight.js', r'^const _highlightText = \(thisNode, text, className\) =>',
     '_highlightText marks the search terms in a snippet, as in Sphinx\'s own'),
)


def missing() -> list[str]:
    """What of :data:`PRIVATE` the installed Sphinx's scripts no longer define."""
    return [f'{script}: {use}' for script, pattern, use in PRIVATE
            if not re.search(pattern, (STATIC / script).read_text(encoding='utf-8'), re.M)]
