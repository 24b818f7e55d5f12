"""The floor: the guide's text laid out by plain ReportLab platypus.

No docutils and no Sphinx: the reStructuredText is read line by line (titles,
paragraphs, list items, notes; directives' own lines dropped, roles and
substitutions turned into their text), in the booklet's order (front matter,
one chapter per platform with its programs' steps for that platform, the
appendix table of programs without SSL, the support chapter), and laid out
with the same fonts and paper, with a running head and a folio on every page,
twice as the contents' and index's page numbers need (ReportLab's
multiBuild, SimpleIndex). What this costs is what any reStructuredText-to-PDF
path must pay at least.

    python benchmarks/floor_reportlab.py build/bench/src-x10 out.pdf
"""
import argparse
import json
import os
import re
import runpy
import time
from html import escape
from pathlib import Path

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table
from reportlab.platypus.tableofcontents import SimpleIndex, TableOfContents

# The subjects' index entries from their names, as the booklet makes them
# (a function of the name, no Sphinx at work).
from helpguide.programs.index import entry_values

FONTS = {'Serif': 'DejaVuSerif', 'Serif-Bold': 'DejaVuSerif-Bold',
         'Serif-Italic': 'DejaVuSerif-Italic', 'Sans-Bold': 'DejaVuSans-Bold',
         'Mono': 'DejaVuSansMono'}
_HEADING_CHARS = set('=-~^"\'`#*+')
_ROLE = re.compile(r':(\w+):`([^`]*)`')
_STRONG = re.compile(r'\*\*(.+?)\*\*')
_LITERAL = re.compile(r'``(.+?)``')
_OPTION = re.compile(r'^\s*:([\w-]+):\s*(.*)$')
_DIRECTIVE = re.compile(r'^(\s*)\.\.\s+([\w-]+)::\s*(.*)$')
_SUBST_DEF = re.compile(r'^(\s*)\.\.\s+\|([^|]+)\|\s+replace::\s*(.*)$')
_ITEM = re.compile(r'^(\s*)(#\.|[-*]|\d+\.)\s+(.*)$')
# Directives whose content the booklet sets under a label, and the label.
LABELS = {'note': 'Note', 'support-contacts': 'Contact details not set'}


def register_fonts(fonts_dir: Path) -> None:
    for name, stem in FONTS.items():
        pdfmetrics.registerFont(TTFont(name, str(fonts_dir / f'{stem}.ttf')))
    # <b> and <i> in paragraphs switch to these faces.
    for bold, italic, face in ((0, 0, 'Serif'), (1, 0, 'Serif-Bold'),
                               (0, 1, 'Serif-Italic'), (1, 1, 'Serif-Bold')):
        addMapping('Serif', bold, italic, face)


def make_styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle('body', fontName='Serif', fontSize=10, leading=14, spaceAfter=6)
    return {
        'body': body,
        'item': ParagraphStyle('item', parent=body, leftIndent=18, bulletIndent=4),
        'title': ParagraphStyle('title', parent=body, fontName='Sans-Bold', fontSize=24,
                                leading=30, spaceAfter=24),
        'h1': ParagraphStyle('h1', parent=body, fontName='Sans-Bold', fontSize=18,
                             leading=24, spaceBefore=12, spaceAfter=12),
        'h2': ParagraphStyle('h2', parent=body, fontName='Sans-Bold', fontSize=14,
                             leading=18, spaceBefore=10, spaceAfter=6),
        'h3': ParagraphStyle('h3', parent=body, fontName='Sans-Bold', fontSize=11,
                             leading=14, spaceBefore=8, spaceAfter=4),
        'contents': ParagraphStyle('contents', parent=body, leftIndent=12, spaceAfter=2),
        'label': ParagraphStyle('label', parent=body, fontName='Sans-Bold', spaceAfter=2),
    }


class Source:
    """The guide's sources and settings, read without docutils."""

    def __init__(self, root: Path):
        self.root = root
        conf = runpy.run_path(str(root / 'conf.py'))
        self.conf = conf
        self.substitutions = {
            'brand': conf['guide_brand'], 'guide_title': conf['guide_title'],
            'smtp_host': conf['guide_smtp_host'], 'help_site': conf['guide_help_site']}
        self.platforms = conf['guide_platforms']
        self.programs = sorted((self._program(p) for p in
                                (root / 'source' / 'programs').glob('*.rst')),
                               key=lambda p: (p['order'], p['name'].casefold(), p['id']))

    def text(self, name: str) -> str:
        return (self.root / 'source' / f'{name}.rst').read_text(encoding='utf-8')

    def _program(self, path: Path) -> dict:
        text = path.read_text(encoding='utf-8')
        pid = _DIRECTIVE.match(text.splitlines()[0]).group(3).strip()
        options = {}
        for line in text.splitlines()[1:]:
            found = _OPTION.match(line)
            if not found:
                break
            options[found.group(1)] = found.group(2)
        return {'id': pid, 'name': options['name'], 'versions': options.get('versions', ''),
                'platforms': options['platforms'].replace(',', ' ').split(),
                'ssl': options['ssl'] == 'yes', 'upgrade': options.get('upgrade', ''),
                'requires': options.get('requires', ''),
                'order': int(options.get('order', 1000)), 'text': text}


def inline(text: str, subs: dict[str, str]) -> str:
    """Paragraph markup for a line of reStructuredText."""
    for _ in range(2):  # a substitution's text may use another one
        text = re.sub(r'\|([^|\s][^|]*)\|', lambda m: subs.get(m.group(1), m.group(1)), text)
    text = escape(text, quote=False)
    text = _LITERAL.sub(r'<font face="Mono">\1</font>', text)
    text = _STRONG.sub(r'<b>\1</b>', text)
    return _ROLE.sub(lambda m: f'<b>{m.group(2).replace("--&gt;", "&#8594;")}</b>', text)


def drop_other_platforms(text: str, platform: str) -> str:
    """Remove ``steps`` blocks that are not for ``platform``."""
    out, skip_indent = [], None
    for line in text.splitlines():
        indent = len(line) - len(line.lstrip())
        if skip_indent is not None:
            if not line.strip() or indent > skip_indent:
                continue
            skip_indent = None
        found = _DIRECTIVE.match(line)
        if found and found.group(2) == 'steps' and platform not in found.group(3).split():
            skip_indent = len(found.group(1))
            continue
        out.append(line)
    return '\n'.join(out)


def local_substitutions(text: str, subs: dict[str, str]) -> tuple[str, dict[str, str]]:
    """Take ``.. |x| replace::`` definitions out of ``text``; return both."""
    subs, out, lines, i = dict(subs), [], text.splitlines(), 0
    while i < len(lines):
        found = _SUBST_DEF.match(lines[i])
        if not found:
            out.append(lines[i])
            i += 1
            continue
        indent, value = len(found.group(1)), [found.group(3)]
        i += 1
        while i < len(lines) and lines[i].strip() and \
                len(lines[i]) - len(lines[i].lstrip()) > indent:
            value.append(lines[i].strip())
            i += 1
        subs[found.group(2)] = ' '.join(value)
    return '\n'.join(out), subs


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def blocks(text: str, subs: dict[str, str], styles, level: int = 1) -> list:
    """Flowables for the titles, paragraphs and list items of ``text``."""
    text, subs = local_substitutions(text, subs)
    lines = text.splitlines()
    story, para, bullet = [], [], None
    underlines = []

    entries = []  # index entries waiting for the paragraph they point at

    def flush():
        nonlocal para, bullet
        if para:
            markup = index_tags(entries) + inline(' '.join(para), subs)
            entries.clear()
            if bullet is not None:
                story.append(Paragraph(markup, styles['item'], bulletText=bullet))
            else:
                story.append(Paragraph(markup, styles['body']))
        para, bullet = [], None

    numbers = 0
    i = 0
    while i < len(lines):
        line, stripped = lines[i], lines[i].strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ''
        if stripped and nxt and set(nxt) <= _HEADING_CHARS and len(nxt) >= len(stripped) \
                and len(set(nxt)) == 1:
            flush()
            if nxt[0] not in underlines:
                underlines.append(nxt[0])
            depth = level + underlines.index(nxt[0])
            story.append(Paragraph(inline(stripped, subs), styles[f'h{min(depth, 3)}']))
            i += 2
            continue
        if not stripped:
            flush()
        elif _DIRECTIVE.match(line) or _OPTION.match(line) and not para:
            flush()
            numbers = 0
            found = _DIRECTIVE.match(line)
            if found and found.group(2) in LABELS:
                story.append(Paragraph(LABELS[found.group(2)], styles['label']))
            if found and found.group(2) == 'index':  # entries, not text
                i += 1
                while i < len(lines) and (not lines[i].strip() or
                                          _indent(lines[i]) > len(found.group(1))):
                    kind, _, value = lines[i].strip().partition(':')
                    if kind == 'single':
                        entries.append(value)
                    i += 1
                continue
        elif _ITEM.match(line):
            flush()
            found = _ITEM.match(line)
            numbers = numbers + 1 if found.group(2) == '#.' else 0
            bullet = f'{numbers}.' if found.group(2) == '#.' else '\u2022'
            para = [found.group(3)]
        else:
            para.append(stripped)
        i += 1
    flush()
    return story


def join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else f'{", ".join(names[:-1])} and {names[-1]}'


def program_story(program: dict, platform: str | None, source: Source, styles) -> list:
    """The program's title, data box (the status only where it is news, as
    the booklet's), requirement and steps."""
    names = dict(source.platforms)
    story = [Paragraph(index_tags(entry_values(program['name'])) + escape(program['name']),
                       styles['h2'])]
    facts = [('Versions', program['versions'])] if program['versions'] else []
    facts.append(('Platforms', join_names([names[p] for p in program['platforms']])))
    if not program['ssl']:
        facts.append(('SSL for outgoing mail', 'not supported'))
    if program['upgrade']:
        facts.append(('Upgrade to', program['upgrade']))
    for label, value in facts:
        story.append(Paragraph(f'<b>{label}:</b> {escape(value)}', styles['body']))
    required, _, requirement = program['requires'].partition(':')
    if requirement and required.strip() in (platform, None):
        story += [Paragraph('Note', styles['label']),
                  Paragraph(escape(requirement.strip()), styles['body'])]
    text = program['text'] if platform is None else \
        drop_other_platforms(program['text'], platform)
    return story + blocks(text, source.substitutions, styles, level=3)


def contents(styles) -> TableOfContents:
    """The contents, chapters and their sections with their pages, as the
    booklet's: filled in by a second pass (Document.afterFlowable)."""
    toc = TableOfContents()
    toc.levelStyles = [styles['contents'],
                       ParagraphStyle('contents2', parent=styles['contents'], leftIndent=24)]
    return toc


class Document(SimpleDocTemplate):
    def afterFlowable(self, flowable):
        if isinstance(flowable, Paragraph) and flowable.style.name in ('h1', 'h2') \
                and flowable.getPlainText() != 'Contents':
            self.notify('TOCEntry', (int(flowable.style.name[1]) - 1,
                                     flowable.getPlainText(), self.page))


def index_tags(entries: list[str]) -> str:
    """ReportLab's index marks for Sphinx's ``main; sub`` entries."""
    return ''.join(f'<index item="{escape(",".join(p.strip() for p in entry.split(";")))}"/>'
                   for entry in entries)


def guide_story(source: Source, styles, index: SimpleIndex) -> list:
    subs, conf = source.substitutions, source.conf
    story = [Paragraph(escape(conf['guide_brand']), styles['body']),
             Paragraph(escape(conf['guide_title']), styles['title']),
             Paragraph(escape(conf['guide_subtitle']), styles['body']),
             Paragraph(escape(f'Edition {conf["guide_edition"]} · January 1, 2026'),
                       styles['body']),
             Paragraph(escape(conf['guide_author']), styles['body']), PageBreak(),
             Paragraph('Contents', styles['h1']), contents(styles), PageBreak()]
    chapters = []
    for pid, name in source.platforms:
        programs = [p for p in source.programs if p['ssl'] and pid in p['platforms']]
        chapters.append((pid, name, programs))
    story += blocks(source.text('index').split('.. toctree::')[0], subs, styles)
    story += blocks(source.text('introduction'), subs, styles)
    for pid, name, programs in chapters:
        story.append(PageBreak())
        story += blocks(source.text(pid), subs, styles)
        for program in programs:
            story += program_story(program, pid, source, styles)
    story.append(PageBreak())
    story += blocks(source.text('unsupported'), subs, styles)
    rows = [['Email program', 'Platforms', 'Upgrade to']]
    names = dict(source.platforms)
    for p in (p for p in source.programs if not p['ssl']):
        rows.append([Paragraph(f'{index_tags(entry_values(p["name"]))}<b>{escape(p["name"])}</b>',
                               styles['body']),
                     Paragraph(join_names([names[x] for x in p['platforms']]), styles['body']),
                     Paragraph(escape(p['upgrade']), styles['body'])])
    story.append(Table(rows, colWidths=[2.5 * inch, 1.2 * inch, 2.5 * inch], repeatRows=1))
    story.append(PageBreak())
    story += blocks(source.text('support'), subs, styles)
    story += [PageBreak(), Paragraph('Index', styles['h1']), index]
    return story


def folio(canvas, doc):
    canvas.setFont('Serif', 9)
    canvas.drawCentredString(doc.pagesize[0] / 2, 0.5 * inch, str(doc.page))


def running_head(canvas, doc):
    """The guide's title above the text and the folio below, as the booklet's
    pages carry a running head and a folio."""
    folio(canvas, doc)
    canvas.drawString(doc.leftMargin, doc.pagesize[1] - 0.5 * inch, doc.title)


def build(root: Path, out: Path) -> int:
    """Lay out the guide in ``root`` into ``out``; return the page count."""
    source = Source(root)
    register_fonts(root / 'helpguide' / 'fonts')
    styles = make_styles()
    paper = {'letter': LETTER, 'a4': A4}[source.conf.get('guide_paper', 'letter')]
    doc = Document(str(out), pagesize=paper, title=source.conf['guide_title'], invariant=1)
    wall, cpu = time.perf_counter(), time.process_time()
    index = SimpleIndex(headers=False)
    doc.multiBuild(guide_story(source, styles, index), onFirstPage=folio,
                   onLaterPages=running_head, canvasmaker=index.getCanvasMaker())
    if os.environ.get('BENCH_PHASES'):  # the benchmark compares this with the booklet's
        Path(os.environ['BENCH_PHASES']).write_text(json.dumps({'rendering+layout+writing': {
            'wall': round(time.perf_counter() - wall, 3),
            'cpu': round(time.process_time() - cpu, 3)}}))
    return doc.page


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('root', type=Path, help='folder with conf.py and source/')
    parser.add_argument('out', type=Path, help='PDF to write')
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    print(f'{build(args.root, args.out)} pages')


if __name__ == '__main__':
    main()
