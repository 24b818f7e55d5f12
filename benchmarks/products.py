"""How long the print products take, on the real guide and on larger ones.

    python benchmarks/products.py            # scales 1 and 10
    python benchmarks/products.py 1 10 50

For each scale (N times today's programs, see generate.py) the sources are
parsed once into a fresh doctree cache, then each product builder is timed
on that warm cache, as ``make`` runs them after the HTML and the booklet:
wall-clock seconds, files written and pages in them.
"""
import argparse
import subprocess
import sys
import time
from pathlib import Path

from pypdf import PdfReader

from generate import BENCH, generate

BUILDERS = ('handouts', 'support-checklist', 'saddle-stitch')


def sphinx(src: Path, builder: str, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, '-m', 'sphinx', '-b', builder, '-c', str(src),
                    '-d', str(src / 'doctrees'), '-q', '-W', str(src / 'source'), str(out)],
                   check=True)
    return time.perf_counter() - start


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('scales', nargs='*', type=int, default=[1, 10])
    args = parser.parse_args(argv)
    print(f'{"scale":>5} {"builder":<18} {"seconds":>8} {"files":>6} {"pages":>6}')
    for scale in args.scales:
        src = generate(scale)
        parse = sphinx(src, 'dummy', BENCH / f'products-x{scale}' / 'parse')
        print(f'{scale:>5} {"(parse: dummy)":<18} {parse:>8.2f}')
        for builder in BUILDERS:
            out = BENCH / f'products-x{scale}' / builder
            seconds = sphinx(src, builder, out)
            pdfs = sorted(out.glob('*.pdf'))
            pages = sum(len(PdfReader(pdf).pages) for pdf in pdfs)
            print(f'{scale:>5} {builder:<18} {seconds:>8.2f} {len(pdfs):>6} {pages:>6}')


if __name__ == '__main__':
    main()
