"""Properties of the hip geometry on generated postures (hypothesis).

Postures span the accepted range of every hip angle (gait2392's coordinate range,
-120 to 120 deg). The number of cases follows the active profile (tests/conftest.py).
"""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given
from hypothesis import strategies as st

from biomech.anatomy.geometry import AXES, HIP_RANGE_DEG, PARTS, moment_arms, muscle_length, muscle_paths

FD_STEP_DEG = 1e-4  # central difference step
FD_TOL_M = 1e-6  # the tolerance
SWITCHES_DEG = sorted({b for p in muscle_paths().values() for r in p.active_deg for b in r if np.isfinite(b)})

angle = st.floats(*HIP_RANGE_DEG, allow_nan=False, allow_infinity=False)
inner = st.floats(HIP_RANGE_DEG[0] + FD_STEP_DEG, HIP_RANGE_DEG[1] - FD_STEP_DEG)  # room for the step
postures = st.tuples(inner, inner, inner)


@given(postures)
def test_moment_arm_equals_finite_difference_of_length(posture):
    """-dL/dq, q in radians, to 1e-6 m; away from the pelvic-brim switch of iliopsoas,
    where the published model's length steps (the data README, item 4)."""
    assume(all(abs(posture[0] - s) > 2 * FD_STEP_DEG for s in SWITCHES_DEG))
    arms = moment_arms(*posture)
    shifted = np.array(posture)[:, None] + FD_STEP_DEG * np.hstack([np.eye(3), -np.eye(3)])
    lengths = muscle_length(*shifted)  # rows: +flexion, +adduction, +rotation, then the minus steps
    numeric = -(lengths[:3] - lengths[3:]) / (2 * np.radians(FD_STEP_DEG))
    for i, axis in enumerate(AXES):
        assert np.max(np.abs(getattr(arms, axis) - numeric[i])) <= FD_TOL_M


@given(st.lists(st.tuples(angle, angle, angle), min_size=1, max_size=4))
def test_vectorized_equals_scalar_loop(postures):
    f, a, r = (np.array(column) for column in zip(*postures))
    many, lengths = moment_arms(f, a, r), muscle_length(f, a, r)
    for n, posture in enumerate(postures):
        one = moment_arms(*posture)
        assert max(np.max(np.abs(getattr(many, axis)[n] - getattr(one, axis))) for axis in AXES) <= 1e-12
        assert np.max(np.abs(lengths[n] - muscle_length(*posture))) <= 1e-12


REACH_M = np.array([np.linalg.norm(muscle_paths()[p].femur[0]) for p in PARTS])
FEMUR_PATH_M = np.array([np.sum(np.linalg.norm(np.diff(muscle_paths()[p].femur, axis=0), axis=1)) for p in PARTS])


@given(angle, angle, angle)
def test_no_moment_arm_exceeds_the_reach_of_the_first_femur_point(f, a, r):
    """A rotation moves the crossing segment's femur end at most |p| per radian."""
    arms = moment_arms(f, a, r)
    for axis in AXES:
        assert np.all(np.abs(getattr(arms, axis)) <= REACH_M + 1e-12)


@given(angle, angle, angle)
def test_length_exceeds_the_part_of_the_path_fixed_in_the_femur(f, a, r):
    assert np.all(muscle_length(f, a, r) > FEMUR_PATH_M)
