"""English the engine left in a French output: the engine's English catalog
(its template) read as the fragments of text each message prints."""
import re

from helpguide.locale import LOCALE_DIR, catalogs

REPO_LOCALE = LOCALE_DIR.parents[1] / 'locale'
_PLACEHOLDER = re.compile(r'%\([a-z_]+\)[-+ #0-9.]*[sdifr]|%%')
_LABEL = re.compile(r':(?:guilabel|menuselection|kbd):`([^`]*)`')


def _ui_labels(language: str) -> str:
    """Every label the guide keeps as the programs show it (``:guilabel:``)."""
    found = []
    for po in (REPO_LOCALE / language / 'LC_MESSAGES').glob('*.po'):
        for message in catalogs.read(po):
            found.extend(_LABEL.findall(str(message.string)))
    return '\n'.join(found)


def engine_english(language: str = 'fr') -> dict[str, str]:
    """Fragment of English text -> the engine message it comes from, for every
    message *language* does not write the same as English. A fragment is the
    text between placeholders with at least two words, or one word of seven
    letters or more that is the whole message or starts with a capital
    ("Contents", "Edition"); one that is also a UI label of the guide's
    programs is no sign of English."""
    translations = catalogs.read(LOCALE_DIR / language / 'LC_MESSAGES' / 'helpguide.po')
    labels = _ui_labels(language)
    fragments = {}
    for message in catalogs.read(LOCALE_DIR / 'helpguide.pot'):
        translated = translations.get(message.id)
        if not message.id or translated is None or translated.string == message.id:
            continue
        for fragment in _PLACEHOLDER.split(message.id):
            fragment = ' '.join(fragment.split()).strip(' .,;:')
            whole = fragment == message.id.strip(' .,;:')
            word = len(fragment) >= 7 and (whole or fragment[:1].isupper())
            if (len(fragment.split()) >= 2 or word) and fragment not in labels:
                fragments[fragment] = message.id
    return fragments


def english_left(text: str, language: str = 'fr') -> dict[str, str]:
    """The engine's English fragments found in *text* (whitespace squeezed)."""
    text = ' '.join(text.split())
    return {fragment: message for fragment, message in engine_english(language).items()
            if re.search(rf'(?<!\w){re.escape(fragment)}(?!\w)', text)}
