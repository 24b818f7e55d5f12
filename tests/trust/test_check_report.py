"""``make check`` reads each warning as Sphinx's logging record, placed by
its location: what a message says cannot be taken for another warning."""
from trust_project import checked


def test_an_echoed_source_line_that_looks_like_a_warning_is_not_one(tmp_path):
    # docutils echoes the directive's source after its message.
    problems = checked(tmp_path, 'Title\n=====\n\nText.\n\n.. mystery::\n\n'
                                 '   Beware: WARNING: the tray is hot.\n')
    assert problems == [f'{tmp_path}/src/index.rst:6: error: Unknown directive type "mystery". '
                        '[docutils]'], problems


def test_a_problem_placed_in_no_file_is_placed_in_conf_py(tmp_path):
    problems = checked(tmp_path, 'Title\n=====\n\nText.\n',
                       conf="extensions = ['helpguide', 'no_such_extension']\n")
    assert len(problems) == 1, problems
    assert problems[0].startswith(f'{tmp_path}/src/conf.py:1: error: Could not import extension '
                                  'no_such_extension'), problems
