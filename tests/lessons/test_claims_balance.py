"""The claims on the cues' postures and the lift's balance: the lift's centre of mass is the drawn one's,
and the asymmetry of the two tilts is named wherever both are stated."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biomech.anatomy.segments import mid_foot
from biomech.lessons.claims import normalise
from biomech.lessons.claims_balance import HEIGHT_CM, _most_ahead, lift_centre_of_mass
from biomech.model.balance import centre_of_mass, centre_of_mass_x
from biomech.model.lift import lift_compensation
from biomech.scene.lift import lift_scene

ROOT = Path(__file__).resolve().parents[2]
ASYMMETRY = (
    "the compensation's tilt is coupled 1:1 to the lumbar spine (Levine & Whittle 1996); the balance's lean is not "
    "(the model's assumption)"
)
BOTH_TILTS_STATED = (
    "README.md",
    "docs/model.md",
    "biomech/model/balance.py",
    "notebooks/01_hip_compensation_lab.ipynb",
    "notebooks/03_deadlift_lockout.ipynb",
)


def _drawn(phase: float, available: float, cue: str) -> float:
    """The centre of mass of lifter and bar in front of the mid-foot as the lift's scene draws it, in H."""
    p = lift_scene(phase, available, cue=cue).sagittal
    points = {"ankle": p.leg[0], "knee": p.leg[1], "hip": p.hip, "shoulder": p.arm[1], "head": p.head_center}
    return float(centre_of_mass_x({**points, "bar": p.bar}, np.asarray(1.0)) - mid_foot())


@pytest.mark.parametrize("cue", ["stand_tall", "squeeze_glutes"])
@pytest.mark.parametrize("available", [-30.0, -13.0, 0.0, 17.0])
def test_the_lift_is_weighed_as_it_is_drawn(cue, available):
    # at lockout exactly; near it within 1 cm (the drawing's rounded upper back, left out, has nearly gone)
    assert float(lift_centre_of_mass(1.0, available, cue=cue)) == pytest.approx(_drawn(1.0, available, cue), abs=1e-9)
    for phase in (0.8, 0.9):
        ahead_cm = HEIGHT_CM * float(lift_centre_of_mass(phase, available, cue=cue))
        assert ahead_cm == pytest.approx(HEIGHT_CM * _drawn(phase, available, cue), abs=1.0)


@settings(max_examples=1000)  # one restriction and a cue: 1,000 cases cover them
@given(st.floats(-30.0, 40.0), st.sampled_from(["stand_tall", "squeeze_glutes"]))
def test_at_lockout_the_lift_is_the_unbalanced_lockout(available, cue):
    s = lift_compensation(1.0, available, cue=cue)
    unbalanced = centre_of_mass(s.thigh_inclination, s.pelvic_tilt, 0.0)  # the leg takes the cue, no lean back
    assert float(lift_centre_of_mass(1.0, available, cue=cue)) == pytest.approx(float(unbalanced), abs=1e-12)


def test_the_squeeze_leaves_the_lift_far_ahead_and_standing_tall_does_not():
    most, at, phase, tall_most = _most_ahead()
    assert most > 10.0 > tall_most
    assert 0.8 <= phase <= 1.0 and -30.0 <= at <= 40.0
    grid = np.linspace(0.8, 1.0, 21)
    assert HEIGHT_CM * float(np.max(lift_centre_of_mass(grid, at))) == pytest.approx(most)


def _prose(path: str) -> str:
    raw = (ROOT / path).read_text("utf-8")
    if path.endswith(".ipynb"):
        raw = "\n\n".join("".join(c["source"]) for c in json.loads(raw)["cells"] if c["cell_type"] == "markdown")
    return normalise(raw).lower()


@pytest.mark.parametrize("path", BOTH_TILTS_STATED)
def test_the_two_tilts_asymmetry_is_named_where_both_are_stated(path):
    assert normalise(ASYMMETRY).lower() in _prose(path)
