"""Email programs as data: directives, their per-document store, and the
chapters and appendix generated from them."""
from . import listings
from .directives import EmailProgram, PlatformChapter, Steps, UnsupportedPrograms
from .domain import ProgramsDomain
from .nodes import platform_steps, select_platform, unsupported_programs

__all__ = ['select_platform', 'platform_steps', 'unsupported_programs']


def setup(app):
    app.add_config_value('guide_platforms',
                         [('windows', 'Windows'), ('macintosh', 'Macintosh')], 'env')
    app.add_config_value('guide_programs_dir', 'programs', 'env', types=frozenset({str}))
    app.add_domain(ProgramsDomain)
    # Sphinx's translators dispatch through the MRO: platform_steps renders as
    # the container it is; the placeholder never survives to a writer.
    app.add_node(platform_steps)
    app.add_node(unsupported_programs)
    app.add_directive('email-program', EmailProgram)
    app.add_directive('steps', Steps)
    app.add_directive('platform-chapter', PlatformChapter)
    app.add_directive('unsupported-programs', UnsupportedPrograms)
    app.connect('env-get-outdated', listings.reread_listings)
    app.connect('env-before-read-docs', listings.read_programs_first)
    app.connect('env-updated', listings.reread_stale_chapters)
    app.connect('doctree-resolved', listings.resolve_unsupported)
    return {
        'version': '1.0',
        'env_version': 2,
        'parallel_read_safe': True,
        'parallel_write_safe': True,
    }
