"""An HTML build loads none of the PDF machinery: importing ReportLab's
layout engine, pypdf and the booklet's renderer was 0.4 s of its start."""
import subprocess
import sys

#: Imported only where a PDF is made
PDF_ONLY = ('reportlab.platypus', 'pypdf', 'helpguide.pdf.render', 'helpguide.products.page')


def modules_after_build(builder, rootdir, repo, tmp_path):
    script = ('import sys\n'
              'from sphinx.cmd.build import build_main\n'
              'status = build_main(sys.argv[1:])\n'
              'print(" ".join(sorted(sys.modules)))\n'
              'sys.exit(status)\n')
    done = subprocess.run(
        [sys.executable, '-c', script, '-b', builder, '-q', str(rootdir / 'test-programs'),
         str(tmp_path / builder), '-d', str(tmp_path / 'doctrees')],
        capture_output=True, text=True, check=True, cwd=repo)
    return set(done.stdout.split())


def test_an_html_build_imports_no_pdf_machinery(rootdir, repo, tmp_path):
    loaded = modules_after_build('html', rootdir, repo, tmp_path)
    assert 'helpguide.pdf.builder' in loaded  # the extension is all there
    assert loaded.isdisjoint(PDF_ONLY)


def test_a_booklet_build_imports_it_where_the_book_is_made(rootdir, repo, tmp_path):
    loaded = modules_after_build('booklet', rootdir, repo, tmp_path)
    assert set(PDF_ONLY) - {'helpguide.products.page'} <= loaded
