"""The real guide, built to HTML: every fact of the seed is there, in order."""
import re
import shutil

import pytest

import seed
from sphinxrun import html_text, sphinx_build


def text_of(html: str) -> str:
    return seed.normalize(html_text(html, ' '))


@pytest.fixture(scope='module')
def guide(real_guide):
    return real_guide('html')


def body(app, docname):
    html = (app.outdir / f'{docname}.html').read_text(encoding='utf-8')
    return html[html.index('<div class="body"'):html.index('<div class="sphinxsidebar"')]


def platform_block(app, docname, platform):
    html = body(app, docname)
    blocks = re.split(r'<div class="platform-steps ', html)[1:]
    for block in blocks:
        platforms = block[:block.index('"')].split()
        if platform in platforms:
            return text_of('<div class="' + block)
    raise AssertionError(f'{docname} has no steps for {platform}')


def chapter_programs(app, platform):
    html = body(app, platform)
    return [seed.normalize(name) for name in
            re.findall(r'<a class="reference internal" href="programs/[^"]*">([^<]+)</a>', html)]


def program_doc(app, name):
    domain = app.env.get_domain('programs')
    matches = [p for p in domain.programs() if seed.normalize(p.name) == seed.normalize(name)]
    assert len(matches) == 1, name
    return matches[0].docname


def test_builds_without_a_warning(guide):
    assert guide.statuscode == 0
    assert guide.warnings_text == ''


@pytest.mark.parametrize('platform', ['windows', 'macintosh'])
def test_chapters_hold_the_seed_programs_in_seed_order(guide, platform):
    assert chapter_programs(guide, platform) == [seed.normalize(n) for n in seed.menu()[platform]]


def test_every_seed_step_is_on_its_program_page_in_order(guide):
    config = guide.config
    last = {}
    for platform, name, step in seed.steps(config.guide_smtp_host, config.guide_brand):
        text = platform_block(guide, program_doc(guide, name), platform)
        where = text.casefold().find(seed.normalize(step).casefold(), last.get((platform, name), 0))
        assert where >= 0, f'{name} ({platform}) lacks, or has out of order: {step}'
        last[platform, name] = where


def test_requirement_and_notes_are_kept(guide):
    mac_eudora = platform_block(guide, 'programs/eudora-5', 'macintosh')
    assert 'Eudora 5.1 only works with Mac OS 9 or higher. Mac OS X users must use Eudora 5.2' \
        in mac_eudora
    assert 'Advanced Network' in platform_block(guide, 'programs/eudora-5', 'windows')


def test_no_source_spells_the_brand_or_host(repo, guide):
    for path in (repo / 'source').rglob('*.rst'):
        text = path.read_text(encoding='utf-8').casefold()
        for value in (guide.config.guide_brand, guide.config.guide_smtp_host):
            assert value.casefold() not in text, f'{path} spells {value!r}'


def test_appendix_lists_exactly_the_unsupported_programs(guide):
    domain = guide.env.get_domain('programs')
    unsupported = [p.name for p in domain.programs(supported=False)]
    page = body(guide, 'unsupported').replace('&#160;', '\xa0').replace('&nbsp;', '\xa0')
    rows = re.findall(r'<tr class="row-(?:odd|even)"><td><p><a [^>]*>([^<]+)</a>', page)
    # A version number is held to the word before it by a no-break space.
    assert [row.replace('\xa0', ' ') for row in rows] == unsupported
    assert 'Eudora\xa05.2' in page
    text = text_of(page).replace('\xa0', ' ')
    for name in ('Netscape 3.x', 'Eudora 3.x', 'Eudora Lite', 'Netscape Communicator 4.7.5 (Mac)',
                 'Mac OS X 10.0 or 10.1', 'Mac OS X 10.2 or later'):
        assert name in text
    assert 'no guarantees that nothing will be lost' in text


def test_introduction_and_checklist(guide):
    intro = text_of(body(guide, 'introduction'))
    assert 'SSL configuration is not mandatory' in intro
    assert 'receive email' in intro
    assert f'only the default SMTP account information ({guide.config.guide_smtp_host})' in intro
    support = body(guide, 'support')
    for label in ('Operating system name', 'Operating system version', 'Exact text of every error',
                  'Original operating system CD'):
        assert label in support
    assert support.count('<input type="checkbox"') == 1
    assert 'exact text of all error messages' in text_of(support)


def test_a_menu_path_has_the_styles_arrow_as_the_booklet_does(guide):
    """Sphinx joins a :menuselection: with a triangular bullet; the booklet
    printed an arrow: both print the style's (the default's →)."""
    html = body(guide, 'programs/eudora-5')
    assert '<span class="menuselection">Tools \u2192 Options…</span>' in html
    assert '\N{TRIANGULAR BULLET}' not in html


def test_a_template_edited_between_two_builds_in_one_process_is_the_one_used(rootdir, tmp_path):
    """Compiled templates are kept for the process (helpguide.html.compiled_templates):
    an edited template is compiled again, not served from the first build."""
    src = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-programs', src)
    (src / '_templates').mkdir()
    layout = src / '_templates' / 'layout.html'
    pages = []
    for words in ('First footer words', 'Second footer words'):
        layout.write_text('{% extends "!layout.html" %}{% block footer %}' + words
                          + '{% endblock %}', encoding='utf-8')
        sphinx_build(src, src, tmp_path / 'html', tmp_path / 'doctrees', 'html',
                     confoverrides={'templates_path': ['_templates']})
        pages.append((tmp_path / 'html' / 'index.html').read_text(encoding='utf-8'))
    assert 'First footer words' in pages[0] and 'Second footer words' not in pages[0]
    assert 'Second footer words' in pages[1] and 'First footer words' not in pages[1]
