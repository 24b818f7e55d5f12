#!/usr/bin/env python3
"""Build the printable PDF booklet of the guide.

    python build_pdf.py                     # build/pdf/guide.pdf, Letter paper
    python build_pdf.py --paper a4 --output build/pdf/guide-a4.pdf
    python build_pdf.py --language fr --output build/pdf/guide-fr.pdf

A guide in several languages (``guide_languages``) gets a booklet per
language, each in a folder named for its language beside --output's file
name (``build/pdf/en/guide.pdf``), unless --language picks one, which is
then written to --output itself.

The booklet's entry point: ``python -m helpguide build booklet`` with this
folder's conf.py and the file named by --output. Sphinx reads the sources
in source/ and keeps its parsed doctrees in build/doctrees, shared with
the HTML build, so each source is parsed once. Warnings and errors name
their file and line, and fail the build as in the HTML build (-W): the
booklet is published only when the whole build succeeded, so a failed build
leaves the last good PDF as it was.
"""
import argparse
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
    parser.add_argument('--language', metavar='LANG',
                        help='build only this language, written to --output itself '
                             "(default: every language of conf.py's guide_languages)")
    parser.add_argument('-j', '--jobs', default='auto',
                        help='processes reading the sources, as sphinx-build -j '
                             '(default: %(default)s, one per CPU)')
    parser.add_argument('-q', '--quiet', action='store_true',
                        help="only warnings and errors (sphinx-build's -q)")
    parser.add_argument('-v', '--verbose', action='count', default=0,
                        help="more detail, repeatable (sphinx-build's -v)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    output = args.output.resolve()
    if output.suffix.lower() != '.pdf' or output.is_dir():
        print(f'build_pdf.py: error: --output must name a .pdf file, not {args.output}',
              file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))  # the helpguide package beside this file
    from helpguide.publish.command import main as build

    return build([
        'booklet', '--conf', str(ROOT), '--source', str(args.source),
        '--doctrees', str(args.doctrees), '--pdf', str(output.parent),
        '-D', f'booklet_filename={output.name}', '-j', args.jobs,
        *(['--paper', args.paper] if args.paper else []),
        *(['-D', f'language={args.language}'] if args.language else []),
        *(['-q'] if args.quiet else []), *['-v'] * args.verbose], PROG, kept=output)


if __name__ == '__main__':
    sys.exit(main())
