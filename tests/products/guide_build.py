"""Build the real guide with one of the product builders."""
from sphinxrun import sphinx_build


def build(repo, out, builder, **overrides):
    """The guide in *repo* built by *builder* into *out*/*builder*; warnings are errors."""
    app, app.warnings_text = sphinx_build(repo / 'source', repo, out / builder, out / 'doctrees',
                                          builder, warningiserror=True, confoverrides=overrides)
    return app
