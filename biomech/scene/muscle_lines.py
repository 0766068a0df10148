"""The muscles posed for drawing: gait2392's muscle paths on the side view's bones (numpy only).

Each muscle part (or ligament band) of :mod:`biomech.anatomy.paths` is a chain of points,
origin first, each fixed in the pelvis, the femur or the tibia. Seen from the right (the
z coordinate dropped), every point is drawn exactly where its bone's outline puts it
(:func:`biomech.scene.bones.sagittal_placements`): a pelvis point turns with the pelvis
about the hip joint by the drawn tilt, a femur point lies along the pose's thigh, a tibia
point along the pose's shank. So a line starts on the drawn pelvis and ends on the drawn
femur or tibia, and moves with them.

The path is the one the geometry uses at the drawn joint angles
(:mod:`biomech.anatomy.geometry`): a conditional point is on the line only while its
angle is in its range, and a moving point (rectus femoris' insertion, which follows the
patella) sits where its splines put it. The angles are those of the drawing: the hip
flexion between the drawn pelvis and femur, in gait2392's convention
(:func:`drawn_joint_angles`), and the knee flexion of the stick figure's leg (0 at
lockout, where the leg is straight). Iliacus and psoas pass over the pelvic brim
(their last pelvis point) up to 45 deg of hip flexion: at every lockout.

Examples
--------
>>> from biomech.scene.scene import build_scene
>>> lines = sagittal_muscle_lines(build_scene(-10.0).sagittal, ("iliacus_r", "rect_fem_r"))
>>> [len(points) for points in lines.values()]  # iliacus over the brim; rectus femoris straight to the patella
[5, 2]
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from biomech._validation import check_choice
from biomech.anatomy.geometry import HIP_RANGE_DEG, KNEE_RANGE_DEG, LIGAMENTS, PARTS
from biomech.anatomy.knee import tibia_pose
from biomech.anatomy.paths import ligament_paths, muscle_paths
from biomech.scene.bones import sagittal_placements
from biomech.scene.pose import SagittalPose

__all__ = ["drawn_joint_angles", "sagittal_muscle_lines"]

Points = NDArray[np.float64]


def _angle_from_down(vector: Points) -> float:
    """Angle of a vector from straight down, degrees, forward (+x) positive."""
    return float(np.degrees(np.arctan2(vector[0], -vector[1])))


def drawn_joint_angles(pose: SagittalPose) -> tuple[float, float]:
    """The hip and knee flexion a side-view pose draws, degrees (flexion +).

    The hip: the angle between the drawn femur and pelvis, in gait2392's convention (0
    with the femur's frame parallel to the pelvis frame, as in the anatomic position).
    It differs from the model's ``hip_flexion`` (0 in the subject's standing posture) by
    the tilt of the standing pelvis in the drawing, about 9.5 deg at the default standing
    tilt. The knee: the angle between the stick figure's thigh and shank, 0 for a straight
    leg. Both are clipped to the geometry's ranges.

    Examples
    --------
    >>> from biomech.scene.scene import build_scene
    >>> hip, knee = drawn_joint_angles(build_scene(17.0, cue="stand_tall").sagittal)
    >>> round(hip, 1), knee
    (9.5, 0.0)
    """
    placed = sagittal_placements(pose)
    hip = float(np.clip(placed["femur"].turn - placed["pelvis"].turn, *HIP_RANGE_DEG))
    ankle, knee, hip_joint = (np.asarray(p, dtype=float) for p in pose.leg)
    bend = _angle_from_down(knee - hip_joint) - _angle_from_down(ankle - knee)
    return hip, float(np.clip(bend if abs(bend) > 1e-9 else 0.0, *KNEE_RANGE_DEG))


def sagittal_muscle_lines(pose: SagittalPose, parts: Sequence[str]) -> dict[str, Points]:
    """Pose muscle parts (or ligament bands) on a side-view pose, as the bones are posed.

    Parameters
    ----------
    pose
        The stick figure (:func:`biomech.scene.pose.sagittal_pose`, or the lift's pose).
    parts
        gait2392 part names (:data:`~biomech.anatomy.geometry.PARTS`) or ligament bands
        (:data:`~biomech.anatomy.geometry.LIGAMENTS`), e.g. from
        :func:`~biomech.anatomy.tissues.tissue_parts`.

    Returns
    -------
    dict
        Part -> points of shape (K, 2) in H, origin first: the path's points that are on
        it at the drawn hip and knee flexion (:func:`drawn_joint_angles`), each where its
        bone is drawn. In the order given, each part once.

    Raises
    ------
    ValueError
        For an unknown part, naming it and the closest known name.
    """
    every = {**muscle_paths(), **ligament_paths()}
    names = tuple(dict.fromkeys(check_choice("part", p, PARTS + LIGAMENTS) for p in parts))
    placed = sagittal_placements(pose)
    hip, knee = drawn_joint_angles(pose)
    angles = {"hip_flexion": hip, "knee_flexion": knee}
    lines: dict[str, Points] = {}
    for name in names:
        path = every[name]
        moving = tuple(p.moving for p in path.points if p.moving)
        patella = iter(tibia_pose(knee, moving).moving) if moving else iter(())
        points = []
        for p in path.points:
            where = next(patella) if p.moving else p.location
            if p.active and not p.active[1] <= angles[p.active[0]] <= p.active[2]:
                continue
            points.append(placed[p.segment].place(np.asarray(where, dtype=float)[:2]))
        lines[name] = np.array(points)
    return lines
