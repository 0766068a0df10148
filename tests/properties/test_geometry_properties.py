"""Properties of the hip and knee geometry on generated postures (hypothesis).

Postures span the accepted range of every hip angle (gait2392's coordinate range,
-120 to 120 deg) and of knee flexion (0 to 120 deg). The number of cases follows the
active profile (tests/conftest.py).
"""

from __future__ import annotations

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from biomech.anatomy.geometry import (
    AXES,
    HIP_RANGE_DEG,
    KNEE_RANGE_DEG,
    PARTS,
    moment_arms,
    muscle_length,
    muscle_paths,
)
from biomech.anatomy.knee import tibia_pose

FD_STEP_DEG = 1e-4  # central difference step
FEW = 2000  # examples for the slower checks (the finite-difference test keeps the profile's 10,000)
FD_TOL_M = 1e-6  # the tolerance
SWITCHES_DEG = {  # where a conditional via point joins or leaves a path
    coordinate: sorted(
        {
            b
            for p in muscle_paths().values()
            for q in p.points
            if q.active and q.active[0] == coordinate
            for b in q.active[1:]
        }
    )
    for coordinate in ("hip_flexion", "knee_flexion")
}

angle = st.floats(*HIP_RANGE_DEG, allow_nan=False, allow_infinity=False)
knee = st.floats(*KNEE_RANGE_DEG, allow_nan=False, allow_infinity=False)
inner = st.floats(HIP_RANGE_DEG[0] + FD_STEP_DEG, HIP_RANGE_DEG[1] - FD_STEP_DEG)  # room for the step
inner_knee = st.floats(KNEE_RANGE_DEG[0] + FD_STEP_DEG, KNEE_RANGE_DEG[1] - FD_STEP_DEG)
postures = st.tuples(inner, inner, inner, inner_knee)


@given(postures)
def test_moment_arm_equals_finite_difference_of_length(posture):
    """-dL/dq, q in radians, to 1e-6 m, for the three hip angles and knee flexion; away
    from the switches of the conditional via points, where the published model's length
    steps (the data README)."""
    for value, coordinate in ((posture[0], "hip_flexion"), (posture[3], "knee_flexion")):
        assume(all(abs(value - s) > 2 * FD_STEP_DEG for s in SWITCHES_DEG[coordinate]))
    arms = moment_arms(*posture)
    shifted = np.array(posture)[:, None] + FD_STEP_DEG * np.hstack([np.eye(4), -np.eye(4)])
    lengths = muscle_length(*shifted)  # rows: + each angle, then the minus steps
    numeric = -(lengths[:4] - lengths[4:]) / (2 * np.radians(FD_STEP_DEG))
    for i, axis in enumerate(AXES + ("knee",)):
        assert np.max(np.abs(getattr(arms, axis) - numeric[i])) <= FD_TOL_M


@settings(max_examples=FEW)  # cheap invariants of the same code as the 10,000-case tests
@given(st.lists(st.tuples(angle, angle, angle, knee), min_size=1, max_size=4))
def test_vectorized_equals_scalar_loop(postures):
    f, a, r, k = (np.array(column) for column in zip(*postures, strict=False))
    many, lengths = moment_arms(f, a, r, k), muscle_length(f, a, r, k)
    for n, posture in enumerate(postures):
        one = moment_arms(*posture)
        assert max(np.max(np.abs(getattr(many, axis)[n] - getattr(one, axis))) for axis in AXES + ("knee",)) <= 1e-12
        assert np.max(np.abs(lengths[n] - muscle_length(*posture))) <= 1e-12


_MOVING = tuple(dict.fromkeys(q.moving for p in PARTS for q in muscle_paths()[p].points if q.moving))
_FEMUR = [muscle_paths()[p].fixed("femur") for p in PARTS]
_TIBIA = [muscle_paths()[p].fixed("tibia") for p in PARTS]
_MOVES = [[_MOVING.index(q.moving) for q in muscle_paths()[p].points if q.moving] for p in PARTS]


def reach_m(knee_flexion: float) -> np.ndarray:
    """Per part, the farthest of its femur and tibia points from the hip centre."""
    pose = tibia_pose(knee_flexion, _MOVING)
    moving = pose.moving.reshape(-1, 3)
    reach = []
    for femur, tibia, moves in zip(_FEMUR, _TIBIA, _MOVES, strict=True):
        below = np.vstack([tibia, moving[moves]])
        distal = np.vstack([femur, below @ pose.rotation.T + pose.translation])
        reach.append(np.max(np.linalg.norm(distal, axis=1)))
    return np.array(reach)


@settings(max_examples=FEW)  # cheap invariants of the same code as the 10,000-case tests
@given(angle, angle, angle, knee)
def test_no_hip_moment_arm_exceeds_the_reach_of_the_distal_points(f, a, r, k):
    """A hip rotation moves a femur or tibia point at most |p| per radian (p from the
    hip centre), and only the segment leaving the pelvis changes with hip angle."""
    arms, reach = moment_arms(f, a, r, k), reach_m(k)
    for axis in AXES:
        assert np.all(np.abs(getattr(arms, axis)) <= reach + 1e-12)


def rigid_path_m(part: str) -> float:
    """Length of the part's segments between two points fixed in the same bone."""
    points = muscle_paths()[part].points
    return sum(
        float(np.linalg.norm(q.location - p.location))
        for p, q in zip(points, points[1:], strict=False)
        if p.segment == q.segment and not (p.moving or q.moving or p.active or q.active)
    )


RIGID_M = np.array([rigid_path_m(p) for p in PARTS])
ONE_JOINT = np.array([all(q.segment != "tibia" for q in muscle_paths()[p].points) for p in PARTS])


@given(angle, angle, angle, knee)
def test_length_exceeds_the_part_of_the_path_fixed_in_one_bone(f, a, r, k):
    assert np.all(muscle_length(f, a, r, k) > RIGID_M)


@settings(max_examples=FEW)  # cheap invariants of the same code as the 10,000-case tests
@given(angle, angle, angle, knee)
def test_muscles_that_do_not_reach_the_tibia_ignore_the_knee(f, a, r, k):
    arms = moment_arms(f, a, r, k)
    assert np.all(arms.knee[ONE_JOINT] == 0.0)
    assert np.array_equal(muscle_length(f, a, r, k)[ONE_JOINT], muscle_length(f, a, r)[ONE_JOINT])
