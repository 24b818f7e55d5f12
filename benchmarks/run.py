"""The speed benchmark: our HTML and PDF builders beside the other tools.

``make bench`` (or ``.venv/bin/python benchmarks/run.py``) generates the
synthetic guide at each scale (benchmarks/generate.py), builds it with every
tool in turn, alternating their order from run to run, each run a full build
in a fresh process, and prints per scale and tool the median wall seconds,
peak memory, the text each PDF holds (characters, words, pages: content.py)
and how it differs from our booklet's, the ratios ours/other from the same
run, an incremental rebuild at ×50 and the goals of issue 7, read only where
the tools laid out the same text. Figures go to build/bench/results.json; the
exit status is 1 when a tool's text differs from the booklet's by more than
2 %.

Every Sphinx tool, ours and the others, runs with the same ``-j`` (``--jobs``,
default auto, as ``make`` builds). Our builders run from .venv; rst2pdf,
rinohtype and Sphinx's LaTeX build from .venv-bench (created here from
benchmarks/requirements-bench.txt), with our extension's reading parts loaded
so every tool sees the same doctrees, and as_booklet.py, which gives them the
booklet's view of them; Sphinx's default HTML build (alabaster) loads the
reading parts only too, not our HTML builder and theme.
"""
import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from content import laid_out  # noqa: E402
from generate import BENCH, PROGRAMS, generate  # noqa: E402
from helpguide import PARTS  # noqa: E402

VENV = REPO / '.venv'
VENV_BENCH = REPO / '.venv-bench'
REQUIREMENTS = HERE / 'requirements-bench.txt'
RESULTS = BENCH / 'results.json'
LOGS = BENCH / 'logs'
OURS_PDF, OURS_HTML = 'booklet', 'html'
# What the other tools load of our extension: the parts that read the sources,
# not our own outputs. helpguide.safety is left out too: it replaces docutils'
# raw directive, which rst2pdf also runs outside Sphinx (where it fails), and
# our sources use no raw or file insertion, so the doctrees are the same.
OUTPUT_PARTS = ('helpguide.html', 'helpguide.pdf', 'helpguide.products', 'helpguide.safety')
READING_PARTS = [p for p in PARTS if p not in OUTPUT_PARTS]


@dataclass
class Tool:
    name: str
    label: str
    python: Path | None           # the venv the tool runs from; None: the floor script
    builder: str = ''
    options: list[str] = field(default_factory=list)
    scales: tuple[int, ...] | None = None   # None: every scale
    extensions: list[str] = field(default_factory=list)   # replaces conf.py's
    pdf: bool = True
    make_mode: bool = False       # sphinx-build -M (latexpdf runs make after building)
    missing: str = ''             # why it cannot run here, if it cannot
    jobs: str | None = None       # its own -j; '' for none (one process); None: --jobs

    def command(self, src: Path, out: Path, doctrees: Path, jobs: str) -> list[str]:
        if self.python is None:
            return [str(VENV / 'bin' / 'python'), str(HERE / 'floor_reportlab.py'),
                    str(src), str(out / 'floor.pdf')]
        return [str(self.python.parent / 'sphinx-build'), '-M' if self.make_mode else '-b',
                self.builder, str(src / 'source'), str(out), *self.options,
                '-c', str(src), '-d', str(doctrees), '-q',
                *(['-j', self.jobs or jobs] if self.jobs != '' else []),
                *(['-D', 'extensions=' + ','.join(self.extensions)] if self.extensions else [])]


def tools(with_latex: bool) -> list[Tool]:
    ours, bench = VENV / 'bin' / 'python', VENV_BENCH / 'bin' / 'python'
    latex_missing = '' if with_latex else 'latexmk, pdflatex or make not installed'
    return [
        Tool('html', 'ours: HTML (helpguide theme)', ours, 'html', pdf=False),
        # Sphinx's HTML as a user runs it: sphinx-build -b html, its default
        # theme and settings, in one process and with -j.
        Tool('html-default', 'Sphinx HTML, defaults (alabaster), no -j', ours, 'html',
             ['-D', 'html_theme=alabaster'], scales=(1, 10, 50), pdf=False,
             extensions=READING_PARTS, jobs=''),
        Tool('html-default-j', 'Sphinx HTML, defaults (alabaster), -j', ours, 'html',
             ['-D', 'html_theme=alabaster'], scales=(1, 10, 50), pdf=False,
             extensions=READING_PARTS),
        # One PDF, as every other tool makes: the print edition only.
        Tool(OURS_PDF, 'ours: PDF booklet (phases timed inside)', ours, 'booklet',
             ['-D', 'booklet_editions=print'], scales=(1, 10, 50),
             extensions=['helpguide', 'phases']),
        Tool('rst2pdf', 'rst2pdf (Sphinx builder)', bench, 'pdf', scales=(1, 10, 50),
             extensions=[*READING_PARTS, 'as_booklet', 'rst2pdf.pdfbuilder']),
        Tool('rinoh', 'rinohtype (Sphinx builder)', bench, 'rinoh', scales=(1, 10),
             extensions=[*READING_PARTS, 'as_booklet', 'rinoh_nodes']),
        # Unnumbered, as the booklet: numbers are text it does not lay out.
        Tool('latexpdf', 'Sphinx LaTeX + latexmk/pdflatex', bench, 'latexpdf',
             ['-D', r'latex_elements.secnumdepth=\setcounter{secnumdepth}{-1}'],
             scales=(1, 10, 50), extensions=[*READING_PARTS, 'as_booklet', 'latex_nodes'],
             make_mode=True, missing=latex_missing),
        Tool('floor', 'floor: plain ReportLab platypus', None, scales=(1, 10, 50)),
        Tool('read', 'floor: Sphinx reading (dummy builder)', ours, 'dummy', pdf=False,
             scales=(1, 10, 50)),
    ]


def ensure_bench_venv() -> None:
    """Create .venv-bench with the pinned tools, unless it is up to date."""
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    stamp = VENV_BENCH / '.installed'
    if stamp.exists() and stamp.read_text() == digest:
        return
    print('Creating .venv-bench from benchmarks/requirements-bench.txt ...', flush=True)
    if not (VENV_BENCH / 'bin' / 'python').exists():
        subprocess.run([shutil.which('python3') or sys.executable, '-m', 'venv',
                        str(VENV_BENCH)], check=True)
    subprocess.run([str(VENV_BENCH / 'bin' / 'python'), '-m', 'pip', 'install', '--quiet',
                    '--disable-pip-version-check', '-r', str(REQUIREMENTS)], check=True)
    stamp.write_text(digest)


def measure(command: list[str], log: Path, env: dict) -> dict:
    """Run ``command`` in a fresh measuring process; wall seconds and peak MB."""
    log.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([sys.executable, str(HERE / 'measure.py'), str(log), '--',
                             *command], capture_output=True, text=True, env=env, check=True)
    return json.loads(result.stdout)


def pdf_pages(out: Path) -> tuple[Path | None, int]:
    from pypdf import PdfReader
    pdfs = sorted(out.rglob('*.pdf'), key=lambda p: p.stat().st_size)
    if not pdfs:
        return None, 0
    return pdfs[-1], len(PdfReader(pdfs[-1]).pages)


#: Content within this fraction of our booklet's counts as the same text.
SAME_CONTENT = 0.02


def content(tools_: dict) -> dict:
    """Per PDF tool: characters, words, pages, and how its characters differ
    from our booklet's (flagged beyond SAME_CONTENT)."""
    ours = tools_.get(OURS_PDF, {}).get('chars')
    found = {}
    for name, t in tools_.items():
        if 'chars' not in t:
            continue
        entry = {k: t[k] for k in ('chars', 'words', 'pages')}
        if ours:
            entry['vs_ours'] = round(t['chars'] / ours - 1, 4)
            entry['differs'] = abs(entry['vs_ours']) > SAME_CONTENT
        found[name] = entry
    return found


def tool_env() -> dict:
    env = dict(os.environ, SOURCE_DATE_EPOCH='1767225600', LC_ALL='C.UTF-8')
    # The bench shims (rinoh_nodes, latex_nodes) are imported as extensions.
    env['PYTHONPATH'] = os.pathsep.join(filter(None, [str(HERE), str(REPO),
                                                      env.get('PYTHONPATH')]))
    return env


def run_tool(tool: Tool, scale: int, src: Path, run: int, jobs: str) -> dict:
    out = BENCH / 'out' / f'{tool.name}-x{scale}'
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    command = tool.command(src, out / 'out', out / 'doctrees', jobs)
    log = LOGS / f'{tool.name}-x{scale}-run{run}.log'
    phases = out / 'phases.json'
    figures = measure(command, log, dict(tool_env(), BENCH_PHASES=str(phases)))
    if phases.exists():
        figures['phases'] = json.loads(phases.read_text())
    if figures['returncode'] != 0:
        tail = log.read_text(errors='replace').strip().splitlines()[-3:]
        figures['error'] = f'exit {figures["returncode"]}: ' + ' | '.join(tail)
    elif tool.pdf:
        path, figures['pages'] = pdf_pages(out)
        if path is None:
            figures['error'] = 'no PDF written'
        else:
            figures.update(laid_out(path))
    return figures


def summarize(runs: list[dict]) -> dict:
    walls = [r['wall'] for r in runs]
    median = statistics.median(walls)
    summary = {'runs': [round(w, 3) for w in walls], 'median_s': round(median, 3),
               'cpu_median_s': round(statistics.median(r['cpu'] for r in runs), 3),
               'peak_mb': round(max(r['peak_mb'] for r in runs), 1)}
    pages = runs[0].get('pages')
    if pages:
        summary['pages'] = pages
        summary['pages_per_s'] = round(pages / median, 1)
    for key in ('chars', 'words', 'furniture_chars', 'leader_chars'):
        if key in runs[0]:
            summary[key] = runs[0][key]
    if 'chars' in summary:
        summary['ms_per_1000_chars'] = round(1e6 * median / summary['chars'], 3)
    with_phases = [r['phases'] for r in runs if 'phases' in r]
    if with_phases:
        summary['phases'] = {
            name: {kind: round(statistics.median(p[name][kind] for p in with_phases), 3)
                   for kind in ('wall', 'cpu')}
            for name in with_phases[0] if all(name in p for p in with_phases)}
    return summary


def bench_scale(scale: int, active: list[Tool], runs: int, failed: dict, jobs: str) -> dict:
    src = generate(scale)
    count = len(list((src / 'source' / PROGRAMS).glob('*.rst')))
    todo = [t for t in active if (t.scales is None or scale in t.scales)
            and not t.missing and t.name not in failed]
    print(f'\n== x{scale}: {count} program files; {runs} runs of '
          f'{", ".join(t.name for t in todo)}', flush=True)
    measured = {t.name: [] for t in todo}
    for run in range(runs):
        # Alternate the order so drifting machine load spreads over every tool.
        shift = run % len(todo) if todo else 0
        for tool in todo[shift:] + todo[:shift]:
            if tool.name in failed:
                continue
            figures = run_tool(tool, scale, src, run, jobs)
            if 'error' in figures:
                failed[tool.name] = f'x{scale}: {figures["error"]}'
                print(f'  {tool.name}: FAILED {figures["error"]}', flush=True)
                continue
            measured[tool.name].append(figures)
            print(f'  run {run + 1} {tool.name:13} {figures["wall"]:8.2f} s wall '
                  f'{figures["cpu"]:8.2f} s CPU {figures["peak_mb"]:7.1f} MB', flush=True)
    summaries = {name: summarize(r) for name, r in measured.items() if r}
    return {'programs': count, 'tools': summaries, 'content': content(summaries)}


def edit_program(path: Path, round_: int) -> None:
    """Append a paragraph to a program's content, as an author would."""
    with path.open('a', encoding='utf-8') as f:
        f.write(f'\n   Edited for the benchmark, round {round_}.\n')


def bench_incremental(scale: int, runs: int, tools_by_name: dict, failed: dict,
                      jobs: str) -> dict:
    """``make html pdf`` and ``make`` after editing one program file, each
    against its full build.

    The commands are make's: the HTML, the ``pdf`` target's saddle-stitch
    booklet and booklet (not its checklist form, as the benchmark's corpus
    has no checklist: generate.py), then the handouts, which ``make`` adds.
    build_pdf.py reads conf.py from the repository: the scale's conf.py is a copy.
    """
    if any(n not in tools_by_name or n in failed for n in (OURS_HTML, OURS_PDF)):
        return {}
    src = generate(scale, BENCH / f'incr-x{scale}')
    out = BENCH / 'out' / f'incr-x{scale}'
    programs = sorted((src / 'source' / PROGRAMS).glob('*.rst'))
    edited = programs[len(programs) // 2]
    env = tool_env()

    python = str(VENV / 'bin' / 'python')

    def ours(target: str) -> list[str]:
        return [python, '-m', 'helpguide', 'build', target, '--build', str(out),
                '--source', str(src / 'source'), '--conf', str(src), '-q', '-j', jobs]

    # One doctree folder for all; the HTML and each product swapped in whole.
    commands = {
        OURS_HTML: ours('html'),
        'saddle-stitch': ours('saddle-stitch'),
        OURS_PDF: [python, str(REPO / 'build_pdf.py'), '--source', str(src / 'source'),
                   '--doctrees', str(out / 'doctrees'), '--output', str(out / 'pdf' / 'guide.pdf'),
                   '--jobs', jobs, '-q'],
        'handouts': ours('handouts'),
    }
    names = list(commands)
    html_pdf = [n for n in names if n != 'handouts']

    def build(name: str, label: str) -> dict:
        figures = measure(commands[name], LOGS / f'incr-{name}-{label}.log', env)
        if figures['returncode'] != 0:
            raise RuntimeError(f'{name} failed, see {LOGS}/incr-{name}-{label}.log')
        return figures

    full = {n: [] for n in names}
    incremental = {n: [] for n in names}
    full_cpu = {n: [] for n in names}
    incremental_cpu = {n: [] for n in names}
    print(f'\n== incremental at x{scale}: edit {edited.relative_to(src)}, then '
          f'make ({", ".join(names)})', flush=True)
    for run in range(runs):
        shutil.rmtree(out, ignore_errors=True)
        for name in names:
            figures = build(name, f'full{run}')
            full[name].append(figures['wall'])
            full_cpu[name].append(figures['cpu'])
        edit_program(edited, run)
        time.sleep(0.01)  # a later mtime than the outputs just written
        for name in names:
            figures = build(name, f'edit{run}')
            incremental[name].append(figures['wall'])
            incremental_cpu[name].append(figures['cpu'])
        print(f'  run {run + 1}: full ' + ', '.join(f'{n} {full[n][-1]:.2f} s' for n in names)
              + '; after edit ' + ', '.join(f'{n} {incremental[n][-1]:.2f} s' for n in names),
              flush=True)

    def ratio(after: dict, before: dict, which) -> float:
        total = lambda times: sum(statistics.median(times[n]) for n in which)  # noqa: E731
        return round(total(after) / total(before), 3)

    html_booklet = (OURS_HTML, OURS_PDF)
    return {'edited': str(edited.relative_to(src)), 'builders': names,
            'full_median_s': {n: round(statistics.median(full[n]), 3) for n in names},
            'incremental_median_s': {n: round(statistics.median(incremental[n]), 3)
                                     for n in names},
            'cpu_full_median_s': {n: round(statistics.median(full_cpu[n]), 3) for n in names},
            'cpu_incremental_median_s': {n: round(statistics.median(incremental_cpu[n]), 3)
                                         for n in names},
            'ratio': ratio(incremental, full, html_pdf),
            'cpu_ratio': ratio(incremental_cpu, full_cpu, html_pdf),
            'ratio_make': ratio(incremental, full, names),
            'cpu_ratio_make': ratio(incremental_cpu, full_cpu, names),
            'ratio_html_booklet': ratio(incremental, full, html_booklet),
            'cpu_ratio_html_booklet': ratio(incremental_cpu, full_cpu, html_booklet)}


def median_of(results: dict, scale: int, name: str, key: str = 'median_s') -> float | None:
    tool = results['scales'].get(str(scale), {}).get('tools', {}).get(name)
    return tool[key] if tool else None


def per_char(results: dict, scale: int, name: str, key: str = 'median_s') -> float | None:
    """Seconds per character laid out: figures of tools that set different
    amounts of text made comparable."""
    tool = results['scales'].get(str(scale), {}).get('tools', {}).get(name)
    return tool[key] / tool['chars'] if tool and tool.get('chars') else None


def render_seconds(results: dict, scale: int, name: str, kind: str) -> float | None:
    """Seconds from the doctree (or text) to the written PDF, timed inside the
    tool's process: our rendering, layout and writing; the floor's the same."""
    tool = results['scales'].get(str(scale), {}).get('tools', {}).get(name, {})
    phases = tool.get('phases', {})
    parts = ('rendering', 'layout', 'writing') if name == OURS_PDF \
        else ('rendering+layout+writing',)
    if not tool.get('chars') or not all(p in phases for p in parts):
        return None
    return sum(phases[p][kind] for p in parts) / tool['chars']


def ratios(results: dict, scale: int, key: str = 'median_s') -> dict:
    m = lambda name: median_of(results, scale, name, key)  # noqa: E731
    c = lambda name: per_char(results, scale, name, key)  # noqa: E731
    found = {}
    for other in ('rst2pdf', 'rinoh', 'latexpdf'):
        if m(OURS_PDF) and m(other):
            found[f'booklet/{other}'] = m(OURS_PDF) / m(other)
        if c(OURS_PDF) and c(other):
            found[f'booklet/{other} per char'] = c(OURS_PDF) / c(other)
    kind = 'cpu' if key.startswith('cpu') else 'wall'
    ours, floor = (render_seconds(results, scale, n, kind) for n in (OURS_PDF, 'floor'))
    if ours and floor:
        found['booklet render/floor per char'] = ours / floor
    for default in ('html-default', 'html-default-j'):
        if m(OURS_HTML) and m(default):
            found[f'html/{default}'] = m(OURS_HTML) / m(default)
    return {k: round(v, 3) for k, v in found.items()}


PAIRS = [(f'booklet/{other}', OURS_PDF, other) for other in ('rst2pdf', 'rinoh', 'latexpdf')] \
    + [(f'html/{default}', OURS_HTML, default) for default in ('html-default', 'html-default-j')]


def paired_ratios(results: dict, scale: int) -> dict:
    """Ours/other per run, from the same round: a drift in machine load cancels out."""
    tools_ = results['scales'].get(str(scale), {}).get('tools', {})
    found = {}
    for key, ours, other in PAIRS:
        a, b = tools_.get(ours, {}).get('runs'), tools_.get(other, {}).get('runs')
        if a and b and len(a) == len(b):
            found[key] = [round(x / y, 3) for x, y in zip(a, b)]
    return found


def growth(results: dict, low: int, high: int, key: str = 'median_s') -> dict:
    found = {}
    for name in results['scales'].get(str(high), {}).get('tools', {}):
        a, b = median_of(results, low, name, key), median_of(results, high, name, key)
        if a and b:
            found[name] = round(b / a, 2)
    return found


@dataclass
class Goal:
    """A goal of issue 7, read from the results by wall or CPU time."""
    text: str
    value: float | None
    op: str
    limit: float
    # (scale, tool) whose PDF must hold our booklet's text for the goal to be read.
    equal_text: tuple[tuple[int, str], ...] = ()

    def verdict(self, results: dict) -> str:
        if self.value is None:
            return 'n/a'
        differing = [f'{tool} x{scale}' for scale, tool in self.equal_text
                     if results['scales'].get(str(scale), {}).get('content', {})
                     .get(tool, {}).get('differs', True)]
        if differing:
            return 'NOT READ: other text (' + ', '.join(differing) + ')'
        if self.value <= self.limit if self.op == '<=' else self.value < self.limit:
            return 'met'
        return f'NOT MET: {self.value / self.limit:.2f}x the limit'


def goals(results: dict, cpu: bool = False) -> list[Goal]:
    """The goals of issue 7, by wall or CPU time. The PDF goals compare tools
    that laid out the same text (within SAME_CONTENT), by seconds per
    character laid out."""
    prefix = 'cpu_' if cpu else ''
    r50 = results['scales'].get('50', {}).get(f'{prefix}ratios', {})
    r10 = results['scales'].get('10', {}).get(f'{prefix}ratios', {})
    g = results[f'{prefix}growth']
    booklet50 = results['scales'].get('50', {}).get('tools', {}).get(OURS_PDF, {})
    incr = results.get('incremental', {})
    return [
        Goal('PDF x50: booklet/rst2pdf per char', r50.get('booklet/rst2pdf per char'), '<=',
             1 / 3, ((50, 'rst2pdf'),)),
        Goal('PDF x50: booklet/latexpdf per char', r50.get('booklet/latexpdf per char'), '<=',
             1 / 2, ((50, 'latexpdf'),)),
        Goal('PDF x10: booklet/rinoh per char (rinoh to x10)',
             r10.get('booklet/rinoh per char'), '<=', 1 / 10, ((10, 'rinoh'),)),
        Goal('PDF x50: rendering/floor per char, in process',
             r50.get('booklet render/floor per char'), '<=', 1.5, ((50, 'floor'),)),
        Goal('PDF growth x50/x10 (linear: 5)', g.get('x50/x10', {}).get(OURS_PDF), '<=', 5.5),
        Goal('PDF x50 peak memory, MB', booklet50.get('peak_mb'), '<', 200),
        Goal('edit one program at x50: make html pdf/full', incr.get(f'{prefix}ratio'), '<=',
             1 / 4),
        Goal('edit one program at x50: make/full', incr.get(f'{prefix}ratio_make'), '<=',
             1 / 4),
        Goal('HTML x50: ours/Sphinx default, no -j', r50.get('html/html-default'), '<=', 1 / 4),
        Goal('HTML x50: ours/Sphinx default, -j', r50.get('html/html-default-j'), '<=', 1 / 4),
        Goal('HTML growth x200/x50 (linear: 4)', g.get('x200/x50', {}).get(OURS_HTML), '<=',
             4.4),
    ]


def differing_text(results: dict) -> list[str]:
    """Every PDF tool and scale whose text differs from our booklet's."""
    return [f'{name} x{scale} ({c["vs_ours"]:+.1%})'
            for scale, data in results['scales'].items()
            for name, c in data.get('content', {}).items() if c.get('differs')]


def print_incremental(i: dict) -> None:
    print(f'\nincremental x50, edited {i["edited"]}: full {i["full_median_s"]}, '
          f'after edit {i["incremental_median_s"]}; make html pdf: ratio {i["ratio"]:.3f} '
          f'wall, {i["cpu_ratio"]:.3f} CPU; make (with the handouts): '
          f'{i["ratio_make"]:.3f} wall, {i["cpu_ratio_make"]:.3f} CPU; HTML and booklet alone: '
          f'{i["ratio_html_booklet"]:.3f} wall, {i["cpu_ratio_html_booklet"]:.3f} CPU '
          f'(CPU s: full {i["cpu_full_median_s"]}, '
          f'after edit {i["cpu_incremental_median_s"]})')


def print_report(results: dict, active: list[Tool]) -> None:
    labels = {t.name: t.label for t in active}
    print(f'\nEvery Sphinx tool ran with sphinx-build -j {results["jobs"]} '
          f'on {results["machine"]["cpus"]} CPUs. Text laid out: characters (no white '
          f'space), words and pages read back from each PDF (benchmarks/content.py).')
    for scale, data in results['scales'].items():
        print(f'\nx{scale} ({data["programs"]} program files)')
        print(f'  {"tool":14}{"median s":>9}{"runs s":>20}{"CPU s":>8}{"peak MB":>9}'
              f'{"chars":>9}{"words":>8}{"pages":>6}{"vs ours":>9}  what')
        for name, t in data['tools'].items():
            runs = ' '.join(f'{w:.2f}' for w in t['runs'])
            c = data.get('content', {}).get(name, {})
            versus = f'{c["vs_ours"]:+.1%}' if 'vs_ours' in c else ''
            flag = f'  TEXT DIFFERS by more than {SAME_CONTENT:.0%}' if c.get('differs') else ''
            print(f'  {name:14}{t["median_s"]:9.2f}{runs:>20}{t["cpu_median_s"]:8.2f}'
                  f'{t["peak_mb"]:9.1f}{c.get("chars", ""):>9}{c.get("words", ""):>8}'
                  f'{t.get("pages", ""):>6}{versus:>9}  {labels[name]}{flag}')
        for name, t in data['tools'].items():
            if 'phases' in t:
                print(f'  phases {name:14} ' + ', '.join(
                    f'{p} {v["wall"]:.2f} s ({v["cpu"]:.2f} CPU)' for p, v in t['phases'].items()))
        for k, v in data['ratios'].items():
            per_run = ' '.join(f'{r:.3f}' for r in data['paired_ratios'].get(k, []))
            print(f'  ratio {k:34} {v:7.3f} wall  {data["cpu_ratios"].get(k, 0):7.3f} CPU'
                  + (f'  per run: {per_run}' if per_run else ''))
    for span, values in results['growth'].items():
        cpu = results['cpu_growth'][span]
        print(f'\ngrowth {span} (wall / CPU): '
              + ', '.join(f'{k} {v:.2f} / {cpu.get(k, 0):.2f}' for k, v in values.items()))
    if results.get('incremental'):
        print_incremental(results['incremental'])
    for name, why in results['not_run'].items():
        print(f'not run: {name}: {why}')
    print('\nGoals (issue 7) on equal text, by wall time and by CPU time')
    for goal in results['goals']:
        shown = []
        for kind in ('wall', 'cpu'):
            value = goal[kind]
            shown.append(f'{"-" if value is None else f"{value:.3f}":>8} '
                         f'{goal[f"{kind}_verdict"]:<26}')
        print(f'  {goal["goal"]:48} {goal["limit"]:>9}  wall {shown[0]} CPU {shown[1]}')


def only_incremental(args) -> None:
    """The one-program edit at x50 alone, to build/bench/incremental.json."""
    ours = {t.name: t for t in tools(False) if t.name in (OURS_HTML, OURS_PDF)}
    results = bench_incremental(50, args.runs, ours, {}, args.jobs)
    (BENCH / 'incremental.json').write_text(json.dumps(results, indent=2))
    print_incremental(results)


def check_mechanisms() -> bool:
    """Run benchmarks/mechanisms (the speed-ups' own tests): figures from a
    build where one of them is not in effect would mislead."""
    done = subprocess.run([str(VENV / 'bin' / 'python'), '-m', 'pytest', '-q', '-p',
                           'no:cacheprovider', str(HERE / 'mechanisms')], cwd=REPO)
    print('speed-ups in effect (benchmarks/mechanisms):',
          'yes' if done.returncode == 0 else 'NO: see the failures above')
    return done.returncode == 0


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--scales', type=int, nargs='+', default=[1, 10, 50, 200])
    parser.add_argument('--runs', type=int, default=3, help='runs per tool and scale')
    parser.add_argument('--tools', nargs='+', help='only these tools')
    parser.add_argument('--no-incremental', action='store_true')
    parser.add_argument('--only-incremental', action='store_true',
                        help='only the one-program edit at x50 (make html pdf, make)')
    parser.add_argument('-j', '--jobs', default='auto',
                        help="sphinx-build -j for every Sphinx tool, ours and the others "
                             "(default: %(default)s, as `make` builds)")
    args = parser.parse_args(argv)
    if args.only_incremental:
        return only_incremental(args)

    mechanisms = check_mechanisms()
    with_latex = all(shutil.which(t) for t in ('latexmk', 'pdflatex', 'make'))
    active = [t for t in tools(with_latex) if not args.tools or t.name in args.tools]
    if any(t.python == VENV_BENCH / 'bin' / 'python' and not t.missing for t in active):
        ensure_bench_venv()
    results = {'machine': {'cpus': os.cpu_count(), 'python': platform.python_version(),
                           'platform': platform.platform(),
                           'date': time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())},
               'mechanisms_in_effect': mechanisms,
               'runs': args.runs, 'jobs': args.jobs, 'scales': {}, 'growth': {}, 'cpu_growth': {}, 'not_run': {}}
    failed = {}
    for scale in args.scales:
        data = bench_scale(scale, active, args.runs, failed, args.jobs)
        results['scales'][str(scale)] = data
        data['ratios'] = ratios(results, scale)
        data['cpu_ratios'] = ratios(results, scale, 'cpu_median_s')
        data['paired_ratios'] = paired_ratios(results, scale)
    scales = sorted(args.scales)
    for low, high in zip(scales, scales[1:]):
        results['growth'][f'x{high}/x{low}'] = growth(results, low, high)
        results['cpu_growth'][f'x{high}/x{low}'] = growth(results, low, high, 'cpu_median_s')
    names = {t.name: t for t in active}
    if not args.no_incremental and 50 in args.scales and OURS_HTML in names:
        results['incremental'] = bench_incremental(50, args.runs, names, failed, args.jobs)
    results['not_run'] = {t.name: t.missing for t in active if t.missing}
    results['not_run'].update(failed)
    results['goals'] = [{'goal': w.text, 'limit': f'{w.op} {w.limit:.3f}',
                         'wall': w.value, 'wall_verdict': w.verdict(results),
                         'cpu': c.value, 'cpu_verdict': c.verdict(results)}
                        for w, c in zip(goals(results), goals(results, True))]
    results['text_differs'] = differing_text(results)
    RESULTS.write_text(json.dumps(results, indent=2))
    print_report(results, active)
    print(f'\nWritten {RESULTS}; logs in {LOGS}/')
    if results['text_differs']:
        sys.exit(f'\nbench: FAILED: these tools laid out other text than our booklet '
                 f'(more than {SAME_CONTENT:.0%} apart), so their figures compare unequal '
                 f'work: {", ".join(results["text_differs"])}')


if __name__ == '__main__':
    main()
