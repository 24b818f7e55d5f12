"""The HTML's "index" link and General Index page only where the project has
index entries: an empty General Index is a dead end for the reader."""


def drop_empty_index(app, env) -> None:
    """Before the pages are written (``env-updated`` ends the reading), turn
    Sphinx's general index off for a project without a single entry."""
    builder = app.builder
    if getattr(builder, 'use_index', False) and not any(
            env.domains.index_domain.entries.values()):
        builder.use_index = False
        app.connect('html-page-context', no_index_page)


def no_index_page(app, pagename, templatename, context, doctree) -> None:
    """Templates ask ``hasdoc('genindex')`` (the head's ``<link rel="index">``),
    which reads ``html_use_index`` rather than the builder."""
    hasdoc = context['hasdoc']
    context['hasdoc'] = lambda name: name != 'genindex' and hasdoc(name)


def setup(app):
    app.connect('env-updated', drop_empty_index)
    return {'version': '1.0', 'parallel_read_safe': True, 'parallel_write_safe': True}
