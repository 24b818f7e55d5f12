"""Write a synthetic guide, N times today's programs, for the benchmark.

``python benchmarks/generate.py 50`` writes ``build/bench/src-x50/``: the
same conf.py, chapters and appendix as ``source/``, and N copies of every
``source/programs/*.rst`` with unique ids, names and ``:order:`` (copy 1
keeps the names, so ×1 is the real guide's text). The folder mirrors the
repository's layout (``conf.py``, ``source/``, and links to ``assets/`` and
``helpguide/``), so ``sphinx-build -c DIR DIR/source OUT`` builds it exactly
as the real guide is built.

Every tool must lay out the same text, so the corpus holds nothing that
tools assemble differently:

- no program is shared between platforms: a supported program of two
  platforms becomes one file per platform, each with that platform's steps
  (as the booklet prints it in each chapter). Shared, our booklet prints it
  in both chapters, one platform's steps in each; Sphinx's LaTeX builder
  (``inline_all_toctrees``) and rinohtype include a document once, with both
  platforms' steps; rst2pdf twice, with both platforms' steps each time;
- no support checklist: a form, which only our PDF builders draw (the other
  tools leave it out or print it as lines of underscores).

The other tools read the doctrees as the booklet sets them (as_booklet.py).
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
_PLATFORMS = re.compile(r'^([ \t]+:platforms:[ \t]*)(.+)$', re.M)
_SUPPORTED = re.compile(r'^[ \t]+:(?:ssl|supported):[ \t]*yes[ \t]*$', re.M)
# What only some tools lay out (see the docstring).
LEFT_OUT = ('support-checklist',)
# A requirement of one platform (``:requires: macintosh: ...``) and its continuation lines.
_REQUIRES = re.compile(r'^([ \t]+):requires:[ \t]*([\w-]+):.*\n(?:\1[ \t]+(?!:)\S.*\n)*', re.M)
_BLOCK = re.compile(r'^(?P<indent>[ \t]*)\.\. (?P<name>[\w-]+)::[ \t]*(?P<arguments>.*)$')


def scale_dir(scale: int) -> Path:
    return BENCH / f'src-x{scale}'


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def drop_blocks(text: str, keep) -> str:
    """``text`` without the directives for which ``keep(name, arguments)`` is
    false (with their options and content); a kept directive may be rewritten:
    ``keep`` returns the arguments to write, or None to drop it."""
    out, dropping = [], None
    for line in text.splitlines(keepends=True):
        if dropping is not None:
            if not line.strip() or _indent(line) > dropping:
                continue
            dropping = None
        found = _BLOCK.match(line)
        if found:
            arguments = keep(found['name'], found['arguments'].strip())
            if arguments is None:
                dropping = len(found['indent'])
                continue
            line = f"{found['indent']}.. {found['name']}:: {arguments}".rstrip() + '\n'
        out.append(line)
    return ''.join(out)


def split_platforms(text: str) -> list[str]:
    """A supported program of several platforms as one program per platform
    (id ``ID-PLATFORM``), each with only that platform's steps and
    requirement; any other program as it is."""
    found, platforms = _DIRECTIVE.search(text), _PLATFORMS.search(text)
    if not found or not platforms or not _SUPPORTED.search(text):
        return [text]
    names = platforms.group(2).replace(',', ' ').split()
    if len(names) < 2:
        return [text]
    split = []
    for platform in names:
        one = _DIRECTIVE.sub(f'.. email-program:: {found.group(1)}-{platform}', text, count=1)
        one = _PLATFORMS.sub(lambda m: m.group(1) + platform, one, count=1)
        one = _REQUIRES.sub(lambda m: m.group(0) if m.group(2) == platform else '', one)
        split.append(drop_blocks(one, lambda name, arguments, platform=platform: (
            arguments if name != 'steps'
            else platform if platform in arguments.split() else None)))
    return split


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
        for text in split_platforms(path.read_text(encoding='utf-8')):
            for copy in range(1, scale + 1):
                pid, copied = copy_program(text, copy)
                (out / 'source' / PROGRAMS / f'{pid}.rst').write_text(copied, encoding='utf-8')
    for path in (out / 'source').rglob('*.rst'):
        text = path.read_text(encoding='utf-8')
        kept = drop_blocks(text, lambda name, arguments: (
            None if name in LEFT_OUT else arguments))
        if kept != text:
            path.write_text(kept, encoding='utf-8')
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
