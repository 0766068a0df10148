"""Shared test settings and the fixtures that let slow resources be made once per run.

Hypothesis profiles (xarray's habit): "ci" runs the model invariants on 10,000
generated cases each, with no per-example deadline (CI machines are slow and shared);
"dev" runs 300 for a quick local loop. ``make test`` and ``.ci/run`` use "ci";
choose another with ``HYPOTHESIS_PROFILE=dev``.

Parallel runs (pytest-xdist): ``make test`` runs ``pytest -n <cores + 1> --dist loadgroup``
(``make test PYTEST_WORKERS=0`` runs in one process). Tests that share an expensive
resource carry an ``xdist_group`` so that one worker gets them all and makes it once:

* every test marked ``browser`` is put in the group ``"browser"`` here (new browser test
  files need only the marker): each Voila server is started once for the whole run, and only
  if a test asks for it (the lab, :func:`voila_url`; the lab's matplotlib drawing,
  :func:`voila_url_matplotlib`; lesson 03, :func:`voila_lift_url`);
  each browser test module starts its own Chromium (:func:`chromium`), since a running
  Playwright blocks ``asyncio.run`` in later tests on the same worker;
* a test that needs an executed notebook uses :func:`executed_notebook` and is marked
  ``xdist_group(tests.groups.notebook_group(path))``, so each notebook runs once per run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests import groups

settings.register_profile(
    "ci",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.register_profile("dev", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Put every browser test in one xdist group: one worker, one Voila server; and run the property
    tests (hypothesis, up to a minute or two each under "ci") before the other tests.

    pytest-xdist's loadgroup hands out the groups first (most tests first), then single tests in
    this order: with the long property tests early, the many short tests fill the workers' gaps
    at the end instead of one long test running alone on one worker while the others idle.
    """
    for item in items:
        if item.get_closest_marker("browser") and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group(groups.BROWSER))
    items.sort(key=lambda item: not getattr(getattr(item, "obj", None), "is_hypothesis_test", False))


# pytest-xdist's loadgroup marks a grouped test by appending "@group" to its node id, which
# pytest 9.2's structured node ids ignore, so the groups are silently lost
# (https://github.com/pytest-dev/pytest-xdist/issues/1386). Until xdist is fixed, each worker
# writes its tests' groups to a file and the controller's scheduler reads them
# (groups.make_group_scheduling); once node ids carry "@group" again, xdist's own grouping
# is used unchanged.


def pytest_configure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput") and config.getoption("dist", "no") == "loadgroup":
        config.stash[groups.FOLDER] = Path(tempfile.mkdtemp(prefix="biomech-xdist-groups-"))


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(groups.FOLDER, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """Tell each xdist worker where to write its tests' groups."""
    folder = node.config.stash.get(groups.FOLDER, None)
    if folder is not None:
        node.workerinput[groups.WORKER_INPUT] = str(folder)


@pytest.hookimpl(tryfirst=True)  # before the worker reports its collection to the controller
def pytest_collection_finish(session: pytest.Session) -> None:
    folder = getattr(session.config, "workerinput", {}).get(groups.WORKER_INPUT)
    if folder is not None:
        groups.write_groups(Path(folder), session.config.workerinput["workerid"], session.items)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: Any) -> Any:
    folder = config.stash.get(groups.FOLDER, None)
    return None if folder is None else groups.make_group_scheduling()(config, log, folder)


# ----- "no test ran" is a failure ------------------------------------------------------

_RAN = [0]  # tests that ran their call phase (passed or failed)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Count tests that ran (passed or failed their call phase); under xdist, in the controller too."""
    if report.when == "call":
        _RAN[0] += 1


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A run in which no test ran (none collected, all deselected or skipped) fails (exit 1)."""
    if hasattr(session.config, "workerinput"):
        return  # an xdist worker: the controller decides
    if exitstatus in (pytest.ExitCode.OK, pytest.ExitCode.NO_TESTS_COLLECTED) and not _RAN[0]:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    if not hasattr(config, "workerinput") and not _RAN[0]:
        terminalreporter.write_line("no test ran: the run fails", red=True)


# ----- one Voila server, one Chromium per browser module -------------------------------


@pytest.fixture(scope="session")
def voila_url() -> Iterator[str]:
    """The lab (notebook 01, drawn in the browser) served by one Voila server for the whole run."""
    from tests.voila_server import running_voila

    with running_voila() as url:
        yield url


@pytest.fixture(scope="session")
def voila_url_matplotlib() -> Iterator[str]:
    """The lab with its matplotlib (ipympl) drawing, ``BIOMECH_LAB_DRAWING=matplotlib``: a second
    server, started only by the modules that test that drawing (presenter fit, kernel culling)."""
    from tests.voila_server import running_voila

    with running_voila(env={"BIOMECH_LAB_DRAWING": "matplotlib"}) as url:
        yield url


@pytest.fixture(scope="session")
def voila_lift_url() -> Iterator[str]:
    """Lesson 03 (the deadlift, its lift lab drawn in the browser) served by Voila: a server of its own,
    started only by the modules that test the lift."""
    from tests.voila_server import LESSON_03, running_voila

    with running_voila(notebook=LESSON_03) as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Headless Chromium (Playwright) for one test module; closed, and Playwright stopped, after it."""
    from tests.voila_server import CHROMIUM, CHROMIUM_ARGS

    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


# ----- each notebook executed once -------------------------------------------------------


@pytest.fixture(scope="session")
def executed_notebook() -> Callable[[Path], Any]:
    """A function: notebook path -> the notebook executed on a fresh kernel, once per run.

    The first call executes it (nbclient, in the notebook's folder, 300 s per cell) and keeps
    the result, or the error it raised, for every later call. Tests must not change it.
    """
    import nbformat
    from nbclient import NotebookClient

    done: dict[Path, Any] = {}

    def run(path: Path) -> Any:
        path = Path(path).resolve()
        if path not in done:
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(
                nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
            )
            try:
                client.execute()  # raises CellExecutionError on any error
                done[path] = nb
            except Exception as error:  # noqa: BLE001 - kept and raised again for every test that asks
                done[path] = error
        result = done[path]
        if isinstance(result, Exception):
            raise result
        return result

    return run
