"""pytest-xdist scheduling that runs the tests sharing one build in one worker.

xdist's own ``--dist loadgroup`` marks a test's group in its node id, which
pytest 9 no longer lets a plugin change (the groups are silently ignored).
Here each worker writes the groups it collected to the run's folder, and the
scheduler sends each group to one worker as a unit; a test with no group is
a unit of its own, as with ``--dist load``. Units go out in the order of
their tests' ranks (tests/conftest.py: long builds first, their readers
last), then, as xdist orders them, the larger first."""
import json
import os
from collections import OrderedDict
from pathlib import Path

from xdist.scheduler import LoadScopeScheduling

from shared_build import RUN_FOLDER


def write_groups(groups: dict[str, str], ranks: dict[str, tuple[int, int]]) -> None:
    """In a worker: save {node id: group} and {node id: rank} where the scheduler reads them."""
    folder = Path(os.environ[RUN_FOLDER])
    partial = folder / f'groups-{os.environ["PYTEST_XDIST_WORKER"]}.partial'
    partial.write_text(json.dumps({'groups': groups, 'ranks': ranks}), encoding='utf-8')
    partial.rename(partial.with_suffix('.json'))


class GroupScheduling(LoadScopeScheduling):
    """Work units are the groups; each worker collected the same tests, so
    any worker's groups will do (read once every worker has collected)."""

    collected: dict | None = None
    ordered = False

    def _read(self) -> dict:
        if self.collected is None:
            found = sorted(Path(os.environ[RUN_FOLDER]).glob('groups-*.json'))
            self.collected = json.loads(found[0].read_text(encoding='utf-8')) if found else {}
        return self.collected

    def _split_scope(self, nodeid: str) -> str:
        return self._read().get('groups', {}).get(nodeid, nodeid)

    def _assign_work_unit(self, node) -> None:
        # The whole queue is made before the first unit goes out.
        if not self.ordered:
            ranks = self._read().get('ranks', {})
            self.workqueue = OrderedDict(sorted(
                self.workqueue.items(),
                key=lambda unit: min(tuple(ranks.get(nodeid, (1, 0))) for nodeid in unit[1])))
            self.ordered = True
        super()._assign_work_unit(node)
