"""Our HTML builder makes each stylesheet and script tag once per folder of
pages, where Sphinx makes every page's again."""
from collections import Counter

import pytest
import sphinx.builders.html as sphinx_html


@pytest.mark.sphinx('html', testroot='programs', confoverrides={'html_theme': 'helpguide'})
def test_each_tag_is_made_once_per_folder_of_pages(app, monkeypatch):
    summed = Counter()
    checksum = sphinx_html._file_checksum

    def counting(outdir, filename):
        summed[str(filename)] += 1
        return checksum(outdir, filename)

    monkeypatch.setattr(sphinx_html, '_file_checksum', counting)
    app.build(force_all=True)
    pages = list(app.outdir.rglob('*.html'))
    folders = {page.parent for page in pages}
    assert len(pages) > 2 * len(folders)
    assert any(name.endswith('doctools.js') for name in summed)
    assert max(summed.values()) <= len(folders)
    # The tags are Sphinx's: the checksum it adds is in every page.
    script = next(name for name in summed if name.endswith('doctools.js'))
    expected = f'doctools.js?v={checksum(app.outdir, script)}'
    assert all(expected in page.read_text(encoding='utf-8') for page in pages)
