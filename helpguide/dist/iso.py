"""The bundle as an ISO 9660 image with Joliet and Rock Ridge names (pycdlib).

ISO 9660 names are upper-case d-characters (``OUTLOOK_EXPRESS_ENTOURAGE.HTML;1``);
Windows reads the Joliet names and Unix the Rock Ridge ones, both the real
file names. pycdlib stamps every record with the clock (its issue #113 asks
for a fixed date), so before writing, every date in the image is set to the
build's SOURCE_DATE_EPOCH; the volume descriptors' modification dates, which
pycdlib takes from the clock while writing, are set in the written bytes
(both through pycdlib's private parts: :mod:`helpguide.compat.pycdlib`).
"""
import re
from pathlib import Path

import pycdlib
from pycdlib.pycdlibexception import PyCdlibInvalidInput

from ..atomic import replacing
from ..compat.pycdlib import stamp_volumes, stamp_written_modification_dates

FILE_MODE = 0o100444
DIR_MODE = 0o040555
_NOT_D_CHARACTER = re.compile(r'[^A-Z0-9_]')
#: Ecma-119 7.5.2: a file identifier (name, dot, extension) is at most 30 characters.
_MAX_NAME = 30
_MAX_EXTENSION = 8


class IsoError(ValueError):
    """The volume label or a name cannot go on the image."""


#: The label is written to the Joliet descriptor too, in UCS-2 in the same 32
#: bytes: 16 characters at most (pycdlib refuses more).
LABEL_LENGTH = 16


def check_volume_label(label: str) -> str:
    if not label or len(label) > LABEL_LENGTH or _NOT_D_CHARACTER.search(label):
        raise IsoError(f'guide_volume_label {label!r}: an ISO 9660 volume label is 1 to '
                       f'{LABEL_LENGTH} characters A-Z, 0-9 and _')
    return label


def iso9660_names(names: list[str], *, directories: bool) -> dict[str, str]:
    """Real name -> its unique ISO 9660 identifier within one directory."""
    taken, result = set(), {}
    for name in sorted(names):
        stem, _, ext = name.rpartition('.') if '.' in name and not directories else (name, '', '')
        stem = _NOT_D_CHARACTER.sub('_', stem.upper()) or '_'
        ext = _NOT_D_CHARACTER.sub('_', ext.upper())[:_MAX_EXTENSION]
        room = _MAX_NAME - len(ext) - (0 if directories else 1)
        candidate, n = stem[:room], 1
        while candidate + ext in taken:
            n += 1
            candidate = f'{stem[:room - len(str(n)) - 1]}_{n}'
        taken.add(candidate + ext)
        result[name] = candidate if directories else f'{candidate}.{ext};1'
    return result


def _add_tree(iso: pycdlib.PyCdlib, folder: Path, iso_dir: str, real_dir: str) -> None:
    entries = sorted(folder.iterdir(), key=lambda p: p.name)
    dirs = [p.name for p in entries if p.is_dir()]
    files = [p.name for p in entries if not p.is_dir()]
    iso_names = iso9660_names(dirs, directories=True) | iso9660_names(files, directories=False)
    for entry in entries:
        iso_path = f'{iso_dir}/{iso_names[entry.name]}'
        real_path = f'{real_dir}/{entry.name}'
        try:
            if entry.is_dir():
                iso.add_directory(iso_path, rr_name=entry.name, joliet_path=real_path,
                                  file_mode=DIR_MODE)
            else:
                iso.add_file(str(entry), iso_path, rr_name=entry.name, joliet_path=real_path,
                             file_mode=FILE_MODE)
        except PyCdlibInvalidInput as err:  # e.g. a name too long for Joliet
            raise IsoError(f'{entry}: cannot go on the ISO image: {err}') from err
        if entry.is_dir():
            _add_tree(iso, entry, iso_path, real_path)


def write_iso(tree: Path, target: Path, *, label: str, epoch: int) -> None:
    """Write *tree* as an ISO image at *target*.

    Dates are written in the process's time zone, like pycdlib's own; the
    command sets TZ=UTC so that the image does not depend on the machine.
    """
    iso = pycdlib.PyCdlib()
    iso.new(interchange_level=3, vol_ident=check_volume_label(label), joliet=3,
            rock_ridge='1.09', app_ident_str='helpguide')
    try:
        _add_tree(iso, tree, '', '')
        stamp_volumes(iso, epoch)
        with replacing(target) as partial:
            iso.write(str(partial))
            with partial.open('r+b') as image:
                stamp_written_modification_dates(image, epoch)
    finally:
        iso.close()
