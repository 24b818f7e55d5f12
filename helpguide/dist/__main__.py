"""``python -m helpguide.dist``: build the CD bundle, its zip and its ISO image."""
import argparse
import logging
import os
import sys
import time
from pathlib import Path

from ..checklist.contacts import REACHABLE_BY
from ..locale import _, use_language
from ..locale.coverage import coverage
from ..locale.languages import language_dir, language_folders
from . import archive, bundle, iso
from .epoch import EpochError, source_date_epoch
from .settings import read_conf, read_settings

logger = logging.getLogger('helpguide.dist')


class IncompleteTranslation(Exception):
    pass


class NoContact(Exception):
    pass


def refuse_no_contact(args, conf: dict) -> None:
    """A release (--release or conf.py's guide_release) names a way to reach support."""
    if (args.release or conf.get('guide_release')) and not any(
            conf.get(setting) for setting in REACHABLE_BY):
        raise NoContact(_('a release needs a support contact: set %(settings)s in conf.py')
                        % {'settings': ', '.join(REACHABLE_BY)})


def refuse_incomplete(args, conf: dict, languages: list[str]) -> None:
    """Customers get whole translations only: a draft shows English where a
    message is untranslated or fuzzy, a disc does not."""
    source = conf.get('language') or 'en'
    for language in languages:
        if language == source:
            continue
        found = coverage(args.source, conf.get('locale_dirs', ['locales']), language)
        if not found.complete:
            raise IncompleteTranslation(_(
                '%(language)s is %(percent).1f %% translated (%(missing)d of %(total)d messages '
                'untranslated or fuzzy); a disc for customers needs 100 %%: make check lists '
                'them') % {'language': language, 'percent': found.percent,
                           'missing': len(found.gaps), 'total': found.total})


def build(args) -> Path:
    conf = read_conf(args.conf)
    refuse_no_contact(args, conf)
    epoch = source_date_epoch(args.conf)
    use_language(conf.get('language'))  # what the writer reads: the sources' language
    languages = language_folders(conf.get('guide_languages'))
    refuse_incomplete(args, conf, languages)
    editions = [bundle.Edition(read_settings(args.conf, epoch, language, conf),
                               language_dir(args.html, language), language_dir(args.pdf, language),
                               language or '')
                for language in languages or [None]]
    settings = editions[0].settings
    iso.check_volume_label(settings.volume_label)
    folder = args.out / settings.name
    bundle.replace_folder(folder, lambda partial: bundle.assemble(
        partial, editions=editions, epoch=epoch))
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
    parser.add_argument('--source', type=Path, default=Path('source'),
                        help='folder of the sources, which locale_dirs are relative to')
    parser.add_argument('--release', action='store_true',
                        help='a customer edition: refuse it without a support contact')
    args = parser.parse_args(argv)
    logging.basicConfig(format='%(levelname)s: %(message)s', level=logging.INFO)
    # Dates on the disc are UTC, whatever the build machine's time zone.
    os.environ['TZ'] = 'UTC'
    time.tzset()
    try:
        folder = build(args)
    except (OSError, EpochError, iso.IsoError, IncompleteTranslation, NoContact) as err:
        logger.error('%s', err)
        return 1
    logger.info('bundle in %s (and .zip, .iso beside it)', folder)
    return 0


if __name__ == '__main__':
    sys.exit(main())
