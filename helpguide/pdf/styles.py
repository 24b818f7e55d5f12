"""Every style of the booklet, by semantic name.

Handlers and templates ask for ``styles['note']`` or ``styles.inline('guilabel', text)``
and never name a font, size or colour themselves; every value comes from the
guide's :class:`~helpguide.style.Style` (its TOML style sheet over the
engine's default), and a different look for the booklet, a handout or a form
is a different :class:`StyleSheet`.
"""
from dataclasses import dataclass, field

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from helpguide.style import Style, default_style

from .fonts import Fonts, register_fonts


@dataclass(frozen=True)
class Box:
    """How a boxed block (note, sidebar, code) is drawn."""
    background: Color
    border: Color
    rule: Color          # the thick rule on the left edge
    padding: float = 6
    title_style: str = 'box_title'


@dataclass(frozen=True)
class Inline:
    """Paragraph markup that wraps an inline run of text."""
    font: str | None = None
    color: Color | None = None
    back: Color | None = None
    size: float | None = None
    tags: tuple[str, ...] = ()

    def wrap(self, markup: str) -> str:
        attrs = ''.join(f' {k}="{v}"' for k, v in (
            ('face', self.font), ('size', self.size),
            ('color', self.color and self.color.hexval()),
            ('backColor', self.back and self.back.hexval())) if v)
        opened = ''.join(f'<{t}>' for t in self.tags)
        closed = ''.join(f'</{t}>' for t in reversed(self.tags))
        inner = f'{opened}{markup}{closed}'
        return f'<font{attrs}>{inner}</font>' if attrs else inner


@dataclass
class StyleSheet:
    """Paragraph styles, inline styles, boxes and sizes by semantic name."""
    base: float = 10
    paragraphs: dict[str, ParagraphStyle] = field(default_factory=dict)
    inlines: dict[str, Inline] = field(default_factory=dict)
    boxes: dict[str, Box] = field(default_factory=dict)
    style: Style | None = None
    fonts: Fonts | None = None
    colors: dict[str, Color] = field(default_factory=dict)

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.paragraphs[name]

    def heading(self, level: int) -> ParagraphStyle:
        return self.paragraphs[f'heading{min(max(level, 1), 4)}']

    def hanging(self, name: str, indent: float) -> ParagraphStyle:
        """*name* with its bullet hung *indent* to the left of the text."""
        key = f'{name}@{indent:g}'
        if key not in self.paragraphs:
            self.paragraphs[key] = ParagraphStyle(key, self.paragraphs[name],
                                                  bulletIndent=-indent)
        return self.paragraphs[key]

    def inline(self, name: str, markup: str) -> str:
        return self.inlines[name].wrap(markup)

    def table_commands(self) -> list[tuple]:
        """TableStyle commands every table starts from (ReportLab's default
        cell font is Helvetica, a standard-14 font we never embed)."""
        return [('FONTNAME', (0, 0), (-1, -1), self.paragraphs['body'].fontName),
                ('VALIGN', (0, 0), (-1, -1), 'TOP')]

    @property
    def list_indent(self) -> float:
        """Hanging indent of list items and quotes."""
        return 1.8 * self.base

    def color(self, value: str) -> Color:
        """A colour value of the style (``#RRGGBB`` or a name in its [colors])."""
        return HexColor(self.style.color(value))


def book_styles(style: Style | None = None) -> StyleSheet:
    """The booklet's style sheet from *style* (default: the engine's own)."""
    style = style or default_style()
    fonts = register_fonts(style)
    face = fonts.face
    colors = {name: HexColor(value) for name, value in style['colors'].items()}
    colors['white'] = white
    ACCENT, BRAND, MUTED, RULE = (colors[n] for n in ('accent', 'brand', 'muted', 'rule'))
    WARN, CODE_BG = colors['warning_rule'], colors['code_background']
    base, lead = style['text']['size'], style['text']['leading']
    sizes, leadings = style['headings']['sizes'], style['headings']['leadings']
    cover = style['cover']
    serif, sans, mono = face('body'), face('heading'), face('mono')
    sans_bold = face('heading', bold=True)

    # Every style descends from root, so none falls back to ReportLab's
    # Helvetica (for list labels, say) where it sets no font of its own.
    # No paragraph leaves its last line alone at the top of a page (a widow).
    # The fallback chain rides on every style (helpguide.pdf.paragraphs).
    root = ParagraphStyle('root', fontName=serif, fontSize=base, leading=lead,
                          textColor=colors['text'], bulletFontName=sans_bold,
                          bulletColor=ACCENT, allowWidows=0, fallback=fonts)

    def ps(name, parent=root, **kw):
        return ParagraphStyle(name, parent=parent, **kw)

    body = ps('body', spaceAfter=base * 0.6)
    styles = [
        body,
        ps('compact', body, spaceAfter=base * 0.2),
        ps('lead', body, fontName=sans, fontSize=base * 1.1, leading=base * 1.55,
           textColor=MUTED, spaceAfter=base * 1.2),
        ps('heading1', fontName=sans_bold, fontSize=sizes[0], leading=leadings[0],
           textColor=BRAND, spaceBefore=0, spaceAfter=base * 1.6, keepWithNext=1),
        ps('heading2', fontName=sans_bold, fontSize=sizes[1], leading=leadings[1],
           textColor=BRAND, spaceBefore=base * 1.6, spaceAfter=base * 0.7, keepWithNext=1),
        ps('heading3', fontName=sans_bold, fontSize=sizes[2], leading=leadings[2],
           spaceBefore=base * 1.2, spaceAfter=base * 0.5, keepWithNext=1),
        ps('heading4', fontName=face('heading', bold=True, italic=True), fontSize=sizes[3],
           leading=leadings[3], spaceBefore=base, spaceAfter=base * 0.4, keepWithNext=1),
        ps('rubric', fontName=sans_bold, fontSize=base, leading=lead, textColor=ACCENT,
           spaceBefore=base * 0.8, spaceAfter=base * 0.3, keepWithNext=1),
        ps('subtitle', fontName=sans, fontSize=base * 1.2, leading=base * 1.6,
           textColor=MUTED, spaceAfter=base, keepWithNext=1),
        ps('box_title', fontName=sans_bold, fontSize=base * 0.95, leading=lead,
           textColor=ACCENT, spaceAfter=base * 0.2, keepWithNext=1),
        ps('warn_title', fontName=sans_bold, fontSize=base * 0.95, leading=lead,
           textColor=WARN, spaceAfter=base * 0.2, keepWithNext=1),
        ps('term', fontName=face('body', bold=True), fontSize=base, leading=lead,
           spaceAfter=base * 0.1, keepWithNext=1),
        ps('field_name', fontName=sans_bold, fontSize=base * 0.9, leading=lead,
           textColor=ACCENT),
        ps('code', fontName=mono, fontSize=base * 0.85, leading=base * 1.2,
           spaceAfter=base * 0.6),
        ps('math', fontName=mono, fontSize=base * 0.9, leading=base * 1.3,
           alignment=TA_CENTER, spaceAfter=base * 0.6),
        ps('line', body, spaceAfter=0),
        ps('attribution', body, alignment=TA_RIGHT, fontName=face('body', italic=True)),
        ps('caption', body, fontName=face('heading', italic=True), fontSize=base * 0.85,
           leading=base * 1.2, textColor=MUTED, alignment=TA_CENTER),
        ps('footnote', body, fontSize=base * 0.85, leading=base * 1.2,
           spaceAfter=base * 0.3),
        ps('table_head', fontName=sans_bold, fontSize=base * 0.9, leading=base * 1.25,
           spaceAfter=base * 0.2),
        ps('table_cell', body, fontSize=base * 0.9, leading=base * 1.25,
           spaceAfter=base * 0.2),
        ps('system_message', body, fontName=mono, fontSize=base * 0.8, textColor=WARN),
        ps('centered', body, alignment=TA_CENTER),
        # Page furniture
        ps('running_head', fontName=sans, fontSize=base * 0.8, leading=base,
           textColor=MUTED),
        ps('folio', fontName=sans_bold, fontSize=base * 0.85, leading=base, textColor=BRAND),
        # Contents
        ps('contents_title', fontName=sans_bold, fontSize=sizes[0], leading=leadings[0],
           textColor=BRAND, spaceAfter=base * 1.6),
        ps('contents1', fontName=sans_bold, fontSize=base * 1.1, leading=base * 1.5,
           spaceBefore=base * 0.9, spaceAfter=base * 0.2, keepWithNext=1),
        ps('contents2', fontName=serif, fontSize=base, leading=base * 1.4,
           leftIndent=base * 1.5),
        ps('contents3', fontName=serif, fontSize=base * 0.9, leading=base * 1.3,
           leftIndent=base * 3, textColor=MUTED),
        # Index (back matter): a letter above its entries, a sub-entry indented
        # under its term, a long entry's next lines hung further in.
        ps('index_letter', fontName=sans_bold, fontSize=sizes[2], leading=leadings[2],
           textColor=BRAND, spaceBefore=base * 0.9, spaceAfter=base * 0.3, keepWithNext=1),
        ps('index_entry', fontName=serif, fontSize=base * 0.9, leading=base * 1.25,
           leftIndent=base * 1.5, firstLineIndent=-base * 1.5),
        ps('index_subentry', fontName=serif, fontSize=base * 0.9, leading=base * 1.25,
           leftIndent=base * 2.7, firstLineIndent=-base * 1.5),
        # Cover
        ps('cover_brand', fontName=sans_bold, fontSize=base * 1.4, leading=base * 1.8,
           textColor=HexColor(style.color(cover['brand_color']))),
        ps('cover_title', fontName=sans_bold, fontSize=cover['title_size'],
           leading=cover['title_size'] * 1.2,
           textColor=HexColor(style.color(cover['title_color'])), alignment=TA_LEFT),
        ps('cover_subtitle', fontName=sans, fontSize=cover['subtitle_size'],
           leading=cover['subtitle_size'] + base * 0.5,
           textColor=HexColor(style.color(cover['subtitle_color']))),
        ps('cover_meta', fontName=sans, fontSize=base, leading=base * 1.4, textColor=MUTED),
        # The support checklist: labels above write-in lines
        ps('form_label', fontName=sans_bold, fontSize=base * 0.9, leading=base * 1.2,
           textColor=HexColor(style.color(style['form']['label_color']))),
        ps('form_hint', fontName=sans, fontSize=base * 0.8, leading=base, textColor=MUTED),
    ]
    sheet = StyleSheet(base=base, paragraphs={s.name: s for s in styles}, style=style,
                       fonts=fonts, colors=colors)
    sheet.inlines.update({
        'emphasis': Inline(tags=('i',)),
        'strong': Inline(tags=('b',)),
        'literal': Inline(font=mono, size=round(base * 0.9, 1)),
        'kbd': Inline(font=face('mono', bold=True), size=round(base * 0.85, 1), back=CODE_BG),
        'guilabel': Inline(font=sans_bold, size=round(base * 0.9, 1), color=ACCENT,
                           back=colors['label_background']),
        'menuselection': Inline(font=sans_bold, size=round(base * 0.9, 1), color=ACCENT),
        'menu_arrow': Inline(font=sans, color=MUTED),
        'url': Inline(font=sans, size=round(base * 0.8, 1), color=MUTED),
        'link': Inline(color=colors['link']),
        'index_main': Inline(tags=('b',)),  # the page an entry marks as its main place
        'math': Inline(font=mono, size=round(base * 0.9, 1)),
        'problematic': Inline(color=WARN, tags=('b',)),
        'title_reference': Inline(tags=('i',)),
        'small': Inline(size=round(base * 0.8, 1)),
    })
    sheet.boxes.update({
        'note': Box(colors['note_background'], colors['note_background'],
                    colors['note_rule']),
        'warning': Box(colors['warning_background'], colors['warning_background'], WARN,
                       title_style='warn_title'),
        'topic': Box(white, RULE, RULE),
        'code': Box(CODE_BG, CODE_BG, CODE_BG, padding=5),
    })
    return sheet
