"""The real guide, built in this process by any of its builders."""
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

import helpguide.products.imposition as imposition
from sphinxrun import sphinx_build


def build(repo, out, builder, doctrees=None, fresh=True, **overrides):
    """The guide in *repo* built by *builder* into *out*/*builder*; warnings are errors.

    Not *fresh*, a build reads only what changed since the build that left
    *doctrees*: make's builds share build/doctrees the same way.
    """
    app, app.warnings_text = sphinx_build(
        repo / 'source', repo, out / builder, doctrees or out / 'doctrees', builder,
        fresh=fresh, warningiserror=True, confoverrides=overrides)
    return app


class GuideBuilds:
    """The real guide read once, and written once per builder and paper
    (``guide_paper`` does not change what is read), for the tests that only
    read what was built: ``real_guide('booklet')``, ``real_guide('handouts', 'a4')``."""

    def __init__(self, repo, out):
        self.repo, self.out, self.apps = repo, out, {}

    def __call__(self, builder: str, paper: str = 'letter'):
        if (builder, paper) not in self.apps:
            with keeping_pages(self.half_size_pages(paper)):
                self.apps[builder, paper] = build(
                    self.repo, self.out / paper, builder, doctrees=self.out / 'doctrees',
                    fresh=not self.apps, guide_paper=paper)
        return self.apps[builder, paper]

    def half_size_pages(self, paper: str = 'letter') -> Path:
        """Where the saddle-stitch build on *paper* keeps the booklet's pages it
        imposed (``real_guide('saddle-stitch', paper)`` builds them)."""
        return self.out / paper / 'saddle-stitch-pages.pdf'

    def doctrees(self):
        """The folder the guide was read into, for a build of its own that
        shares it (read now if no build has yet)."""
        if not self.apps:
            self('html')
        return self.out / 'doctrees'


@contextmanager
def keeping_pages(pages: Path):
    """The half-size booklet a saddle-stitch build imposes, copied to *pages*
    (the build removes it once imposed)."""
    impose = imposition.impose

    def keep_pages(source, target, sheet, **options):
        shutil.copy(source, pages)
        return impose(source, target, sheet, **options)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(imposition, 'impose', keep_pages)
        yield
