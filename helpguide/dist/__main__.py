"""``python -m helpguide.dist``: build the CD bundle, its zip and its ISO image."""
import argparse
import logging
import os
import sys
import time
from pathlib import Path

from . import archive, bundle, iso
from .epoch import EpochError, source_date_epoch
from .settings import read_settings

logger = logging.getLogger('helpguide.dist')


def build(args) -> Path:
    epoch = source_date_epoch(args.conf)
    settings = read_settings(args.conf, epoch)
    iso.check_volume_label(settings.volume_label)
    folder = args.out / settings.name
    bundle.replace_folder(folder, lambda partial: bundle.assemble(
        partial, html_dir=args.html, pdf_dir=args.pdf, settings=settings, epoch=epoch))
    archive.write_zip(folder, folder.with_name(folder.name + '.zip'), epoch=epoch)
    iso.write_iso(folder, folder.with_name(folder.name + '.iso'),
                  label=settings.volume_label, epoch=epoch)
    return folder


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog='python -m helpguide.dist', description=__doc__)
    parser.add_argument('--conf', type=Path, default=Path('.'), help='folder of conf.py')
    parser.add_argument('--html', type=Path, default=Path('build/html'), help='built HTML guide')
    parser.add_argument('--pdf', type=Path, default=Path('build/pdf'), help='built PDFs')
    parser.add_argument('--out', type=Path, default=Path('build/dist'), help='where the bundle goes')
    args = parser.parse_args(argv)
    logging.basicConfig(format='%(levelname)s: %(message)s', level=logging.INFO)
    # Dates on the disc are UTC, whatever the build machine's time zone.
    os.environ['TZ'] = 'UTC'
    time.tzset()
    try:
        folder = build(args)
    except (OSError, EpochError, iso.IsoError) as err:
        logger.error('%s', err)
        return 1
    logger.info('bundle in %s (and .zip, .iso beside it)', folder)
    return 0


if __name__ == '__main__':
    sys.exit(main())
