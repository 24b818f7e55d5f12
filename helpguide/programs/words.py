"""The words a guide uses for its subjects and platforms, set in conf.py.

The engine knows *subjects* (email programs, router models, browsers), each
on one or more *platforms* (Windows, a firmware family), and each supported
or not. Every text an output prints about them (data boxes, the appendix,
handouts, the CD bundle) takes its words from these settings, whose
defaults are neutral; a guide names its own (``guide_subject_noun = 'email
program'``, ``guide_supported_label = 'SSL for outgoing mail'``).
"""
import re
from dataclasses import dataclass

from ..locale import N_, _

#: setting name -> (default, what it is for)
WORD_SETTINGS = {
    'guide_subject_noun': (N_('product'), 'what one subject file describes, in lower case: '
                                      '"email program", "router model"'),
    'guide_subject_noun_plural': ('', 'plural of guide_subject_noun; empty: by the '
                                      'regular English rule'),
    'guide_platform_noun': (N_('platform'), 'what a platform is, in lower case: '
                                        '"computer", "firmware family"'),
    'guide_platform_noun_plural': ('', 'plural of guide_platform_noun; empty: by the '
                                       'regular English rule'),
    'guide_supported_label': (N_('Status'), 'label of the :supported: fact in the data box, '
                                           'e.g. "SSL for outgoing mail"'),
    'guide_versions_label': (N_('Versions'), 'label of the :versions: fact'),
    'guide_upgrade_label': (N_('Upgrade to'), 'label of the :upgrade: advice'),
}


def plural(noun: str) -> str:
    """The regular English plural: "family" -> "families", "box" -> "boxes"."""
    if re.search(r'[^aeiou]y$', noun):
        return noun[:-1] + 'ies'
    if re.search(r'(s|x|z|ch|sh)$', noun):
        return noun + 'es'
    return noun + 's'


def capitalized(text: str) -> str:
    """First letter in capitals, the rest as written ("iPhone" stays)."""
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class Words:
    subject: str        # "email program"
    subjects: str       # "email programs"
    platform: str       # "platform"
    platforms: str      # "platforms"
    supported: str      # "SSL for outgoing mail"
    versions: str       # "Versions"
    upgrade: str        # "Upgrade to"

    @classmethod
    def of(cls, config) -> 'Words':
        """The words of *config* (Sphinx's Config, or any object with the settings)."""
        def get(name):
            # A default is the engine's word, in the build's language.
            default = WORD_SETTINGS[name][0]
            value = getattr(config, name, default) or default
            return _(value) if default and value == default else value

        subject, platform = get('guide_subject_noun'), get('guide_platform_noun')
        return cls(subject=subject,
                   subjects=get('guide_subject_noun_plural') or (
                       _('products') if subject == _('product') else plural(subject)),
                   platform=platform,
                   platforms=get('guide_platform_noun_plural') or (
                       _('platforms') if platform == _('platform') else plural(platform)),
                   supported=get('guide_supported_label'),
                   versions=get('guide_versions_label'),
                   upgrade=get('guide_upgrade_label'))
