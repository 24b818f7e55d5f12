"""A reader of one platform's chapter keeps it wherever they click, in
Chromium: a program reached from the chapter's list of programs, from the
entries under the chapter in the start page's contents or in the sidebar shows that chapter in its breadcrumb, the
sidebar marks that chapter and that entry only, and previous/next (the bars'
and the page head's <link>s) follow that chapter's order."""

import pytest

from page_navigation import name


@pytest.fixture(scope='module')
def chapters(real_guide):
    """platform -> (chapter title, its program pages' file names in order)."""
    app = real_guide('html')
    domain = app.env.get_domain('programs')
    return {platform: (title, [docname.split('/')[-1] + '.html'
                              for docname in domain.chapter_docnames(platform)])
            for platform, title in app.config.guide_platforms}


#: The links to *chapter*'s programs where a reader finds them: the chapter
#: page's list, the sidebar's and the start page's contents under the chapter
#: (null where the contents have no such chapter); each with whether a click
#: at its middle reaches it, as WebDriver's click checks.
LINKS = '''
const chapter = arguments[0];
const under = where => {
    for (const item of document.querySelectorAll(where + ' li.toctree-l1')) {
        if (item.querySelector('a').innerText.trim() === chapter) {
            return [...item.querySelectorAll('li.toctree-l2 > a')];
        }
    }
    return null;
};
const clickable = a => {
    a.scrollIntoView({block: 'center'});
    const box = a.getClientRects()[0];
    return Boolean(box) && a.contains(
        document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
};
const read = links => links && links.map(a => ({href: a.href, clickable: clickable(a)}));
return {chapter: read([...document.querySelectorAll('div.body div.toctree-wrapper a')]),
        contents: read(under('div.body')), sidebar: read(under('nav.guide-nav'))};
'''


@pytest.fixture(scope='module')
def links_to(browser, site, chapters):
    """platform -> how -> the links that lead to the chapter's programs
    (LINKS): its page's list and sidebar, the start page's contents; and the
    log of the loads."""
    driver, found = browser.driver, {}
    for platform, (title, _pages) in chapters.items():
        driver.get((site / f'{platform}.html').as_uri())
        on_chapter = driver.execute_script(LINKS, title)
        driver.get((site / 'index.html').as_uri())
        found[platform] = {'chapter': on_chapter['chapter'], 'sidebar': on_chapter['sidebar'],
                           'contents': driver.execute_script(LINKS, title)['contents']}
    return found, browser.take_log()


def where_am_i(place) -> dict:
    """What the page tells the reader about their place in the guide."""
    def rel(key):
        return {name(link['href']) for link in place.links(key)}

    return {
        'up': {link['text'] for link in place.links('U')},
        'previous': rel('P'), 'next': rel('N'),
        'head previous': {name(href) for href in place['head']['prev']},
        'head next': {name(href) for href in place['head']['next']},
        'marked chapters': place['marked_chapters'],
        'marked entries': place['marked_entries'],
    }


@pytest.mark.parametrize('how', ['chapter', 'contents', 'sidebar'])
@pytest.mark.parametrize('platform', ['windows', 'macintosh'])
def test_a_program_reached_from_a_chapter_stays_in_it(browser, places, links_to, chapters,
                                                       platform, how):
    title, pages = chapters[platform]
    shared = [page for page in pages if all(
        page in other for _, other in chapters.values())]
    assert shared, 'the guide has programs in both chapters'
    links, log = links_to[0][platform][how], links_to[1]
    assert links is not None, f'no entry {title} in the {how}'
    for index, page in enumerate(pages):
        [link] = [link for link in links if name(link['href']) == page]
        assert link['clickable'], (page, link)  # reading its href, as a click does
        place = places(link['href'])
        assert name(place['url']) == page
        seen = where_am_i(place)
        previous = pages[index - 1] if index else f'{platform}.html'
        assert seen['up'] == {title}, (page, seen)
        assert seen['marked chapters'] == [title], (page, seen)
        assert seen['marked entries'] == 1, (page, seen)
        assert seen['previous'] == seen['head previous'] == {previous}, (page, seen)
        if index + 1 < len(pages):
            assert seen['next'] == seen['head next'] == {pages[index + 1]}, (page, seen)
        else:
            assert seen['next'] == seen['head next'] and not seen['next'] & set(pages)
    browser.offline_and_clean(log)
    browser.offline_and_clean(places.log)


def test_the_chapter_pages_head_links_lead_along_it(places, site, chapters):
    for platform, (_title, pages) in chapters.items():
        place = places((site / f'{platform}.html').as_uri())
        [bar_next] = {link['href'] for link in place.links('N')}
        assert place['head']['next'][0] == bar_next
        assert name(bar_next) == pages[0]
