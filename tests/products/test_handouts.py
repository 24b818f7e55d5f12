"""Handouts of the real guide: one per program and platform, its own steps only."""
import os
import shutil
import subprocess
from functools import cache

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER
from sphinx.util.console import strip_colors
from guide_build import build
from pdf_fonts import fonts
from sheet_text import outside_margins, word_boxes

import seed

from helpguide.config import BadSetting
from helpguide.products.handouts import handout_name


@pytest.fixture(scope='module')
def guide(real_guide):
    return real_guide('handouts')


@cache
def _page_texts(path: str, version: tuple) -> tuple[str, ...]:
    return tuple(page.extract_text() for page in PdfReader(path).pages)


def page_texts(path) -> tuple[str, ...]:
    """pypdf's text of each page, extracted once per file as it is now (the
    module's tests read the same handouts; one written again reads anew)."""
    stat = os.stat(path)
    return _page_texts(str(path), (stat.st_ino, stat.st_size, stat.st_mtime_ns))


def text(path) -> str:
    return seed.normalize(' '.join(page_texts(path)))


def folded(path) -> str:
    """Text for comparing with the seed, whose capitals the sources mend."""
    return text(path).casefold()


def expected_handouts(app) -> dict[str, tuple]:
    """handout file name -> (program, platform), from the guide's data."""
    programs = app.env.get_domain('programs').programs(supported=True)
    return {handout_name(p.id, platform): (p, platform)
            for p in programs for platform in p.platforms}


def test_a_program_id_naming_its_platform_is_not_doubled():
    assert handout_name('outlook-express-windows', 'windows') == 'outlook-express-windows.pdf'
    assert handout_name('eudora-5', 'windows') == 'eudora-5-windows.pdf'


def test_no_title_line_starts_with_a_slash(guide):
    for name in expected_handouts(guide):
        lines = subprocess.run(['pdftotext', '-layout', str(guide.outdir / name), '-'],
                               check=True, capture_output=True, text=True).stdout.splitlines()
        assert not [line for line in lines if line.strip().startswith('/')], name


def seed_steps(app) -> dict[str, list[str]]:
    """handout file name -> the seed's steps for that program and platform."""
    by_name = {seed.normalize(p.name): p for p in app.env.get_domain('programs').programs()}
    steps = {}
    host, brand = app.config.guide_smtp_host, app.config.guide_brand
    for platform, name, step in seed.steps(host, brand):
        program = by_name[seed.normalize(name)]
        steps.setdefault(handout_name(program.id, platform), []).append(
            seed.normalize(step).casefold())
    return steps


def test_builds_without_a_warning(guide):
    assert guide.statuscode == 0
    assert guide.warnings_text == ''


def test_one_handout_per_program_and_platform(guide):
    names = sorted(path.name for path in guide.outdir.glob('*.pdf'))
    assert names == sorted(expected_handouts(guide))
    assert len(names) == 10  # today's sources: seven programs that can use SSL
    assert sorted(seed_steps(guide)) == names


def test_each_handout_is_one_letter_page(guide):
    for name in expected_handouts(guide):
        pages = PdfReader(guide.outdir / name).pages
        assert len(pages) == 1, name
        assert (float(pages[0].mediabox.width), float(pages[0].mediabox.height)) == LETTER


def test_each_handout_holds_its_own_steps_in_order_and_none_of_another(guide):
    steps = seed_steps(guide)
    for name, own in steps.items():
        shown = folded(guide.outdir / name)
        at = [shown.find(step) for step in own]
        assert -1 not in at, (name, own[at.index(-1)])
        assert at == sorted(at), name
        others = {step for other, theirs in steps.items() if other != name for step in theirs}
        # A short step ("Click OK") may be part of one of its own: not foreign.
        foreign = [step for step in others if step in shown
                   and not any(step in mine for mine in own)]
        assert foreign == [], name


def test_each_handout_names_program_platform_and_edition(guide):
    config = guide.config
    platforms = dict(config.guide_platforms)
    for name, (program, platform) in expected_handouts(guide).items():
        reader = PdfReader(guide.outdir / name)
        shown = text(guide.outdir / name)
        assert shown.startswith(seed.normalize(f'{config.guide_brand} Handout'))
        assert seed.normalize(program.name) in shown
        if program.versions:
            assert f'Versions {seed.normalize(program.versions)}' in shown
        else:
            assert 'Versions' not in shown
        assert 'SSL for outgoing mail supported' in shown
        assert f'Platform {platforms[platform]}' in shown
        other_platforms = set(platforms.values()) - {platforms[platform]}
        assert not any(f'Platform {other}' in shown for other in other_platforms)
        for page in page_texts(guide.outdir / name):
            assert f'Edition {config.guide_edition}' in page
        assert reader.metadata.title.startswith(program.name)


def test_each_handout_has_the_prerequisite_and_the_support_box(guide):
    fields = guide.env.get_domain('checklist').fields()
    assert fields
    for name in expected_handouts(guide):
        shown = text(guide.outdir / name)
        assert 'Before you start These instructions assume your email program' in shown
        # The guide sets no support contact (a draft): the box says so.
        box = shown[shown.index('Before you call support · Contact details not set'):]
        assert [label for label in (f['label'] for f in fields) if label in box] == \
            [f['label'] for f in fields]


def test_handouts_use_only_embedded_fonts(guide):
    for name in expected_handouts(guide):
        used = fonts(guide.outdir / name)
        assert used and all(used.values()), (name, used)


def test_every_word_is_inside_the_margins(guide):
    for name in expected_handouts(guide):
        assert outside_margins(guide.outdir / name, 24) == [], name


def test_a4_handouts(real_guide):
    app = real_guide('handouts', 'a4')
    for name in expected_handouts(app):
        pages = PdfReader(app.outdir / name).pages
        assert len(pages) == 1, name
        assert (float(pages[0].mediabox.width), float(pages[0].mediabox.height)) == \
            pytest.approx(A4)
        assert outside_margins(app.outdir / name, 24) == [], name


def test_an_unknown_paper_size_is_a_clear_error(repo, tmp_path):
    with pytest.raises(BadSetting):
        build(repo, tmp_path, 'handouts', guide_paper='tabloid')
    assert not (tmp_path / 'handouts').exists() or not any((tmp_path / 'handouts').iterdir())


def program_root(rootdir, tmp_path):
    src = tmp_path / 'src'
    shutil.copytree(rootdir / 'test-programs', src)
    return src


def handouts_of(app) -> set[str]:
    return {p.name for p in app.outdir.glob('*.pdf')}


def test_a_new_program_file_adds_its_handout_and_removing_it_removes_it(
        make_app, rootdir, tmp_path):
    src = program_root(rootdir, tmp_path)
    (src / 'programs' / 'delta.rst').write_text(
        '.. email-program:: delta\n   :name: Delta Mail\n   :versions: 2.x\n'
        '   :platforms: macintosh\n   :ssl: yes\n\n'
        '   .. steps:: macintosh\n\n      #. Open Delta and tick SSL.\n', encoding='utf-8')
    app = make_app('handouts', srcdir=src)
    app.build()

    assert 'delta-macintosh.pdf' in handouts_of(app)
    assert 'Open Delta and tick SSL' in text(app.outdir / 'delta-macintosh.pdf')
    assert not (app.outdir / 'delta-windows.pdf').exists()

    (src / 'programs' / 'delta.rst').unlink()
    app = make_app('handouts', srcdir=src)
    app.build()

    assert 'delta-macintosh.pdf' not in handouts_of(app)
    assert 'alpha-macintosh.pdf' in handouts_of(app)


def write_long_program(src, name: str) -> None:
    """Program ``delta`` (Macintosh) called *name*, with 60 steps: more than a page."""
    steps = ''.join(f'      #. Step {n}: open the settings and check the box.\n'
                    for n in range(1, 61))
    (src / 'programs' / 'delta.rst').write_text(
        f'.. email-program:: delta\n   :name: {name}\n   :versions: 2.x\n'
        '   :platforms: macintosh\n   :ssl: yes\n\n'
        f'   .. steps:: macintosh\n\n{steps}', encoding='utf-8')


def test_a_handout_too_long_for_one_page_names_itself_on_every_page(
        make_app, rootdir, tmp_path):
    src = program_root(rootdir, tmp_path)
    write_long_program(src, 'Delta Mail')
    app = make_app('handouts', srcdir=src)
    app.build()

    pages = PdfReader(app.outdir / 'delta-macintosh.pdf').pages
    count = len(pages)
    assert count >= 2
    for number, page in enumerate(pages, 1):
        shown = seed.normalize(page.extract_text())
        assert f'Delta Mail (Macintosh) · Page {number} of {count}' in shown
    assert f'delta-macintosh.pdf is {count} pages long; a handout should fit on one' in \
        strip_colors(app.warning.getvalue())
    # A handout that fits says only its page.
    shown = text(app.outdir / 'alpha-macintosh.pdf')
    assert 'Page 1' in shown and 'of 1' not in shown


def overlapping(boxes) -> list[tuple[str, str]]:
    """Pairs of words printed on one line over each other."""
    return [(a[4], b[4]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if abs(a[1] - b[1]) < 2 and a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5]


# On A5 the title is shortened; on A6 the folio leaves no room for a word of it.
@pytest.mark.parametrize('paper, shortened', [('a5', True), ('a6', False)])
def test_the_footer_shortens_the_title_before_it_runs_into_the_folio(
        make_app, rootdir, tmp_path, paper, shortened):
    src = program_root(rootdir, tmp_path)
    write_long_program(src, 'Delta Mail for Workgroups')
    app = make_app('handouts', srcdir=src, confoverrides={
        'guide_paper': paper,
        'guide_title': 'Switching on the secure connection for outgoing mail'})
    app.build()

    pdf = app.outdir / 'delta-macintosh.pdf'
    height = float(PdfReader(pdf).pages[0].mediabox.height)
    footer = [box for box in word_boxes(pdf, 1) if box[1] > height - 40]
    shown = ' '.join(box[4] for box in footer)
    assert 'Delta Mail for Workgroups (Macintosh) · Page 1 of' in shown
    title = shown.split('Delta Mail', 1)[0].strip()
    assert (title.startswith('Switching on') and title.endswith('…')) if shortened \
        else title == '', shown
    assert not overlapping(footer), shown


def test_a_program_that_loses_ssl_loses_its_handouts(make_app, rootdir, tmp_path):
    src = program_root(rootdir, tmp_path)
    app = make_app('handouts', srcdir=src)
    app.build()
    assert {'alpha-windows.pdf', 'alpha-macintosh.pdf'} <= handouts_of(app)

    alpha = src / 'programs' / 'alpha.rst'
    alpha.write_text(alpha.read_text(encoding='utf-8').replace(
        ':ssl: yes', ':ssl: no\n   :upgrade: Beta Mail'), encoding='utf-8')
    app = make_app('handouts', srcdir=src)
    app.build()

    assert not {'alpha-windows.pdf', 'alpha-macintosh.pdf'} & handouts_of(app)


@pytest.mark.parametrize('mistake', [
    (':platforms: windows macintosh', ':platforms: windows linux'),   # before it is stored
    ('.. steps:: windows macintosh', '.. steps:: windows'),          # after it is stored
])
def test_a_program_that_fails_to_build_keeps_its_last_good_handouts(
        make_app, rootdir, tmp_path, mistake):
    src = program_root(rootdir, tmp_path)
    app = make_app('handouts', srcdir=src)
    app.build()
    good = {name: (app.outdir / name).read_bytes() for name in handouts_of(app)}
    assert 'alpha-macintosh.pdf' in good

    alpha = src / 'programs' / 'alpha.rst'
    alpha.write_text(alpha.read_text(encoding='utf-8').replace(*mistake), encoding='utf-8')
    app = make_app('handouts', srcdir=src)
    app.build()

    assert 'alpha.rst:1: ERROR' in strip_colors(app.warning.getvalue())
    assert {name: (app.outdir / name).read_bytes() for name in handouts_of(app)} == good
