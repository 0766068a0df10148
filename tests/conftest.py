"""Shared test settings.

Hypothesis profiles (xarray's habit): "ci" runs the model invariants on 10,000
generated cases each, with no per-example deadline (CI machines are slow and shared);
"dev" runs 300 for a quick local loop. ``make test`` and ``.ci/run`` use "ci";
choose another with ``HYPOTHESIS_PROFILE=dev``.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
)
settings.register_profile("dev", max_examples=300, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_sessionfinish(session, exitstatus):
    """A run that collected no test is a failure, not a pass (pytest's exit 5 -> 1)."""
    if session.testscollected == 0:
        session.exitstatus = 1
