"""Build one print product; replace the last good one only if the build succeeds.

Run from the project's folder (where conf.py is), as ``make`` does:

    python -m helpguide.products handouts            # build/pdf/handouts/*.pdf
    python -m helpguide.products support-checklist   # build/pdf/support-checklist.pdf
    python -m helpguide.products saddle-stitch --paper a4
    python -m helpguide.products booklet             # build/pdf/guide.pdf (any project)

Sphinx builds the product with warnings as errors (-W) by
:func:`helpguide.staging.staged_build`, as the HTML is built: in staging
folders seeded from the outputs and from the doctrees shared with every
other output, swapped in only when the build succeeds. The handouts folder
is swapped whole; a single-file product is moved into place from its own
folder. A failed or killed build leaves the last good outputs, and the
doctree cache, as they were.
"""
import argparse
import os
import shutil
import sys
from pathlib import Path

PROG = 'python -m helpguide.products'
#: builder -> (output folder below --output, whether the folder is the product)
PRODUCTS = {
    'handouts': ('handouts', True),
    'support-checklist': ('', False),
    'saddle-stitch': ('', False),
    'booklet': ('', False),
}


def parse_args(argv):
    parser = argparse.ArgumentParser(prog='python -m helpguide.products',
                                     description=__doc__.split('\n\n')[0])
    parser.add_argument('builder', choices=PRODUCTS)
    parser.add_argument('--paper', choices=('letter', 'a4'),
                        help="paper size (default: conf.py's guide_paper, else letter)")
    parser.add_argument('--output', type=Path, default=Path('build/pdf'),
                        help='folder of the PDF outputs (default: %(default)s)')
    parser.add_argument('--source', type=Path, default=Path('source'),
                        help='folder of the reStructuredText sources (default: %(default)s)')
    parser.add_argument('--conf', type=Path, default=Path('.'),
                        help='folder of conf.py (default: the current folder)')
    parser.add_argument('--doctrees', type=Path, default=Path('build/doctrees'),
                        help="Sphinx's cache of parsed sources (default: %(default)s)")
    parser.add_argument('-j', '--jobs', default='auto',
                        help='processes reading the sources, and writing the handouts, as '
                             'sphinx-build -j (default: %(default)s, one per CPU)')
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    from sphinx.cmd.build import build_main

    from helpguide.guarded import DiskError, disk_errors_said

    folder, whole = PRODUCTS[args.builder]
    options = ['-b', args.builder, '-c', str(args.conf), '-q', '-W', '-j', args.jobs]
    if args.paper:
        options += ['-D', f'guide_paper={args.paper}', '-D', f'guide_papers={args.paper}']

    def build(outdir: Path, doctreedir: Path) -> int:
        return build_main([*options, '-d', str(doctreedir), str(args.source), str(outdir)])

    try:
        with disk_errors_said(PROG, args.output / folder if whole else args.output):
            status = publish(args, build, folder, whole)
    except DiskError as err:
        print(err, file=sys.stderr)
        return 1
    if status:
        print(f'{PROG}: error: {args.builder} was not built; '
              f'{args.output / folder} is unchanged', file=sys.stderr)
    return status


def publish(args, build, folder: str, whole: bool) -> int:
    """Build in staging; swap the product in if the build succeeds."""
    from helpguide.staging import staged_build

    # The doctrees are staged too: a failed build must not leave a cache
    # that hides its problem from the next build of any output.
    if whole:
        live = args.output / folder
        status = staged_build(live, args.doctrees, build)
    else:
        live = args.output
        scratch = args.output / f'.{args.builder}'
        shutil.rmtree(scratch, ignore_errors=True)  # left by a build that was killed
        try:
            status = staged_build(scratch, args.doctrees, build)
            if status == 0:
                for path in sorted(scratch.iterdir()):
                    os.replace(path, live / path.name)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return status


if __name__ == '__main__':
    sys.exit(main())
