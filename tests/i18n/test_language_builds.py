"""One command builds every language of guide_languages into its folders;
a draft of an unfinished translation is built, showing English, with a
warning; -D language=xx builds that language alone."""
import shutil

import pytest

from helpguide.publish.command import main as build
from tests.sphinxrun import html_text


@pytest.fixture
def project(tmp_path, rootdir):
    src = tmp_path / 'guide'
    shutil.copytree(rootdir / 'test-locale', src)
    return src


def run(src, *args) -> int:
    return build(['--source', str(src), '--conf', str(src), '--build', str(src / '_build'),
                  '-q', *args], 'python -m helpguide build')


def test_every_language_is_built_into_its_folder(project, capsys):
    assert run(project, 'html') == 0
    html = project / '_build' / 'html'
    assert sorted(path.name for path in html.iterdir()) == ['en', 'fr']
    assert 'Help us help you' in html_text((html / 'en' / 'index.html').read_text())
    assert 'Aidez-nous à vous aider' in html_text((html / 'fr' / 'index.html').read_text())
    assert sorted(path.name for path in (project / '_build' / 'doctrees').iterdir()) == [
        'en', 'fr']
    assert 'warning' not in capsys.readouterr().err


def test_a_draft_shows_english_where_the_translation_is_missing_and_warns(project, capsys):
    po = project / 'locale' / 'fr' / 'LC_MESSAGES' / 'index.po'
    po.write_text(po.read_text(encoding='utf-8').replace(
        'msgstr "Aidez-nous à vous aider"', 'msgstr ""'), encoding='utf-8')
    assert run(project, 'html') == 0
    french = html_text((project / '_build' / 'html' / 'fr' / 'index.html').read_text())
    assert 'Help us help you' in french and 'Notez ce qu’affiche l’écran' in french
    assert ('python -m helpguide build: warning: fr is 83.3 % translated: 1 of 6 messages '
            'show in English') in capsys.readouterr().err


def test_one_language_alone_with_its_setting(project):
    assert run(project, 'html', '-D', 'language=fr') == 0
    html = project / '_build' / 'html'
    assert (html / 'index.html').is_file() and not (html / 'en').exists()
    assert 'Aidez-nous à vous aider' in html_text((html / 'index.html').read_text())
