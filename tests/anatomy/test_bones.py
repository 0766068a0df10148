"""Bone outlines (biomech.anatomy.bones): shape, size and frame of each outline, the loader's
errors, and the posing helper."""

from __future__ import annotations

import csv
import io
from importlib import resources

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from biomech.anatomy.bones import BONES, DATA_FILE, VIEWS, bone_outline, pose_outline

HIP_CENTRE = np.array([-0.0707, -0.0661, 0.0835])  # right hip, pelvis frame (m)
KNEE_AT_ZERO = np.array([-0.0045, -0.3958])  # tibia origin in the femur frame, knee straight
ANKLE = np.array([0.0, -0.43])  # ankle joint centre in the tibia frame
CASES = [(bone, view) for bone in BONES for view in VIEWS]


def signed_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def contains(ring: np.ndarray, point) -> bool:
    x, y = ring[:, 0], ring[:, 1]
    xn, yn = np.roll(x, -1), np.roll(y, -1)
    crosses = (y > point[1]) != (yn > point[1])
    with np.errstate(divide="ignore", invalid="ignore"):
        xc = x + (point[1] - y) * (xn - x) / (yn - y)
    return bool(np.count_nonzero(crosses & (point[0] < xc)) % 2)


def self_intersections(ring: np.ndarray) -> int:
    """Pairs of non-adjacent edges of a closed ring that cross."""
    a, b = ring, np.roll(ring, -1, axis=0)
    n = len(ring)

    def orient(p, q, r):
        return np.sign(
            (q[..., 0] - p[..., 0]) * (r[..., 1] - p[..., 1]) - (q[..., 1] - p[..., 1]) * (r[..., 0] - p[..., 0])
        )

    A, B = a[:, None], b[:, None]
    C, D = a[None, :], b[None, :]
    cross = (orient(A, B, C) * orient(A, B, D) < 0) & (orient(C, D, A) * orient(C, D, B) < 0)
    i, j = np.triu_indices(n, k=2)
    adjacent = (i == 0) & (j == n - 1)
    return int(np.count_nonzero(cross[i, j] & ~adjacent))


def outer(bone: str, view: str) -> np.ndarray:
    return np.vstack(bone_outline(bone, view, holes=False))


# --- the data file -----------------------------------------------------------------


def test_data_file_is_small_and_rounded_to_a_tenth_of_a_millimetre():
    path = resources.files("biomech").joinpath("data", DATA_FILE)
    text = path.read_text("utf-8")
    assert len(text.encode()) < 60_000
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {(r["bone"], r["view"]) for r in rows} == set(CASES)
    for row in rows:
        kept = "y_m" if row["view"] == "sagittal" else "z_m"
        dropped = "z_m" if row["view"] == "sagittal" else "y_m"
        assert row[dropped] == ""
        for column in ("x_m", kept):
            value = float(row[column])
            assert abs(value * 1e4 - round(value * 1e4)) < 1e-6


# --- every outline -----------------------------------------------------------------


@pytest.mark.parametrize("bone, view", CASES)
def test_outlines_are_closed_simple_polygons(bone, view):
    rings = bone_outline(bone, view)
    assert 1 <= len(rings) <= 4
    for ring in rings:
        assert ring.ndim == 2 and ring.shape[1] == 2 and ring.dtype == float
        assert 8 <= len(ring) <= 120
        assert np.all(np.isfinite(ring))
        assert np.all(np.abs(ring) < 0.5)  # metres, not millimetres
        steps = np.hypot(*np.diff(np.vstack([ring, ring[:1]]), axis=0).T)
        assert steps.min() > 0, "repeated point (the last point must not repeat the first)"
        assert self_intersections(ring) == 0


@pytest.mark.parametrize("bone, view", CASES)
def test_outer_rings_turn_counter_clockwise_and_holes_clockwise_inside_them(bone, view):
    outers = bone_outline(bone, view, holes=False)
    holes = bone_outline(bone, view)[len(outers) :]
    assert all(signed_area(r) > 0 for r in outers)
    assert all(signed_area(r) < 0 for r in holes)
    for hole in holes:
        assert any(contains(o, hole[0]) for o in outers)
        assert abs(signed_area(hole)) < 0.1 * signed_area(outers[0])
    if bone != "pelvis":
        assert holes == ()


def test_only_the_pelvis_has_holes_and_they_are_its_openings():
    assert len(bone_outline("pelvis", "sagittal")) == 2  # obturator foramen
    assert len(bone_outline("pelvis", "transverse")) > 1  # the pelvic cavity from above


# --- sizes and frames --------------------------------------------------------------


def test_femur_from_the_side_runs_from_the_hip_centre_to_below_the_knee():
    (femur,) = bone_outline("femur_r", "sagittal")
    low, high = femur.min(axis=0), femur.max(axis=0)
    # Head top to condyles: 0.45 m in gait2392 (the knee joint itself is 0.40 m down).
    assert 0.40 <= high[1] - low[1] <= 0.47
    assert 0 < high[1] < 0.05  # top of the femoral head, just above its centre
    assert contains(femur, (0.0, 0.0))  # the hip centre lies in the head
    assert KNEE_AT_ZERO[1] - 0.05 < low[1] < KNEE_AT_ZERO[1]
    assert high[0] - low[0] < 0.1


@pytest.mark.parametrize("bone", ["femur_r", "femur_l", "tibia_r"])
def test_long_bones_long_axis_is_the_frames_y_axis(bone):
    (ring,) = bone_outline(bone, "sagittal")
    centred = ring - ring.mean(axis=0)
    _, vectors = np.linalg.eigh(centred.T @ centred)
    axis = vectors[:, -1]
    angle = np.degrees(np.arctan2(abs(axis[0]), abs(axis[1])))
    assert angle < 4.0


def test_pelvis_from_above_spans_both_hip_bones():
    pelvis = outer("pelvis", "transverse")
    width = np.ptp(pelvis[:, 1])
    assert 0.25 <= width <= 0.35
    assert abs(pelvis[:, 1].max() + pelvis[:, 1].min()) < 0.005  # symmetric about z = 0
    assert 0.15 <= np.ptp(pelvis[:, 0]) <= 0.22  # ASIS to sacrum
    assert np.isclose(pelvis[:, 0].max(), 0.0, atol=0.002)  # origin between the ASISs


def test_pelvis_from_the_side_holds_the_hip_centre():
    (pelvis,) = bone_outline("pelvis", "sagittal", holes=False)
    assert contains(pelvis, HIP_CENTRE[:2])
    assert 0.17 <= np.ptp(pelvis[:, 1]) <= 0.25  # iliac crest to ischial tuberosity


def test_both_femurs_are_mirror_images():
    right, left = outer("femur_r", "transverse"), outer("femur_l", "transverse")
    mirrored = left * [1, -1]
    assert np.allclose(right.min(axis=0), mirrored.min(axis=0), atol=0.002)
    assert np.allclose(right.max(axis=0), mirrored.max(axis=0), atol=0.002)
    area_r, area_l = signed_area(right), signed_area(left)
    assert abs(area_r - area_l) < 0.03 * area_r
    # From above, the greater trochanter sticks out laterally: +z right, -z left.
    assert right[:, 1].max() > 0.055 and left[:, 1].min() < -0.055


def test_shank_reaches_the_ankle_and_the_foot_lies_forward_of_it():
    (shank,) = bone_outline("tibia_r", "sagittal")
    assert abs(shank[:, 1].min() - ANKLE[1]) < 0.01
    assert -0.05 < shank[:, 1].max() < 0  # tibial plateau just below the knee's origin
    (foot,) = bone_outline("foot_r", "transverse")
    assert 0.2 < np.ptp(foot[:, 0]) < 0.3  # heel to toe
    assert contains(foot, (0.0, 0.0))  # the ankle sits over the foot


# --- the loader --------------------------------------------------------------------


def test_outlines_are_cached_and_read_only():
    first = bone_outline("femur_r", "sagittal")
    assert bone_outline("femur_r", "sagittal")[0] is first[0]
    with pytest.raises(ValueError):
        first[0][0, 0] = 1.0


@pytest.mark.parametrize(
    "kwargs, words",
    [
        ({"bone": "femur", "view": "sagittal"}, ["'bone'", "'femur'", "'femur_r'", "'pelvis'", "did you mean"]),
        ({"bone": "femur_r", "view": "side"}, ["'view'", "'side'", "'sagittal'", "'transverse'"]),
        ({"bone": None, "view": "sagittal"}, ["'bone'", "None", "'tibia_r'"]),
        ({"bone": "pelvis", "view": "Transverse"}, ["'view'", "did you mean 'transverse'"]),
    ],
)
def test_unknown_bone_or_view_is_a_clear_error(kwargs, words):
    with pytest.raises(ValueError) as error:
        bone_outline(**kwargs)
    for word in words:
        assert word in str(error.value)


# --- posing ------------------------------------------------------------------------


def test_pose_rotates_counter_clockwise_then_translates():
    assert np.allclose(pose_outline([0.0, -1.0], 90.0), [1.0, 0.0])
    assert np.allclose(pose_outline([[1.0, 0.0]], 90.0), [[0.0, 1.0]])
    assert np.allclose(pose_outline([[1.0, 0.0]], -90.0, origin=(2.0, 3.0)), [[2.0, 2.0]])
    assert np.allclose(pose_outline([[1.0, 2.0]], 0.0, origin=(0.5, -0.5)), [[1.5, 1.5]])


def test_pose_keeps_shape_and_does_not_change_its_input():
    (femur,) = bone_outline("femur_r", "sagittal")
    posed = pose_outline(femur, 20.0, origin=HIP_CENTRE[:2])
    assert posed.shape == femur.shape and posed is not femur
    assert np.allclose(pose_outline(np.zeros((3, 4, 2)), 10.0, (1.0, 2.0)), [1.0, 2.0])
    assert np.allclose(pose_outline([0.0, 0.0], 20.0, HIP_CENTRE[:2]), HIP_CENTRE[:2])
    assert np.allclose(np.hypot(*(posed - HIP_CENTRE[:2]).T), np.hypot(*femur.T))
    # Flexing the femur 90 deg swings the condyles forward, level with the hip.
    flexed = pose_outline(femur, 90.0)
    assert flexed[np.argmin(femur[:, 1]), 0] > 0.39


@pytest.mark.parametrize(
    "points, angle, origin, name",
    [
        ([1.0, 2.0, 3.0], 0.0, (0.0, 0.0), "'points'"),
        (1.0, 0.0, (0.0, 0.0), "'points'"),
        ([1.0, 2.0], float("nan"), (0.0, 0.0), "'angle_deg'"),
        ([1.0, 2.0], 0.0, (np.inf, 0.0), "'origin'"),
    ],
)
def test_pose_rejects_bad_input(points, angle, origin, name):
    with pytest.raises(ValueError, match=name):
        pose_outline(points, angle, origin)


finite = st.floats(-10.0, 10.0, allow_nan=False)


@given(
    st.lists(st.tuples(finite, finite), min_size=2, max_size=6),
    st.floats(-720.0, 720.0, allow_nan=False),
    st.tuples(finite, finite),
)
def test_pose_is_a_rigid_motion_undone_by_its_inverse(points, angle, origin):
    p = np.array(points)
    q = pose_outline(p, angle, origin)
    assert np.allclose(np.hypot(*(q[1:] - q[0]).T), np.hypot(*(p[1:] - p[0]).T), atol=1e-9)
    back = pose_outline(q - np.array(origin), -angle)
    assert np.allclose(back, p, atol=1e-9)
