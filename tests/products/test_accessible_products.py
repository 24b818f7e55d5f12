"""The real guide's handouts and checklist form are tagged PDF/UA-1 and
PDF/A-2: the project's checker finds nothing, the structure reads back in
the guide's order, the form's fields are Form elements with their labels."""
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent.parent / 'pdf'))  # the structure reader
from structure import squeeze, struct_text, structure, tagged_text  # noqa: E402

from helpguide.pdf.tagging.check import check  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope='module')
def handouts(real_guide):
    return sorted(real_guide('handouts').outdir.glob('*.pdf'))


@pytest.fixture(scope='module')
def form(real_guide):
    return real_guide('support-checklist').outdir / 'support-checklist.pdf'


def test_every_handout_passes_the_checker(handouts):
    assert handouts
    assert {path.name: check(path) for path in handouts} == {path.name: [] for path in handouts}


def test_a_handout_reads_in_the_order_of_its_steps(handouts, repo):
    eudora = next(path for path in handouts if path.name == 'eudora-5-windows.pdf')
    text = tagged_text(eudora)
    tree = structure(eudora)
    assert [h.role for h in tree.walk() if re.fullmatch(r'H\d', h.role)][0] == 'H1'
    steps = tree.find('L')[0]
    labels = re.findall(r'Lbl.*\n\s*"(.*)"', struct_text(eudora))
    assert labels[:len(steps.kids)] == [f'{n}.' for n in range(1, len(steps.kids) + 1)]
    at = 0
    for phrase in ('Eudora 5.x', 'Versions', 'Platform', 'Windows', 'Open Eudora.',
                   'On the Tools menu, click Options.', 'Exit Eudora before using SSL',
                   'Before you call support'):
        found = text.find(squeeze(phrase), at)
        assert found >= 0, f'{phrase!r} missing or out of order'
        at = found


def test_form_fields_are_form_elements_with_their_labels(form):
    text = struct_text(form)
    forms = structure(form).find('Form')
    assert len(forms) == 7 and all(len(f.annots) == 1 and f.mcids for f in forms)
    assert re.search(r'Form\n\s+"Operating system name"\n\s+Object \d+', text)


def test_form_passes_the_checker(form):
    """The font a viewer types filled-in values in too: embedded, with ToUnicode."""
    assert check(form) == []
