"""The support checklist is never split by a page turn: in every print
product and on every paper it stands on one page, or on the two facing
pages of a spread (a left-hand page and the right-hand one after it); the
saddle-stitched booklet prints nothing on its outside back cover."""

import pytest
from pypdf import PdfReader
from sheet_text import halves


PAPERS = ['letter', 'a4']


def outline(reader, items=None):
    """(title, physical page) of every bookmark."""
    for item in reader.outline if items is None else items:
        if isinstance(item, list):
            yield from outline(reader, item)
        else:
            yield item.title, reader.get_destination_page_number(item) + 1


def checklist_pages(app, pdf) -> list[int]:
    """Physical pages (1-based) showing the checklist's section: the page
    its heading's bookmark points to and each page holding one of its
    fields (a label is drawn with its field)."""
    domain = app.env.get_domain('checklist')
    [docname] = domain.data['fields']
    title = app.env.titles[docname].astext()
    names = {field['name'] for field in domain.fields()}
    reader = PdfReader(pdf)
    pages = {page for text, page in outline(reader) if text == title}
    pages.update(number for number, page in enumerate(reader.pages, start=1)
                 if any(annot.get_object().get('/T') in names
                        for annot in page.get('/Annots', ())))
    assert names <= set(reader.get_fields() or ())
    return sorted(pages)


def assert_in_view(pages: list[int], *, spreads: bool):
    assert pages, 'the checklist is not in the output'
    if len(pages) == 1:
        return
    assert spreads, f'the checklist runs over pages {pages} of a product without spreads'
    left, right = pages
    assert right == left + 1 and left % 2 == 0, f'pages {pages} do not face each other'


@pytest.mark.parametrize('paper', PAPERS)
def test_booklet_keeps_the_checklist_on_a_page_or_a_spread(real_guide, paper):
    app = real_guide('booklet', paper)
    pdf = app.outdir / app.config.booklet_filename

    assert_in_view(checklist_pages(app, pdf), spreads=True)


@pytest.mark.parametrize('paper', PAPERS)
def test_stand_alone_form_is_one_page(real_guide, paper):
    app = real_guide('support-checklist', paper)
    pdf = app.outdir / 'support-checklist.pdf'

    assert len(PdfReader(pdf).pages) == 1
    assert_in_view(checklist_pages(app, pdf), spreads=False)


@pytest.mark.parametrize('paper', PAPERS)
def test_saddle_stitch_keeps_the_checklist_in_view_and_the_back_cover_blank(
        paper, real_guide):
    app = real_guide('saddle-stitch', paper)
    pages = real_guide.half_size_pages(paper)
    imposed = app.outdir / 'guide-saddle-stitch.pdf'

    assert_in_view(checklist_pages(app, pages), spreads=True)
    # The outside back cover: the left half of the first side.
    back_cover, front_cover = halves(imposed, 1)
    assert back_cover == ''
    assert front_cover
