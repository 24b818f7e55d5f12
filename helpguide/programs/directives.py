"""Directives that declare a guide's subjects and assemble chapters from them.

``subject`` declares the facts of one subject (an email program, a router
model) and holds its steps; ``steps`` gives steps for one or more platforms
(steps that are the same on two platforms are written once);
``platform-chapter`` lists the supported subjects of a platform as a toctree;
``unsupported-subjects`` marks where the generated appendix goes. The first
guide's names, ``email-program`` (with ``:ssl:`` for ``:supported:``) and
``unsupported-programs``, are the same directives.
"""
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.directives.other import TocTree
from sphinx.util.docutils import SphinxDirective

from .domain import duplicate_message
from .index import index_node
from .model import Program, platform_list, program_id, requirement, yes_no
from .nodes import platform_steps, unsupported_programs
from ..locale import _
from .words import Words, capitalized


def platform_names(config) -> dict[str, str]:
    return dict(config.guide_platforms)


def join_names(names: list[str]) -> str:
    """"Windows", "Windows and Macintosh", "A, B and C", in the build's language."""
    if len(names) == 1:
        return names[0]
    return _('%(names)s and %(last)s') % {'names': ', '.join(names[:-1]), 'last': names[-1]}


def data(text: str, node_class=nodes.paragraph, **attributes) -> nodes.TextElement:
    """A text node of the subject's data or the engine's words: not a message of
    the guide's catalogs (names stay as the programs show them, the engine's
    words are in its own catalog)."""
    return node_class(text, text, translatable=False, **attributes)


def subjects_folder(config) -> str:
    """The folder (relative to the source directory) holding the subject files."""
    return config.guide_subjects_dir.rstrip('/') + '/'


class Subject(SphinxDirective):
    """The facts of one subject, then its notes and steps as content."""

    #: The option that says whether the subject is supported.
    supported_option = 'supported'
    required_arguments = 1
    has_content = True
    option_spec = {
        'name': directives.unchanged_required,
        'versions': directives.unchanged_required,
        'platforms': platform_list,
        'supported': yes_no,
        'upgrade': directives.unchanged_required,
        'requires': requirement,
        'order': directives.nonnegative_int,
    }
    # No :versions: where the source names none ("Outlook Express and
    # Entourage"): the box then shows no versions rather than the name again.
    required_options = ('name', 'platforms', 'supported')

    def run(self) -> list[nodes.Node]:
        self.words = Words.of(self.config)
        try:
            pid = program_id(self.arguments[0])
        except ValueError as exc:
            raise self.error(str(exc)) from None
        folder = subjects_folder(self.config)
        if not self.env.docname.startswith(folder):
            raise self.error(f'{self.words.subjects} are declared in {folder} '
                             f'(guide_subjects_dir), not in {self.env.docname}')
        program = self._program(pid)
        known = self.env.get_domain('programs').add_program(program)
        if known is not None:
            raise self.error(duplicate_message(self.env, self.words, pid, known))
        if not program.supported:
            # Reached from the generated appendix, not from a chapter's toctree.
            self.env.metadata[self.env.docname]['orphan'] = True

        section = nodes.section(ids=[pid], names=[nodes.fully_normalize_name(program.name)])
        self.set_source_info(section)
        section += nodes.title(program.name, program.name)
        section += index_node(program, pid)
        section += self._facts(program)
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, section)
        self._check_steps(program, section)
        self._add_requirement_notes(program, section)
        return [section]

    def _program(self, pid: str) -> Program:
        missing = [name for name in self.required_options if name not in self.options]
        if missing:
            raise self.error(f'{self.words.subject} {pid!r} lacks required option(s): '
                             + ', '.join(f':{name}:' for name in missing))
        known_platforms = platform_names(self.config)
        unknown = [p for p in self.options['platforms'] if p not in known_platforms]
        if unknown:
            raise self.error(f'unknown platform {unknown[0]!r} in :platforms: '
                             f'(known: {", ".join(known_platforms)})')
        requires = self.options.get('requires', {})
        for platform in requires:
            if platform not in self.options['platforms']:
                raise self.error(f':requires: names platform {platform!r}, '
                                 f'which is not in :platforms:')
        supported = self.options[self.supported_option]
        if not supported and 'upgrade' not in self.options:
            raise self.error(f'{self.words.subject} {pid!r} is marked '
                             f':{self.supported_option}: no, so it needs :upgrade: advice')
        return Program(
            id=pid, name=self.options['name'], versions=self.options.get('versions', ''),
            platforms=self.options['platforms'], supported=supported,
            upgrade=self.options.get('upgrade', ''), requires=requires,
            order=self.options.get('order', 1000),
            docname=self.env.docname, lineno=self.get_source_info()[1])

    def _facts(self, program: Program) -> nodes.field_list:
        """Versions and platforms; the status only where it is news: a
        chapter lists supported subjects, and "supported" in each of their
        boxes said nothing, while "not supported" on a subject's own page
        does. A requirement shows as a note at its platform's steps."""
        names = platform_names(self.config)
        words = self.words
        rows = [(words.versions, program.versions),
                (capitalized(words.platforms), join_names([names[p] for p in program.platforms])),
                (words.supported, '' if program.supported else _('not supported'))]
        facts = nodes.field_list(classes=['program-facts'])
        for label, value in rows:
            if value:
                facts += nodes.field('', data(label, nodes.field_name),
                                     nodes.field_body('', data(value)))
        if program.upgrade:
            # Advice in the guide's words: a message of its catalogs.
            advice = nodes.paragraph(program.upgrade, program.upgrade, classes=['upgrade'])
            self.set_source_info(advice)
            facts += nodes.field('', data(words.upgrade, nodes.field_name),
                                 nodes.field_body('', advice))
        return facts

    def _check_steps(self, program: Program, section: nodes.section) -> None:
        covered = set()
        for block in section.findall(platform_steps):
            stray = [p for p in block['platforms'] if p not in program.platforms]
            words = self.words
            if stray:
                raise self.error(f'steps for {words.platform} {stray[0]!r}, which '
                                 f'{words.subject} {program.id!r} does not list in :platforms:')
            twice = covered.intersection(block['platforms'])
            if twice:
                raise self.error(f'{words.subject} {program.id!r} gives steps for '
                                 f'{sorted(twice)[0]!r} twice')
            covered.update(block['platforms'])
        missing = [p for p in program.platforms if p not in covered]
        if program.supported and missing:
            raise self.error(f'{self.words.subject} {program.id!r} has no steps for '
                             f'{self.words.platform} {missing[0]!r}')

    def _add_requirement_notes(self, program: Program, section: nodes.section) -> None:
        """A requirement is data and shows as a note at the top of its platform's steps."""
        for block in section.findall(platform_steps):
            for platform in block['platforms']:
                text = program.requires.get(platform)
                if text:
                    # The guide's words: a message of its catalogs, placed at the directive.
                    paragraph = nodes.paragraph(text, text)
                    self.set_source_info(paragraph)
                    note = nodes.note('', paragraph, classes=['requirement'])
                    at = 1 if block.children and isinstance(block[0], nodes.rubric) else 0
                    block.insert(at, note)


class EmailProgram(Subject):
    """``email-program``: the first guide's name for a subject, ``:ssl:`` its
    name for ``:supported:``."""

    supported_option = 'ssl'
    required_options = ('name', 'platforms', 'ssl')
    option_spec = {('ssl' if name == 'supported' else name): spec
                   for name, spec in Subject.option_spec.items()}


class Steps(SphinxDirective):
    """Steps for the platforms named in the argument, e.g. ``windows macintosh``."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {}

    def run(self) -> list[nodes.Node]:
        try:
            platforms = platform_list(self.arguments[0])
        except ValueError as exc:
            raise self.error(str(exc)) from None
        names = platform_names(self.config)
        unknown = [p for p in platforms if p not in names]
        if unknown:
            raise self.error(f'unknown platform {unknown[0]!r} (known: {", ".join(names)})')
        if not isinstance(self.state.parent, nodes.section) or \
                not self.env.docname.startswith(subjects_folder(self.config)):
            raise self.error(f'steps belong inside the directive of one of the '
                             f'{Words.of(self.config).subjects}, in {subjects_folder(self.config)}')
        if not self.content:
            raise self.error('steps without content')
        label = join_names([names[p] for p in platforms])
        block = platform_steps(classes=['platform-steps', *platforms], platforms=platforms)
        self.set_source_info(block)
        block += data(label, nodes.rubric, classes=['platform-title'])
        self.state.nested_parse(self.content, self.content_offset, block)
        return [block]


class PlatformChapter(TocTree):
    """A toctree of the programs of one platform, filled from their data."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        platform = self.arguments[0]
        if platform not in platform_names(self.config):
            raise self.error(f'unknown platform {platform!r} '
                             f'(known: {", ".join(platform_names(self.config))})')
        self.env.get_domain('programs').note_listing(self.env.docname, 'chapter')
        wrapper = super().run()
        wrapper[0][0]['platform'] = platform
        return wrapper

    def parse_content(self, toctree) -> None:
        domain = self.env.get_domain('programs')
        listed = domain.chapter_docnames(self.arguments[0])
        domain.note_chapter(self.env.docname, self.arguments[0], listed)
        for docname in listed:
            toctree['entries'].append((None, docname))
            toctree['includefiles'].append(docname)


class UnsupportedSubjects(SphinxDirective):
    """Where the list of unsupported subjects goes (resolved later)."""

    option_spec = {}

    def run(self) -> list[nodes.Node]:
        self.env.get_domain('programs').note_listing(self.env.docname, 'unsupported')
        node = unsupported_programs()
        self.set_source_info(node)
        return [node]
