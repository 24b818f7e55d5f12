"""Run one command and print its wall and CPU seconds and peak memory as JSON.

A fresh process per measured run, so ``RUSAGE_CHILDREN`` holds that run's
process tree only: its ``ru_maxrss`` is the peak resident memory of the
largest process in the tree (Sphinx itself, or pdflatex under latexmk), and
its user plus system time is the CPU the tree used: on a shared machine the
CPU seconds move less with other people's load than the wall seconds do.

    python benchmarks/measure.py LOG -- sphinx-build -b html ...
"""
import json
import resource
import subprocess
import sys
import time


def main(argv: list[str]) -> None:
    log, sep, *command = argv
    if sep != '--' or not command:
        raise SystemExit('usage: measure.py LOG -- COMMAND...')
    with open(log, 'wb') as out:
        start = time.perf_counter()
        code = subprocess.call(command, stdout=out, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL)
        wall = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({'wall': wall, 'cpu': usage.ru_utime + usage.ru_stime,
                      'peak_mb': usage.ru_maxrss / 1024,  # KiB on Linux
                      'returncode': code}))


if __name__ == '__main__':
    main(sys.argv[1:])
