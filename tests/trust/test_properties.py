"""Property tests: documents assembled at random from reStructuredText
constructs and odd text build to HTML and to the booklet without a warning or
a traceback, and every word of them is in what a reader gets."""
import re
import string
import subprocess
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sphinxrun import html_text, sphinx_build

# Letters of several scripts the fonts cover, digits, and characters that mean
# something to HTML or to ReportLab's paragraph markup. Left out: what is
# markup in reStructuredText (* ` | _ [ ] \ :) and what smartquotes rewrites.
ALPHABET = (string.ascii_letters + string.digits + 'éüßøñçÅÆœ' + 'ΩπλЖжЯ'
            + '<>&#%+=~^$!?;,()@/{}')
WORD = st.text(ALPHABET, min_size=1, max_size=12).filter(lambda w: not w.startswith(('#', '/')))
WORDS = st.lists(WORD, min_size=1, max_size=8)


def line(words):
    return 'Text ' + ' '.join(words)  # a fixed first word: no line starts a list


@st.composite
def block(draw):
    """(reStructuredText, its words) of one block construct."""
    kind = draw(st.sampled_from(['paragraph', 'bullets', 'numbers', 'nested', 'quote', 'note',
                                 'definitions', 'literal', 'table', 'lines', 'inline', 'fields',
                                 'footnote', 'link', 'section']))
    texts = draw(st.lists(WORDS, min_size=1, max_size=4))
    words = [word for text in texts for word in text]
    if kind == 'paragraph':
        return line(words), words
    if kind == 'bullets':
        return '\n'.join(f'- {line(text)}' for text in texts), words
    if kind == 'numbers':
        return '\n'.join(f'#. {line(text)}' for text in texts), words
    if kind == 'nested':
        items = ['  ' * depth + f'- {line(text)}' for depth, text in enumerate(texts)]
        return '\n\n'.join(items), words
    if kind == 'quote':
        quoted = '\n\n'.join(f'   {line(text)}' for text in texts)
        return f'Quoted:\n\n{quoted}', ['Quoted', *words]
    if kind == 'note':
        return '.. note::\n\n' + '\n\n'.join(f'   {line(text)}' for text in texts), words
    if kind == 'definitions':
        return '\n'.join(f'Term{n}\n   {line(text)}' for n, text in enumerate(texts)), words
    if kind == 'literal':
        return 'Code::\n\n' + '\n'.join(f'   {" ".join(text)}' for text in texts), ['Code'] + words
    if kind == 'table':
        rows = '\n'.join(f'   * - {line(text)}\n     - cell{n}' for n, text in enumerate(texts))
        return f'.. list-table::\n\n{rows}', words
    if kind == 'lines':
        return '\n'.join(f'| {line(text)}' for text in texts), words
    if kind == 'inline':
        marked = [f'*{w}*' if n % 3 == 0 else f'**{w}**' if n % 3 == 1 else f'``{w}``'
                  for n, w in enumerate(words)]
        return 'Text ' + ' and '.join(marked), words
    if kind == 'fields':
        fields = '\n'.join(f':Field{n}: {line(text)}' for n, text in enumerate(texts))
        return f'Fields:\n\n{fields}', ['Fields', *words]
    if kind == 'footnote':
        return f'{line(texts[0])} [#]_\n\n.. [#] {line(words)}', words
    if kind == 'link':
        plain = draw(st.lists(st.text(string.ascii_letters, min_size=1, max_size=9), min_size=1,
                              max_size=5))
        return f'Text `{" ".join(plain)} <https://example.com/>`_ {line(words)}', plain + words
    title = line(words)
    return f'{title}\n{"-" * len(title)}\n\n{line(words)} again', words


@st.composite
def document(draw):
    blocks = draw(st.lists(block(), min_size=1, max_size=6))
    text = 'Random document\n===============\n\n' + '\n\n'.join(rst for rst, _ in blocks) + '\n'
    return text, [word for _, words in blocks for word in words]


def build(srcdir: Path, text: str, builder: str):
    srcdir.mkdir(parents=True)
    # The print edition alone, the one the booklet's test reads: the screen
    # edition sets the same text on pages of the same size.
    (srcdir / 'conf.py').write_text("extensions = ['helpguide']\nguide_logo = ''\n"
                                    "booklet_editions = ['print']\n", encoding='utf-8')
    (srcdir / 'index.rst').write_text(text, encoding='utf-8')
    return sphinx_build(srcdir, srcdir, srcdir / 'out', srcdir / 'doctrees', builder)


def squeezed(text: str) -> str:
    return re.sub(r'\s+', '', text)


def missing_words(words, text: str) -> list[str]:
    flat = squeezed(text)
    return [word for word in words if squeezed(word) not in flat]


EXAMPLES = settings(max_examples=25, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


@EXAMPLES
@given(document())
def test_random_documents_build_to_html_with_every_word(tmp_path_factory, doc):
    text, words = doc
    app, warnings = build(tmp_path_factory.mktemp('html') / 'src', text, 'html')
    assert (app.statuscode, warnings) == (0, ''), text
    page = html_text((Path(app.outdir) / 'index.html').read_text(encoding='utf-8'))
    assert missing_words(words, page) == [], text


@EXAMPLES
@given(document())
def test_random_documents_build_to_the_booklet_with_every_word(tmp_path_factory, doc):
    text, words = doc
    app, warnings = build(tmp_path_factory.mktemp('pdf') / 'src', text, 'booklet')
    assert (app.statuscode, warnings) == (0, ''), text
    pdf = Path(app.outdir) / app.config.booklet_filename
    extracted = subprocess.run(['pdftotext', str(pdf), '-'], check=True, capture_output=True,
                               text=True).stdout
    assert missing_words(words, extracted) == [], text
