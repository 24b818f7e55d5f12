"""make check names every message a translation lacks, at its .po line; an
edited English source turns its translation fuzzy."""
import shutil

import pytest

from helpguide.checks.report import check
from helpguide.locale import catalogs
from helpguide.locale.coverage import coverage
from tests.sphinxrun import sphinx_build


@pytest.fixture
def project(tmp_path, rootdir):
    src = tmp_path / 'guide'
    shutil.copytree(rootdir / 'test-locale', src)
    return src


def make_gettext(src):
    """What make gettext does: Sphinx's templates, then the catalogs updated."""
    pot = src / '_build' / 'gettext'
    shutil.rmtree(pot, ignore_errors=True)
    sphinx_build(src, src, pot, src / '_build' / 'doctrees', 'gettext')
    return catalogs.update_guide(pot, src / 'locale', ['fr'])


def test_a_complete_translation_has_no_problem(project):
    assert make_gettext(project) == []   # the catalog already holds every message
    assert check(project, project) == []
    found = coverage(project, ['locale/'], 'fr')
    assert (found.total, found.percent, found.complete) == (6, 100.0, True)


def test_an_edited_source_marks_its_translation_fuzzy_and_check_names_it(project):
    index = project / 'index.rst'
    index.write_text(index.read_text().replace('the exact text of every error message.',
                                               'the exact text of each error message.'))
    assert make_gettext(project) == [project / 'locale' / 'fr' / 'LC_MESSAGES' / 'index.po']
    problems = check(project, project)
    assert len(problems) == 1
    po_lines = (project / 'locale' / 'fr' / 'LC_MESSAGES' / 'index.po').read_text().splitlines()
    problem = problems[0]
    assert problem.path.endswith('locale/fr/LC_MESSAGES/index.po')
    assert po_lines[problem.line - 1].startswith('msgid "Write down what the screen shows')
    assert po_lines[problem.line - 2] == '#, fuzzy'
    assert problem.message.startswith("fr: fuzzy message 'Write down what the screen shows:")
    assert str(problem).startswith(f'{problem.path}:{problem.line}: error: fr: fuzzy message')
    assert coverage(project, ['locale/'], 'fr').percent == pytest.approx(100 * 5 / 6)


def test_a_new_paragraph_is_reported_untranslated(project):
    index = project / 'index.rst'
    index.write_text(index.read_text() + '\nCall us from a telephone near the computer.\n')
    make_gettext(project)
    [problem] = check(project, project)
    assert problem.message == "fr: untranslated message 'Call us from a telephone near the computer.'"


def test_a_language_without_catalogs_is_reported_in_conf_py(project):
    conf = project / 'conf.py'
    conf.write_text(conf.read_text() + "guide_languages = ['en', 'fr', 'de']\n")
    [problem] = check(project, project)
    assert (problem.path.endswith('conf.py'), problem.line) == (True, 1)
    assert "guide_languages lists 'de', which has no catalogs" in problem.message


def test_a_french_guide_reads_its_problems_in_french(project):
    conf = project / 'conf.py'
    conf.write_text(conf.read_text() + "language = 'fr'\nguide_languages = ['fr']\n")
    (project / 'index.rst').write_text((project / 'index.rst').read_text()
                                       + '\n.. toctree::\n\n   empty\n')
    (project / 'empty.rst').write_text('\n')
    problems = [p for p in check(project, project) if p.path.endswith('empty.rst')]
    assert [p.message for p in problems] == [
        ('document vide\u202f: donnez-lui un titre et un contenu, ou supprimez-le '
         '[helpguide.empty]')]
