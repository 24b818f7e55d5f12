"""Profile the booklet or HTML build of the synthetic guide (CPU time, cProfile).

    .venv/bin/python benchmarks/profile_pdf.py 50 [--top 30] [--builder html]

Two profiles: the full build from fresh doctrees (reading and writing), and
the booklet written again from the doctrees the first build left (Sphinx
reads nothing then), which is the booklet's own rendering. Each prints its
top entries by own time and by cumulative time; the .prof files stay in
build/bench/profile/xN/ (build/bench/profile/html-xN/ for ``--builder
html``, our HTML build) for pstats or snakeviz. The second build is made
without the first's output, so it writes everything again. Both builds read
and write in one process, so the profile sees all of it.
"""
import argparse
import cProfile
import io
import pstats
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import BENCH, generate  # noqa: E402


def profile_build(src: Path, out: Path, prof: Path, builder: str) -> float:
    from sphinx.cmd.build import build_main

    profiler = cProfile.Profile(time.process_time)
    start = time.process_time()
    profiler.enable()
    # Without the output of the build before, everything is written again: an
    # HTML page or a print product whose output is up to date would not be.
    shutil.rmtree(out / builder, ignore_errors=True)
    status = build_main(['-b', builder, '-c', str(src), '-d', str(out / 'doctrees'), '-q',
                         str(src / 'source'), str(out / builder)])
    profiler.disable()
    spent = time.process_time() - start
    if status:
        raise SystemExit(f'{builder} build failed ({status})')
    profiler.dump_stats(prof)
    return spent


def top(prof: Path, order: str, count: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(str(prof), stream=out)
    stats.strip_dirs().sort_stats(order).print_stats(count)
    text = out.getvalue()
    return text[text.index('   ncalls'):].rstrip()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('scale', type=int)
    parser.add_argument('--top', type=int, default=25)
    parser.add_argument('--builder', choices=('booklet', 'html'), default='booklet')
    args = parser.parse_args(argv)
    src = generate(args.scale)
    prefix = '' if args.builder == 'booklet' else f'{args.builder}-'
    out = BENCH / 'profile' / f'{prefix}x{args.scale}'
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for label, prof in (('full build (reading and writing)', out / 'full.prof'),
                        (f'{args.builder} only (doctrees already read)', out / 'write.prof')):
        spent = profile_build(src, out, prof, args.builder)
        print(f'\n## x{args.scale}: {label}: {spent:.2f} s CPU under the profiler\n')
        for order in ('tottime', 'cumulative'):
            print(f'By {order}:\n\n```\n{top(prof, order, args.top)}\n```\n')


if __name__ == '__main__':
    main()
