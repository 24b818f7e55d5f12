"""The style in the HTML guide: CSS custom properties and ``@font-face``
rules generated from the same style as the booklet, with the font files
copied beside them, so the screen guide works offline and matches print."""
import shutil
from pathlib import Path

CSS_FILE = 'helpguide-style.css'
FONTS = 'fonts'
#: CSS family names of the style's roles, and what the browser uses if the
#: file cannot be read
FAMILIES = {'body': ('guide-body', 'serif'), 'heading': ('guide-heading', 'sans-serif'),
            'mono': ('guide-mono', 'monospace')}
FACES = (('normal', 'normal'), ('bold', 'normal'), ('normal', 'italic'), ('bold', 'italic'))


def font_format(path: Path) -> str:
    return 'opentype' if path.suffix.lower() == '.otf' else 'truetype'


def stylesheet(style) -> tuple[str, dict[str, Path]]:
    """The CSS text, and the font files it names (file name -> path)."""
    files: dict[str, Path] = {}
    rules = []
    for role, (family, _generic) in FAMILIES.items():
        for path, (weight, slant) in zip(style.family(role), FACES, strict=True):
            files[path.name] = path
            rules.append(f'@font-face {{ font-family: "{family}"; '
                         f'src: url("{FONTS}/{path.name}") format("{font_format(path)}"); '
                         f'font-weight: {weight}; font-style: {slant}; }}')
    colors = style['colors']
    text = style['text']
    props = {f'--guide-{name.replace("_", "-")}': value for name, value in colors.items()}
    props.update({
        '--guide-font-body': f'"{FAMILIES["body"][0]}", {FAMILIES["body"][1]}',
        '--guide-font-heading': f'"{FAMILIES["heading"][0]}", {FAMILIES["heading"][1]}',
        '--guide-font-mono': f'"{FAMILIES["mono"][0]}", {FAMILIES["mono"][1]}',
        '--guide-leading': f'{text["leading"] / text["size"]:.3g}',
        '--guide-band': style.color(style['cover']['band_color']),
        '--guide-band-text': style.color(style['cover']['brand_color']),
    })
    root = ''.join(f'\n  {name}: {value};' for name, value in props.items())
    css = ('/* Generated from the guide\'s style sheet (helpguide.style); '
           'do not edit. */\n' + '\n'.join(rules) + f'\n:root {{{root}\n}}\n')
    return css, files


def write_stylesheet(app, exception) -> None:
    if exception or app.builder.format != 'html':
        return
    from . import style_of

    css, files = stylesheet(style_of(app))
    static = Path(app.outdir) / '_static'
    (static / FONTS).mkdir(parents=True, exist_ok=True)
    for name, path in files.items():
        target = static / FONTS / name
        if not target.is_file() or target.stat().st_size != path.stat().st_size:
            shutil.copyfile(path, target)
    (static / CSS_FILE).write_text(css, encoding='utf-8')


def add_stylesheet(app) -> None:
    if app.builder.format == 'html':
        # Before the theme's own sheet, which uses the properties.
        app.add_css_file(CSS_FILE, priority=200)


def setup(app):
    app.connect('builder-inited', add_stylesheet)
    app.connect('build-finished', write_stylesheet)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
