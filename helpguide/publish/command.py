"""The ``build`` command: ``python -m helpguide build [TARGET ...]``.

Targets are the Makefile's: html, epub, booklet, form, saddle-stitch,
handouts, check, dist, and the groups pdf (booklet, form, saddle-stitch) and
all (html, pdf, handouts; the default). Run from the guide's folder (where
conf.py is), or name the folders.
"""
import argparse
import sys
from pathlib import Path

from ..pdf.printing import PAPER
from . import GROUPS, PRODUCTS, STEPS, TARGETS, build_targets

HELP = 'build outputs of the guide, as make does (html, pdf, handouts, dist, ...)'


def add_arguments(parser) -> None:
    names = ', '.join([*PRODUCTS, *STEPS]) + '; ' + '; '.join(
        f'{group} = {" ".join(members)}' for group, members in GROUPS.items())
    # A str default: argparse checks the default of an empty '*' against the
    # choices as one value, so a list default refuses "no target" (Python 3.11).
    parser.add_argument('targets', nargs='*', metavar='TARGET', default='all',
                        choices=TARGETS, help=f'what to build (default: all): {names}')
    parser.add_argument('--source', type=Path, default=Path('source'),
                        help='folder of the reStructuredText sources (default: %(default)s)')
    parser.add_argument('--conf', type=Path, default=Path('.'),
                        help='folder of conf.py (default: the current folder)')
    parser.add_argument('--build', type=Path, default=Path('build'),
                        help='folder of every output (default: %(default)s)')
    for folder in ('doctrees', 'html', 'epub', 'pdf', 'dist'):
        parser.add_argument(f'--{folder}', type=Path,
                            help=f'folder of the {folder} (default: BUILD/{folder})')
    parser.add_argument('--paper', choices=PAPER,
                        help="paper of the PDFs (default: conf.py's guide_paper, else letter)")
    parser.add_argument('-D', dest='define', action='append', default=[],
                        metavar='NAME=VALUE', help='override a setting of conf.py')
    parser.add_argument('-j', '--jobs', default='auto',
                        help='processes reading the sources and writing the handouts, as '
                             'sphinx-build -j (default: %(default)s, one per CPU)')
    parser.add_argument('--release', action='store_true',
                        help='a customer edition: stop if no support contact is set '
                             '(-D guide_release=1)')
    parser.add_argument('-q', '--quiet', action='store_true',
                        help="only warnings and errors (sphinx-build's -q)")
    parser.add_argument('-v', '--verbose', action='count', default=0,
                        help="more detail, repeatable (sphinx-build's -v)")


def main(argv, prog: str, kept=None) -> int:
    """The command as another entry point runs it (build_pdf.py,
    ``python -m helpguide.products``): its messages start with *prog*, and
    *kept* names the output a failure leaves as it was."""
    parser = argparse.ArgumentParser(prog=prog)
    add_arguments(parser)
    args = parser.parse_args(argv)
    args.prog, args.kept = prog, kept
    return run(args)


def run(args) -> int:
    if not getattr(args, 'prog', None):
        args.prog = 'python -m helpguide build'
    if isinstance(args.targets, str):   # no TARGET given: the default
        args.targets = [args.targets]
    for folder in ('doctrees', 'html', 'epub', 'pdf', 'dist'):
        if getattr(args, folder) is None:
            setattr(args, folder, args.build / folder)
    if not args.source.is_dir():
        print(f'{args.prog}: error: no source folder {args.source}', file=sys.stderr)
        return 2
    folders = {name: getattr(args, name) for name in ('html', 'epub', 'pdf', 'dist')}
    return build_targets(args.targets, args, folders)
