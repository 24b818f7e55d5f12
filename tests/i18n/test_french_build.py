"""A French build: the guide's text from its catalogs, the engine's in French,
French dates and spacing."""
import datetime

import pytest

from helpguide.locale.dates import long_date
from helpguide.locale.typography import NARROW_NBSP, french_spacing
from tests.sphinxrun import html_text


@pytest.mark.sphinx('html', testroot='locale', confoverrides={'language': 'fr'})
def test_the_french_page_reads_in_french(app):
    app.build()
    html = (app.outdir / 'index.html').read_text(encoding='utf-8')
    text = html_text(html)
    assert 'Aidez-nous à vous aider' in text
    # Sphinx's French catalog for its labels, ours for the engine's: the
    # templates' _() reaches both.
    assert 'Table des matières' in text
    assert 'Table of Contents' not in text
    assert 'Édition 2026.1' in text
    # The translated sentence gets a narrow no-break space before its colon.
    assert f"Notez ce qu’affiche l’écran{NARROW_NBSP}: le texte exact" in text
    # The checklist's heading and labels are the guide's messages.
    assert 'Avant d&#x27;appeler, notez' in html
    assert 'Nom du système d&#x27;exploitation' in html
    assert 'Operating system' not in text
    assert '<html lang="fr"' in html


@pytest.mark.sphinx('html', testroot='locale', confoverrides={'language': 'fr'})
def test_other_outputs_see_the_translated_checklist_labels(app):
    app.build()
    fields = app.env.get_domain('checklist').fields()
    assert [field['label'] for field in fields] == [
        "Nom du système d'exploitation", "Texte exact de chaque message d'erreur",
        "CD d'origine du système d'exploitation à portée de main"]


@pytest.mark.sphinx('html', testroot='locale')
def test_the_english_page_is_untouched(app):
    app.build()
    text = html_text((app.outdir / 'index.html').read_text(encoding='utf-8'))
    assert 'Write down what the screen shows: the exact text' in text
    assert 'Table of Contents' in text
    assert NARROW_NBSP not in text


def test_dates_follow_the_language():
    day = datetime.date(2026, 12, 1)
    assert long_date(day, 'en') == 'December 1, 2026'
    assert long_date(day, 'fr') == '1 décembre 2026'
    assert long_date(day, 'fr-CA') == '1 décembre 2026'
    assert long_date(day, 'xx') == 'December 1, 2026'   # unknown to CLDR: English


@pytest.mark.parametrize('typed, set_', [
    ('comme suit :', f'comme suit{NARROW_NBSP}:'),
    ('comme suit:', f'comme suit{NARROW_NBSP}:'),
    ('Attention ! Vraiment?', f'Attention{NARROW_NBSP}! Vraiment{NARROW_NBSP}?'),
    ('a ; b', f'a{NARROW_NBSP}; b'),
    ('dit « oui » ?', f'dit « oui »{NARROW_NBSP}?'),
    (': puis', f'{NARROW_NBSP}: puis'),       # after a label, in the next text node
    ('à 10:30, http://example.com', 'à 10:30, http://example.com'),
    ('fin.', 'fin.'),
])
def test_french_spacing(typed, set_):
    assert french_spacing(typed) == set_


@pytest.mark.sphinx('html', testroot='locale', confoverrides={'language': 'fr_CA'})
def test_a_translated_build_takes_its_settings_from_guide_translations(app):
    assert (app.config.guide_title, app.config.html_title) == ('Un guide traduit',) * 2
    assert app.config.guide_brand == 'Example ISP'   # not listed: unchanged


@pytest.mark.sphinx('html', testroot='locale')
def test_the_source_language_keeps_its_settings(app):
    assert app.config.guide_title == 'A translated guide'


def test_a_translation_of_an_unknown_setting_is_refused(make_app, rootdir, tmp_path):
    import shutil

    from sphinx.errors import ConfigError
    src = tmp_path / 'guide'
    shutil.copytree(rootdir / 'test-locale', src)
    # Said in the build's language (the engine's catalog is French already).
    with pytest.raises(ConfigError, match=r"guide_translations\['fr'\] cite des réglages "
                                          r"inconnus\u202f: guide_tilte"):
        make_app('html', srcdir=src, confoverrides={
            'language': 'fr', 'guide_translations': {'fr': {'guide_tilte': 'x'}}})


def test_a_build_after_a_french_one_in_the_same_process_is_english(rootdir, tmp_path):
    import shutil

    from tests.sphinxrun import sphinx_build
    src = tmp_path / 'guide'
    shutil.copytree(rootdir / 'test-locale', src)
    for language in ('fr', 'en'):
        sphinx_build(src, src, tmp_path / language, tmp_path / f'doctrees-{language}', 'html',
                     confoverrides={'language': language})
    text = html_text((tmp_path / 'en' / 'index.html').read_text(encoding='utf-8'))
    assert 'Table of Contents' in text and 'Table des matières' not in text
    assert 'Edition 2026.1' in text
