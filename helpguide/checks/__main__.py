"""``python -m helpguide.checks [SOURCE] [--conf DIR]``: print every problem in
the sources as ``path:line: error: message``; exit status 1 if there is any."""
import argparse
import sys
from pathlib import Path

from .report import check


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog='python -m helpguide.checks', description=__doc__)
    parser.add_argument('source', nargs='?', default='source',
                        help='folder of the .rst sources (default: source)')
    parser.add_argument('-c', '--conf', default='.',
                        help='folder that holds conf.py (default: .)')
    args = parser.parse_args(argv)
    if not Path(args.source).is_dir():
        parser.error(f'no source folder {args.source}')
    if not (Path(args.conf) / 'conf.py').is_file():
        parser.error(f'no conf.py in {args.conf}')
    problems = check(args.source, args.conf)
    for problem in problems:
        print(problem)
    files = len({problem.path for problem in problems})
    print(f'{len(problems)} problem(s) in {files} file(s)' if problems
          else f'{args.source}: no problems', file=sys.stderr)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
