# A guide of two pages, with the engine's defaults, for the bad-input tests
# (tests/trust/test_bad_input.py): each breaks a copy of it, and the builds
# a user's commands run (the HTML and the booklet) must refuse it.
extensions = ['helpguide']
project = 'Bad input'
html_copy_source = False
