"""The second guide, examples/home-routers: router models on two firmware
families, built with its own Makefile (every output and the CD bundle) and
read back: chapters, appendix, handouts per model and firmware, the form,
the saddle-stitch booklet, and the guide's own words everywhere."""
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.guides.home_routers import built_example, bundle_folder
from tests.products.pdf_fonts import fonts
from sphinxrun import html_text

pytestmark = pytest.mark.slow

#: handout -> (text it must show, text of the other firmware it must not)
HANDOUTS = {
    'homehub-100-classic.pdf': ('Set Security mode to WPA2-PSK (AES).', 'Wi-Fi password'),
    'homehub-200-classic.pdf': ('Type your new password in Network key, twice.',
                                'Wi-Fi password'),
    'homehub-200-nova.pdf': ('Under Protection, choose WPA2 Personal.', 'Network key'),
    'homehub-300-nova.pdf': ('Turn on One network for both bands.', 'Network key'),
}


def squeeze(text: str) -> str:
    return ' '.join(text.split())


def pdf_text(path: Path) -> str:
    return squeeze(' '.join(page.extract_text() for page in PdfReader(path).pages))


@pytest.fixture(scope='module')
def built(repo, tmp_path_factory) -> Path:
    return built_example(repo, tmp_path_factory)


def page(built, name) -> str:
    return squeeze(html_text((built / 'build/html' / f'{name}.html')
                             .read_text(encoding='utf-8'), ' '))


def chapter(built, name) -> list[str]:
    html = (built / 'build/html' / f'{name}.html').read_text(encoding='utf-8')
    wrapper = html[html.index('toctree-wrapper'):]
    return re.findall(r'<a class="reference internal" href="models/[^"]*">([^<]+)</a>',
                      wrapper[:wrapper.index('</div>')])


def test_builds_every_output_without_a_warning(built):
    stderr = (built / 'stderr.txt').read_text(encoding='utf-8')
    assert 'WARNING' not in stderr and 'ERROR' not in stderr, stderr
    pdf = built / 'build/pdf'
    assert (built / 'build/html/index.html').is_file()
    for name in ('guide.pdf', 'support-checklist.pdf', 'guide-saddle-stitch.pdf'):
        assert (pdf / name).is_file(), name
    assert sorted(p.name for p in (pdf / 'handouts').glob('*.pdf')) == sorted(HANDOUTS)


def test_chapters_list_the_supported_models_of_their_firmware(built):
    assert chapter(built, 'classic') == ['HomeHub 100', 'HomeHub 200']
    assert chapter(built, 'nova') == ['HomeHub 200', 'HomeHub 300']


def test_model_page_shows_the_guides_labels(built):
    hub = page(built, 'models/homehub-200')
    assert ('Hardware versions : B1, B2, B3 Firmware families : Classic firmware and Nova '
            'firmware') in hub
    # The status is news only where a model is not supported.
    assert 'WPA2 encryption' not in hub
    assert 'WPA2 encryption : not supported' in page(built, 'models/dsl-modem-1')
    assert 'Hardware version B1 needs Classic firmware 1.8 or later' in hub


def test_appendix_lists_the_unsupported_models_with_upgrade_advice(built):
    appendix = page(built, 'unsupported')
    assert ('Router model Firmware families Upgrade to '
            'DSL Modem 1 Classic firmware HomeHub 100 or later (free swap: call support) '
            'SpeedLink 10 Classic firmware HomeHub 200 (free swap: call support)') in appendix
    for model in ('HomeHub 100', 'HomeHub 300'):
        assert model not in appendix.replace('HomeHub 100 or later', '')
    assert 'SpeedLink' not in page(built, 'classic')


def bookmarks(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, page number) of every bookmark, in order."""
    reader = PdfReader(path)

    def walk(outline, depth):
        for item in outline:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield depth, item.title, reader.get_destination_page_number(item) + 1

    return list(walk(reader.outline, 0))


def test_booklet_holds_the_chapters_in_order_and_the_appendix(built):
    marks = bookmarks(built / 'build/pdf/guide.pdf')
    assert [(depth, title) for depth, title, _page in marks] == [
        (0, 'Cover'), (0, 'Contents'), (0, 'Introduction'),
        (1, 'Which firmware does my router run?'),
        (0, 'Classic firmware'), (1, 'HomeHub 100'), (1, 'HomeHub 200'),
        (0, 'Nova firmware'), (1, 'HomeHub 200'), (1, 'HomeHub 300'),
        (0, 'Routers without WPA2'), (0, 'Before you call support'), (0, 'Index')]
    pages = [page for _depth, _title, page in marks]
    assert pages == sorted(pages)
    reader = PdfReader(built / 'build/pdf/guide.pdf')
    appendix = squeeze(reader.pages[marks[-3][2] - 1].extract_text())
    assert 'Router model Firmware families Upgrade to' in appendix
    assert 'DSL Modem 1' in appendix and 'HomeHub 200 (free swap: call support)' in appendix
    nova = squeeze(reader.pages[marks[-4][2] - 1].extract_text())
    assert 'HomeHub 300 Hardware versions C1 Firmware families Nova firmware' in nova
    # The models are indexed from their names: "HomeHub" with its numbers below it.
    index = squeeze(' '.join(page.extract_text() for page in reader.pages[marks[-1][2] - 1:]))
    assert index.startswith('Index') and 'HomeHub 100,' in index and 'DSL Modem' in index


def test_handouts_hold_their_own_models_firmware_only(built):
    for name, (own, other) in HANDOUTS.items():
        text = pdf_text(built / 'build/pdf/handouts' / name)
        firmware = name[:-len('.pdf')].rpartition('-')[2]
        assert own in text, name
        assert other not in text, name
        assert f'Firmware family {firmware.capitalize()} firmware' in text, name
        assert 'Connect the computer to the router with a network cable' in text  # prerequisite
        assert 'Before you call support' in text and 'Router model and hardware version' in text
        assert ('needs Classic firmware 1.8' in text) == (name == 'homehub-200-classic.pdf')


def test_checklist_form_has_the_guides_fields(built):
    fields = PdfReader(built / 'build/pdf/support-checklist.pdf').get_fields()
    assert list(fields) == ['model', 'firmware', 'when', 'errors', 'cable']


def test_saddle_stitch_imposes_every_page_two_to_a_side(built):
    pages = len(PdfReader(built / 'build/pdf/guide.pdf').pages)
    sheets = PdfReader(built / 'build/pdf/guide-saddle-stitch.pdf').pages
    assert len(sheets) == -(-pages // 4) * 2
    box = sheets[0].mediabox
    assert float(box.width) > float(box.height)   # landscape sheets


def test_every_pdf_embeds_its_fonts(built):
    for path in sorted((built / 'build/pdf').rglob('*.pdf')):
        assert fonts(path) and all(fonts(path).values()), path


def test_no_output_speaks_of_the_first_guides_subject(built):
    texts = [pdf_text(path) for path in sorted((built / 'build/pdf').rglob('*.pdf'))]
    texts += [squeeze(html_text(path.read_text(encoding='utf-8'), ' '))
              for path in sorted((built / 'build/html').rglob('*.html'))]
    bundle = bundle_folder(built)
    readme = (bundle / 'README.txt').read_text(encoding='utf-8')
    landing = (bundle / 'index.html').read_text(encoding='utf-8')
    assert 'One-page handouts, one per router model and firmware family' in readme
    assert 'One-page handouts, one per router model</h2>' in landing
    assert "Every router model's steps" in landing or 'Every router model&#39;s steps' in landing
    for text in [*texts, readme, landing]:
        assert not re.search(r'email|e-mail|SSL|outgoing mail|Macintosh', text, re.I), text[:200]
