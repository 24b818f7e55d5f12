"""HTML templates compiled once per process.

Sphinx gives every build a new Jinja environment, which compiles each page
template again: about a tenth of a second for each HTML build. A process
that builds more than once (every language of ``python -m helpguide build``,
a test run) keeps the compiled code in memory, through Jinja's public
bytecode cache, keyed by the template's source and the settings that shape
its code. The theme's static files (``basic.css_t``, ...) are templates
rendered from a string, which Jinja compiles anew each time without asking
that cache: their code is kept too, keyed the same way
(:func:`render_string`).
"""
from functools import partial

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from jinja2.environment import Environment


def code_settings(environment: Environment) -> tuple:
    """What, besides the source, decides the code Jinja compiles a template to."""
    return (type(environment), tuple(sorted(environment.extensions)),
            environment.block_start_string, environment.block_end_string,
            environment.variable_start_string, environment.variable_end_string,
            environment.comment_start_string, environment.comment_end_string,
            environment.line_statement_prefix, environment.line_comment_prefix,
            environment.trim_blocks, environment.lstrip_blocks,
            environment.newline_sequence, environment.keep_trailing_newline,
            environment.optimized, environment.autoescape, environment.finalize)


class ProcessCache(BytecodeCache):
    """Compiled templates kept in memory for the life of the process."""

    def __init__(self):
        self.code = {}

    @staticmethod
    def key(bucket: Bucket) -> tuple:
        return bucket.key, bucket.checksum, code_settings(bucket.environment)

    def load_bytecode(self, bucket: Bucket) -> None:
        bucket.code = self.code.get(self.key(bucket))

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[self.key(bucket)] = bucket.code


COMPILED = ProcessCache()

#: (source, code settings) -> the code of a template rendered from a string
STRING_CODES: dict[tuple, object] = {}


def render_string(templates, source: str, context: dict) -> str:
    """``templates.render_string(source, context)`` (Sphinx's template
    bridge) with the code of *source* compiled once per process."""
    environment = templates.environment
    key = source, code_settings(environment)
    if key not in STRING_CODES:
        STRING_CODES[key] = environment.compile(source)
    return environment.template_class.from_code(
        environment, STRING_CODES[key], environment.make_globals(None), None).render(context)


def keep_compiled_templates(app) -> None:
    """On ``builder-inited``: the builder's templates use the process's cache
    (the HTML builders and those made from them, such as the EPUB's)."""
    templates = getattr(app.builder, 'templates', None)
    environment = getattr(templates, 'environment', None)
    if isinstance(environment, Environment):
        environment.bytecode_cache = COMPILED
        templates.render_string = partial(render_string, templates)


def setup(app):
    app.connect('builder-inited', keep_compiled_templates)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
