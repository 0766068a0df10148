"""The lifter posed at a lift phase (biomech.scene.lift)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biomech.model.lift import lift_compensation, lift_posture
from biomech.model.lockout import CUES
from biomech.scene import lift as scene_lift
from biomech.scene.lift import lift_scene, lift_scenes
from biomech.scene.pose import sagittal_pose
from tests.models import blog_scene as build_scene


def test_scene_at_lockout_is_the_lockout_scene_without_the_lean():
    """The lift leaves out the lockout's balance: the same hip, knee and lumbar angles as at lockout,
    but the leg takes the cue's whole demand and the trunk stays upright."""
    from biomech.scene.muscle_lines import drawn_joint_angles

    for cue in CUES:
        a, b = lift_scene(1.0, -10.0, cue=cue), build_scene(-10.0, cue=cue)
        assert drawn_joint_angles(a.sagittal) == pytest.approx(drawn_joint_angles(b.sagittal), abs=1e-9)
        assert a.sagittal.lumbar_lordosis == pytest.approx(b.sagittal.lumbar_lordosis, abs=1e-12)
        assert a.state == dataclasses.replace(b.state, trunk_lean=0.0, thigh_inclination=b.state.demand)
        assert a.sagittal.pelvic_tilt == pytest.approx(b.standing_pelvic_tilt + b.state.pelvic_tilt, abs=1e-9)
        assert a.transverse.foot_progression == b.transverse.foot_progression
        assert a.sagittal.t12_angle == pytest.approx(0.0, abs=1e-9)
        assert b.sagittal.t12_angle == pytest.approx(-b.state.trunk_lean, abs=1e-9) and b.state.trunk_lean > 0


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

    def rigid(pose):  # hip to T12 and T12 to C7 keep their lengths (the upper back may round at T12)
        return np.linalg.norm(pose.trunk[0] - pose.hip), np.linalg.norm(pose.trunk[1] - pose.trunk[0])

    assert rigid(ghost) == pytest.approx(rigid(standing))
    assert scene.state == lift_compensation(phase, -8.0)
    # the bones are posed on the lift's pose: the femur spans the drawn thigh, the pelvis turns with the trunk
    bones, ghost_bones = scene.bones_side, scene.bones_side_neutral
    np.testing.assert_allclose(bones.hip, hip)
    np.testing.assert_allclose(bones.knee, knee)
    assert bones.pelvic_tilt == pytest.approx(pose.pelvic_tilt)
    np.testing.assert_allclose(ghost_bones.hip, ghost.hip)


def _mid_hand(pose) -> np.ndarray:
    wrist, fingertips = pose.arm[3], pose.arm[4]
    return (wrist + fingertips) / 2.0


def test_the_bar_starts_on_the_floor_in_the_hands():
    """Phase 0 is 'bar on the floor': its centre at a 45 cm plate's radius, held at mid-hand."""
    from biomech.scene.lift import PLATE_RADIUS
    from biomech.scene.pose import SEGMENTS

    assert PLATE_RADIUS == SEGMENTS["plate_radius"] == pytest.approx(0.225 / 1.75, abs=5e-4)  # 1.75 m assumed
    for cue in CUES:
        for tissue in ("hip flexors (all)", "Rectus femoris"):
            scene = lift_scene(0.0, -8.0, cue=cue, tissue=tissue)
            for pose in (scene.sagittal, scene.sagittal_neutral):
                assert pose.bar[1] == pytest.approx(PLATE_RADIUS, abs=1e-9)
                np.testing.assert_allclose(pose.bar, _mid_hand(pose), atol=1e-12)
                assert pose.bar[0] > pose.foot[1][0]  # in front of the heel, over the foot
                assert pose.bar[0] < pose.foot[2][0]  # behind the toes


def test_the_bar_rises_with_the_hands_to_lockout():
    from biomech.scene.lift import PLATE_RADIUS

    heights = []
    for phase in np.linspace(0.0, 1.0, 41):
        pose = lift_scene(float(phase), -8.0).sagittal
        np.testing.assert_allclose(pose.bar, _mid_hand(pose), atol=1e-12)  # the hands hold it
        assert pose.arm[2][0] == pytest.approx(pose.arm[1][0]) == pytest.approx(pose.arm[4][0])  # arms hang
        heights.append(pose.bar[1])
    # up from the floor to the hands at lockout; near the top the squeeze's hips-through lowers it by under 1 cm
    assert heights[0] == pytest.approx(PLATE_RADIUS) and heights[-1] - heights[0] > 0.25
    assert np.all(np.diff(heights) > -0.005) and heights[-1] > max(heights) - 0.006
    tall = [lift_scene(float(p), -8.0, cue="stand_tall").sagittal.bar[1] for p in np.linspace(0.0, 1.0, 41)]
    assert np.all(np.diff(tall) > -0.002)
    locked, upright = lift_scene(1.0, -8.0), build_scene(-8.0)
    np.testing.assert_allclose(locked.sagittal.bar, _mid_hand(locked.sagittal), atol=1e-12)
    # at lockout: the lockout's angles with the trunk upright and the leg taking the whole demand (no balance)
    same = sagittal_pose(
        upright.standing_pelvic_tilt + upright.state.pelvic_tilt,
        upright.standing_lumbar_lordosis + upright.state.pelvic_tilt,
        sacrum_offset=upright.standing_lumbar_lordosis - upright.standing_pelvic_tilt,
        thigh_inclination=upright.state.demand,
    )
    np.testing.assert_allclose(locked.sagittal.bar, same.bar, atol=1e-12)


def test_only_the_upper_back_rounds_to_reach_the_bar():
    """The bend turns the trunk above T12 only: hip, pelvis and lumbar spine are the model's."""
    from biomech.scene.lift import _lift_pose, upper_back_bend
    from biomech.scene.pose import sagittal_pose

    scene = lift_scene(0.0, -8.0)
    plain = _lift_pose(
        sagittal_pose(scene.standing_pelvic_tilt, scene.standing_lumbar_lordosis, sacrum_offset=39.8),
        lift_posture(0.0),
    )
    bend = upper_back_bend(plain)
    assert 0.0 < bend < 30.0
    for field in ("leg", "pelvis", "lumbar", "hip", "sacrum"):
        np.testing.assert_allclose(getattr(scene.sagittal, field), getattr(plain, field), atol=1e-12)
    t12, c7 = scene.sagittal.trunk[:2]
    lean = np.degrees(np.arctan2(*(c7 - t12)))
    assert lean == pytest.approx(np.degrees(np.arctan2(*(plain.trunk[1] - plain.trunk[0]))) + bend)
    assert np.linalg.norm(c7 - t12) == pytest.approx(np.linalg.norm(plain.trunk[1] - plain.trunk[0]))


@pytest.mark.parametrize("phase", [0.0, 0.5, 1.0])
def test_the_bones_follow_the_lift_pose(phase):
    """The gait2392 outlines are posed at the phase, not left standing at lockout."""
    from biomech.scene.bones import sagittal_bones, transverse_bones

    scene = lift_scene(phase, -8.0)
    expected = sagittal_bones(scene.sagittal)
    assert scene.bones_side.thigh_angle == pytest.approx(expected.thigh_angle)
    np.testing.assert_allclose(scene.bones_side.hip, scene.sagittal.hip, atol=1e-9)
    assert scene.bones_side.pelvic_tilt == pytest.approx(scene.sagittal.pelvic_tilt)
    lockout = lift_compensation(1.0, -8.0)  # the top view: the stance the lockout needs, set before the pull
    top = transverse_bones(lockout.rotation_used, lockout.foot_progression)
    assert scene.bones_top.hip_rotation == pytest.approx(top.hip_rotation)
    np.testing.assert_allclose(scene.bones_top.ankles, top.ankles, atol=1e-12)


SETTINGS = [(-8.0, "hip flexors (all)"), (-20.0, "Rectus femoris"), (-8.0, "Tensor fasciae latae"), (17.0, "Iliopsoas")]


@pytest.mark.parametrize(("available", "tissue"), SETTINGS)
def test_the_feet_are_the_lockouts_stance_at_every_phase(available, tissue):
    """Planted under a loaded bar the feet do not turn in the pull: every phase draws the phase-1 stance, per cue,
    while the state keeps the model's rotation at that phase (what the hip would need with free feet)."""
    lift = lift_scenes(available, tissue=tissue, phases=21)
    moved = False
    for cue, scenes in lift.scenes.items():
        lockout = lift_compensation(1.0, available, cue=cue, tissue=tissue)
        for scene in scenes:
            assert scene.stance_set_before_pull
            assert scene.bones_top.foot_progression == lockout.foot_progression
            assert scene.bones_top.hip_rotation == lockout.rotation_used
            assert scene.transverse.foot_progression == lockout.foot_progression
            assert scene.transverse.hip_rotation == lockout.rotation_used
            moved |= scene.state.foot_progression != lockout.foot_progression
        assert scenes[-1].state.foot_progression == lockout.foot_progression
    if tissue == "hip flexors (all)":
        assert moved  # the model's need does change along the pull: the drawing does not follow it
    assert not build_scene(-8.0).stance_set_before_pull  # the lockout scene is the state's own stance


def test_the_plate_radius_is_a_45_cm_plate_at_the_assumed_height():
    from biomech.scene.lift import PLATE_DIAMETER_M, PLATE_RADIUS, STANDING_HEIGHT_M, start_reach

    assert PLATE_RADIUS == round(PLATE_DIAMETER_M / 2 / STANDING_HEIGHT_M, 3)
    gap, bend = start_reach()
    assert gap > 0 and 0 < bend < 30  # straight arms end above the bar; the upper back rounds to reach it
    assert lift_scene(0.0, -8.0).sagittal.bar[1] == pytest.approx(PLATE_RADIUS)
    assert start_reach(lift_shank_inclination_start=40.0)[0] < gap  # a more inclined trunk reaches lower


# ----- the whole pull at once (LiftScene) -------------------------------------------------


@settings(max_examples=25)
@given(
    available=st.sampled_from([-20.0, -8.0, 0.0, 12.5]),
    tissue=st.sampled_from(["hip flexors (all)", "Rectus femoris", "Tensor fasciae latae"]),
    i=st.integers(0, 20),
)
def test_the_pulls_scenes_are_the_single_scenes(available, tissue, i):
    lift = scene_lift.lift_scenes(available, tissue=tissue, phases=21)
    phase = float(lift.phases[i])
    for cue in CUES:
        many, one = lift.scenes[cue][i], lift_scene(phase, available, cue=cue, tissue=tissue)
        assert many.state == one.state
        np.testing.assert_allclose(many.sagittal.trunk, one.sagittal.trunk, atol=1e-12)
        np.testing.assert_allclose(many.sagittal.bar, one.sagittal.bar, atol=1e-12)
        for a, b in zip(many.bones_side.femur, one.bones_side.femur, strict=True):
            np.testing.assert_allclose(a, b, atol=1e-12)
    assert lift.index(phase) == i and lift.at(phase)["squeeze_glutes"] is lift.scenes["squeeze_glutes"][i]


def test_the_pulls_curves_are_the_lift_model_over_the_grid():
    lift = scene_lift.lift_scenes(-8.0, tissue="Iliopsoas")
    assert lift.phases.shape == (scene_lift.LIFT_PHASES,) and lift.phases[0] == 0.0 and lift.phases[-1] == 1.0
    for cue in CUES:
        model = lift_compensation(lift.phases, -8.0, cue=cue, tissue="Iliopsoas")
        for name in ("rotation_used", "pelvic_tilt", "deficit"):
            np.testing.assert_array_equal(getattr(lift.curves[cue], name), getattr(model, name))
    np.testing.assert_array_equal(lift.postures.hip_flexion, lift_posture(lift.phases).hip_flexion)


def test_what_does_not_move_is_computed_once_per_setting():
    scene_lift._lockout.cache_clear()
    scene_lift.lift_scenes(-7.5, tissue="Sartorius", phases=11)
    assert scene_lift._lockout.cache_info().misses == len(CUES)  # one lockout per cue, not per phase
    for phase in np.linspace(0.0, 1.0, 7):
        lift_scene(float(phase), -7.5, cue="stand_tall", tissue="Sartorius")  # a move: nothing of the lockout again
    assert scene_lift._lockout.cache_info().misses == len(CUES)
    lift_scene(0.5, -7.0, cue="stand_tall", tissue="Sartorius")  # a new setting
    assert scene_lift._lockout.cache_info().misses == len(CUES) + 1


@pytest.mark.parametrize("phases", [1, 0, 2.5])
def test_a_grid_needs_two_whole_points(phases):
    with pytest.raises(ValueError, match="'phases'"):
        scene_lift.lift_scenes(-8.0, phases=phases)


def test_the_cues_share_their_poses_only_while_they_ask_the_same():
    lift = scene_lift.lift_scenes(-8.0, phases=21)
    tall, squeeze = lift.scenes["stand_tall"], lift.scenes["squeeze_glutes"]
    early, top = 10, 20  # mid-pull the cue does not act yet; at lockout the squeeze asks for more
    assert (
        squeeze[early].bones_side is tall[early].bones_side and squeeze[early].muscles_side is tall[early].muscles_side
    )
    assert squeeze[top].bones_side is not tall[top].bones_side
    assert squeeze[top].sagittal.pelvic_tilt != tall[top].sagittal.pelvic_tilt
    for i in (early, top):  # each keeps its own cue's state and lockout
        assert (tall[i].state.cue, squeeze[i].state.cue) == ("stand_tall", "squeeze_glutes")
        assert squeeze[i].highlights == build_scene(-8.0, cue="squeeze_glutes").highlights
        assert tall[i].highlights == build_scene(-8.0, cue="stand_tall").highlights
