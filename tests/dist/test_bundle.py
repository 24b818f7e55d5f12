"""The CD bundle as the mastering team gets it: folder, checksums, zip, ISO."""
import hashlib
import io
import re
import runpy
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pycdlib
import pytest

from cd_bundle import EPOCH


def tree(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob('*')) if path.is_file()}


@pytest.fixture(scope='module')
def files(bundle):
    return tree(bundle)


@pytest.mark.parametrize('language', ['en', 'fr'])
def test_bundle_holds_the_html_guide_without_build_only_files(bundle, files, language):
    built = tree(bundle.parents[1] / 'html' / language)
    folder = f'html/{language}/'
    shipped = {name[len(folder):]: data for name, data in files.items()
               if name.startswith(folder)}
    assert '.buildinfo' in built  # Sphinx's, for its next build
    build_state = re.compile(r'(^|/)\.|^objects\.inv$|^_sources/')
    assert shipped == {name: data for name, data in built.items()
                       if not build_state.search(name)}
    assert 'index.html' in shipped and 'search.html' in shipped
    assert not any('doctree' in name or name.endswith('.pickle') for name in files)


def test_bundle_holds_every_built_pdf(bundle, files):
    built = {name: data for name, data in tree(bundle.parents[1] / 'pdf').items()
             if not Path(name).name.startswith('.')}
    assert 'en/guide.pdf' in built and 'fr/guide.pdf' in built
    assert {name[len('pdf/'):]: data for name, data in files.items()
            if name.startswith('pdf/')} == built


def test_landing_page_links_the_guide_and_every_pdf(bundle, files):
    landing = files['index.html'].decode()
    french = files['index-fr.html'].decode()
    assert 'href="html/en/index.html"' in landing and 'href="html/fr/index.html"' in french
    for name in files:
        if name.endswith('.pdf'):   # each language's landing page links its PDFs
            assert f'href="{name}"' in (french if name.startswith('pdf/fr/') else landing)
    readme = files['README.txt'].decode()
    assert 'index.html' in readme and 'SHA256SUMS' in readme
    # What the guide calls its subjects comes from conf.py (guide_subject_noun).
    assert 'One-page handouts, one per email program and platform' in readme
    assert 'One-page handouts, one per email program</h2>' in landing


def test_bundle_has_the_print_and_the_screen_edition_and_says_which_is_which(files):
    for language in ('en', 'fr'):
        assert f'pdf/{language}/guide.pdf' in files
        assert f'pdf/{language}/guide-screen.pdf' in files
    landing = files['index.html'].decode()
    assert re.search(r'<a href="pdf/en/guide-screen.pdf">The guide as a PDF to read on screen'
                     r'</a><p>[^<]*no blank pages, and the bookmarks open', landing)
    assert re.search(r'<a href="pdf/en/guide.pdf">The guide as a PDF booklet to print</a><p>'
                     r'[^<]*to print on both sides of the paper', landing)
    french = files['index-fr.html'].decode()
    assert re.search(r'<a href="pdf/fr/guide-screen.pdf">Le guide en PDF à lire à l’écran</a>'
                     r'<p>[^<]*sans page blanche', french)
    assert re.search(r'<a href="pdf/fr/guide.pdf">Le guide en livret PDF à imprimer</a><p>'
                     r'[^<]*à imprimer recto verso', french)


def test_readme_reads_in_old_notepad(files):
    """CRLF line ends only, no line over 72 characters."""
    readme = files['README.txt']
    assert b'\n' not in readme.replace(b'\r\n', b'')
    lines = readme.decode().split('\r\n')
    assert [line for line in lines if len(line) > 72] == []
    assert any('sha256sum' in line for line in lines)


CHECKSUM_FILES = {'SHA256SUMS', 'SHA256SUMS.txt'}


def test_sha256sums_cover_every_other_file(bundle, files):
    listed = [line.split('  ', 1)[1] for line in files['SHA256SUMS'].decode().splitlines()]
    assert listed == sorted(set(files) - CHECKSUM_FILES)
    subprocess.run(['sha256sum', '--check', '--strict', '--quiet', 'SHA256SUMS'],
                   cwd=bundle, check=True)
    # The Mac's tool, as README.txt tells a Mac customer to run it.
    mac = subprocess.run(['shasum', '-a', '256', '-c', 'SHA256SUMS'], cwd=bundle,
                         capture_output=True, text=True)
    assert mac.returncode == 0, mac.stdout + mac.stderr
    assert mac.stdout.splitlines() == [f'{name}: OK' for name in listed]


def test_windows_checksums_read_in_notepad_as_get_filehash_prints_them(files):
    """SHA256SUMS.txt: CRLF line ends, the checksum in capitals as
    PowerShell's Get-FileHash prints it, the path as Windows writes it."""
    windows = files['SHA256SUMS.txt']
    assert b'\n' not in windows.replace(b'\r\n', b'')
    lines = windows.decode().removesuffix('\r\n').split('\r\n')
    listed = sorted(set(files) - CHECKSUM_FILES)
    assert len(lines) == len(listed)
    for line, name in zip(lines, listed):
        digest, path = line.split('  ')
        assert path == name.replace('/', '\\')
        assert digest == hashlib.sha256(files[name]).hexdigest().upper()


def readme_parts(files) -> list[list[str]]:
    """README.txt's lines, one list per language (English first)."""
    text = files['README.txt'].decode()
    return [part.strip('\r\n').split('\r\n') for part in text.split('-' * 72)]


def test_readme_tells_windows_and_mac_customers_how_to_check_the_disc(bundle, files):
    iso = pycdlib.PyCdlib()
    iso.open(str(bundle.with_name(bundle.name + '.iso')))
    try:
        label = iso.pvd.volume_identifier.decode().strip()
    finally:
        iso.close()
    for lines, language in zip(readme_parts(files), ('en', 'fr')):
        commands = [line.strip() for line in lines if re.match(r'    [^ ]+ ', line)]
        example = f'pdf/{language}/guide-screen.pdf'
        assert example in files
        windows = 'D:\\' + example.replace('/', '\\')
        assert commands[-4:] == [
            f'cd /Volumes/{label}',                 # where macOS mounts the disc
            'shasum -a 256 -c SHA256SUMS',
            f'Get-FileHash -Algorithm SHA256 {windows}',
            f'certutil -hashfile {windows} SHA256'], language
        text = ' '.join(' '.join(lines).split())
        assert 'SHA256SUMS.txt' in text and 'sha256sum -c SHA256SUMS' in text


def test_readme_says_which_file_systems_the_disc_needs(bundle, files):
    """The links of the HTML guide name its files in full, which plain ISO
    9660 names (NETSCAPE_COMMUNICATOR_4_7.HTML;1) are not: the disc's readers
    need Joliet or Rock Ridge, which the image has, and README.txt says so."""
    for lines in readme_parts(files):
        text = ' '.join(' '.join(lines).split())
        assert 'Joliet' in text and 'Rock Ridge' in text and 'INDEX.HTM;1' in text
    iso = pycdlib.PyCdlib()
    iso.open(str(bundle.with_name(bundle.name + '.iso')))
    try:
        assert iso.has_joliet() and iso.has_rock_ridge()
        plain = {name for _d, _s, names in iso.walk(iso_path='/') for name in names}
    finally:
        iso.close()
    assert 'netscape-communicator-4.7.5.html' in files['html/en/windows.html'].decode() \
        or 'netscape-communicator-4.7.5.html' in files['html/en/unsupported.html'].decode()
    assert not any(name.lower().startswith('netscape-communicator-4.7.5') for name in plain)


def handout_groups(page: str) -> dict[str, list[tuple[str, str]]]:
    """Heading -> (file, title) of the handouts listed under it."""
    part = page[page.index('<ul class="handouts">') - 200:]
    groups, heading = {}, None
    for match in re.finditer(r'<h3>([^<]+)</h3>|<a href="([^"]+/handouts/[^"]+)">([^<]+)</a>',
                             part):
        if match.group(1):
            heading = match.group(1)
        else:
            groups.setdefault(heading, []).append((match.group(2), match.group(3)))
    return groups


@pytest.mark.parametrize('landing, language', [('index.html', 'en'), ('index-fr.html', 'fr')])
def test_landing_page_groups_handouts_by_platform(files, landing, language):
    groups = handout_groups(files[landing].decode())
    assert list(groups) == ['Windows', 'Macintosh']      # conf.py's guide_platforms order
    for heading, handouts in groups.items():
        assert all(path.endswith(f'-{heading.lower()}.pdf') for path, _title in handouts)
        assert not any(f'({heading})' in title for _path, title in handouts)
        assert [title for _path, title in handouts] == sorted(t for _p, t in handouts)
    listed = sorted(path for handouts in groups.values() for path, _title in handouts)
    assert listed == sorted(name for name in files
                            if name.startswith(f'pdf/{language}/handouts/'))
    assert 'Eudora 5.x' in [title for _path, title in groups['Macintosh']]


def test_readme_lists_handouts_by_platform(files):
    for lines in readme_parts(files):
        heading, seen = None, {}
        for line in lines:
            if line in ('  Windows', '  Macintosh'):
                heading = line.strip()
            elif heading and line.startswith('    ') and line.endswith('.pdf'):
                seen.setdefault(heading, []).append(line.strip())
            elif not line.startswith('  '):
                heading = None
        assert list(seen) == ['Windows', 'Macintosh']
        for platform, names in seen.items():
            assert names and all(name.endswith(f'-{platform.lower()}.pdf') for name in names)


def test_tree_has_fixed_modes_and_times(bundle):
    for path in [bundle, *bundle.rglob('*')]:
        assert path.stat().st_mode & 0o777 == (0o755 if path.is_dir() else 0o644), path
        assert int(path.stat().st_mtime) == int(EPOCH), path


def test_zip_holds_the_tree_under_its_folder_name(bundle, files):
    with zipfile.ZipFile(bundle.with_name(bundle.name + '.zip')) as archive:
        assert archive.testzip() is None
        infos = archive.infolist()
        members = {info.filename[len(bundle.name) + 1:]: archive.read(info)
                   for info in infos if not info.is_dir()}
    assert members == files
    assert [info.filename for info in infos] == sorted(info.filename for info in infos)
    assert {info.date_time for info in infos} == {time.gmtime(int(EPOCH))[:6]}
    assert {info.external_attr >> 16 for info in infos if not info.is_dir()} == {0o100644}


def _iso_files(iso, **root) -> dict[str, bytes]:
    (kind, top), = root.items()
    found = {}
    for dirname, _dirs, names in iso.walk(**root):
        for name in names:
            path = f'{dirname.rstrip("/")}/{name}'
            data = io.BytesIO()
            iso.get_file_from_iso_fp(data, **{kind: path})
            found[path.lstrip('/')] = data.getvalue()
    return found


def test_iso_reads_back_file_for_file_with_joliet_and_rock_ridge(bundle, files, repo):
    iso = pycdlib.PyCdlib()
    iso.open(str(bundle.with_name(bundle.name + '.iso')))
    try:
        assert iso.has_joliet() and iso.has_rock_ridge()
        assert _iso_files(iso, rr_path='/') == files
        assert _iso_files(iso, joliet_path='/') == files
        label = iso.pvd.volume_identifier.decode().strip()
        when = time.gmtime(int(EPOCH))[:6]
        for vd in [iso.pvd, iso.joliet_vd]:
            for date in (vd.volume_creation_date, vd.volume_modification_date):
                assert (date.year, date.month, date.dayofmonth, date.hour, date.minute,
                        date.second, date.gmtoffset) == (*when, 0)
        record = iso.get_record(rr_path='/html/en/index.html').date
        assert (record.years_since_1900 + 1900, record.month, record.day_of_month,
                record.hour, record.minute, record.second, record.gmtoffset) == (*when, 0)
        iso9660_names = [name for _d, _s, names in iso.walk(iso_path='/') for name in names]
    finally:
        iso.close()
    brand = runpy.run_path(str(repo / 'conf.py'))['guide_brand']
    assert label.replace('_', ' ') == brand.upper()
    assert 'OUTLOOK_EXPRESS_ENTOURAGE.HTML;1' in iso9660_names


def _dist(tmp_path, *args):
    return subprocess.run([sys.executable, '-m', 'helpguide.dist', *map(str, args)],
                          capture_output=True, text=True, cwd=Path(__file__).parents[2],
                          env={'SOURCE_DATE_EPOCH': EPOCH, 'PATH': '/usr/bin:/bin'})


def test_failed_dist_keeps_the_last_good_bundle(bundle, tmp_path):
    # The last good bundle: a copy of the session's (make dist's), folder, zip and ISO.
    out = tmp_path / 'dist'
    shutil.copytree(bundle.parent, out)
    before = {path: tree(path) if path.is_dir() else path.read_bytes() for path in out.iterdir()}
    assert sorted(path.suffix if path.is_file() else 'folder' for path in before) == [
        '.iso', '.zip', 'folder']
    bad = _dist(tmp_path, '--html', tmp_path / 'no-html', '--pdf', bundle / 'pdf', '--out', out)
    assert bad.returncode == 1
    assert f'{tmp_path / "no-html" / "en" / "index.html"} is missing' in bad.stderr
    assert {path: tree(path) if path.is_dir() else path.read_bytes()
            for path in out.iterdir()} == before


def test_bad_volume_label_is_a_clear_error(bundle, tmp_path):
    (tmp_path / 'conf.py').write_text("guide_brand = 'Acme'\nguide_volume_label = 'my disc'\n")
    result = _dist(tmp_path, '--conf', tmp_path, '--html', bundle / 'html',
                   '--out', tmp_path / 'dist')
    assert result.returncode == 1
    assert "guide_volume_label 'my disc'" in result.stderr
    assert not (tmp_path / 'dist').exists()


def test_a_pdf_not_built_is_left_out_with_a_warning(bundle, tmp_path):
    pdf = tmp_path / 'pdf'
    shutil.copytree(bundle.parents[1] / 'pdf', pdf)
    (pdf / 'en' / 'guide-saddle-stitch.pdf').unlink()
    result = _dist(tmp_path, '--html', bundle.parents[1] / 'html', '--pdf', pdf,
                   '--out', tmp_path / 'dist')
    assert result.returncode == 0, result.stderr
    assert f'WARNING: {pdf / "en" / "guide-saddle-stitch.pdf"} is missing; the bundle leaves ' \
        'it out' in result.stderr
    folder = next(path for path in (tmp_path / 'dist').iterdir() if path.is_dir())
    shipped = tree(folder)
    assert 'pdf/en/guide.pdf' in shipped and 'pdf/en/guide-saddle-stitch.pdf' not in shipped
    assert 'guide-saddle-stitch.pdf' not in shipped['index.html'].decode()
    assert 'pdf/en/guide-saddle-stitch.pdf' not in shipped['SHA256SUMS'].decode()
    assert 'pdf/fr/guide-saddle-stitch.pdf' in shipped
