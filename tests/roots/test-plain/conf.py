# A Sphinx project that loads the engine but keeps Sphinx's own theme and
# has none of a guide's parts: no programs, no support checklist.
extensions = ['helpguide']
project = 'Plain'
html_theme = 'alabaster'
