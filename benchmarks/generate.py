"""Write a synthetic guide, N times today's programs, for the benchmark.

``python benchmarks/generate.py 50`` writes ``build/bench/src-x50/``: the
same conf.py, chapters, appendix and checklist as ``source/``, and N copies
of every ``source/programs/*.rst`` with unique ids, names and ``:order:``
(copy 1 keeps the originals, so ×1 is the real guide). The folder mirrors
the repository's layout (``conf.py``, ``source/``, and links to ``assets/``
and ``helpguide/``), so ``sphinx-build -c DIR DIR/source OUT`` builds it
exactly as the real guide is built.
"""
import argparse
import os
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# BENCH_DIR moves the whole benchmark elsewhere (e.g. out of reach of `make clean`).
BENCH = Path(os.environ.get('BENCH_DIR') or REPO / 'build' / 'bench').resolve()
PROGRAMS = 'programs'
# Copy k's programs come after copy k-1's, keeping their order inside a copy.
ORDER_STRIDE = 10_000

_DIRECTIVE = re.compile(r'^\.\. email-program::[ \t]*(\S+)[ \t]*$', re.M)
_NAME = re.compile(r'^([ \t]+:name:[ \t]*)(.+)$', re.M)
_ORDER = re.compile(r'^([ \t]+:order:[ \t]*)(\d+)[ \t]*$', re.M)


def scale_dir(scale: int) -> Path:
    return BENCH / f'src-x{scale}'


def copy_program(text: str, copy: int) -> tuple[str, str]:
    """Return (new id, rewritten text) of ``copy`` (1-based) of a program file."""
    found = _DIRECTIVE.search(text)
    if not found:
        raise ValueError('no email-program directive')
    if copy == 1:
        return found.group(1), text
    pid = f'{found.group(1)}-copy{copy}'
    text = _DIRECTIVE.sub(f'.. email-program:: {pid}', text, count=1)
    text = _NAME.sub(lambda m: f'{m.group(1)}{m.group(2)} (copy {copy})', text, count=1)
    if _ORDER.search(text):
        text = _ORDER.sub(lambda m: f'{m.group(1)}{int(m.group(2)) + copy * ORDER_STRIDE}',
                          text, count=1)
    else:
        # Programs without :order: sort last (1000) inside their copy.
        text = _NAME.sub(lambda m: f'{m.group(0)}\n   :order: {1000 + copy * ORDER_STRIDE}',
                         text, count=1)
    return pid, text


def generate(scale: int, out: Path | None = None) -> Path:
    """Write the guide at ``scale`` into ``out`` (default build/bench/src-xN)."""
    out = out or scale_dir(scale)
    if out.exists():
        shutil.rmtree(out)
    source = REPO / 'source'
    programs = sorted((source / PROGRAMS).glob('*.rst'))
    shutil.copytree(source, out / 'source', ignore=shutil.ignore_patterns(PROGRAMS))
    (out / 'source' / PROGRAMS).mkdir()
    for path in programs:
        text = path.read_text(encoding='utf-8')
        for copy in range(1, scale + 1):
            pid, copied = copy_program(text, copy)
            (out / 'source' / PROGRAMS / f'{pid}.rst').write_text(copied, encoding='utf-8')
    shutil.copy2(REPO / 'conf.py', out / 'conf.py')
    with open(out / 'conf.py', 'a', encoding='utf-8') as conf:
        conf.write("\nguide_languages = ['en']  # the benchmark measures one language\n")
    # conf.py puts its own folder on sys.path and names assets relative to it.
    for name in ('assets', 'helpguide'):
        (out / name).symlink_to(REPO / name, target_is_directory=True)
    return out


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('scales', nargs='+', type=int, help='e.g. 1 10 50')
    args = parser.parse_args(argv)
    for scale in args.scales:
        out = generate(scale)
        count = len(list((out / 'source' / PROGRAMS).glob('*.rst')))
        print(f'x{scale}: {count} program files in {out}')


if __name__ == '__main__':
    main()
