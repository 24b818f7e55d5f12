"""Docutils' option parser is made once for all the documents a build reads
(helpguide.reading), and each document's settings are what Sphinx's own
function gives it."""
import pytest

from helpguide.compat import sphinx as compat


@pytest.mark.sphinx('dummy', testroot='programs', freshenv=True)
def test_one_option_parser_for_every_document_read(app, monkeypatch):
    made = []

    class Counted(compat.OptionParser):
        def __init__(self, *args, **kwargs):
            made.append(kwargs['components'])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(compat, 'OptionParser', Counted)
    monkeypatch.setattr(compat.sphinx_docutils, '_get_settings', compat._SettingsOfComponents())
    app.build(force_all=True)
    documents = sorted(app.env.found_docs)
    assert len(documents) > 3
    assert len(made) == 1
    settings = [app.env.get_doctree(docname).settings for docname in documents]
    assert len({id(s) for s in settings}) == len(documents)  # each its own
    reader, parser = made[0]
    sphinx_own = compat.SPHINX_GET_SETTINGS(reader, parser, read_config_files=True,
                                            defaults={'traceback': True, **app.env.settings})
    ours, again = (compat.sphinx_docutils._get_settings(
        reader, parser, read_config_files=True, defaults={'traceback': True, **app.env.settings})
        for _ in range(2))
    # A dependency list of its own each (it has no equality of its own).
    assert ours.record_dependencies is not again.record_dependencies
    del ours.record_dependencies, sphinx_own.record_dependencies
    assert vars(ours) == vars(sphinx_own)
    assert len(made) == 1
