"""The lifter posed at a lift phase (biomech.scene.lift)."""

from __future__ import annotations

from functools import partial

import numpy as np
import pytest

from biomech.model.lift import lift_compensation, lift_posture
from biomech.model.lockout import CUES
from biomech.scene.lift import lift_scene
from biomech.scene.scene import build_scene as build_scene_any

build_scene = partial(build_scene_any, mechanism="blog")  # drawn states of the blog's mechanism


def test_scene_at_lockout_is_the_lockout_scene():

    for cue in CUES:
        a, b = lift_scene(1.0, -10.0, cue=cue), build_scene(-10.0, cue=cue)
        for field in ("leg", "pelvis", "lumbar", "trunk", "arm", "bar"):
            np.testing.assert_allclose(getattr(a.sagittal, field), getattr(b.sagittal, field), atol=1e-12)
        for field in ("pelvis", "femur", "shank", "foot"):
            for ring_a, ring_b in zip(getattr(a.bones_side, field), getattr(b.bones_side, field), strict=True):
                np.testing.assert_allclose(ring_a, ring_b, atol=1e-12)
        assert a.state == b.state and a.transverse.foot_progression == b.transverse.foot_progression


@pytest.mark.parametrize("phase", [0.0, 0.25, 0.5, 0.9, 1.0])
def test_scene_poses_the_lifter_at_the_phase(phase):
    from biomech.scene.pose import SEGMENT_LENGTHS

    scene, stand = lift_scene(phase, -8.0), build_scene(-8.0)
    pose, angles = scene.sagittal, lift_posture(phase)
    ankle, knee, hip = pose.leg
    np.testing.assert_array_equal(ankle, stand.sagittal.leg[0])  # the foot stays on the floor
    assert np.linalg.norm(knee - ankle) == pytest.approx(SEGMENT_LENGTHS["shank"])
    assert np.linalg.norm(hip - knee) == pytest.approx(SEGMENT_LENGTHS["thigh"])
    shank, thigh = knee - ankle, knee - hip
    inner = np.degrees(np.arccos(shank @ thigh / np.linalg.norm(shank) / np.linalg.norm(thigh)))
    assert 180.0 - inner == pytest.approx(angles.knee_flexion)  # knee flexion as published
    # the upper body is turned forward by the trunk lean, rigidly about the hip
    assert pose.pelvic_tilt - scene.standing_pelvic_tilt == pytest.approx(
        angles.trunk_inclination + scene.state.pelvic_tilt
    )
    ghost, standing = scene.sagittal_neutral, stand.sagittal_neutral
    assert np.linalg.norm(ghost.trunk[1] - ghost.hip) == pytest.approx(np.linalg.norm(standing.trunk[1] - standing.hip))
    assert scene.state == lift_compensation(phase, -8.0)
    # the bones are posed on the lift's pose: the femur spans the drawn thigh, the pelvis turns with the trunk
    bones, ghost_bones = scene.bones_side, scene.bones_side_neutral
    np.testing.assert_allclose(bones.hip, hip)
    np.testing.assert_allclose(bones.knee, knee)
    assert bones.pelvic_tilt == pytest.approx(pose.pelvic_tilt)
    np.testing.assert_allclose(ghost_bones.hip, ghost.hip)
