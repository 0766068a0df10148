"""Hypothesis: the drawn figure agrees with the model in every valid state."""

from __future__ import annotations

import numpy as np
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from biomech.anatomy.textbook import load_actions  # noqa: E402
from biomech.model.lockout import CUES  # noqa: E402
from biomech.parameters import PARAMETERS  # noqa: E402
from biomech.scene.pose import SEGMENT_LENGTHS, sagittal_pose, transverse_pose  # noqa: E402
from tests.models import blog as compensate  # noqa: E402
from tests.models import blog_scene as build_scene  # noqa: E402
from tests.models import blog_tissues as tissues  # noqa: E402
from tests.scene.test_scene import (  # noqa: E402
    ARC_REL_TOL,
    drawn_centre_of_mass,
    drawn_mid_foot,
    foot_angles,
    lengths_of,
    tilt_of,
)

ANGLE_TOL_DEG = 0.1
LENGTH_TOL_H = 1e-9
MODEL_OVERRIDES = (
    "squeeze_demand",
    "external_rotation_range",
    "internal_rotation_range",
    "flexors_rotation_benefit",
    "foot_progression_baseline",
    "bar_load",
)


def in_range(name: str) -> st.SearchStrategy[float]:
    p = PARAMETERS[name]
    return st.floats(p.min, p.max, allow_nan=False)


states = st.fixed_dictionaries(
    {
        "available": in_range("hip_extension_available"),
        "cue": st.sampled_from(CUES),
        "tissue": st.sampled_from(tissues()),
        "tilt0": in_range("standing_pelvic_tilt"),
        "lordosis0": in_range("standing_lumbar_lordosis"),
    },
    optional={name: in_range(name) for name in MODEL_OVERRIDES},
)


def split(s: dict) -> tuple[dict, dict]:
    overrides = {k: v for k, v in s.items() if k in MODEL_OVERRIDES}
    return overrides, {"cue": s["cue"], "tissue": s["tissue"]}


@given(states)
def test_drawn_figure_matches_the_model_and_keeps_its_lengths(s):
    overrides, choice = split(s)
    posture = {"standing_pelvic_tilt": s["tilt0"], "standing_lumbar_lordosis": s["lordosis0"]}
    state = compensate(s["available"], **choice, **overrides, **posture)
    offset = s["lordosis0"] - s["tilt0"]
    tilt = s["tilt0"] + state.pelvic_tilt - state.trunk_lean  # the pelvis leans back with the trunk
    side = sagittal_pose(
        tilt,
        s["lordosis0"] + state.lumbar_extension,
        sacrum_offset=offset,
        thigh_inclination=state.thigh_inclination,
    )
    top = transverse_pose(state.rotation_used, state.foot_progression, pelvic_tilt=tilt)

    assert abs(tilt_of(side) - s["tilt0"] - (state.pelvic_tilt - state.trunk_lean)) <= ANGLE_TOL_DEG
    assert abs(side.lumbar_lordosis - s["lordosis0"] - state.pelvic_tilt) <= 1e-9  # lumbar = tilt
    for measured in foot_angles(top):
        assert abs(measured - state.foot_progression) <= ANGLE_TOL_DEG
    for name, length in lengths_of(side).items():
        assert abs(length - SEGMENT_LENGTHS[name]) <= LENGTH_TOL_H, name
    arc = float(np.sum(np.linalg.norm(np.diff(side.lumbar, axis=0), axis=1)))
    assert abs(arc / SEGMENT_LENGTHS["lumbar"] - 1.0) <= ARC_REL_TOL
    assert abs(side.t12_angle + state.trunk_lean) <= 1e-9  # the trunk leans back by the lean
    ahead = drawn_centre_of_mass(side, overrides.get("bar_load", PARAMETERS["bar_load"].default))
    assert abs(ahead - drawn_mid_foot(side)) <= 1e-9  # every valid state: lifter and bar over the drawn mid-foot
    assert np.all(np.isfinite(side.lumbar)) and np.all(np.isfinite(top.feet))


# build_scene costs ~1 ms (it computes the 141-point curve); the property above
# covers the geometry under the profile's full example count. This one checks the
# wiring of build_scene on fewer examples to keep the suite fast.
@settings(max_examples=300)
@given(states)
def test_scene_draws_its_own_state(s):
    overrides, choice = split(s)
    scene = build_scene(
        s["available"], **choice, **overrides, standing_pelvic_tilt=s["tilt0"], standing_lumbar_lordosis=s["lordosis0"]
    )
    room = scene.state.pelvic_tilt - scene.state.trunk_lean  # the pelvis leans back with the trunk
    assert abs(tilt_of(scene.sagittal) - tilt_of(scene.sagittal_neutral) - room) <= ANGLE_TOL_DEG
    assert abs(foot_angles(scene.transverse)[0] - scene.state.foot_progression) <= ANGLE_TOL_DEG
    labels = {a.label for a in load_actions()}
    assert set(scene.highlights) <= labels
    assert ("Gluteus maximus" in scene.highlights) == (s["cue"] == "squeeze_glutes" or scene.state.rotation_used > 0)
    widths = [span.high - span.low for span in scene.stage_spans]
    assert min(widths) >= 0 and sum(widths) == pytest.approx(70.0)
