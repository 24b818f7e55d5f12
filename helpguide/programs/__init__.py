"""A guide's subjects as data (email programs, router models): directives,
their per-document store, the words the guide uses for them, and the
chapters and appendix generated from them."""
from . import listings
from .directives import EmailProgram, PlatformChapter, Steps, Subject, UnsupportedSubjects
from .domain import ProgramsDomain, note_titles
from .nodes import platform_steps, select_platform, unsupported_programs
from .words import WORD_SETTINGS, Words, capitalized

__all__ = ['select_platform', 'platform_steps', 'unsupported_programs', 'Words', 'capitalized']

#: (id, title) of each platform a guide's subjects are for, in its order
DEFAULT_PLATFORMS = [('windows', 'Windows'), ('macintosh', 'Macintosh')]


def setup(app):
    app.add_config_value('guide_platforms', DEFAULT_PLATFORMS, 'env')
    app.add_config_value('guide_subjects_dir', 'subjects', 'env', types=frozenset({str}))
    for name, (default, _doc) in WORD_SETTINGS.items():
        app.add_config_value(name, default, 'env', types=frozenset({str}))
    app.add_domain(ProgramsDomain)
    # Sphinx's translators dispatch through the MRO: platform_steps renders as
    # the container it is; the placeholder never survives to a writer.
    app.add_node(platform_steps)
    app.add_node(unsupported_programs)
    app.add_directive('subject', Subject)
    app.add_directive('email-program', EmailProgram)
    app.add_directive('steps', Steps)
    app.add_directive('platform-chapter', PlatformChapter)
    app.add_directive('unsupported-subjects', UnsupportedSubjects)
    app.add_directive('unsupported-programs', UnsupportedSubjects)
    app.connect('env-get-outdated', listings.reread_listings)
    app.connect('env-before-read-docs', listings.read_programs_first)
    app.connect('env-updated', listings.reread_stale_chapters)
    app.connect('env-updated', listings.expect_shared_subjects, priority=600)
    app.connect('doctree-resolved', listings.resolve_unsupported)
    # After the Locale transform, which translates a subject's title.
    app.connect('doctree-read', note_titles)
    return {
        'version': '1.0',
        'env_version': 3,
        'parallel_read_safe': True,
        'parallel_write_safe': True,
    }
