"""A style sheet: a TOML file read over the engine's default style, checked
key by key, every mistake a :class:`Problem` with the file and line."""
import glob
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from . import paper
from .coverage import cmap, readable
from .lines import key_lines, line_of
from ..problems import Problem

HERE = Path(__file__).resolve().parent
DEFAULT = HERE / 'default.toml'
FONT_DIR = HERE.parent / 'fonts'
#: Where ``system_fallback`` fonts are looked for (Debian's font packages)
SYSTEM_FONT_DIRS = ('/usr/share/fonts', '/usr/local/share/fonts')

FACES = ('regular', 'bold', 'italic', 'bold_italic')
ROLES = ('body', 'heading', 'mono')
POSITIONS = {f'{edge}-{side}' for edge in ('top', 'bottom')
             for side in ('outer', 'inner', 'center')} | {'none'}
_HEX = re.compile(r'^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$')
#: Characters every guide prints (its own furniture: digits, punctuation,
#: "Page 3"): a main face without one of them is a mistake of the style.
BASIC = frozenset(range(0x20, 0x7F))


# -- what each key may hold: a checker returns the value to keep or raises ValueError

def _number(low: float, high: float):
    def check(value, _style):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f'{value!r} is not a number')
        if not low <= value <= high:
            raise ValueError(f'{value} is outside {low:g} to {high:g}')
        return float(value)
    return check


def _sizes(value, _style):
    if not isinstance(value, list) or len(value) != 4:
        raise ValueError('give four sizes in points, for heading levels 1 to 4')
    return [_number(4, 200)(v, _style) for v in value]


def _color(value, _style):
    if not isinstance(value, str) or not _HEX.match(value):
        raise ValueError(f'{value!r} is not a colour: write it as #RRGGBB or #RGB')
    if len(value) == 4:
        value = '#' + ''.join(c * 2 for c in value[1:])
    return value.upper()


def _color_ref(value, style):
    """A colour, or the name of one in [colors]."""
    if isinstance(value, str) and value in style.get('colors', {}):
        return value
    try:
        return _color(value, style)
    except ValueError:
        raise ValueError(f'{value!r} is neither a colour (#RRGGBB) nor a name in [colors] '
                         f'({", ".join(sorted(style.get("colors", {})))})') from None


def _choice(*options):
    def check(value, _style):
        if value not in options:
            raise ValueError(f'{value!r} is not one of {", ".join(map(repr, options))}')
        return value
    return check


def _bool(value, _style):
    if not isinstance(value, bool):
        raise ValueError(f'{value!r} is not true or false')
    return value


def _mark(value, _style):
    """A short mark printed between words (one to three characters)."""
    if not isinstance(value, str) or not 1 <= len(value.strip()) <= 3:
        raise ValueError(f'{value!r} is not a mark of one to three characters')
    return value.strip()


def _page_size(value, _style):
    if value != 'paper':
        paper.page_size(value)
    return value


def _saddle(value, _style):
    if value != 'half-sheet':
        paper.page_size(value)
    return value


def _length(value, _style):
    paper.length(value, 1000)
    return value


def _position(value, _style):
    return _choice(*sorted(POSITIONS))(value, _style)


def embeddable(path: Path) -> str | None:
    """None if ReportLab reads *path* (it refuses some fonts fontTools reads:
    one whose licence forbids embedding, say), else why not."""
    from reportlab.pdfbase.ttfonts import TTFError, TTFontFile
    try:
        TTFontFile(str(path), validate=0)
    except TTFError as err:
        return f'cannot be embedded: {err}'
    return None


@cache
def system_font(name: str) -> Path | None:
    """The installed font file called *name*, if any."""
    if '/' in name:
        return None
    for folder in SYSTEM_FONT_DIRS:
        hits = sorted(glob.glob(f'{glob.escape(folder)}/**/{glob.escape(name)}', recursive=True))
        if hits:
            return Path(hits[0])
    return None


class Files:
    """Checkers of file values, relative to the style's folder."""

    def __init__(self, folder: Path):
        self.folder = folder

    def find(self, name: str) -> Path | None:
        """*name* beside the style, else among the engine's fonts, else among
        the system's (fonts of Debian packages, say)."""
        for candidate in (self.folder / name, FONT_DIR / name):
            if candidate.is_file():
                return candidate.resolve()
        return system_font(name)

    def font(self, value, _style) -> Path:
        if not isinstance(value, str) or not value:
            raise ValueError(f'{value!r} is not a font file name')
        path = self.find(value)
        if path is None:
            raise ValueError(f'font file not found: {value} (looked beside the style, in '
                             "the engine's fonts and in " + ', '.join(SYSTEM_FONT_DIRS) + ')')
        if why := readable(path) or (path.parent != FONT_DIR and embeddable(path)):
            raise ValueError(f'font file {value} {why}; give a TrueType-outline .ttf or .otf')
        return path

    def family(self, value, style) -> dict:
        if not isinstance(value, dict):
            raise ValueError('give the faces as a table: { regular = "X.ttf", bold = ..., '
                             'italic = ..., bold_italic = ... }')
        if unknown := sorted(set(value) - set(FACES)):
            raise ValueError(f'unknown face {unknown[0]!r}: faces are {", ".join(FACES)}')
        if 'regular' not in value:
            raise ValueError('a family needs at least its regular face')
        faces = {face: self.font(value[face], style) for face in FACES if face in value}
        covered = cmap(faces['regular'])
        missing = {code for code in BASIC if code not in covered}
        if missing:
            raise ValueError(f'font file {value["regular"]} has no glyph for '
                             + ', '.join(f'U+{c:04X}' for c in sorted(missing)[:8])
                             + ', which every guide prints')
        return faces

    def fonts(self, value, style) -> list[Path]:
        if not isinstance(value, list):
            raise ValueError('give a list of font file names')
        return [self.font(name, style) for name in value]

    @staticmethod
    def system_fonts(value, _style) -> list[Path]:
        """Found among the system's fonts; those not installed are left out."""
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError('give a list of font file names')
        return [path for name in value
                if (path := system_font(name)) is not None and readable(path) is None]

    def image(self, value, _style) -> Path | str:
        if value == '':
            return ''
        if not isinstance(value, str):
            raise ValueError(f'{value!r} is not an image file name')
        path = self.folder / value
        if not path.is_file():
            raise ValueError(f'image file not found: {path}')
        return path.resolve()


def schema(files: Files) -> dict:
    color, ref = _color, _color_ref
    return {
        'fonts': {'body': files.family, 'heading': files.family, 'mono': files.family,
                  'fallback': files.fonts, 'system_fallback': files.system_fonts},
        'text': {'size': _number(4, 72), 'leading': _number(4, 144), 'menu_arrow': _mark},
        'headings': {'sizes': _sizes, 'leadings': _sizes},
        'colors': dict.fromkeys(
            ('brand', 'accent', 'text', 'muted', 'link', 'rule', 'note_background',
             'note_rule', 'warning_background', 'warning_rule', 'table_rule', 'table_head',
             'data_box', 'code_background', 'code_emphasis', 'label_background'), color),
        'page': {'size': _page_size, 'inner': _length, 'outer': _length, 'top': _length,
                 'bottom': _length, 'mirrored': _bool, 'running_head': _position,
                 'folio': _position, 'saddle_stitch': _saddle},
        'cover': {'band_color': ref, 'band_height': _number(2, 40),
                  'logo': _choice('left', 'right', 'none'), 'background': files.image,
                  'brand_color': ref, 'title_size': _number(6, 144), 'title_color': ref,
                  'subtitle_size': _number(4, 72), 'subtitle_color': ref,
                  'qr_code': _choice('bottom-right', 'bottom-left', 'none'),
                  'qr_size': _number(3, 20), 'qr_color': ref, 'qr_label_size': _number(0.4, 2)},
        'handout': {'band_color': ref, 'band_height': _number(1.5, 20), 'text_color': ref,
                    'qr_code': _choice('right', 'none'), 'qr_size': _number(3, 12),
                    'qr_color': ref, 'qr_label_size': _number(0.4, 2)},
        'form': {'line_color': ref, 'row_rule_color': ref, 'label_color': ref},
    }


@dataclass(frozen=True, eq=False)
class Style:
    """A checked style: every key of the default, the guide's values over it
    (one object per build: equal by identity, so caches can key on it)."""
    data: dict
    path: Path = DEFAULT
    lines: dict = field(default_factory=dict, compare=False)

    def __getitem__(self, section: str) -> dict:
        return self.data[section]

    def color(self, value: str) -> str:
        """``#RRGGBB`` of a colour value or of a name in [colors]."""
        return self.data['colors'].get(value, value)

    def line(self, *key: str) -> int:
        return line_of(self.lines, *key)

    def family(self, role: str) -> tuple[Path, Path, Path, Path]:
        """The four faces of *role*; a face the family lacks is the nearest it
        has (bold italic: bold, else regular; italic: regular)."""
        faces = self.data['fonts'][role]
        regular = faces['regular']
        bold = faces.get('bold', regular)
        italic = faces.get('italic', regular)
        return regular, bold, italic, faces.get('bold_italic', bold)

    @property
    def fallback(self) -> list[Path]:
        fonts = self.data['fonts']
        return [*fonts['fallback'], *fonts['system_fallback']]

    def main_faces(self) -> list[Path]:
        return [path for role in ROLES for path in dict.fromkeys(self.family(role))]

    def page_size(self, paper_name: str) -> tuple[float, float]:
        """The booklet's page on *paper_name* (the style's own size, if it sets one)."""
        size = self.data['page']['size']
        return paper.page_size(paper_name if size == 'paper' else size)

    def margins(self, pagesize) -> dict[str, float]:
        """inner, outer, top and bottom margins in points on a page of *pagesize*."""
        width, height = pagesize
        page = self.data['page']
        return {side: paper.length(page[side], width if side in ('inner', 'outer') else height)
                for side in ('inner', 'outer', 'top', 'bottom')}


def _read(path: Path, problems: list) -> tuple[dict, dict]:
    try:
        text = path.read_text(encoding='utf-8')
    except (OSError, UnicodeDecodeError) as err:
        problems.append(Problem(str(path), 1, f'cannot read the style: {err}'))
        return {}, {}
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        where = re.search(r'\(at line (\d+)', str(err))
        message = re.sub(r'\s*\(at line \d+, column \d+\)', '', str(err))
        problems.append(Problem(str(path), int(where[1]) if where else 1,
                                f'not valid TOML: {message}'))
        return {}, {}
    return data, key_lines(text)


def _checked(raw: dict, path: Path, lines: dict, base: dict | None,
             problems: list) -> dict:
    """*raw* checked against the schema, over *base* (the default's values)."""
    files = Files(path.parent)
    rules = schema(files)
    out = {section: dict(values) for section, values in (base or {}).items()}
    # Colours first: other sections may name them.
    ordered = sorted(raw.items(), key=lambda item: item[0] != 'colors')
    for section, values in ordered:
        if section not in rules:
            problems.append(Problem(str(path), line_of(lines, section),
                                    f'unknown section [{section}]: sections are '
                                    + ', '.join(f'[{s}]' for s in rules)))
            continue
        if not isinstance(values, dict):
            problems.append(Problem(str(path), line_of(lines, section),
                                    f'{section} must be a table ([{section}])'))
            continue
        target = out.setdefault(section, {})
        for key, value in values.items():
            if key not in rules[section]:
                problems.append(Problem(
                    str(path), line_of(lines, section, key),
                    f'unknown key {key!r} in [{section}]: keys are '
                    + ', '.join(rules[section])))
                continue
            try:
                target[key] = rules[section][key](value, out)
            except ValueError as err:
                problems.append(Problem(str(path), line_of(lines, section, key),
                                        f'[{section}] {key}: {err}'))
    return out


@cache
def default_style() -> Style:
    problems: list[Problem] = []
    raw, lines = _read(DEFAULT, problems)
    data = _checked(raw, DEFAULT, lines, None, problems)
    if problems:  # the engine's own file: a mistake there is a bug
        raise RuntimeError('\n'.join(map(str, problems)))
    return Style(data, DEFAULT, lines)


def load_style(path: Path | None) -> tuple[Style, list[Problem]]:
    """The style of *path* over the default one, and its problems (the default
    style stands in where there are any, so a build can go on to report more)."""
    default = default_style()
    if path is None:
        return default, []
    problems: list[Problem] = []
    raw, lines = _read(path, problems)
    data = _checked(raw, path, lines, default.data, problems)
    if problems:
        return default, sorted(problems)
    return Style(data, path, lines), []
