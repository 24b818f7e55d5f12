"""The bundle as a zip file with the same bytes on every build.

Entries are sorted, carry SOURCE_DATE_EPOCH as their time and fixed Unix
modes, and are made on "Unix" whatever the machine, so nothing of the build
machine or the clock gets in.
"""
import time
import zipfile
from pathlib import Path

from ..atomic import replacing

#: The zip format cannot store times before 1980.
_ZIP_EPOCH = 315532800
_UNIX = 3
_DOS_DIRECTORY = 0x10


def _entry(name: str, epoch: int, *, directory: bool) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, time.gmtime(max(epoch, _ZIP_EPOCH))[:6])
    info.create_system = _UNIX
    if directory:
        info.external_attr = (0o40755 << 16) | _DOS_DIRECTORY
    else:
        info.external_attr = 0o100644 << 16
        info.compress_type = zipfile.ZIP_DEFLATED
    return info


def write_zip(folder: Path, target: Path, *, epoch: int) -> None:
    """Write *folder* as *target*, its entries under ``<folder name>/``."""
    root = folder.name
    paths = sorted(folder.rglob('*'), key=lambda p: p.relative_to(folder).as_posix())
    with replacing(target) as partial, zipfile.ZipFile(partial, 'w') as archive:
        archive.writestr(_entry(f'{root}/', epoch, directory=True), b'')
        for path in paths:
            name = f'{root}/{path.relative_to(folder).as_posix()}'
            if path.is_dir():
                archive.writestr(_entry(name + '/', epoch, directory=True), b'')
            else:
                archive.writestr(_entry(name, epoch, directory=False), path.read_bytes(),
                                 compresslevel=9)
