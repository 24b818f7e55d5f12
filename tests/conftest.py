"""Shared test fixtures: Sphinx's own testing fixtures and our test roots."""
import inspect
import logging
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from sphinx.jinja2glue import BuiltinTemplateLoader

from cd_bundle import shared_bundle
from guide_build import GuideBuilds
from helpguide.html.compiled_templates import COMPILED, render_string
from shared_build import RUN_FOLDER

pytest_plugins = ['sphinx.testing.fixtures']

REPO = Path(__file__).resolve().parent.parent

# In CI (CI=true) every run draws the same examples, so a failure there
# reproduces on any machine; elsewhere each run explores new ones.
settings.register_profile('ci', derandomize=True, print_blob=True)
settings.load_profile('ci' if os.environ.get('CI') == 'true' else 'default')

# Sphinx colours its messages when CI=true; tests read them as a user's
# terminal shows them to a pipe, without colour codes.
os.environ['NO_COLOR'] = '1'

# Sphinx sets its logger to DEBUG and drops what its handlers are not asked
# for (-vv), so every Sphinx app made here logged some 700 records nobody
# reads while its extensions were set up: a third of the 50 ms each of the
# suite's 400-odd apps takes. No test reads Sphinx's debug messages; builds
# the tests run as subprocesses are not affected.
logging.disable(logging.DEBUG)


@pytest.fixture(scope='session', autouse=True)
def compiled_templates():
    """Every Sphinx build of the session, plain Sphinx projects' too, keeps
    its compiled templates in the process's cache, as the guide's HTML
    builds do (helpguide/html/compiled_templates.py): the hundreds of
    in-process builds each made a template environment of their own and
    compiled every theme template again, most of a small build's time."""
    init = BuiltinTemplateLoader.init

    def init_with_cache(self, *args, **kwargs):
        init(self, *args, **kwargs)
        self.environment.bytecode_cache = COMPILED

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(BuiltinTemplateLoader, 'init', init_with_cache)
        patch.setattr(BuiltinTemplateLoader, 'render_string', render_string)  # static files
        yield


#: Folders whose every test runs make, pip or a browser: ``make test-quick`` leaves them out.
SLOW_FOLDERS = ('browser', 'dist', 'guides', 'install')


#: Session fixtures built once per process (in memory, or in a folder the tests
#: reuse): the tests that read one run in one pytest-xdist worker, so it is
#: built once, and the browser tests among them in one worker too, so it is
#: built at most twice (builds that are only read are shared by every worker
#: instead: shared_build.py).
WORKER_BUILDS = ('real_guide', 'booklet_of', 'built_guide')


def xdist_group(item) -> str | None:
    """The group of tests that share *item*'s build: those of a worker's
    session build, else those of its file if it uses a fixture built once per
    file; None for a test that builds what it reads itself."""
    for name in WORKER_BUILDS:
        if name in item.fixturenames:
            # The browser tests, the longest, run apart from the others that
            # read the same build (one more build of it, in the other worker).
            return f'{name}/browser' if item.path.is_relative_to(REPO / 'tests' / 'browser') \
                else name
    # pytest has no public way to ask a fixture's scope at collection time.
    definitions = [found[-1] for found in item._fixtureinfo.name2fixturedefs.values()]
    if any(definition.scope == 'module' and
           Path(inspect.getfile(definition.func)).is_relative_to(REPO / 'tests')
           for definition in definitions):
        return item.path.relative_to(REPO).as_posix()
    return None


#: The units of tests that make the run's longest builds, heaviest first: the
#: scheduler starts them before any other, so that no long build starts last
#: and makes the run's tail. A test file, or a group of WORKER_BUILDS.
START_FIRST = ('tests/dist/test_reproducible.py',  # the CD bundle (make dist), then a second build
               'real_guide', 'real_guide/browser', 'tests/install/test_wheel.py',
               'tests/guides/test_home_routers.py',
               'tests/style/test_styled_guide.py')

#: Fixtures of builds made once per run (shared_build.py) that many tests
#: read: those tests run last, when the unit of START_FIRST that makes the
#: build is done, so that no worker waits idle for the other's build.
READ_LAST = ('bundle', 'routers')


def start_rank(item, group: str | None) -> tuple[int, int]:
    """Where *item*'s unit stands in the run: (0, n) the n-th of START_FIRST,
    (1, 0) the others, (2, 0) those reading a build of READ_LAST."""
    for at, name in enumerate(START_FIRST):
        if name in (group, item.path.relative_to(REPO).as_posix()):
            return 0, at
    return (2, 0) if any(name in item.fixturenames for name in READ_LAST) else (1, 0)


def pytest_collection_modifyitems(items):
    groups, ranks = {}, {}
    for item in items:
        path = Path(item.path)
        if path.is_relative_to(REPO / 'tests') and \
                path.relative_to(REPO / 'tests').parts[0] in SLOW_FOLDERS:
            item.add_marker(pytest.mark.slow)
        group = xdist_group(item)
        if group:
            groups[item.nodeid] = group
        ranks[item.nodeid] = start_rank(item, group)
    if os.environ.get('PYTEST_XDIST_WORKER'):
        import xdist_groups  # pytest-xdist is only needed where it runs the tests
        xdist_groups.write_groups(groups, ranks)


def pytest_configure(config):
    """Under xdist (make test), a folder for the run that every worker sees."""
    if config.getoption('dist', 'no') != 'no' and not os.environ.get('PYTEST_XDIST_WORKER'):
        os.environ[RUN_FOLDER] = tempfile.mkdtemp(prefix='helpguide-tests-')


def pytest_unconfigure(config):
    folder = None if os.environ.get('PYTEST_XDIST_WORKER') else \
        os.environ.pop(RUN_FOLDER, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.hookimpl(optionalhook=True)  # a hook of pytest-xdist's
def pytest_xdist_make_scheduler(config, log):
    if config.getoption('dist') == 'loadgroup':
        import xdist_groups
        return xdist_groups.GroupScheduling(config, log)
    return None


@pytest.fixture(scope='session')
def rootdir():
    return REPO / 'tests' / 'roots'


@pytest.fixture(scope='session')
def repo():
    return REPO


@pytest.fixture(scope='session')
def real_guide(repo, tmp_path_factory):
    """The real guide, read once per session: ``real_guide('booklet')``."""
    return GuideBuilds(repo, tmp_path_factory.mktemp('real-guide'))


@pytest.fixture(scope='session')
def bundle(repo, tmp_path_factory):
    """The real guide's CD bundle, made by ``make dist`` in a clean copy once
    per run (cd_bundle.py); its build folder is ``bundle.parents[1]``."""
    return shared_bundle(repo, tmp_path_factory)
