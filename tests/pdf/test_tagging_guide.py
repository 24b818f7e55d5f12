"""The real guide's booklet read as a screen reader reads it: the structure
tree's text (``pdfinfo -struct-text``) holds every step of the guide, in the
guide's order, and the checker finds nothing wrong."""
import re

import pytest

import seed
from helpguide.pdf.tagging.check import check
from structure import struct_text, structure

pytestmark = pytest.mark.slow


@pytest.fixture(scope='module')
def booklet(real_guide):
    app = real_guide('booklet')
    return app, app.outdir / app.config.booklet_filename


def reading(path) -> str:
    """The tagged text, normalised as the seed is, without whitespace."""
    quoted = re.findall(r'^\s*"(.*)"\s*$', struct_text(path), re.MULTILINE)
    return re.sub(r'\s+', '', seed.normalize(' '.join(quoted))).casefold()


def test_every_step_is_read_in_the_guides_order(booklet):
    app, pdf = booklet
    text = reading(pdf)
    steps = seed.steps(app.config.guide_smtp_host, app.config.guide_brand)
    assert len(steps) > 40
    at = 0
    for platform, name, step in steps:
        wanted = re.sub(r'\s+', '', seed.normalize(step)).casefold()
        found = text.find(wanted, at)
        assert found >= 0, f'{platform} / {name}: {step!r} missing or out of order'
        at = found + 1


def test_steps_are_list_items_and_programs_headings(booklet):
    _app, pdf = booklet
    tree = structure(pdf)
    headings = [node.role for node in tree.walk() if re.fullmatch(r'H[1-6]', node.role)]
    assert headings.count('H1') >= 4 and 'H2' in headings
    items = [item for lst in tree.find('L') for item in lst.kids]
    assert len(items) > 40 and all(item.roles[-1] == 'LBody' for item in items)


def test_the_booklet_passes_the_checker(booklet):
    assert check(booklet[1]) == []
