"""What ``make test`` ran before its tests, on the session's clean build of the
real guide: ``make check`` finds no problem in the sources or translations,
and ``make check-pdf`` none in the booklets, forms and handouts of both
languages (PDF/UA-1, PDF/A-2). The PDFs are those ``make dist`` built."""
import pytest

from cd_bundle import make

pytestmark = pytest.mark.slow


def test_the_guide_passes_make_check_and_make_check_pdf(bundle):
    project = bundle.parents[2]
    # -o: the PDFs are built already; check-pdf reads them as they are.
    result = make(project, '-o', '.venv/.installed', '-o', 'booklet', '-o', 'form',
                  '-o', 'handouts', 'check', 'check-pdf')
    assert result.returncode == 0, f'{result.stdout}\n{result.stderr}'
    assert 'error' not in result.stderr, result.stderr
    checked = result.stdout.split('helpguide.pdf.tagging.check', 1)[1].split()
    for language in ('en', 'fr'):
        for pdf in ('guide.pdf', 'guide-screen.pdf', 'support-checklist.pdf',
                    'handouts/eudora-5-windows.pdf'):
            assert f'build/pdf/{language}/{pdf}' in checked, (language, pdf)
    assert not [name for name in checked if 'saddle-stitch' in name]
