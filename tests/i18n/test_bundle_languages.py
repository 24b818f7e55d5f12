"""The CD bundle of a guide in two languages: each language's HTML in its
folder, a landing page per language that lets the reader choose, a README
with a part per language; a translation below 100 % is refused."""
import pytest

from bilingual import EPOCH, build_languages, run_dist, shared_disc
from tests.sphinxrun import html_text


@pytest.fixture
def built(tmp_path, rootdir, monkeypatch):
    monkeypatch.setenv('SOURCE_DATE_EPOCH', EPOCH)
    return build_languages(rootdir, tmp_path)


def test_each_language_has_its_folder_and_landing_page(rootdir, tmp_path_factory):
    """On the run's bundle, which the browser's tests open too."""
    disc = shared_disc(rootdir, tmp_path_factory)
    assert (disc / 'html' / 'en' / 'index.html').is_file()
    assert (disc / 'html' / 'fr' / 'index.html').is_file()
    english = (disc / 'index.html').read_text(encoding='utf-8')
    french = (disc / 'index-fr.html').read_text(encoding='utf-8')
    assert '<html lang="en">' in english and '<html lang="fr">' in french
    assert 'href="html/en/index.html">Open the guide<' in english
    assert 'href="html/fr/index.html">Ouvrir le guide<' in french
    for page in (english, french):   # each lets the reader choose
        assert '<a href="index.html" hreflang="en" lang="en"' in page
        assert '<a href="index-fr.html" hreflang="fr" lang="fr"' in page
    assert 'Un guide traduit' in html_text(french) and 'A translated guide' in html_text(english)
    assert 'Édition 2026.1 · 1 mars 2026' in html_text(french)
    # README.txt wraps at 72 characters: read it as running text.
    readme = ' '.join((disc / 'README.txt').read_text(encoding='utf-8').split())
    assert 'Open html/en/index.html in a browser' in readme
    assert 'Ouvrez html/fr/index.html dans un navigateur' in readme
    assert readme.index('Start here') < readme.index('Commencez ici')


def test_a_translation_below_100_percent_is_refused(built, monkeypatch, caplog):
    src, build = built
    po = src / 'locale' / 'fr' / 'LC_MESSAGES' / 'index.po'
    po.write_text(po.read_text(encoding='utf-8').replace(
        'msgstr "Aidez-nous à vous aider"', 'msgstr ""'), encoding='utf-8')
    assert run_dist(src, build) == 1
    assert 'fr is 83.3 % translated (1 of 6 messages untranslated or fuzzy); a disc for ' \
           'customers needs 100 %' in caplog.text
    assert not (build / 'dist').exists() or not any((build / 'dist').iterdir())
