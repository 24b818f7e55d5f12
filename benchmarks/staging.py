"""What building the HTML in a staging folder costs: ``make html``'s staged
build beside a plain ``sphinx-build`` into the same folders.

``.venv/bin/python benchmarks/staging.py [--scale 50] [--runs 3]`` generates
the synthetic guide (benchmarks/generate.py), then for each way of building
prints the median wall seconds of a full build, of a rebuild with nothing
changed and of a rebuild after one program file is edited, and the size of
the output and cache the staged build copies each time.
"""
import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from generate import generate

PYTHON = sys.executable


def commands(project: Path, out: Path) -> dict[str, list[str]]:
    html, doctrees = out / 'html', out / 'doctrees'
    options = ['-c', str(project), '-W', '--keep-going', '-q']
    return {
        'sphinx-build': [PYTHON, '-m', 'sphinx', '-b', 'html', '-d', str(doctrees), *options,
                         str(project / 'source'), str(html)],
        'staged (make html)': [PYTHON, '-m', 'helpguide', 'build', 'html', '--conf',
                               str(project), '--source', str(project / 'source'),
                               '--doctrees', str(doctrees), '--html', str(html), '-q'],
    }


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True)
    return time.perf_counter() - start


def size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob('*') if path.is_file())


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--scale', type=int, default=50)
    parser.add_argument('--runs', type=int, default=3)
    args = parser.parse_args(argv)
    project = generate(args.scale)
    edited = sorted((project / 'source' / 'programs').glob('*.rst'))[0]
    print(f'guide x{args.scale}: {len(list(project.rglob("*.rst")))} sources; '
          f'{args.runs} runs each; edit {edited.name} between rebuilds')
    repo = Path(__file__).resolve().parent.parent
    for name in commands(project, project):
        full, unchanged, edit = [], [], []
        for _run in range(args.runs):
            out = project / 'staging-bench'
            shutil.rmtree(out, ignore_errors=True)
            command = commands(project, out)[name]
            full.append(timed(command, repo))
            unchanged.append(timed(command, repo))
            edited.write_text(edited.read_text(encoding='utf-8') + '\n', encoding='utf-8')
            edit.append(timed(command, repo))
        print(f'{name:20} full {statistics.median(full):6.2f} s   '
              f'nothing changed {statistics.median(unchanged):6.2f} s   '
              f'one file edited {statistics.median(edit):6.2f} s')
    print(f'copied per staged build: html {size(out / "html") / 2**20:.1f} MB, '
          f'doctrees {size(out / "doctrees") / 2**20:.1f} MB')


if __name__ == '__main__':
    main()
