"""pycdlib's private interfaces, used here and nowhere else.

pycdlib stamps every record with the clock (its issue #113 asks for a fixed
date), so :mod:`helpguide.dist.iso` sets every date to SOURCE_DATE_EPOCH:

* the date objects' ``__slots__`` and ``new(epoch)``, and the records'
  ``date``, ``rock_ridge.dr_entries``/``ce_entries.tf_record`` fields
  (:func:`restamp`, :func:`stamp_record`), the volume descriptors' ``pvd``,
  ``svds``, ``volume_creation_date``, ``volume_effective_date`` and
  ``root_directory_record()`` (:func:`stamp_volumes`);
* the volume modification date, which pycdlib takes from the clock while
  writing, patched in the written bytes at its Ecma-119 offset
  (:func:`stamp_written_modification_dates`).
"""
from pycdlib.dates import VolumeDescriptorDate

from . import require

SUPPORTED = ('1.14', '2')
VERSION = require('pycdlib', *SUPPORTED)

_SECTOR = 2048
_FIRST_VD_SECTOR = 16
_VD_TERMINATOR = 255
_VDS_WITH_DATES = {1, 2}  # primary and supplementary (Joliet)
#: Ecma-119 8.4.27: offset of the volume modification date in a volume descriptor.
_VD_MODIFICATION_DATE = 830
#: The Rock Ridge time stamps of a record.
_TF_FIELDS = ('creation_time', 'access_time', 'modification_time', 'attribute_change_time',
              'backup_time', 'effective_time')


def restamp(date, epoch: int) -> None:
    """Set a pycdlib date object to *epoch*."""
    fresh = type(date)()
    fresh.new(epoch)
    for slot in type(date).__slots__:
        setattr(date, slot, getattr(fresh, slot))


def stamp_record(record, epoch: int) -> None:
    """Set every date of a directory record and its children to *epoch*."""
    restamp(record.date, epoch)
    if record.rock_ridge is not None:
        for entries in (record.rock_ridge.dr_entries, record.rock_ridge.ce_entries):
            stamps = entries and entries.tf_record
            if stamps is None:
                continue
            for field in _TF_FIELDS:
                if getattr(stamps, field) is not None:
                    restamp(getattr(stamps, field), epoch)
    for child in record.children:
        if child is not record and child is not record.parent:
            stamp_record(child, epoch)


def stamp_volumes(iso, epoch: int) -> None:
    """Every date of an image not written yet, except what writing sets."""
    for vd in [iso.pvd, *iso.svds]:
        restamp(vd.volume_creation_date, epoch)
        restamp(vd.volume_effective_date, epoch)
        stamp_record(vd.root_directory_record(), epoch)


def stamp_written_modification_dates(image, epoch: int) -> None:
    """Set the modification date of each volume descriptor in the written *image*."""
    date = VolumeDescriptorDate()
    date.new(epoch)
    sector = _FIRST_VD_SECTOR
    while True:
        image.seek(sector * _SECTOR)
        vd_type = image.read(1)[0]
        if vd_type == _VD_TERMINATOR:
            return
        if vd_type in _VDS_WITH_DATES:
            image.seek(sector * _SECTOR + _VD_MODIFICATION_DATE)
            image.write(date.record())
        sector += 1
