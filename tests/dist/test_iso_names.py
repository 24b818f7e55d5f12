"""ISO 9660 names for any file names: valid d-characters, short, unique."""
import re

from hypothesis import given
from hypothesis import strategies as st

from helpguide.dist.iso import iso9660_names

FILE_ID = re.compile(r'^[A-Z0-9_]{1,30}\.[A-Z0-9_]{0,8};1$')
DIR_ID = re.compile(r'^[A-Z0-9_]{1,30}$')
names = st.lists(st.text(st.characters(exclude_characters='/\x00'), min_size=1, max_size=80),
                 unique=True, max_size=30)


@given(names)
def test_file_names_are_valid_short_and_unique(files):
    iso = iso9660_names(files, directories=False)
    assert sorted(iso) == sorted(files)
    assert len(set(iso.values())) == len(files)
    for name in iso.values():
        assert FILE_ID.match(name) and len(name.rpartition(';')[0]) <= 30, name


@given(names)
def test_directory_names_are_valid_short_and_unique(dirs):
    iso = iso9660_names(dirs, directories=True)
    assert len(set(iso.values())) == len(dirs)
    assert all(DIR_ID.match(name) for name in iso.values())


def test_names_keep_what_d_characters_can_say_in_30_characters():
    assert iso9660_names(['netscape-communicator-4.7.5.html', 'SHA256SUMS', 'a.HTML'],
                         directories=False) == {
        'netscape-communicator-4.7.5.html': 'NETSCAPE_COMMUNICATOR_4_7.HTML;1',
        'SHA256SUMS': 'SHA256SUMS.;1',
        'a.HTML': 'A.HTML;1',
    }
    assert iso9660_names(['A.html', 'a.html'], directories=False) == {
        'A.html': 'A.HTML;1', 'a.html': 'A_2.HTML;1'}
