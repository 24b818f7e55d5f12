"""The email-program data: chapters and appendix generated from it, and
every validation error reported with its file and line."""
import re
import shutil
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_colors

ROOT = Path(__file__).parent / 'roots' / 'test-programs'


def page_text(app, docname):
    html = (app.outdir / f'{docname}.html').read_text(encoding='utf-8')
    body = html[html.index('<div class="body"'):html.index('<div class="sphinxsidebar"')]
    return re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ', body))


def chapter_entries(app, docname):
    html = (app.outdir / f'{docname}.html').read_text(encoding='utf-8')
    wrapper = html[html.index('toctree-wrapper'):]
    wrapper = wrapper[:wrapper.index('</div>')]
    return re.findall(r'<a class="reference internal" href="[^"]*">([^<]+)</a>', wrapper)


@pytest.mark.sphinx('html', testroot='programs')
def test_chapters_list_programs_of_their_platform_in_order(app):
    app.build()
    assert strip_colors(app.warning.getvalue()) == ''
    assert chapter_entries(app, 'win') == ['Beta Mail', 'Alpha Mail']
    assert chapter_entries(app, 'mac') == ['Alpha Mail', 'Gamma Mail']


@pytest.mark.sphinx('html', testroot='programs')
def test_unsupported_programs_listed_from_data_only_in_appendix(app):
    app.build()
    appendix = page_text(app, 'appendix')
    assert 'Old Mail 1.0' in appendix and 'Alpha Mail 1.x' in appendix
    for name in ('Alpha Mail', 'Beta Mail', 'Gamma Mail'):
        assert f'{name} ' not in appendix.replace('Alpha Mail 1.x', '')
    assert 'Old Mail' not in page_text(app, 'win')


@pytest.mark.sphinx('html', testroot='programs')
def test_program_page_shows_facts_requirement_and_setting(app):
    app.build()
    gamma = page_text(app, 'programs/gamma')
    assert 'Versions: 3.x' in gamma or ('Versions' in gamma and '3.x' in gamma)
    assert 'Gamma needs Mac OS 9 or later.' in gamma
    assert 'smtp.example.net' in page_text(app, 'programs/alpha')


@pytest.mark.sphinx('html', testroot='programs')
def test_the_data_box_gives_the_status_only_where_it_is_news(app):
    app.build()
    assert 'SSL for outgoing mail' not in page_text(app, 'programs/alpha')
    old = page_text(app, 'programs/old')
    assert 'SSL for outgoing mail : not supported' in old
    assert 'Upgrade to : Alpha Mail 1.x' in old


def test_a_program_without_versions_has_no_versions_row(make_app, tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(ROOT, src)
    beta = src / 'programs' / 'beta.rst'
    beta.write_text(re.sub(r'   :versions: .*\n', '', beta.read_text(encoding='utf-8')),
                    encoding='utf-8')
    app = make_app('html', srcdir=src)
    app.build()
    beta = page_text(app, 'programs/beta')
    assert 'Beta Mail' in beta and 'Versions' not in beta
    assert 'Platforms' in beta


@pytest.mark.sphinx('html', testroot='programs')
def test_shared_steps_are_written_once_and_named_for_both(app):
    app.build()
    alpha = page_text(app, 'programs/alpha')
    assert alpha.count('Open Alpha') == 1
    assert 'Windows and Macintosh' in alpha


def test_a_program_in_both_chapters_is_no_news_but_a_page_listed_twice_by_hand_is(
        make_app, tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(ROOT, src)
    app = make_app('html', srcdir=src)
    app.build()
    assert 'multiple toctrees' not in strip_colors(app.status.getvalue())
    with open(src / 'win.rst', 'a', encoding='utf-8') as win:
        win.write('\n.. toctree::\n\n   appendix\n')
    app = make_app('html', srcdir=src)
    app.build()
    notes = re.findall(r'^.*multiple toctrees.*$', strip_colors(app.status.getvalue()), re.M)
    assert len(notes) == 1 and notes[0].endswith('<- appendix'), notes


def test_a_new_program_file_joins_its_chapter(make_app, tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(ROOT, src)
    app = make_app('html', srcdir=src)
    app.build()
    assert 'Delta Mail' not in chapter_entries(app, 'win')
    (src / 'programs' / 'delta.rst').write_text(PROGRAM.format(
        id='delta', name='Delta Mail', platforms='windows', ssl='yes', extra=':order: 15',
        steps='.. steps:: windows\n\n      #. Open Delta.'), encoding='utf-8')
    app = make_app('html', srcdir=src)   # incremental: same doctrees
    app.build()
    assert chapter_entries(app, 'win') == ['Beta Mail', 'Delta Mail', 'Alpha Mail']
    (src / 'programs' / 'delta.rst').unlink()
    app = make_app('html', srcdir=src)
    app.build()
    assert chapter_entries(app, 'win') == ['Beta Mail', 'Alpha Mail']


PROGRAM = """\
.. email-program:: {id}
   :name: {name}
   :versions: 1.x
   :platforms: {platforms}
   :ssl: {ssl}
   {extra}

   {steps}
"""

#: case -> (the program's fields, the error it gets: {doc}, the document's
#: name; {id}, the program's id, the document's name unless given)
BAD = {
    'unknown platform': (
        dict(name='Bad', platforms='linux', ssl='yes', extra='',
             steps='.. steps:: linux\n\n      #. Step.'),
        r"programs/{doc}\.rst:1: ERROR: unknown platform 'linux' in :platforms:"),
    'missing field': (
        dict(name=None, platforms='windows', ssl='yes', extra='',
             steps='.. steps:: windows\n\n      #. Step.'),
        r"programs/{doc}\.rst:1: ERROR: email program '{id}' lacks required option\(s\): :name:"),
    'duplicate id': (
        dict(id='alpha', name='Bad', platforms='windows', ssl='yes', extra='',
             steps='.. steps:: windows\n\n      #. Step.'),
        r"programs/{doc}\.rst:1: ERROR: duplicate email program id 'alpha': already declared in "
        r".*programs/alpha\.rst:1"),
    'no upgrade advice': (
        dict(name='Bad', platforms='windows', ssl='no', extra='', steps=''),
        r"programs/{doc}\.rst:1: ERROR: email program '{id}' is marked :ssl: no, "
        r"so it needs :upgrade: advice"),
    'steps missing for a platform': (
        dict(name='Bad', platforms='windows macintosh', ssl='yes', extra='',
             steps='.. steps:: windows\n\n      #. Step.'),
        r"programs/{doc}\.rst:1: ERROR: email program '{id}' has no steps for platform "
        r"'macintosh'"),
    'bad ssl value': (
        dict(name='Bad', platforms='windows', ssl='maybe', extra='',
             steps='.. steps:: windows\n\n      #. Step.'),
        r"programs/{doc}\.rst:1: ERROR: Error in \"email-program\" directive:\s+"
        r"invalid option value: \(option: \"ssl\"; value: 'maybe'\)"),
    'steps for an unlisted platform': (
        dict(name='Bad', platforms='windows', ssl='yes', extra='',
             steps='.. steps:: windows macintosh\n\n      #. Step.'),
        r"programs/{doc}\.rst:1: ERROR: steps for platform 'macintosh', which email program "
        r"'{id}' does not list"),
}


def bad_document(case: str) -> str:
    """The name of the document holding *case*'s program: bad-unknown-platform."""
    return 'bad-' + case.replace(' ', '-')


def bad_program(case: str) -> tuple[str, str]:
    """(the document of *case*'s program, what Sphinx must report about it)."""
    fields, expected = BAD[case]
    doc = bad_document(case)
    fields = {'id': doc, **fields}
    text = PROGRAM.format(**{**fields, 'name': fields['name'] or ''})
    if fields['name'] is None:
        text = text.replace('   :name: \n', '')
    return text, expected.format(doc=re.escape(doc), id=re.escape(fields['id']))


@pytest.fixture(scope='module')
def bad_build(tmp_path_factory):
    """One build of the test root with every bad program beside the good
    ones, each in a document of its own: the warnings it printed."""
    src = tmp_path_factory.mktemp('bad-programs') / 'src'
    shutil.copytree(ROOT, src)
    for case in BAD:
        (src / 'programs' / f'{bad_document(case)}.rst').write_text(
            bad_program(case)[0], encoding='utf-8')
    app = SphinxTestApp('html', srcdir=src)
    try:
        app.build()
        return strip_colors(app.warning.getvalue())
    finally:
        app.cleanup()


@pytest.mark.parametrize('case', sorted(BAD))
def test_bad_program_data_is_an_error_with_file_and_line(bad_build, case):
    assert re.search(bad_program(case)[1], bad_build), bad_build


def test_steps_outside_a_program_are_an_error(make_app, tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(ROOT, src)
    with open(src / 'win.rst', 'a', encoding='utf-8') as chapter:
        chapter.write('\n.. steps:: windows\n\n   #. A stray step.\n')
    app = make_app('html', srcdir=src)
    app.build()
    assert re.search(r'win\.rst:6: ERROR: steps belong inside the directive of one of the '
                     r'email programs',
                     strip_colors(app.warning.getvalue()))


def test_parallel_reading_lists_every_program_in_its_chapter(make_app, tmp_path):
    # Two processes read the programs and the chapters side by side: each
    # chapter is read before the programs are merged, then read again.
    src = tmp_path / 'src'
    shutil.copytree(ROOT, src)
    app = make_app('html', srcdir=src, parallel=2)
    app.build()
    assert strip_colors(app.warning.getvalue()) == ''
    assert chapter_entries(app, 'win') == ['Beta Mail', 'Alpha Mail']
    assert chapter_entries(app, 'mac') == ['Alpha Mail', 'Gamma Mail']


def test_parallel_reading_reports_a_duplicate_id_with_file_and_line(make_app, tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(ROOT, src)
    # Sorted last among the programs, so it is read in another process than alpha.
    (src / 'programs' / 'zz.rst').write_text(PROGRAM.format(**BAD['duplicate id'][0]),
                                             encoding='utf-8')
    app = make_app('html', srcdir=src, parallel=2)
    app.build()
    assert re.search(r"programs/zz\.rst:1: ERROR: duplicate email program id 'alpha': already "
                     r"declared in .*programs/alpha\.rst:1", strip_colors(app.warning.getvalue()))


@pytest.mark.sphinx('html', testroot='programs')
def test_merging_a_duplicate_id_keeps_the_document_read_first_in_any_order(app):
    # Reading processes finish in any order; the result must not depend on it.
    app.build()
    domain = app.env.get_domain('programs')
    alpha = domain.data['programs']['alpha']
    copy = {**alpha, 'docname': 'programs/zz', 'lineno': 1}
    del domain.data['programs']['alpha']
    for data in (copy, alpha):   # the later document's process finishes first
        domain.merge_domaindata({data['docname']},
                                {'programs': {'alpha': data}, 'listings': {}, 'chapters': {}})
    assert domain.data['programs']['alpha']['docname'] == 'programs/alpha'
    assert re.search(r"programs/zz\.rst:1: ERROR: duplicate email program id 'alpha': already "
                     r"declared in .*programs/alpha\.rst:1", strip_colors(app.warning.getvalue()))


@pytest.mark.parametrize('words, appendix_heading, facts', [
    ({'guide_subject_noun': '', 'guide_supported_label': ''},
     'Product Platforms Upgrade to', 'Status: not supported'),
    ({'guide_subject_noun': 'router model', 'guide_platform_noun': 'firmware family',
      'guide_supported_label': 'WPA2 encryption', 'guide_versions_label': 'Hardware versions',
      'guide_upgrade_label': 'Replace with'},
     'Router model Firmware families Replace with', 'WPA2 encryption: not supported'),
])
def test_the_words_for_subjects_come_from_the_settings(make_app, tmp_path, words,
                                                        appendix_heading, facts):
    src = tmp_path / 'src'
    shutil.copytree(ROOT, src)
    app = make_app('html', srcdir=src, confoverrides=words)
    app.build()
    assert appendix_heading in page_text(app, 'appendix')
    old = page_text(app, 'programs/old').replace(' : ', ': ')
    assert facts in old
    assert 'SSL' not in old and 'Email' not in page_text(app, 'appendix')


def test_plural_of_a_noun_follows_the_regular_english_rule():
    from helpguide.programs.words import plural
    assert [plural(n) for n in ('router model', 'firmware family', 'box', 'browser', 'day')] \
        == ['router models', 'firmware families', 'boxes', 'browsers', 'days']


def test_an_appendix_without_unsupported_programs_says_so(make_app, tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(ROOT, src)
    (src / 'programs' / 'old.rst').unlink()
    app = make_app('html', srcdir=src)
    app.build()
    appendix = page_text(app, 'appendix')
    assert 'None: every email program in this guide is supported.' in appendix
    assert '<table' not in (app.outdir / 'appendix.html').read_text(encoding='utf-8')
