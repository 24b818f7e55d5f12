"""Print products whose inputs have not changed are not made again.

Built as ``make pdf handouts`` builds them (``python -m helpguide build``,
in this process): in staging folders, published into build/pdf.
"""
import shutil
from pathlib import Path

import pytest
import sphinx
import sphinx.locale
from pypdf import PdfReader

from helpguide.publish.command import main

PDFS = ('guide.pdf', 'guide-saddle-stitch.pdf', 'support-checklist.pdf',
        'handouts/alpha-windows.pdf', 'handouts/alpha-macintosh.pdf',
        'handouts/beta-windows.pdf')
ALPHA = {'handouts/alpha-windows.pdf', 'handouts/alpha-macintosh.pdf'}
BOOKS = {'guide.pdf', 'guide-saddle-stitch.pdf'}


class Guide:
    """A copy of tests/roots/test-up-to-date and its build folder."""

    def __init__(self, src, build, capsys):
        self.src, self.build, self.capsys = src, build, capsys

    def make(self, *targets: str, define=()) -> str:
        """Build *targets*; what the command printed."""
        self.capsys.readouterr()
        options = [option for name in define for option in ('-D', name)]
        status = main([*targets, '--source', str(self.src), '--conf', str(self.src),
                       '--build', str(self.build), '-j', '1', *options], prog='helpguide')
        out, err = self.capsys.readouterr()
        assert status == 0, err
        return out

    def pdf(self, name: str):
        return self.build / 'pdf' / name

    def state(self) -> dict[str, tuple[bytes, int]]:
        """Each product's bytes and modification time."""
        return {name: (self.pdf(name).read_bytes(), self.pdf(name).stat().st_mtime_ns)
                for name in PDFS}

    def changed(self, before: dict) -> set[str]:
        after = self.state()
        return {name for name in PDFS if after[name] != before[name]}

    def text(self, name: str) -> str:
        return ' '.join(page.extract_text() for page in PdfReader(self.pdf(name)).pages)


@pytest.fixture(scope='module')
def first_build(rootdir, tmp_path_factory):
    """The test root built once, kept aside: each test builds on it, in the
    folder it was built in (its doctrees name their sources' paths)."""
    folder = tmp_path_factory.mktemp('up-to-date')
    shutil.copytree(rootdir / 'test-up-to-date', folder / 'work' / 'src')
    status = main(['pdf', 'handouts', '--source', str(folder / 'work' / 'src'),
                   '--conf', str(folder / 'work' / 'src'), '--build',
                   str(folder / 'work' / 'build'), '-j', '1', '-q'], prog='helpguide')
    assert status == 0
    shutil.copytree(folder / 'work', folder / 'kept', symlinks=True)
    return folder


@pytest.fixture
def guide(first_build, capsys):
    work = first_build / 'work'
    shutil.rmtree(work)
    # copytree keeps the modification times, as the build left them.
    shutil.copytree(first_build / 'kept', work, symlinks=True)
    return Guide(work / 'src', work / 'build', capsys)


def test_an_unchanged_rebuild_writes_nothing_and_says_so(guide):
    before = guide.state()
    said = guide.make('pdf', 'handouts')

    assert guide.changed(before) == set()
    for name in ('guide.pdf', 'guide-saddle-stitch.pdf', 'support-checklist.pdf'):
        assert f'{name} is up to date' in said
    assert 'handouts: 0 written' in said and '3 up to date' in said


def test_a_build_after_a_french_one_in_this_process_is_english_and_up_to_date(guide):
    # Sphinx's French catalog, as a French build that stopped early leaves it.
    sphinx.locale.init([str(Path(sphinx.__file__).parent / 'locale')], 'fr')
    before = guide.state()
    said = guide.make('pdf', 'handouts')
    assert guide.changed(before) == set()
    assert 'guide.pdf is up to date' in said


def test_a_program_edit_remakes_its_handouts_and_the_books_only(guide):
    before = guide.state()
    alpha = guide.src / 'programs' / 'alpha.rst'
    alpha.write_text(alpha.read_text(encoding='utf-8')
                     + '      #. Tick the box marked Encrypted.\n', encoding='utf-8')
    said = guide.make('pdf', 'handouts')

    assert guide.changed(before) == ALPHA | BOOKS
    for name in ALPHA | {'guide.pdf'}:
        assert 'Encrypted' in guide.text(name), name
    assert 'support-checklist.pdf is up to date' in said
    assert 'handouts: 2 written' in said


def test_a_setting_remakes_every_product(guide):
    before = guide.state()
    guide.make('pdf', 'handouts', define=['guide_brand=Other ISP'])

    assert guide.changed(before) == set(PDFS)
    assert 'Other ISP' in guide.text('handouts/beta-windows.pdf')


def test_a_style_sheet_change_remakes_every_product(guide):
    before = guide.state()

    # The same conf.py, the style sheet edited: only the sheet says it changed.
    (guide.src / 'style.toml').write_text('[colors]\naccent = "#0022aa"\n', encoding='utf-8')
    guide.make('pdf', 'handouts')

    assert guide.changed(before) == set(PDFS)


def test_a_translation_change_remakes_what_it_translates(guide):
    messages = guide.src / 'locale' / 'en' / 'LC_MESSAGES'
    messages.mkdir(parents=True)
    conf = guide.src / 'conf.py'
    conf.write_text(conf.read_text(encoding='utf-8') + "locale_dirs = ['locale/']\n",
                    encoding='utf-8')

    def translate(title: str) -> None:
        (messages / 'support.po').write_text(
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            f'msgid "Help us help you"\nmsgstr "{title}"\n', encoding='utf-8')
    translate('Before you call us')
    guide.make('form')
    before = guide.pdf('support-checklist.pdf').stat().st_mtime_ns
    assert 'Before you call us' in guide.text('support-checklist.pdf')

    translate('What to have at hand')
    said = guide.make('form')

    # Made again (the new words themselves need a new process: Sphinx keeps
    # the catalogs it loaded, so this test reads them no further).
    assert 'support-checklist.pdf is up to date' not in said
    assert guide.pdf('support-checklist.pdf').stat().st_mtime_ns != before


@pytest.mark.parametrize('damage', ['deleted', 'changed by hand'])
def test_a_damaged_output_is_made_again_and_only_it(guide, damage):
    before = guide.state()
    for name in ('guide.pdf', 'handouts/beta-windows.pdf'):
        if damage == 'deleted':
            guide.pdf(name).unlink()
        else:
            with guide.pdf(name).open('ab') as pdf:
                pdf.write(b'\n% typed into the file\n')
    guide.make('pdf', 'handouts')

    assert guide.changed(before) == {'guide.pdf', 'handouts/beta-windows.pdf'}
    for name in ('guide.pdf', 'handouts/beta-windows.pdf'):
        assert guide.pdf(name).read_bytes() == before[name][0]  # made as it was


def test_an_edit_of_the_before_you_start_note_remakes_every_handout(guide):
    before = guide.state()
    index = guide.src / 'index.rst'
    index.write_text(index.read_text(encoding='utf-8').replace(
        'Have your account name at hand.', 'Have your password at hand.'), encoding='utf-8')
    guide.make('pdf', 'handouts')

    assert guide.changed(before) == set(PDFS) - {'support-checklist.pdf'}
    for name in PDFS[3:]:
        assert 'Have your password at hand.' in guide.text(name), name
