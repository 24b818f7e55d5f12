"""The collector runs less often while Sphinx reads, and as before afterwards."""
import gc

import pytest

from helpguide.collector import READING_THRESHOLD


@pytest.mark.sphinx('html', testroot='programs', freshenv=True)
def test_reading_raises_the_first_threshold_and_puts_it_back(app):
    before = gc.get_threshold()
    seen = []
    app.connect('source-read', lambda app, docname, source: seen.append(gc.get_threshold()))
    app.build()
    assert seen and all(threshold[0] >= READING_THRESHOLD for threshold in seen)
    assert gc.get_threshold() == before


@pytest.mark.sphinx('html', testroot='programs', freshenv=True)
def test_what_reading_leaves_is_frozen_while_writing_and_given_back(app):
    frozen = []
    app.connect('html-page-context', lambda *args: frozen.append(gc.get_freeze_count()))
    app.build()
    assert frozen and all(count > 0 for count in frozen)
    assert gc.get_freeze_count() == 0
