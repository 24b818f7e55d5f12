#!/usr/bin/env python3
"""Build the printable PDF booklet of the guide.

    python build_pdf.py                     # build/pdf/guide.pdf, Letter paper
    python build_pdf.py --paper a4 --output build/pdf/guide-a4.pdf

Sphinx reads the sources in source/ with conf.py from this folder and keeps
its parsed doctrees in build/doctrees, shared with the HTML build, so each
source is parsed once. Warnings and errors name their file and line, and
fail the build as in the HTML build (-W): the booklet is written beside the
target first and replaces it only when the whole build succeeded, so a
failed build leaves the last good PDF as it was. Two builds of the same
booklet take turns; a full disk or an unwritable folder is said in one line.
"""
import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
PAPERS = ('letter', 'a4')
PROG = 'build_pdf.py'


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description='Build the PDF booklet of the guide with the booklet builder.')
    parser.add_argument('--paper', choices=PAPERS,
                        help="paper size (default: conf.py's guide_paper, else letter)")
    parser.add_argument('--output', type=Path, default=ROOT / 'build' / 'pdf' / 'guide.pdf',
                        help='PDF file to write (default: %(default)s)')
    parser.add_argument('--source', type=Path, default=ROOT / 'source',
                        help='folder of the reStructuredText sources (default: %(default)s)')
    parser.add_argument('--doctrees', type=Path, default=ROOT / 'build' / 'doctrees',
                        help="Sphinx's cache of parsed sources (default: %(default)s)")
    parser.add_argument('-j', '--jobs', default='auto',
                        help='processes reading the sources, as sphinx-build -j '
                             '(default: %(default)s, one per CPU)')
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    from sphinx.cmd.build import build_main

    from helpguide.guarded import DiskError, build_lock, disk_errors_said

    output = args.output.resolve()
    if output.suffix.lower() != '.pdf' or output.is_dir():
        print(f'build_pdf.py: error: --output must name a .pdf file, not {args.output}',
              file=sys.stderr)
        return 2
    if not args.source.is_dir():
        print(f'build_pdf.py: error: no source folder {args.source}', file=sys.stderr)
        return 2
    # Sphinx writes into a folder of its own; the booklet, or each edition
    # of guide_papers (guide-letter.pdf, ...), then replaces its target.
    staged = output.with_name(f'.{output.name}.staged')
    sphinx_args = ['-b', 'booklet', '-c', str(ROOT), '-d', str(args.doctrees), '-q', '-W',
                   '-j', args.jobs,
                   '-D', f'booklet_filename={output.name}']
    if args.paper:  # one edition, on that paper, under the --output name
        sphinx_args += ['-D', f'guide_paper={args.paper}', '-D', f'guide_papers={args.paper}']
    published = []
    try:
        # Builds of this booklet, and of anything sharing its doctrees, take turns.
        with disk_errors_said(PROG, output, staged), build_lock([args.doctrees, output], PROG):
            try:
                shutil.rmtree(staged, ignore_errors=True)  # left by a build that was killed
                status = build_main([*sphinx_args, str(args.source), str(staged)])
                if status == 0:
                    published = sorted(staged.glob('*.pdf'))
                    for path in published:
                        os.replace(path, output.parent / path.name)
            finally:
                shutil.rmtree(staged, ignore_errors=True)
    except DiskError as err:
        print(err, file=sys.stderr)
        return 1
    if not published:
        print(f'{PROG}: error: the booklet was not built; {output} is unchanged',
              file=sys.stderr)
        return status or 1
    for path in published:
        print(output.parent / path.name)
    return 0


if __name__ == '__main__':
    sys.exit(main())
