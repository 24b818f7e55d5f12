"""Build the real guide with one of the product builders."""
from io import StringIO

from sphinx.application import Sphinx
from sphinx.util.console import strip_colors
from sphinx.util.docutils import docutils_namespace, patch_docutils


def build(repo, out, builder, **overrides):
    """The guide in *repo* built by *builder* into *out*/*builder*; warnings are errors."""
    warnings = StringIO()
    # As sphinx-build does: docutils registrations are undone afterwards.
    with patch_docutils(repo), docutils_namespace():
        app = Sphinx(repo / 'source', repo, out / builder, out / 'doctrees', builder,
                     status=None, warning=warnings, freshenv=True, warningiserror=True,
                     confoverrides=overrides)
        app.build()
    app.warnings_text = strip_colors(warnings.getvalue())
    return app
