"""What the property tests cost, and how much of it is Hypothesis making the cases.

Runs every Hypothesis test of the suite (``tests/`` and the package's doctests are not
properties) under the "ci" profile (10,000 cases each, unless a test sets fewer), twice in
one run: once as written, once with every test body replaced by one that does nothing, so
that only Hypothesis's drawing and bookkeeping of the same cases is left. Each run uses
pytest-xdist on every core; the time of a run is the sum of its tests' call durations
(CPU-seconds on a machine not otherwise loaded). Prints both totals, their ratio, and the
tests whose cases alone cost most.

The second total is a floor for the suite under "ci": no speed-up of the model can take
the suite below it, short of fewer cases.

Run: ``.venv/bin/python benchmarks/suite_cost.py [--floor-only]`` (about 15 minutes on 2
cores; ``--floor-only``: about 4).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DURATION = re.compile(r"^\s*([0-9.]+)s call\s+(\S+)$", re.MULTILINE)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """As a pytest plugin (``-p suite_cost``): keep the Hypothesis tests only; with
    ``SUITE_COST_EMPTY=1``, give each an empty body (the same cases are drawn)."""
    empty = os.environ.get("SUITE_COST_EMPTY") == "1"
    kept = []
    for item in items:
        test = getattr(item, "obj", None)
        if getattr(test, "is_hypothesis_test", False):
            if empty:
                test.hypothesis.inner_test = lambda *args, **kwargs: None
            kept.append(item)
    items[:] = kept


def run(empty: bool) -> dict[str, float]:
    """Call seconds of each Hypothesis test (``--durations=0``), bodies empty or as written."""
    env = {
        **os.environ,
        "HYPOTHESIS_PROFILE": "ci",
        "SUITE_COST_EMPTY": "1" if empty else "0",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "benchmarks"), os.environ.get("PYTHONPATH")])),
    }
    command = [sys.executable, "-m", "pytest", "-p", "suite_cost", "-p", "no:cacheprovider", "-q"]
    command += ["-n", str(os.cpu_count() or 1), "-m", "not browser and not notebook", "--durations=0", "-vv"]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"pytest failed ({done.returncode}):\n{done.stdout[-3000:]}")
    return {name: float(seconds) for seconds, name in DURATION.findall(done.stdout)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor-only", action="store_true", help="only the run with empty test bodies")
    args = parser.parse_args(argv)
    floor = run(empty=True)
    print(f"Hypothesis tests under 'ci', {os.cpu_count()} cores: {len(floor)} tests")
    print(f"  cases alone (empty bodies): {sum(floor.values()):7.0f} CPU-s")
    if not args.floor_only:
        full = run(empty=False)
        print(f"  as written:                 {sum(full.values()):7.0f} CPU-s")
        print(f"  ratio cases / as written:   {sum(floor.values()) / sum(full.values()):7.2f}")
    print("  costliest cases (CPU-s, empty bodies):")
    for name, seconds in sorted(floor.items(), key=lambda kv: -kv[1])[:8]:
        print(f"    {seconds:6.1f}  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
