"""The message catalogs: the engine's shipped ones match its sources, and an
update keeps translations, marking those whose English changed fuzzy."""
import io

from babel.messages.mofile import write_mo

from helpguide.locale import LOCALE_DIR, catalogs


def test_the_shipped_template_holds_every_message_of_the_engine():
    shipped = {message.id for message in catalogs.read(LOCALE_DIR / 'helpguide.pot') if message.id}
    extracted = {message.id for message in catalogs.engine_template() if message.id}
    assert extracted, 'no message found in the engine'
    assert shipped == extracted, 'run python -m helpguide.locale engine'


def test_each_shipped_compiled_catalog_is_its_po_compiled():
    pos = sorted(LOCALE_DIR.glob('*/LC_MESSAGES/helpguide.po'))
    assert [po.parts[-3] for po in pos] == ['fr']
    for po in pos:
        compiled = io.BytesIO()
        write_mo(compiled, catalogs.read(po))
        assert po.with_suffix('.mo').read_bytes() == compiled.getvalue(), \
            f'{po} is newer than its .mo: run python -m helpguide.locale engine'


def test_the_french_engine_catalog_translates_every_message():
    total, gaps = catalogs.gaps(LOCALE_DIR / 'fr' / 'LC_MESSAGES' / 'helpguide.po')
    assert total > 0
    assert gaps == []


def _template(*messages):
    template = catalogs.Catalog()
    for number, message in enumerate(messages, 1):
        template.add(message, locations=[('index.rst', number)])
    return template


def test_an_update_marks_a_changed_message_fuzzy_and_gaps_name_its_line(tmp_path):
    po = tmp_path / 'fr' / 'LC_MESSAGES' / 'index.po'
    catalogs.update(po, _template('Click OK.', 'Open the Tools menu.'), 'fr')
    text = po.read_text(encoding='utf-8')
    text = text.replace('msgid "Click OK."\nmsgstr ""', 'msgid "Click OK."\nmsgstr "Cliquez sur OK."')
    text = text.replace('msgid "Open the Tools menu."\nmsgstr ""',
                        'msgid "Open the Tools menu."\nmsgstr "Ouvrez le menu Outils."')
    po.write_text(text, encoding='utf-8')
    assert catalogs.gaps(po) == (2, [])

    catalogs.update(po, _template('Click OK.', 'Open the Tools menu, then Options.',
                                  'Close the window.'), 'fr')
    total, gaps = catalogs.gaps(po)
    assert total == 3
    assert [(gap.kind, gap.message) for gap in gaps] == [
        ('fuzzy', 'Open the Tools menu, then Options.'),
        ('untranslated', 'Close the window.')]
    lines = po.read_text(encoding='utf-8').splitlines()
    for gap in gaps:
        assert lines[gap.line - 1] == f'msgid "{gap.message}"'
    fuzzy = lines.index('msgid "Open the Tools menu, then Options."')
    assert lines[fuzzy + 1] == 'msgstr "Ouvrez le menu Outils."'   # the old translation kept
    assert '#, fuzzy' in lines[fuzzy - 3:fuzzy]


def test_an_update_that_changes_no_message_leaves_the_file_alone(tmp_path):
    po = tmp_path / 'index.po'
    assert catalogs.update(po, _template('Click OK.'), 'fr')
    before = po.read_bytes()
    assert not catalogs.update(po, _template('Click OK.'), 'fr')
    assert po.read_bytes() == before
