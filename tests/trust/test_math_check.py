"""Math is not typeset: make check names each formula at its line."""
from trust_project import checked


def test_make_check_names_each_formula(tmp_path):
    problems = checked(tmp_path, 'Title\n=====\n\nInline :math:`a^2 + b^2` here.\n\n'
                                 '.. math::\n\n   e^{i\\pi} + 1 = 0\n')
    assert any('index.rst:4: error: math is not typeset' in p and 'a^2 + b^2' in p
               for p in problems), problems
    assert any('index.rst:6: error: math is not typeset' in p for p in problems), problems
