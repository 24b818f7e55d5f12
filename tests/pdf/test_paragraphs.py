"""The booklet's Paragraph reads its markup without ReportLab's HTML parser and
must set exactly what ReportLab's own parser would: same fragments (text,
font, size, colour, links), same bullet."""
import pytest
from reportlab.platypus import Paragraph as ReportLabParagraph

from helpguide.pdf.paragraphs import Paragraph, tuple_tree
from helpguide.pdf.registry import escape
from helpguide.pdf.styles import book_styles

STYLES = book_styles()


def fragments(paragraph):
    """What a fragment prints with, comparable across parses."""
    return [sorted((k, repr(v)) for k, v in vars(frag).items()) for frag in paragraph.frags]


def settings(style):
    return {k: v for k, v in vars(style).items() if k != 'parent'}


def inline(name, markup):
    return STYLES.inline(name, markup)


MARKUP = [
    'Plain text, nothing else.',
    escape('Fish & chips <cheap> "quoted"'),
    f'Open {inline("guilabel", "Settings")} then {inline("strong", "Save")}.',
    inline('menuselection', f'Tools{inline("menu_arrow", " → ")}Accounts'),
    f'Host {inline("literal", escape("smtp.example.net:465"))} &amp; port',
    f'<a href="#{escape("d3/a&b")}">{inline("link", "see there")}</a> and on',
    f'x<sub>2</sub> and e<super>{inline("emphasis", "iπ")}</super>',
    f'{inline("problematic", "oops")}<br/>next line',
    f'<a href="https://example.com/?a=1&amp;b=2">{inline("link", "site")}</a> '
    + inline('url', '(https://example.com/?a=1&amp;b=2)'),
    '  spread\n   over   lines  ',
    '',
]

# Not the booklet's regular markup: ReportLab's parser reads these.
IRREGULAR = [
    "<font color='red'>single quotes</font>",
    '<font color=red>unquoted</font>',
    'a stray &nbsp; entity and &#8594; a number',
    '<para alignment="center">own paragraph attributes</para>',
    '<b>unclosed',
    'closed</b> without opening',
]


@pytest.mark.parametrize('markup', MARKUP + IRREGULAR)
@pytest.mark.parametrize('style', ['body', 'table_cell', 'heading2'])
def test_fragments_are_those_of_reportlabs_parser(markup, style):
    try:
        expected = ReportLabParagraph(markup, STYLES[style], bulletText='1.')
    except ValueError:
        with pytest.raises(ValueError):
            Paragraph(markup, STYLES[style], bulletText='1.')
        return
    got = Paragraph(markup, STYLES[style], bulletText='1.')
    assert fragments(got) == fragments(expected)
    assert (got.text, got.bulletText) == (expected.text, expected.bulletText)
    # <para> attributes make a new style (with a copy of the parent) each time
    assert settings(got.style) == settings(expected.style)
    width = STYLES.base * 12
    assert got.wrap(width, 1000) == expected.wrap(width, 1000)


@pytest.mark.parametrize('markup', MARKUP)
def test_the_booklets_markup_skips_reportlabs_parser(markup):
    assert tuple_tree(markup) is not None


@pytest.mark.parametrize('markup', IRREGULAR)
def test_other_markup_goes_to_reportlabs_parser(markup):
    assert tuple_tree(markup) is None


def test_a_paragraph_pushed_to_the_next_page_is_laid_out_again():
    """A paragraph wrapped twice at one width keeps its lines; one that found no
    room (ReportLab's split drops its lines) is wrapped again and draws."""
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    text = ' '.join(['Open the account settings and choose the outgoing server.'] * 6)
    width = STYLES.base * 20
    got, expected = Paragraph(text, STYLES['body']), ReportLabParagraph(text, STYLES['body'])
    assert got.wrap(width, 1000) == got.wrap(width, 1000) == expected.wrap(width, 1000)
    assert got.split(width, STYLES['body'].leading) == []  # no orphan line left behind
    assert got.wrap(width, 1000) == expected.wrap(width, 1000)
    assert got.blPara.lines == expected.blPara.lines
    got.drawOn(Canvas(BytesIO()), 0, 0)
