"""The search index stems words with PyStemmer's C stemmers (snowballstemmer
picks them when PyStemmer is installed): the pure-Python ones were a quarter
of writing the HTML at 600 pages."""
import pytest


@pytest.mark.sphinx('html', testroot='search')
def test_the_search_index_stems_with_the_c_stemmer(app):
    app.build()
    stemmer = app.builder.indexer.lang.stemmer
    assert type(stemmer).__module__ == 'Stemmer'
    assert app.builder.indexer.lang.stem('Connections') == 'connect'
