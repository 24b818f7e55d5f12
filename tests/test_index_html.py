"""The HTML guide's index: Sphinx's General Index lists every email program
(by the name a reader looks for, its versions below it) and the key terms,
each link landing on a page that holds the term; the "index" link of every
page leads there. A project without index entries has neither the page nor
the link."""
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import html as lxml_html

from helpguide.programs.index import entry_values
from index_read import PROGRAMS
from sphinxrun import sphinx_build

#: Key terms a customer looks up.
KEY_TERMS = ['SSL', 'SMTP', 'outgoing mail server', 'password', 'authentication',
             'encryption', 'error messages', 'support', 'port', 'STARTTLS', 'TLS', 'upgrade',
             'This server requires a secure connection (SSL)', 'Use Secure Socket Layer (SSL)']


def genindex_links(outdir: Path) -> dict[tuple[str, str | None], list[str]]:
    """{(term, subterm or None): [href, ...]} as the General Index lists them."""
    tree = lxml_html.parse(str(outdir / 'genindex.html'))
    found = {}
    for item in tree.xpath('//table[contains(@class, "genindextable")]//td/ul/li'):
        links = item.xpath('./a')
        term = (links[0].text_content() if links else item.text or '').strip()
        found[term, None] = [a.get('href') for a in links]
        for sub in item.xpath('./ul/li'):
            sub_links = sub.xpath('./a')
            name = (sub_links[0].text_content() if sub_links else sub.text or '').strip()
            found[term, name] = [a.get('href') for a in sub_links]
    return found


def page_text(outdir: Path, href: str) -> str:
    """The body text of the page *href* leads to, which must hold its anchor."""
    path, _, anchor = href.partition('#')
    tree = lxml_html.parse(str(outdir / unquote(path)))
    assert tree.xpath(f'//*[@id="{anchor}"]'), f'{href}: no element with id {anchor!r}'
    return ' '.join(tree.xpath('//div[@role="main"]')[0].text_content().split())


@pytest.fixture(scope='module')
def guide(real_guide):
    return Path(real_guide('html').outdir)


def test_the_index_lists_every_program_and_key_term(guide):
    listed = genindex_links(guide)
    for term, sub in PROGRAMS:
        assert listed.get((term, sub)), f'{term}; {sub} not in the index with a link'
    for term in KEY_TERMS:
        assert (term, None) in listed, f'{term} not in the index'
        assert listed[term, None] or any(t == term and s and links
                                         for (t, s), links in listed.items())


def test_every_program_page_is_reached_from_the_index(guide, real_guide):
    pages = {href.partition('#')[0] for links in genindex_links(guide).values()
             for href in links}
    domain = real_guide('html').env.get_domain('programs')
    programs = domain.programs(supported=True) + domain.programs(supported=False)
    assert len(programs) == 12
    assert {f'{program.docname}.html' for program in programs} <= pages


def test_every_index_link_lands_on_a_page_holding_its_term(guide):
    checked = 0
    for (term, sub), links in genindex_links(guide).items():
        if sub is None and not links:
            continue  # a term with sub-entries only, or a "see" entry
        for href in links:
            text = page_text(guide, href).lower()
            assert term.lower() in text, f'{href} lacks {term!r}'
            for word in (sub or '').replace('(', ' ').replace(')', ' ').split():
                assert word.lower() in text, f'{href} lacks {word!r} of {term}; {sub}'
            checked += 1
    assert checked > 40


def test_the_index_link_of_every_page_leads_to_the_general_index(guide):
    pages = sorted(guide.glob('**/*.html'))
    assert len(pages) > 15
    for page in pages:
        tree = lxml_html.parse(str(page))
        [target] = {a.get('href') for a in tree.xpath('//div[@class="related"]//a[@data-rel="I"]')}
        if page.name == 'genindex.html':
            assert target == '#'  # Sphinx's link to the page itself
        else:
            assert (page.parent / target).resolve() == guide / 'genindex.html', page


def test_the_generated_entries_of_a_name():
    assert entry_values('Eudora 5.x') == ['Eudora; 5.x']
    assert entry_values('Outlook Express and Entourage') == ['Outlook Express', 'Entourage']
    assert entry_values('Outlook Express 5 and 6 / Outlook 2000 / Incredimail') == [
        'Outlook Express; 5 and 6', 'Outlook; 2000', 'Incredimail']
    assert entry_values('Eudora on Mac OS X 10.0 or 10.1') == ['Eudora; on Mac OS X 10.0 or 10.1']
    assert entry_values('Netscape Mail 6.x and 7.x') == ['Netscape Mail; 6.x and 7.x']
    assert entry_values('HomeHub 200') == ['HomeHub; 200']
    assert entry_values('Entourage (copy 2)') == ['Entourage (copy 2)']
    assert entry_values('Netscape Communicator 4.7.5 (Mac)') == [
        'Netscape Communicator; 4.7.5 (Mac)']


@pytest.mark.parametrize('theme', ['alabaster', 'helpguide'])
def test_a_project_without_entries_has_no_index_page_nor_link(rootdir, tmp_path, theme):
    app, warnings = sphinx_build(rootdir / 'test-plain', rootdir / 'test-plain',
                                 tmp_path / 'html', tmp_path / 'doctrees', 'html',
                                 confoverrides={'html_theme': theme})
    assert app.statuscode == 0, warnings
    out = Path(app.outdir)
    assert not (out / 'genindex.html').exists()
    assert 'genindex.html' not in (out / 'index.html').read_text(encoding='utf-8')
