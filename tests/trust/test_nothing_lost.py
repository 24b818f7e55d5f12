"""A build never costs the last good output: a failed or killed ``make html``
or ``make pdf`` leaves build/html, build/pdf and the doctree cache
byte-identical; a removed program leaves no page behind; unchanged pages are
not rewritten; a problem a failed build of one output saw is not hidden from
the next build of another.

Each command line is run once as a user runs it, where the case needs a
process of its own (one killed, three at once) or is about make itself
(``make html pdf`` stops at the failing html); ``build_pdf.py`` runs as a
process in test_guarded_builds.py. The builds that follow, and the failures
of ``make pdf``'s, build_pdf.py's and the other targets' builds, run the same
``python -m helpguide build`` (build_pdf.py's ``main()``) in this process."""
import shutil

import pytest

from trust_project import assert_refused, build_pdf, edit, helpguide, make, not_utf8, snapshot

pytestmark = pytest.mark.slow

KILLER = '''

def _kill_halfway(app, pagename, *args):
    # Killed like a build cut short by a power cut: no handler runs. The page
    # may be written by a process of a parallel build (-j): kill the build.
    import os, signal
    if pagename == 'macintosh':
        os.kill(_BUILD, signal.SIGKILL)
        os.kill(os.getpid(), signal.SIGKILL)


def setup(app):
    import os
    global _BUILD
    _BUILD = os.getpid()
    app.connect('html-page-context', _kill_halfway)
'''


PDF_KILLER = '''

def _kill_when_written(fd):
    # Killed once the new PDF is written, before it is moved into place.
    import os, signal
    os.kill(os.getpid(), signal.SIGKILL)


def setup(app):
    import os
    os.fsync = _kill_when_written
'''


def outputs(project):
    return snapshot(project / 'build' / 'html'), snapshot(project / 'build' / 'doctrees')


def pdfs(project):
    """The PDFs a reader gets (a killed build's hidden temporary file is no output)."""
    return {name: data for name, data in snapshot(project / 'build' / 'pdf').items()
            if not name.split('/')[-1].startswith('.')}


def no_staging_left(project):
    return not [path for path in (project / 'build').iterdir()
                if 'staging' in path.name or path.name.endswith('.partial')]


def two_mistakes(project):
    """An unknown platform in one program, a byte that is not UTF-8 in another;
    return the message the second gets (a regular expression)."""
    edit(project / 'source/programs/outlook-2002.rst', ':platforms: windows',
         ':platforms: windows linux')
    return not_utf8(project, 'source/programs/os-x-mail.rst')


def test_a_failed_build_leaves_the_outputs_byte_identical(project):
    before, before_pdfs = outputs(project), pdfs(project)
    not_utf8_message = two_mistakes(project)
    edit(project / 'source/introduction.rst', 'Introduction', 'Introduction to SSL')
    result = make(project, 'html', 'pdf')  # the html fails: make stops there
    assert_refused(result, not_utf8_message)
    assert 'source/programs/outlook-2002.rst:1: ERROR: unknown platform' in result.stderr
    assert pdfs(project) == before_pdfs
    assert outputs(project) == before
    assert no_staging_left(project)
    # The cache did not move on either: the next build reports the error again.
    again = helpguide(project, 'html')
    assert again.returncode != 0
    assert 'unknown platform' in again.stderr
    assert outputs(project) == before


def test_a_killed_build_leaves_the_outputs_byte_identical(project):
    before = outputs(project)
    conf = (project / 'conf.py').read_text(encoding='utf-8')
    (project / 'conf.py').write_text(conf + KILLER, encoding='utf-8')
    edit(project / 'source/macintosh.rst', 'programs for the Macintosh', 'programs for a Mac')
    edit(project / 'source/index.rst', 'step by step', 'one step at a time')
    result = make(project, 'html')
    assert result.returncode != 0
    assert 'Killed' in result.stderr
    assert outputs(project) == before
    # What the killed build left is cleared by the next one, which succeeds.
    (project / 'conf.py').write_text(conf, encoding='utf-8')
    result = helpguide(project, 'html')
    assert result.returncode == 0, result.stderr
    assert no_staging_left(project)
    html = project / 'build' / 'html'
    assert 'one step at a time' in (html / 'index.html').read_text(encoding='utf-8')
    assert 'programs for a Mac' in (html / 'macintosh.html').read_text(encoding='utf-8')


def test_a_removed_program_leaves_no_page_behind(project):
    html = project / 'build' / 'html'
    shutil.copy(project / 'assets' / 'logo.png', project / 'source/programs/mail-window.png')
    with open(project / 'source/programs/os-x-mail.rst', 'a', encoding='utf-8') as file:
        file.write('\n   .. image:: mail-window.png\n      :alt: The mail window\n')
    assert helpguide(project, 'html').returncode == 0
    assert (html / 'programs' / 'os-x-mail.html').exists()
    assert (html / '_images' / 'mail-window.png').exists()
    (project / 'source/programs/os-x-mail.rst').unlink()
    result = helpguide(project, 'html')
    assert result.returncode == 0, result.stderr
    assert not (html / 'programs' / 'os-x-mail.html').exists()
    assert not (html / '_images' / 'mail-window.png').exists()
    assert 'os-x-mail' not in (html / 'macintosh.html').read_text(encoding='utf-8')
    assert 'programs/os-x-mail' not in (html / 'searchindex.js').read_text(encoding='utf-8')


def test_an_edit_rewrites_its_page_and_leaves_the_others_alone(project):
    html = project / 'build' / 'html' / 'programs'
    # The copy is in the folder it was built in: its cache knows it, no build first.
    untouched = {path.name: path.stat().st_mtime_ns for path in html.glob('*.html')}
    edit(project / 'source/programs/outlook-2002.rst', 'Select :guilabel:`Finish`.',
         'Select :guilabel:`Finish` to save.')
    result = helpguide(project, 'html')
    assert result.returncode == 0, result.stderr
    assert 'Finish</span> to save.' in (html / 'outlook-2002.html').read_text(encoding='utf-8')
    now = {path.name: path.stat().st_mtime_ns for path in html.glob('*.html')}
    changed = sorted(name for name in now if now[name] != untouched[name])
    assert changed == ['outlook-2002.html']


#: What make pdf runs (it stops at the booklet), build_pdf.py, and the other
#: print products by the command line their make targets run, in this process.
PDF_COMMANDS = [('helpguide', 'pdf'), ('build_pdf.py',), ('helpguide', 'form'),
                ('helpguide', 'saddle-stitch'), ('helpguide', 'handouts')]
RUN = {'build_pdf.py': build_pdf, 'helpguide': helpguide}


@pytest.mark.parametrize('command', PDF_COMMANDS, ids=' '.join)
def test_a_failed_pdf_build_leaves_every_pdf_byte_identical(project, command):
    before = pdfs(project)
    assert 'handouts/outlook-2002-windows.pdf' in before
    not_utf8_message = two_mistakes(project)
    result = RUN[command[0]](project, *command[1:])
    assert_refused(result, not_utf8_message)
    assert no_staging_left(project)
    assert 'source/programs/outlook-2002.rst:1: ERROR: unknown platform' in result.stderr
    assert pdfs(project) == before


def test_a_killed_pdf_build_leaves_every_pdf_byte_identical(project):
    before = pdfs(project)
    conf = (project / 'conf.py').read_text(encoding='utf-8')
    (project / 'conf.py').write_text(conf + PDF_KILLER, encoding='utf-8')
    edit(project / 'source/index.rst', 'step by step', 'one step at a time')
    result = make(project, 'pdf')
    assert result.returncode != 0
    assert 'Killed' in result.stderr
    assert pdfs(project) == before


def test_a_failed_build_of_one_output_does_not_hide_the_problem_from_another(project):
    edit(project / 'source/introduction.rst', 'Introduction\n============\n',
         'Introduction\n============\n\n.. mystery-directive:: x\n')
    first = helpguide(project, 'form')  # shares the doctree cache, and saves it failing
    assert first.returncode != 0
    assert 'Unknown directive type "mystery-directive"' in first.stderr
    before = outputs(project)
    result = helpguide(project, 'html')
    assert result.returncode != 0
    assert 'source/introduction.rst:4: ERROR: Unknown directive type' in result.stderr
    assert outputs(project)[0] == before[0]


def test_outputs_built_at_once_share_the_cache_safely(project):
    edit(project / 'source/programs/outlook-2002.rst', 'Select :guilabel:`Finish`.',
         'Select :guilabel:`Finish` to save.')
    result = make(project, '-j3', 'html', 'form', 'handouts')
    assert result.returncode == 0, result.stderr
    page = (project / 'build/html/programs/outlook-2002.html').read_text(encoding='utf-8')
    assert 'Finish</span> to save.' in page
    assert no_staging_left(project)
    assert helpguide(project, 'html').returncode == 0
