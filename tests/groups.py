"""The pytest-xdist groups of tests that share an expensive resource (``--dist loadgroup``).

One worker runs all the tests of a group, so the resource is made once per run: see the
fixtures ``voila_url`` and ``executed_notebook`` in ``tests/conftest.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

BROWSER = "browser"
"""Every test marked ``browser`` (added by ``tests/conftest.py``): one Voila server per notebook served
(the lab; lesson 03 for the lift), each started once, on the one worker of this group."""


def notebook_group(path: Path) -> str:
    """The group of the tests that read the executed notebook ``path``: it runs once."""
    return f"notebook-{Path(path).stem}"


# ----- the groups, carried from the workers to the scheduler (see tests/conftest.py) -----

FOLDER = pytest.StashKey[Path]()
"""Controller's stash: the folder where the workers write their tests' groups."""

WORKER_INPUT = "biomech_groups_folder"
"""Key of that folder in each worker's ``workerinput``."""


def group_of(item: pytest.Item) -> str | None:
    """The item's xdist group, named as pytest-xdist names it (several marks: joined by "_")."""
    names = {str(m.args[0] if m.args else m.kwargs.get("name", "default")) for m in item.iter_markers("xdist_group")}
    return "_".join(sorted(names)) if names else None


def write_groups(folder: Path, worker: str, items: list[pytest.Item]) -> None:
    """Write ``{node id: group}`` of the grouped items to ``folder/<worker>.json`` (atomically)."""
    found = {item.nodeid: group for item in items if (group := group_of(item)) is not None}
    partial = folder / f"{worker}.json.part"
    partial.write_text(json.dumps(found), "utf-8")
    os.replace(partial, folder / f"{worker}.json")


def make_group_scheduling() -> type:
    """pytest-xdist's loadgroup scheduler, reading the groups the workers wrote (imported lazily)."""
    from xdist.scheduler import LoadGroupScheduling

    class GroupScheduling(LoadGroupScheduling):
        def __init__(self, config: pytest.Config, log: Any, folder: Path) -> None:
            super().__init__(config, log)
            self.folder = folder
            self.groups: dict[str, str] | None = None

        def _split_scope(self, nodeid: str) -> str:
            if nodeid.rfind("@") > nodeid.rfind("]"):
                return super()._split_scope(nodeid)  # xdist's own "@group" suffix works again
            if self.groups is None:  # every worker has finished collecting: all files are there
                self.groups = {}
                for path in sorted(self.folder.glob("*.json")):
                    self.groups.update(json.loads(path.read_text("utf-8")))
            return self.groups.get(nodeid, nodeid)

    return GroupScheduling
