"""QR codes to the guide online (guide_online_url): each handout's to its
program's page for its platform, the booklet cover's to the start page;
decoded from the rendered page with zbarimg, drawn as vectors, labelled
with the address and tagged as a Figure; none without an address."""
import json
import re
import subprocess
from types import SimpleNamespace
from urllib.parse import urlsplit

import pikepdf
import pytest
from guide_build import build

from helpguide.online import address_problem, page_address
from helpguide.pdf.tagging.check import elements

BASE = 'https://help.example.com/ssl-guide/'


def decoded(path, page: int = 1) -> list[str]:
    """The QR codes zbarimg reads on *page* (1-based) of *path*, rendered by poppler
    (in grey, as a plain PGM: compressing a PNG of the page took longer than
    reading the codes). At 150 dpi, zbarimg reads every code of the guide, as
    at 200 in two thirds of the time; at 100, not those of the longest addresses."""
    pgm = subprocess.run(['pdftoppm', '-r', '150', '-gray', '-f', str(page), '-l', str(page),
                          str(path)], check=True, capture_output=True).stdout
    done = subprocess.run(['zbarimg', '-q', '--raw', '-'], input=pgm, capture_output=True)
    assert done.returncode in (0, 4), done.stderr  # 4: no code found
    return done.stdout.decode().split()


def text(path, page: int = 1) -> str:
    """The page's text without white space: an address broken over lines reads whole."""
    out = subprocess.run(['pdftotext', '-f', str(page), '-l', str(page), str(path), '-'],
                         check=True, capture_output=True, text=True).stdout
    return ''.join(out.split())


def figures(path) -> list[str]:
    with pikepdf.open(path) as pdf:
        return [str(e.get('/Alt', '')) for e in elements(pdf.Root.StructTreeRoot)
                if e.get('/S') == '/Figure']


def drawn_squares(path, page: int = 1) -> int:
    """Filled rectangles on *page*, in its content and the forms it draws."""
    with pikepdf.open(path) as pdf:
        return len(pikepdf.parse_content_stream(pdf.pages[page - 1], 're'))


@pytest.fixture(scope='module')
def online(repo, real_guide, tmp_path_factory):
    """Handouts and booklet of the real guide with an online address."""
    doctrees = real_guide.doctrees()
    out = tmp_path_factory.mktemp('online')
    return {builder: build(repo, out, builder, doctrees=doctrees, fresh=False,
                           guide_online_url=BASE)
            for builder in ('handouts', 'booklet')}


def handouts(app):
    programs = app.env.get_domain('programs').programs(supported=True)
    return {p.docname + ':' + platform: platform for p in programs for platform in p.platforms}


def test_every_handout_carries_its_programs_page_for_its_platform(online, real_guide):
    app = online['handouts']
    html = real_guide('html').outdir
    pdfs = sorted(app.outdir.glob('*.pdf'))
    assert len(pdfs) == len(handouts(app)) >= 8
    carried = 0
    for pdf in pdfs:
        codes = decoded(pdf)
        assert len(codes) == 1, (pdf.name, codes)
        address = urlsplit(codes[0])
        assert codes[0].startswith(BASE + 'en/programs/'), codes[0]
        # the page the code leads to is one the HTML guide has
        page = html / codes[0][len(BASE + 'en/'):].partition('?')[0]
        assert page.is_file(), codes[0]
        platform = pdf.stem.rsplit('-', 1)[1]
        relations = re.search(r'id="guide-platform-relations"[^>]*>(.*?)</script>',
                              page.read_text(encoding='utf-8'), re.S)
        guest_of = json.loads(relations[1]) if relations else {}
        # ?platform= where the page is at home in the other chapter (it holds
        # that chapter's navigation), none in its home chapter
        assert address.query == (f'platform={platform}' if platform in guest_of else ''), \
            codes[0]
        carried += bool(address.query)
        assert codes[0] in text(pdf), pdf.name  # the label reads the address
        assert figures(pdf) == [f'QR code: {codes[0]}'], pdf.name
        assert drawn_squares(pdf) > 100, pdf.name  # vectors: a rectangle per run of modules
        images = subprocess.run(['pdfimages', '-list', str(pdf)], check=True,
                                capture_output=True, text=True).stdout.splitlines()[2:]
        assert images == [], pdf.name
    assert carried  # Eudora's Macintosh handout, at home in the Windows chapter


def test_every_handout_still_fits_one_page(online):
    for pdf in online['handouts'].outdir.glob('*.pdf'):
        with pikepdf.open(pdf) as opened:
            assert len(opened.pages) == 1, pdf.name


def test_the_cover_carries_the_start_page(online):
    app = online['booklet']
    for name in ('guide.pdf', 'guide-screen.pdf'):
        pdf = app.outdir / name
        assert decoded(pdf) == [BASE + 'en/index.html'], name
        assert BASE + 'en/index.html' in text(pdf)
        assert f'QR code: {BASE}en/index.html' in figures(pdf)
        assert decoded(pdf, 2) == []  # the cover only


def test_without_an_address_there_is_no_code(real_guide):
    app = real_guide('handouts')
    for pdf in sorted(app.outdir.glob('*.pdf'))[:3]:
        assert decoded(pdf) == [] and 'http' not in text(pdf)
        assert not [alt for alt in figures(pdf) if 'QR' in alt]
    booklet = real_guide('booklet')
    cover = booklet.outdir / booklet.config.booklet_filename
    assert decoded(cover) == [] and not [alt for alt in figures(cover) if 'QR' in alt]


def config(**values):
    defaults = dict(guide_online_url=BASE, guide_languages=['en', 'fr'], language='fr',
                    html_file_suffix=None)
    return SimpleNamespace(**{**defaults, **values})


def test_a_page_address_follows_the_html_outputs_layout():
    # several languages: html/en/, html/fr/ under the address
    assert page_address(config(), 'programs/eudora-5', 'macintosh') == \
        BASE + 'fr/programs/eudora-5.html?platform=macintosh'
    assert page_address(config(language='en'), 'index') == BASE + 'en/index.html'
    # one language: the flat layout; the address with or without its last slash
    assert page_address(config(guide_languages=['en'], guide_online_url=BASE.rstrip('/')),
                        'index') == BASE + 'index.html'
    assert page_address(config(html_file_suffix='.htm'), 'index') == BASE + 'fr/index.htm'
    assert page_address(config(guide_online_url=''), 'index') == ''


@pytest.mark.parametrize('value', ['ftp://help.example.com/', 'help.example.com/guide',
                                   'https://', 'https://x.example/?a=1', 'https://x.example/#top',
                                   'https://x.example/a guide/'])
def test_an_online_address_must_be_http(value):
    assert address_problem(value) == \
        'empty or an http:// or https:// address without ?query or #fragment'


@pytest.mark.parametrize('value', ['', 'http://help.example.com', BASE])
def test_an_online_address_may_be_empty_or_http(value):
    assert address_problem(value) is None
