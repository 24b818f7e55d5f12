"""Math is not typeset: make check names each formula at its line."""
from helpguide.checks.report import check


def test_make_check_names_each_formula(tmp_path):
    src = tmp_path / 'src'
    src.mkdir()
    (src / 'conf.py').write_text("extensions = ['helpguide']\n")
    (src / 'index.rst').write_text('Title\n=====\n\nInline :math:`a^2 + b^2` here.\n\n'
                                   '.. math::\n\n   e^{i\\pi} + 1 = 0\n')
    problems = [str(p) for p in check(src, src)]
    assert any('index.rst:4: error: math is not typeset' in p and 'a^2 + b^2' in p
               for p in problems), problems
    assert any('index.rst:6: error: math is not typeset' in p for p in problems), problems
