"""Muscles posed on the side view (biomech.scene.muscle_lines) and their roles in a scene."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from matplotlib.path import Path

from biomech.anatomy.bones import bone_outline
from biomech.anatomy.geometry import LIGAMENTS, PARTS
from biomech.anatomy.knee import tibia_pose
from biomech.anatomy.paths import ligament_paths, muscle_paths
from biomech.anatomy.textbook import muscles_for
from biomech.anatomy.tissues import ALL_FLEXORS, LIGAMENT, tissue_parts
from biomech.model.lockout import tissue_choices
from biomech.scene.lift import lift_scene
from biomech.scene.muscle_lines import drawn_joint_angles, sagittal_muscle_lines
from biomech.scene.pose import SEGMENT_LENGTHS
from biomech.scene.scene import HIGHLIGHT_ROLES, build_scene

PATHS = {**muscle_paths(), **ligament_paths()}
EVERY = PARTS + LIGAMENTS
GLUTEUS_MAXIMUS = ("glut_max1_r", "glut_max2_r", "glut_max3_r")


def distance_to(ring: np.ndarray, point: np.ndarray) -> float:
    """How far a point lies outside a closed outline (0 inside), H."""
    if Path(ring).contains_point(point):
        return 0.0
    a, b = ring, np.roll(ring, -1, axis=0)
    t = np.clip(np.sum((point - a) * (b - a), axis=1) / np.sum((b - a) ** 2, axis=1), 0.0, 1.0)
    return float(np.min(np.linalg.norm(a + t[:, None] * (b - a) - point, axis=1)))


def fitted_transform(unposed: np.ndarray, posed: np.ndarray):
    """The similarity (scale, turn, shift) taking a bone's own outline to its drawn one,
    fitted on the outlines alone (least squares, in complex numbers): how the drawing
    poses that bone, found without the scene's code."""
    z, w = unposed @ [1.0, 1j], posed @ [1.0, 1j]
    (a, b), *_ = np.linalg.lstsq(np.column_stack([z, np.ones_like(z)]), w, rcond=None)
    assert np.allclose(a * z + b, w, atol=1e-12)  # the outline is posed rigidly (and scaled)

    def place(points: np.ndarray) -> np.ndarray:
        w = a * (np.atleast_2d(np.asarray(points, dtype=float))[:, :2] @ [1.0, 1j]) + b
        return np.column_stack([w.real, w.imag])

    return place


def incline_thigh(scene, degrees: float):
    """The scene's side pose with the thigh (and straight shank) turned about the hip."""
    p = scene.sagittal
    _, _, hip = p.leg
    a = np.radians(degrees)
    along = np.array([np.sin(a), -np.cos(a)])
    knee = hip + SEGMENT_LENGTHS["thigh"] * along
    return dataclasses.replace(p, leg=np.array([knee + SEGMENT_LENGTHS["shank"] * along, knee, hip]))


def test_each_line_starts_on_the_pelvis_and_ends_on_the_femur_or_tibia():
    scene = build_scene(-10.0)
    bones, knee = scene.bones_side, scene.sagittal.leg[1]
    lines = sagittal_muscle_lines(scene.sagittal, EVERY)
    assert tuple(lines) == EVERY
    for name, points in lines.items():
        assert points.ndim == 2 and points.shape[1] == 2 and len(points) >= 2, name
        assert distance_to(bones.pelvis[0], points[0]) < 0.003, name  # on the drawn pelvis (3 mm H)
        assert points[0][1] > points[-1][1], name  # from the pelvis down
        end = min(distance_to(bones.femur[0], points[-1]), distance_to(bones.shank[0], points[-1]))
        assert end < (0.02 if name == "rect_fem_r" else 0.004), name  # the patella: in front of the knee
        on_tibia = PATHS[name].points[-1].segment == "tibia" and name != "rect_fem_r"
        assert (points[-1][1] < knee[1]) == on_tibia, name  # two-joint parts reach below the knee


def ahead_of_thigh(scene, points: np.ndarray) -> np.ndarray:
    """Signed distance of points in front of the drawn thigh's axis (through hip and knee), H."""
    _, knee, hip = scene.sagittal.leg
    down = (knee - hip) / np.linalg.norm(knee - hip)
    return down[0] * (points[:, 1] - hip[1]) - down[1] * (points[:, 0] - hip[0])


@pytest.mark.parametrize("scene", [build_scene(-20.0, tissue="Iliopsoas"), build_scene(17.0, mechanism="blog")])
def test_physiotherapists_landmarks(scene):
    hip = scene.sagittal.hip
    lines = sagittal_muscle_lines(scene.sagittal, ("iliacus_r", "psoas_r", "rect_fem_r", *GLUTEUS_MAXIMUS))
    for part in ("iliacus_r", "psoas_r"):  # over the pelvic brim, in front of the hip, to the lesser trochanter
        iliopsoas = lines[part]
        assert len(iliopsoas) == 5 and iliopsoas[0][1] > hip[1] + 0.03, part
        assert ahead_of_thigh(scene, iliopsoas[2:3])[0] > 0.01 and abs(iliopsoas[2][1] - hip[1]) < 0.03, part
        assert iliopsoas[-1][1] < hip[1] - 0.02 and ahead_of_thigh(scene, iliopsoas[-1:])[0] < 0, part
    rectus = lines["rect_fem_r"]  # from the AIIS straight down the front of the thigh
    assert len(rectus) == 2 and np.all(ahead_of_thigh(scene, rectus) > 0.01)
    assert np.linalg.norm(rectus[0] - scene.bones_side.asis) < 0.03  # the AIIS, just below the ASIS
    for part in GLUTEUS_MAXIMUS:  # behind the hip, down to the gluteal tuberosity
        assert np.all(ahead_of_thigh(scene, lines[part][1:]) < 0), part


@pytest.mark.parametrize(
    "scene",
    [build_scene(17.0, cue="stand_tall"), build_scene(-10.0), build_scene(-30.0, tissue="Rectus femoris")],
    ids=["standing", "squeeze", "severe"],
)
@pytest.mark.parametrize("thigh", [None, -8.0, 15.0])
def test_the_lines_move_with_the_pelvis_and_the_thigh_exactly_like_the_bones(scene, thigh):
    from biomech.scene.bones import sagittal_bones

    pose = scene.sagittal if thigh is None else incline_thigh(scene, thigh)
    bones = sagittal_bones(pose)
    on = {
        "pelvis": fitted_transform(bone_outline("pelvis", "sagittal")[0], bones.pelvis[0]),
        "femur": fitted_transform(bone_outline("femur_r", "sagittal")[0], bones.femur[0]),
        "tibia": fitted_transform(bone_outline("tibia_r", "sagittal")[0], bones.shank[0]),
    }
    lines = sagittal_muscle_lines(pose, EVERY)
    for name, drawn in lines.items():
        on_path = _on_path(name, pose)
        assert len(drawn) == len(on_path), name
        for point, p in zip(drawn, on_path, strict=True):
            if p.moving is None:  # the moving patellar point: see below
                np.testing.assert_allclose(point, on[p.segment](p.location)[0], atol=1e-12, err_msg=name)
    # the origin of gluteus maximus turns with the pelvis: tilting moves it as it moves the PSIS
    assert np.allclose(lines["glut_max1_r"][0], on["pelvis"](PATHS["glut_max1_r"].points[0].location))


def _on_path(name: str, pose) -> list:
    """The path's points on the line at the pose's drawn angles, in order."""
    hip, knee = drawn_joint_angles(pose)
    angles = {"hip_flexion": hip, "knee_flexion": knee}
    return [p for p in PATHS[name].points if not p.active or p.active[1] <= angles[p.active[0]] <= p.active[2]]


def test_the_patellar_point_is_rectus_femoris_insertion_at_knee_0():
    pose = build_scene(-10.0).sagittal
    assert drawn_joint_angles(pose)[1] == 0.0  # the leg is straight at lockout
    bones = build_scene(-10.0).bones_side
    on_tibia = fitted_transform(bone_outline("tibia_r", "sagittal")[0], bones.shank[0])
    patella = tibia_pose(0.0, ("rect_fem_r-P3",)).moving[0]
    rectus = sagittal_muscle_lines(pose, ["rect_fem_r"])["rect_fem_r"]
    np.testing.assert_allclose(rectus[-1], on_tibia(patella)[0], atol=1e-12)


def test_iliopsoas_leaves_the_pelvic_brim_in_deep_hip_flexion():
    start = lift_scene(0.0, -8.0, tissue="Iliopsoas")
    hip, knee = drawn_joint_angles(start.sagittal)
    assert hip > 45.0 and knee > 0.0  # the bar on the floor: hip and knee bent
    assert [len(v) for v in start.muscles_side["restricting"].values()] == [4, 4]  # the brim point is off
    lockout = build_scene(-8.0, mechanism="blog", tissue="Iliopsoas")
    assert drawn_joint_angles(lockout.sagittal)[0] < 45.0
    assert [len(v) for v in lockout.muscles_side["restricting"].values()] == [5, 5]


def test_unknown_parts_are_named():
    with pytest.raises(ValueError, match="'part'.*glut_max"):
        sagittal_muscle_lines(build_scene(0.0).sagittal, ["glut_max_r"])


@pytest.mark.parametrize("tissue", [*tissue_choices(), ("Iliopsoas", "Rectus femoris")])
@pytest.mark.parametrize("available", [17.0, -10.0, -30.0])
def test_the_roles_follow_the_state(tissue, available):
    scene = build_scene(available, tissue=tissue)
    state, lines = scene.state, scene.muscles_side
    assert tuple(lines) == HIGHLIGHT_ROLES
    names = (tissue,) if isinstance(tissue, str) else tissue
    assert tuple(lines["restricting"]) == tuple(dict.fromkeys(p for t in names for p in tissue_parts(t)))
    assert tuple(lines["cue target"]) == GLUTEUS_MAXIMUS
    rotators = set(lines["compensating"])
    if state.rotation_used == 0:
        assert not rotators
    else:
        way = "external rotation" if state.rotation_used > 0 else "internal rotation"
        assert rotators and all(way in _actions(part) for part in rotators)
        assert ({"glut_max1_r", "peri_r"} if state.rotation_used > 0 else {"glut_med1_r", "glut_min1_r", "tfl_r"}) <= (
            rotators
        )
    for role, parts in lines.items():  # every line posed on this state's pose
        fresh = sagittal_muscle_lines(scene.sagittal, tuple(parts))
        assert all(np.array_equal(parts[p], fresh[p]) for p in parts), role


def _actions(part: str) -> set[str]:
    from biomech.anatomy.actions_by_posture import TABLE_PARTS

    return {
        way
        for way in ("external rotation", "internal rotation")
        for m in muscles_for(way)
        if part in TABLE_PARTS.get(m, ())
    }


def test_all_the_flexors_and_the_ligament():
    assert tuple(build_scene(-10.0, mechanism="blog").muscles_side["restricting"]) == tissue_parts(ALL_FLEXORS)
    assert len(tissue_parts(ALL_FLEXORS)) == 8
    assert tuple(build_scene(-10.0, tissue=LIGAMENT).muscles_side["restricting"]) == LIGAMENTS


@pytest.mark.parametrize("phase", [0.0, 0.5, 1.0])
def test_the_lift_poses_the_lines_on_the_lifts_pose(phase):
    scene = lift_scene(phase, -8.0)
    for parts in scene.muscles_side.values():
        fresh = sagittal_muscle_lines(scene.sagittal, tuple(parts))
        assert all(np.array_equal(parts[p], fresh[p]) for p in parts)
    np.testing.assert_allclose(scene.bones_side.hip, scene.sagittal.hip)  # the bones follow the lift too
    if phase == 1.0:  # the lockout's hip angle, posed without the balance's lean: the same lines, moved rigidly
        lockout = build_scene(-8.0, mechanism="blog")
        for role, parts in lockout.muscles_side.items():
            assert tuple(scene.muscles_side[role]) == tuple(parts)
            for p in parts:
                here, there = scene.muscles_side[role][p], parts[p]
                assert np.linalg.norm(np.diff(here, axis=0), axis=1) == pytest.approx(
                    np.linalg.norm(np.diff(there, axis=0), axis=1), abs=1e-9
                )
