"""``python -m helpguide.locale``: keep the message catalogs up to date.

``engine [-l fr ...]``
    the engine's catalog: extract ``helpguide/locale/helpguide.pot`` from the
    package's modules and templates, update each language's ``helpguide.po``
    and compile it to the ``helpguide.mo`` the package ships.
``guide POT_DIR [--conf DIR] [--locale-dir locale] [-l fr ...]``
    the guide's catalogs: update ``locale/<language>/LC_MESSAGES/*.po`` from
    the templates ``sphinx-build -b gettext`` wrote in POT_DIR (``make gettext``),
    for each language of conf.py's ``guide_languages`` but its ``language``.
"""
import argparse
import runpy
import sys
from pathlib import Path

from . import catalogs


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog='python -m helpguide.locale', description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest='command', required=True)
    engine = commands.add_parser('engine', help="update and compile the engine's catalogs")
    guide = commands.add_parser('guide', help="update the guide's catalogs from -b gettext")
    guide.add_argument('pot_dir', type=Path, help='where sphinx-build -b gettext wrote')
    guide.add_argument('--conf', type=Path, default=Path('.'),
                       help='folder of conf.py, whose guide_languages are updated (default: .)')
    guide.add_argument('--locale-dir', type=Path, default=Path('locale'),
                       help='the guide\'s catalogs (default: locale)')
    engine.add_argument('-l', '--language', action='append', dest='languages',
                        help='a language to update (repeatable; default: fr)')
    guide.add_argument('-l', '--language', action='append', dest='languages',
                       help='a language to update (repeatable; default: conf.py\'s)')
    args = parser.parse_args(argv)
    if args.command == 'engine':
        for path in catalogs.update_engine(args.languages or ['fr']):
            print(f'compiled {path}')
        return 0
    if not args.pot_dir.is_dir():
        parser.error(f'no folder {args.pot_dir}: run sphinx-build -b gettext first')
    languages = args.languages or translated_languages(args.conf)
    for path in catalogs.update_guide(args.pot_dir, args.locale_dir, languages):
        print(f'updated {path}')
    return 0


def translated_languages(confdir: Path) -> list[str]:
    """conf.py's ``guide_languages`` but the sources' own ``language``."""
    conf = runpy.run_path(str(confdir / 'conf.py'))
    source = conf.get('language') or 'en'
    return [language for language in conf.get('guide_languages', []) if language != source]


if __name__ == '__main__':
    sys.exit(main())
