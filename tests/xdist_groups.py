"""pytest-xdist scheduling that runs the tests sharing one build in one worker.

xdist's own ``--dist loadgroup`` marks a test's group in its node id, which
pytest 9 no longer lets a plugin change (the groups are silently ignored).
Here each worker writes the groups it collected to the run's folder, and the
scheduler sends each group to one worker as a unit; a test with no group is
a unit of its own, as with ``--dist load``."""
import json
import os
from pathlib import Path

from xdist.scheduler import LoadScopeScheduling

from shared_build import RUN_FOLDER


def write_groups(groups: dict[str, str]) -> None:
    """In a worker: save {node id: group} where the scheduler reads it."""
    folder = Path(os.environ[RUN_FOLDER])
    partial = folder / f'groups-{os.environ["PYTEST_XDIST_WORKER"]}.partial'
    partial.write_text(json.dumps(groups), encoding='utf-8')
    partial.rename(partial.with_suffix('.json'))


class GroupScheduling(LoadScopeScheduling):
    """Work units are the groups; each worker collected the same tests, so
    any worker's groups will do (read once every worker has collected)."""

    groups: dict[str, str] | None = None

    def _split_scope(self, nodeid: str) -> str:
        if self.groups is None:
            found = sorted(Path(os.environ[RUN_FOLDER]).glob('groups-*.json'))
            self.groups = json.loads(found[0].read_text(encoding='utf-8')) if found else {}
        return self.groups.get(nodeid, nodeid)
