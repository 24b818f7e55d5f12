"""``make check``: the real sources pass; each kind of mistake in a copy of them
is named as ``path:line: error: message`` and fails the check.

``make check`` itself runs once, on a mistake; the real sources and the
mistakes are checked by the same ``python -m helpguide.checks`` run in this
process, from the copy's folder. The mistakes are made a few to a copy (each
check reads every source again), in copies where none hides another; each
has a test of its own reading its copy's check.
"""
import re
import shutil

import pytest
from PIL import Image

from helpguide.checks.__main__ import main as check_main
from sphinxrun import command
from trust_project import copy_project, edit, make

PROGRAMS = 'source/programs'
OUTLOOK = f'{PROGRAMS}/outlook-2002.rst'
INTRO = 'source/introduction.rst'


def _line_of(project, path, text):
    lines = (project / path).read_text(encoding='utf-8').splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def _paragraph_of(project, path, text):
    """Sphinx places a broken reference on the first line of its paragraph."""
    lines = (project / path).read_text(encoding='utf-8').splitlines()
    number = _line_of(project, path, text)
    while number > 1 and lines[number - 2].strip():
        number -= 1
    return number


# Each mistake: change a copy, return (path, line, what the message says).

def missing_required_data(project):
    edit(project / PROGRAMS / 'eudora-5.rst', '   :name: Eudora 5.x\n', '')
    return (f'{PROGRAMS}/eudora-5.rst', 1,
            "email program 'eudora-5' lacks required option(s): :name:")


def unknown_platform(project):
    edit(project / OUTLOOK, ':platforms: windows', ':platforms: windows linux')
    return OUTLOOK, 1, "unknown platform 'linux'"


def duplicate_id(project):
    shutil.copy(project / PROGRAMS / 'outlook-2002.rst', project / PROGRAMS / 'outlook-copy.rst')
    return (f'{PROGRAMS}/outlook-copy.rst', 1,
            f"duplicate email program id 'outlook-2002': already declared in {project}/{OUTLOOK}:1")


def unsupported_without_upgrade(project):
    text = (project / PROGRAMS / 'netscape-3.rst').read_text(encoding='utf-8')
    (project / PROGRAMS / 'netscape-3.rst').write_text(
        re.sub(r'   :upgrade:.*\n', '', text), encoding='utf-8')
    return f'{PROGRAMS}/netscape-3.rst', 1, ("email program 'netscape-3' is marked :ssl: no, "
                                             'so it needs :upgrade: advice')


def steps_missing(project):
    edit(project / OUTLOOK, ':platforms: windows', ':platforms: windows macintosh')
    return OUTLOOK, 1, "program 'outlook-2002' has no steps for platform 'macintosh'"


def literal_host_name(project):
    edit(project / INTRO, '(|smtp_host|)', '(mail.covenantisp.net)')
    return (INTRO, _line_of(project, INTRO, 'mail.cov'),
            '"mail.covenantisp.net" comes from guide_smtp_host')


def literal_contact_detail(project):
    edit(project / 'conf.py', "guide_support_phone = ''", "guide_support_phone = '1-800-555-0100'")
    edit(project / INTRO, 'through your |brand| account',
         'through your |brand| account (call 1-800-555-0100)')
    return (INTRO, _line_of(project, INTRO, '1-800-555-0100'),
            '"1-800-555-0100" comes from guide_support_phone')


def literal_brand_any_case(project):
    edit(project / INTRO, 'through your |brand| account',
         'through your covenant ISP account')
    return (INTRO, _line_of(project, INTRO, 'covenant ISP'),
            '"covenant ISP" comes from guide_brand')


def broken_document_reference(project):
    edit(project / INTRO, ':doc:`unsupported`', ':doc:`unsuported`')
    return (INTRO, _paragraph_of(project, INTRO, 'unsuported'),
            "unknown document: 'unsuported'")


def broken_label_reference(project):
    edit(project / INTRO, ':doc:`unsupported`', ':ref:`no-such-label`')
    return (INTRO, _paragraph_of(project, INTRO, 'no-such'),
            "undefined label: 'no-such-label'")


def missing_image(project):
    with open(project / INTRO, 'a', encoding='utf-8') as file:
        file.write('\n.. image:: screenshots/outgoing.png\n')
    return (INTRO, _line_of(project, INTRO, 'outgoing.png'),
            'image file not readable: screenshots/outgoing.png')


def image_without_alt_text(project):
    shutil.copy(project / 'assets' / 'logo.png', project / 'source' / 'plain.png')
    with open(project / INTRO, 'a', encoding='utf-8') as file:
        file.write('\n.. image:: plain.png\n')
    return (INTRO, _line_of(project, INTRO, 'plain.png'),
            'image plain.png has no alternate text: give it an :alt: option')


def remote_image(project):
    with open(project / INTRO, 'a', encoding='utf-8') as file:
        file.write('\n.. image:: https://example.com/logo.png\n')
    return (INTRO, _line_of(project, INTRO, 'https://'),
            'image https://example.com/logo.png is remote')


def truncated_image(project):
    logo = (project / 'assets' / 'logo.png').read_bytes()
    (project / 'source' / 'cut.png').write_bytes(logo[:len(logo) // 2])
    with open(project / INTRO, 'a', encoding='utf-8') as file:
        file.write('\n.. image:: cut.png\n')
    return (INTRO, _line_of(project, INTRO, 'cut.png'),
            'image cut.png cannot be read: image file is truncated')


def image_of_too_many_pixels(project):
    Image.new('1', (8000, 6000)).save(project / 'source' / 'poster.png')
    with open(project / INTRO, 'a', encoding='utf-8') as file:
        file.write('\n.. figure:: poster.png\n\n   A poster.\n')
    return (INTRO, _line_of(project, INTRO, 'poster.png'),
            'image poster.png has 8,000 x 6,000 pixels, over the limit of 40,000,000')


def not_utf8(project):
    path = project / OUTLOOK
    data = path.read_bytes().replace(b'Select your', 'S\u00e9lect your'.encode('latin-1'), 1)
    path.write_bytes(data)
    offset = data.index(b'\xe9')
    return (OUTLOOK, data.count(b'\n', 0, offset) + 1,
            f'not UTF-8: byte 0xe9 at offset {offset}')


def empty_document(project):
    (project / 'source/notes.rst').write_text('\n.. just a comment\n', encoding='utf-8')
    return 'source/notes.rst', 1, 'document is empty'


def line_over_limit(project):
    with open(project / INTRO, 'a', encoding='utf-8') as file:
        file.write('\n' + 'word ' * 2100 + '\n')
    return (INTRO, _line_of(project, INTRO, 'word word'),
            'line of 10,500 characters, over the limit of 10,000')


#: The mistakes, a copy of the sources each group. In one copy no two change
#: the same text, and none hides another: a file that is not UTF-8 is not read
#: at all, and a copied program is a duplicate of the program read first.
GROUPS = [[missing_required_data, unknown_platform, unsupported_without_upgrade,
           literal_host_name, literal_brand_any_case, broken_document_reference, missing_image,
           truncated_image, empty_document],
          [duplicate_id, steps_missing, literal_contact_detail, broken_label_reference,
           image_without_alt_text, remote_image, image_of_too_many_pixels],
          [not_utf8, line_over_limit]]
MISTAKES = [mistake for group in GROUPS for mistake in group]


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / 'guide')


def check(project):
    """``python -m helpguide.checks source -c .`` run in ``project``."""
    return command(project, check_main, 'source', '-c', '.')


@pytest.fixture(scope='module')
def checked(tmp_path_factory):
    """Each mistake: (path, line, message) and the check of its group's copy."""
    found = {}
    for group in GROUPS:
        project = copy_project(tmp_path_factory.mktemp('mistakes') / 'guide')
        expected = [mistake(project) for mistake in group]
        result = check(project)
        found.update((mistake, (where, result)) for mistake, where in zip(group, expected))
    return found


def test_the_real_sources_pass(project):
    result = check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert 'error:' not in result.stdout + result.stderr


@pytest.mark.slow
def test_make_check_fails_on_a_mistake(project):
    path, line, message = unknown_platform(project)
    result = make(project, 'check')
    assert result.returncode != 0
    assert f'{path}:{line}: error: {message}' in result.stdout
    assert 'Traceback' not in result.stderr


@pytest.mark.parametrize('mistake', MISTAKES, ids=[m.__name__ for m in MISTAKES])
def test_each_mistake_is_named_by_file_and_line(checked, mistake):
    (path, line, message), result = checked[mistake]
    assert result.returncode != 0
    problems = [row for row in result.stdout.splitlines() if ': error: ' in row]
    expected = f'{path}:{line}: error: '
    assert any(row.startswith(expected) and message in row for row in problems), \
        f'no "{expected}... {message}" in:\n{result.stdout}{result.stderr}'
    assert 'Traceback' not in result.stderr


@pytest.mark.parametrize('group', GROUPS, ids=[group[0].__name__ for group in GROUPS])
def test_every_problem_is_listed_not_only_the_first(checked, group):
    result = checked[group[0]][1]
    assert result.returncode != 0
    rows = [row for row in result.stdout.splitlines() if not row.startswith('.venv/')]
    assert rows and all(re.fullmatch(r'\S+:\d+: error: .+', row) for row in rows), rows
    for path, line, message in (checked[mistake][0] for mistake in group):
        assert any(row.startswith(f'{path}:{line}: error: ') and message in row
                   for row in result.stdout.splitlines()), message
