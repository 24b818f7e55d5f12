"""The theme's static templates (basic.css_t, ...) are compiled once per
process: a second HTML build in the same process renders them from the code
the first compiled (helpguide/html/compiled_templates.py)."""
import shutil

from jinja2.environment import Environment
from sphinx.cmd.build import build_main

from helpguide.html import compiled_templates


def test_a_second_build_compiles_no_static_template(rootdir, tmp_path, monkeypatch):
    compiled = []
    compile_source = Environment.compile
    monkeypatch.setattr(Environment, 'compile',
                        lambda self, source, *a, **k: compiled.append(source)
                        or compile_source(self, source, *a, **k))
    builds = []
    for run in ('first', 'second'):
        compiled.clear()
        src = tmp_path / run
        shutil.copytree(rootdir / 'test-programs', src)
        assert build_main(['-b', 'html', '-q', str(src), str(tmp_path / f'{run}-html')]) == 0
        builds.append([source for source in compiled
                       if source in {key[0] for key in compiled_templates.STRING_CODES}])
    assert builds[0]  # the first build compiled the static templates it rendered
    assert builds[1] == []
    css = [(tmp_path / f'{run}-html' / '_static' / 'basic.css').read_text(encoding='utf-8')
           for run in ('first', 'second')]
    assert css[0] == css[1] and '{{' not in css[0]
