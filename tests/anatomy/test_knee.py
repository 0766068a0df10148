"""The knee in the muscle geometry: gait2392's planar knee, its splines and the
two-joint muscles, validated against lengths computed with OpenSim.

Reference: ``tests/data/gait2392_knee_lengths.csv`` (CC BY 3.0; provenance in
``tests/data/README.md``): 27 parts on a grid of hip flexion x hip rotation x knee
flexion, hip adduction 0.
"""

from __future__ import annotations

import csv
import filecmp
import os
import runpy
import sys
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from biomech.anatomy import knee
from biomech.anatomy.geometry import HIP_CENTRE_M, PARTS, moment_arms, muscle_length, muscle_paths
from biomech.anatomy.knee import joint_frame, splines, tibia_pose
from biomech.anatomy.splines import SplineSet

ROOT = Path(__file__).parents[2]
REFERENCE_FILE = ROOT / "tests" / "data" / "gait2392_knee_lengths.csv"
# the gait2392 model file the data were extracted from (not in the repo: OpenSim's model
# collection, see biomech/data/README.md); set GAIT2392_OSIM to its path to run this test
OSIM = Path(os.environ.get("GAIT2392_OSIM", "gait2392_thelen2003muscle.osim"))
LENGTH_TOL_M = 0.001  # the target: every part within 1 mm over its whole grid
PRINTED_M = 1e-6  # the reference's printed precision
TWO_JOINT = ("rect_fem_r", "sar_r", "grac_r", "tfl_r", "semimem_r", "semiten_r", "bifemlh_r")


@cache
def reference() -> dict[str, np.ndarray]:
    with REFERENCE_FILE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    out = {k: np.array([float(r[k]) for r in rows]) for k in rows[0] if k not in ("model", "muscle")}
    out["part"] = np.array([PARTS.index(r["muscle"]) for r in rows])
    return out


def evaluate() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Length, hip-flexion and knee moment arm of each reference row's part."""
    ref = reference()
    angles = (ref["hip_flexion_deg"], 0.0, ref["hip_rotation_deg"], ref["knee_flexion_deg"])
    rows = np.arange(len(ref["part"]))
    lengths, arms = muscle_length(*angles), moment_arms(*angles)
    return lengths[rows, ref["part"]], arms.flexion[rows, ref["part"]], arms.knee[rows, ref["part"]]


computed = cache(evaluate)


def test_reference_covers_every_part_on_the_full_grid():
    ref = reference()
    assert set(ref["part"]) == set(range(len(PARTS)))
    assert np.all(np.bincount(ref["part"]) == 9 * 3 * 7)
    assert sorted(set(ref["knee_flexion_deg"])) == list(range(0, 121, 20))


@pytest.mark.parametrize("part", PARTS)
def test_lengths_match_opensim_within_1_mm_over_the_whole_grid(part):
    ref = reference()
    rows = ref["part"] == PARTS.index(part)
    error = np.abs(computed()[0][rows] - ref["mt_length_m"][rows])
    assert error.max() <= LENGTH_TOL_M
    assert error.max() <= PRINTED_M  # in fact to the printed precision: same model, same kinematics


def test_hip_flexion_moment_arms_match_opensim_with_the_knee_bent():
    np.testing.assert_allclose(computed()[1], reference()["ma_hip_flexion_m"], atol=PRINTED_M)


def test_knee_moment_arms_agree_in_sign_and_magnitude():
    ref = reference()
    published = -ref["ma_knee_extension_m"]  # the reference: + = extensor; ours: + = flexor
    ours = computed()[2]
    strong = np.abs(published) >= 0.005
    assert strong.sum() > 900
    assert np.all(np.sign(ours[strong]) == np.sign(published[strong]))
    np.testing.assert_allclose(ours, published, atol=PRINTED_M)


def test_knee_actions_of_the_two_joint_muscles():
    arms = moment_arms(0.0, knee_flexion=30.0)
    knee_arm = dict(zip(PARTS, arms.knee, strict=False))
    assert knee_arm["rect_fem_r"] < -0.04  # knee extensor
    for flexor in ("semimem_r", "semiten_r", "bifemlh_r", "grac_r", "sar_r"):
        assert knee_arm[flexor] > 0.005
    one_joint = [p for p in PARTS if p not in TWO_JOINT]
    assert all(knee_arm[p] == 0.0 for p in one_joint)


def test_rectus_femoris_is_62_mm_longer_at_80_deg_of_knee_flexion():
    """The knee stretches rectus femoris far more than hip extension does: 20 deg of hip
    extension adds 12.8 mm in the reference (its README rounds this to "about 15")."""
    lengths = muscle_length(0.0, knee_flexion=[0.0, 80.0])[:, PARTS.index("rect_fem_r")]
    assert 1000 * (lengths[1] - lengths[0]) == pytest.approx(62.0, abs=0.5)
    hip_extension = muscle_length([0.0, -20.0])[:, PARTS.index("rect_fem_r")]
    assert 1000 * (hip_extension[1] - hip_extension[0]) == pytest.approx(12.8, abs=0.1)


def test_straight_knee_gives_the_default_lengths():
    angles = np.linspace(-20.0, 90.0, 23)
    np.testing.assert_array_equal(muscle_length(angles), muscle_length(angles, knee_flexion=0.0))
    arms, straight = moment_arms(angles), moment_arms(angles, knee_flexion=np.zeros_like(angles))
    np.testing.assert_array_equal(arms.flexion, straight.flexion)


@pytest.mark.parametrize(
    ("part", "coordinate", "start", "end"),
    [
        ("semimem_r", "knee_flexion", -10.0, 32.0),
        ("semiten_r", "knee_flexion", -10.0, 19.0),
        ("grac_r", "knee_flexion", -10.0, 25.0),
        ("rect_fem_r", "knee_flexion", 83.65, 150.0),
        ("iliacus_r", "hip_flexion", -90.0, 45.0),
    ],
)
def test_conditional_points_keep_the_models_ranges(part, coordinate, start, end):
    (point,) = [p for p in muscle_paths()[part].points if p.active]
    assert point.active == (coordinate, start, end)


# --- the splines -----------------------------------------------------------------------


def test_spline_set_evaluates_members_together():
    fns = splines()
    names = ("knee_r.translation_x", "knee_r.translation_y")
    q = np.linspace(-2.0944, 0.2, 17)
    value, slope = SplineSet(tuple(fns[n] for n in names))(q[:, None])
    for j, name in enumerate(names):
        np.testing.assert_array_equal(value[:, j], fns[name](q))
        np.testing.assert_array_equal(slope[:, j], fns[name](q, derivative=True))


def test_opensim_end_conditions_are_the_ones_that_reproduce_opensim(monkeypatch):
    """SimmSpline is not the natural spline: with natural ends the lengths stay within
    1 mm but the knee moment arms miss by more than 1 mm."""
    natural = cache(lambda names, ends: SplineSet(tuple(splines("natural")[n] for n in names)))
    monkeypatch.setattr(knee, "_spline_set", natural)
    ref = reference()
    lengths, _, knee_arms = evaluate()
    assert np.abs(lengths - ref["mt_length_m"]).max() < LENGTH_TOL_M
    assert np.abs(knee_arms + ref["ma_knee_extension_m"]).max() > 0.001


# --- frames and the data's provenance -----------------------------------------------


def test_joint_frames_are_read_from_the_model():
    rotation, translation = joint_frame("hip_r", "parent")
    np.testing.assert_array_equal(translation, HIP_CENTRE_M)
    np.testing.assert_array_equal(rotation, np.eye(3))
    for role in ("parent", "child"):
        rotation, translation = joint_frame("knee_r", role)
        np.testing.assert_array_equal(rotation, np.eye(3))
        np.testing.assert_array_equal(translation, np.zeros(3))
    with pytest.raises(ValueError, match="no child frame for joint 'ankle_r'"):
        joint_frame("ankle_r", "child")


def test_tibia_pose_derivative_matches_a_finite_difference():
    k, step = np.array([5.0, 40.0, 100.0]), 1e-5
    pose = tibia_pose(k, ("rect_fem_r-P3",))
    up, down = tibia_pose(k + step, ("rect_fem_r-P3",)), tibia_pose(k - step, ("rect_fem_r-P3",))
    scale = 2 * np.radians(step)
    np.testing.assert_allclose(pose.d_translation, (up.translation - down.translation) / scale, atol=1e-8)
    np.testing.assert_allclose(pose.d_moving, (up.moving - down.moving) / scale, atol=1e-8)
    p = np.array([0.03, -0.05, 0.02])
    turned = np.cross(pose.axis, pose.rotation @ p)
    np.testing.assert_allclose(turned, (up.rotation @ p - down.rotation @ p) / scale, atol=1e-8)


@pytest.mark.skipif(not OSIM.is_file(), reason="the gait2392 model file is not on this machine")
def test_extraction_script_reproduces_the_data_files(tmp_path):
    script = ROOT / "scripts" / "extract_gait2392_knee.py"
    argv = sys.argv
    try:
        sys.argv = [str(script), str(OSIM), "--out", str(tmp_path)]
        with pytest.raises(SystemExit) as done:
            runpy.run_path(str(script), run_name="__main__")
    finally:
        sys.argv = argv
    assert done.value.code == 0
    for name in ("hip_muscle_paths.csv", "knee_splines.csv", "joint_frames.csv"):
        assert filecmp.cmp(tmp_path / name, ROOT / "biomech" / "data" / name, shallow=False), name
