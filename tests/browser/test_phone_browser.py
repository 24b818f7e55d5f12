"""The guide on a phone (390 px wide) and the pages of unsupported programs,
in Chromium: one viewport tag, no page wider than the screen, tables that
reflow rather than scroll, a breadcrumb
that stays whole, a data box whose values keep their line, and unsupported
program pages that lead on (previous, next, up to their list)."""

import pytest
from selenium.webdriver.common.by import By

from page_navigation import name
from page_survey import DESKTOP, PHONE, emulated, pages


@pytest.mark.parametrize('width', [DESKTOP, PHONE])
def test_a_page_read_at_a_width_shows_what_a_load_at_that_width_shows(
        browser, survey, site, width):
    """The survey loads a page at one width and reads it at the other too
    (the first two pages: one loaded at each width), and the pages with a
    table, a breadcrumb and a data box."""
    for page in (*pages(site)[:2], site / 'unsupported.html', site / 'windows.html',
                 site / 'programs' / 'eudora-5.html'):
        with emulated(browser, width):
            loaded = survey.look(page.as_uri(), axe=False)
        seen = survey(site, width)[page]
        assert {**seen, 'violations': None} == loaded, page.name


def test_every_page_has_one_viewport_tag(survey, site):
    seen = survey(site, DESKTOP)
    assert len(seen) == len(pages(site))
    for page, look in seen.items():
        assert look['viewport_tags'] == 1, page


def test_every_page_loads_offline_without_an_error(browser, survey, any_language):
    """At both widths, with axe-core in every page where it is installed."""
    survey(any_language, DESKTOP)
    urls = browser.offline_and_clean(survey.logs[any_language])
    assert len(urls) > len(pages(any_language))


def test_no_page_is_wider_than_a_phone(survey, any_language):
    seen = survey(any_language, PHONE)
    assert len(seen) == len(pages(any_language)) > 10
    for page, look in seen.items():
        assert look['inner_width'] == PHONE, page.name
        scroll, client = look['scroll']
        assert scroll <= client, (page.name, scroll, client)


def test_tables_reflow_on_a_phone_without_scrolling(survey, site):
    """No table scrolls sideways on its own either: each row's first cell
    takes a line, its other cells sit under it aligned with the head's."""
    checked = 0
    for page, look in survey(site, PHONE).items():
        for table in look['tables']:
            scroll, client = table['scroll']
            assert scroll <= client, (page.name, scroll, client)
            assert table['rect']['x'] + table['rect']['width'] <= PHONE, page.name
            head, *rows = table['rows']
            for cells in rows:
                assert cells[1]['y'] >= cells[0]['y'] + cells[0]['height'] - 1, page.name
                assert [round(cell['x']) for cell in cells[1:]] == \
                    [round(cell['x']) for cell in head[1:]], page.name
            checked += 1
    assert checked


def test_next_and_previous_never_share_a_line_with_a_wrapped_breadcrumb(survey, site):
    checked = 0
    for page, look in survey(site, PHONE).items():
        for bar in look['bars']:
            crumbs, links = bar['crumbs'], bar['links']
            if not links:
                continue
            first = links[0]
            last_crumb = crumbs[-1]
            # The links start below the breadcrumb's last line, at its left edge.
            assert first['y'] >= last_crumb['y'] + last_crumb['height'] - 1, page.name
            assert abs(first['x'] - crumbs[0]['x']) <= 1, page.name
            checked += 1
    assert checked > 10


def test_on_a_wide_screen_the_bar_is_one_line(survey, site):
    bar = survey(site, DESKTOP)[site / 'windows.html']['bars'][0]
    crumb, link = bar['crumbs'][-1], bar['links'][0]
    assert abs(crumb['y'] - link['y']) <= 2
    assert link['x'] > crumb['x'] + crumb['width']


def test_data_box_values_keep_their_line_on_a_phone(survey, site):
    box = survey(site, PHONE)[site / 'programs' / 'eudora-5.html']['facts']
    values = box['values']
    assert 'Windows and Macintosh' in [value['text'] for value in values]
    line = values[0]['line']
    for value in values:
        assert value['rect']['height'] < 1.5 * line, value['text']  # one line each
        assert value['rect']['width'] > 0.8 * box['rect']['width'] - 40, value['text']


def test_unsupported_program_pages_lead_on(browser, places, site):
    driver = browser.driver
    listing = (site / 'unsupported.html').as_uri()
    driver.get(listing)
    table = [link.get_attribute('href').split('#')[0] for link in
             driver.find_elements(By.CSS_SELECTOR, 'table.unsupported-programs a')]
    assert len(table) >= 3
    after_listing = places(listing).key('N')
    visited, page = [], table[0]
    assert places(page).key('P') == listing
    while page != after_listing:
        visited.append(page)
        assert places(page).key('U') == listing, page  # the breadcrumb leads back to the list
        page = places(page).key('N')
        assert page is not None and len(visited) <= len(table), visited
    assert visited == list(dict.fromkeys(table))


def follow_next(places, start: str) -> list[tuple[str, str, str]]:
    """(page, breadcrumb's chapter, URL) of each page "next" leads to from
    *start*, until the chapter is left."""
    chapter = places(start)['title'].split(' — ')[0]
    seen, url = [], start
    while True:
        url = places(url).links('N')[0]['href']
        up = places(url).links('U')
        seen.append((name(url), up[0]['text'] if up else None, url))
        if not up or up[0]['text'] != chapter or len(seen) > 20:
            return seen


def follow_previous(places, url: str) -> tuple[list[str], str]:
    """The pages "previous" leads to from *url*, back to a chapter's page;
    the URL of the last."""
    pages = []
    for _ in range(20):
        url = places(url).links('P')[0]['href']
        pages.append(name(url))
        if pages[-1] in ('windows.html', 'macintosh.html'):
            break
    return pages, url


@pytest.mark.parametrize('platform', ['windows', 'macintosh'])
def test_next_follows_each_platform_chapter_in_its_order(places, site, real_guide, platform):
    domain = real_guide('html').env.get_domain('programs')
    expected = [docname.split('/')[-1] + '.html' for docname in domain.chapter_docnames(platform)]
    title = dict(real_guide('html').config.guide_platforms)[platform]
    seen = follow_next(places, (site / f'{platform}.html').as_uri())
    # Every program of the chapter, in its order, each page under the chapter,
    # then on out of the chapter.
    assert [name for name, _, _ in seen[:-1]] == expected
    assert {up for _, up, _ in seen[:-1]} == {title}
    assert seen[-1][1] != title
    # and back again with "previous", bottom bar included.
    back, last = follow_previous(places, seen[-1][2])
    assert back[:-1] == expected[::-1]
    assert name(places(last).links('N', bar=-1)[0]['href']) == expected[0]


def test_both_bars_of_a_shared_page_follow_the_chapter_it_was_reached_from(places, site):
    for query, chapter, following in (('', 'Windows', 'outlook-2002.html'),
                                      ('?platform=macintosh', 'Macintosh',
                                       'netscape-messenger-4.html')):
        place = places((site / 'programs' / 'eudora-5.html').as_uri() + query)
        ups, nexts = place.links('U'), place.links('N')
        assert len(ups) == len(nexts) == 2
        assert [up['text'] for up in ups] == [chapter] * 2
        assert {name(link['href']) for link in nexts} == {following}
