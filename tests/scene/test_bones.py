"""Bones posed on the lifter (biomech.scene.bones): they follow the state, and the feet never overlap."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from matplotlib.path import Path

from biomech.anatomy.bones import bone_outline
from biomech.model.lockout import tissue_choices
from biomech.parameters import PARAMETERS
from biomech.scene.bones import (
    FEET_GAP_H,
    GAIT2392,
    METRES_TO_H,
    STANCE_WIDTH_H,
    pelvis_landmarks,
    sagittal_bones,
    stance_half_width,
    transverse_bones,
)
from biomech.scene.pose import SEGMENT_LENGTHS
from biomech.scene.scene import build_scene

LOW, HIGH = PARAMETERS["hip_extension_available"].min, PARAMETERS["hip_extension_available"].max


def angle_from_down(v) -> float:
    return float(np.degrees(np.arctan2(v[0], -v[1])))


def long_axis_from_down(ring: np.ndarray) -> float:
    """The outline's principal axis, as an angle from straight down (degrees, forward +)."""
    centred = ring - ring.mean(axis=0)
    _, vectors = np.linalg.eigh(centred.T @ centred)
    axis = vectors[:, -1] * (1 if vectors[1, -1] < 0 else -1)  # pointing down
    return angle_from_down(axis)


def incline_thigh(scene, degrees: float):
    """The scene's side pose with the thigh turned forward about the hip (as 'hips through' would)."""
    p = scene.sagittal
    ankle, knee, hip = p.leg
    a = np.radians(degrees)
    knee = hip + SEGMENT_LENGTHS["thigh"] * np.array([np.sin(a), -np.cos(a)])
    return dataclasses.replace(p, leg=np.array([ankle, knee, hip]))


@pytest.mark.parametrize("thigh", [0.0, 8.0, -5.0, 25.0])
def test_the_drawn_femur_lies_along_the_poses_thigh(thigh):
    pose = incline_thigh(build_scene(-10.0), thigh)
    bones = sagittal_bones(pose)
    assert bones.thigh_angle == pytest.approx(thigh, abs=1e-9)
    (femur,) = bones.femur
    # The femur's own hip-to-knee points land on the pose's hip and knee ...
    (unposed,) = bone_outline("femur_r", "sagittal")
    i = np.argmin(np.linalg.norm(unposed - GAIT2392["knee_in_femur"], axis=1))
    expected = np.asarray(pose.leg[2]) + METRES_TO_H["femur"] * np.linalg.norm(unposed[i]) * np.array(
        [
            np.sin(np.radians(thigh + angle_from_down(unposed[i]) - angle_from_down(GAIT2392["knee_in_femur"]))),
            -np.cos(np.radians(thigh + angle_from_down(unposed[i]) - angle_from_down(GAIT2392["knee_in_femur"]))),
        ]
    )
    assert np.allclose(femur[i], expected)
    # ... and its long axis turns with the thigh (the outline's axis is within 4 deg of the bone's).
    assert long_axis_from_down(femur) - long_axis_from_down(unposed) == pytest.approx(
        thigh - angle_from_down(GAIT2392["knee_in_femur"]), abs=1e-6
    )


@pytest.mark.parametrize("available, cue", [(17.0, "squeeze_glutes"), (-10.0, "squeeze_glutes"), (-30.0, "stand_tall")])
def test_the_pelvis_outline_turns_by_the_drawn_pelvic_tilt_about_the_hip(available, cue):
    scene = build_scene(available, cue=cue)
    bones = scene.bones_side
    hip = scene.sagittal.hip
    # Landmarks: the ASIS-PSIS line lies at the drawn tilt below the horizontal.
    d = bones.asis - bones.psis
    assert np.degrees(np.arctan2(-d[1], d[0])) == pytest.approx(scene.sagittal.pelvic_tilt, abs=1e-9)
    # The whole outline: the standing outline turned about the hip by the added tilt.
    standing = scene.bones_side_neutral
    added = np.radians(scene.sagittal.pelvic_tilt - scene.standing_pelvic_tilt)
    c, s = np.cos(-added), np.sin(-added)
    standing_hip = scene.sagittal_neutral.hip  # the hips go through with the squeeze: the pelvis moves too
    turned = (standing.pelvis[0] - standing_hip) @ np.array([[c, s], [-s, c]]) + hip
    assert np.allclose(bones.pelvis[0], turned)
    assert Path(bones.pelvis[0]).contains_point(hip)  # the hip joint sits in the pelvis
    assert np.allclose(pelvis_landmarks(scene.sagittal.pelvic_tilt, hip), (bones.asis, bones.psis))


def test_the_bones_span_their_segments():
    bones = build_scene(0.0).bones_side
    (shank,) = bones.shank
    ankle, knee, hip = build_scene(0.0).sagittal.leg
    assert shank[:, 1].min() == pytest.approx(ankle[1], abs=0.01)  # the tibia reaches the ankle
    (foot,) = bones.foot
    assert foot[:, 1].min() == pytest.approx(0.0, abs=0.01)  # the sole on the floor


@pytest.mark.parametrize("tissue", tissue_choices())
@pytest.mark.parametrize("available", [LOW, HIGH])
@pytest.mark.parametrize("cue", ["stand_tall", "squeeze_glutes"])
def test_the_feet_never_overlap(tissue, available, cue):
    top = build_scene(available, cue=cue, tissue=tissue).bones_top
    right, left = (Path(rings[0]) for rings in top.feet)
    assert not right.intersects_path(left, filled=True)
    assert top.feet[0][0][:, 0].min() > 0 > top.feet[1][0][:, 0].max()  # each on its own side


@pytest.mark.parametrize("angle", [-80.0, -45.0, -15.6, 0.0, 14.0, 52.5, 90.0])
def test_the_stance_widens_only_as_far_as_the_toes_need(angle):
    top = transverse_bones(0.0, angle)
    right, left = (Path(rings[0]) for rings in top.feet)
    assert not right.intersects_path(left, filled=True)
    assert top.ankles[0, 0] == pytest.approx(stance_half_width(angle))
    if angle >= -15.6:  # every state at the default settings: the stance as it is
        assert stance_half_width(angle) == STANCE_WIDTH_H / 2
    else:  # only wider when the toes would cross the midline
        assert (
            top.feet[0][0][:, 0].min() == pytest.approx(FEET_GAP_H / 2)
            or stance_half_width(angle) == STANCE_WIDTH_H / 2
        )


def test_the_femurs_turn_with_the_hip_rotation_and_the_kneecaps_show_it():
    for scene in (build_scene(-10.0, mechanism="blog"), build_scene(-10.0, tissue="Tensor fasciae latae")):
        top = scene.bones_top
        assert top.hip_rotation == scene.state.rotation_used
        for side, (hip, cap) in zip((1, -1), top.kneecaps, strict=False):
            turned = np.degrees(np.arctan2(side * (cap[0] - hip[0]), cap[1] - hip[1]))
            assert turned == pytest.approx(top.hip_rotation)  # external +: the kneecap turns out
        rest = transverse_bones(0.0, scene.state.foot_progression).femurs[0][0]
        assert not np.allclose(top.femurs[0][0], rest)  # the bone turned too
