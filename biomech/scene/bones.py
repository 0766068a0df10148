"""The lifter's bones posed for drawing: gait2392's outlines placed on the stick figure (numpy only).

:mod:`biomech.anatomy.bones` gives each bone's outline in its own frame, in metres
(x anterior, y up, z right). This module scales those outlines to the scene's unit
(standing height H) and poses them from the lifter's pose (:mod:`biomech.scene.pose`):

- **side view** (seen from the right, the lifter faces +x): the pelvis turns about
  the hip joint by the drawn pelvic tilt, so that its ASIS-PSIS line lies at that
  tilt below the horizontal; the femur runs from the hip joint to the knee along the
  pose's thigh, whatever the thigh's angle (its axis is taken from the pose's hip and
  knee points, never assumed vertical); the shank runs from the knee to the ankle;
  the foot stands at the ankle, flat.
- **top view** (x to the lifter's right, y forward; sides ordered right, left): the
  pelvis, level; each femur turned about its hip joint by the hip rotation (external
  +); each foot turned about its ankle by the foot angle (toe-out +), the ankles a
  stance apart (:data:`STANCE_WIDTH_H`), wider when the toes turn so far in that the
  feet would touch, so the two feet never overlap.

Scale (metres to H), one factor per bone, chosen so that each bone spans its segment
of the stick figure: the femur's hip-to-knee distance in gait2392 (0.396 m) is the
pose's thigh (0.245 H), so 1 m = 0.619 H for the femur and the pelvis (about a 1.6 m
lifter); the shank's knee-to-ankle distance (0.430 m) is the pose's shank (0.246 H),
so 1 m = 0.572 H for the shank and the foot (:data:`METRES_TO_H`).

Examples
--------
>>> from biomech.scene.scene import build_scene
>>> side = sagittal_bones(build_scene(-10.0, cue="stand_tall").sagittal)
>>> round(side.thigh_angle, 2), len(side.pelvis) >= 1  # the leg leans back 1.77 deg for balance
(1.77, True)

Length: One placement per bone serves the side view, the top view and the muscle lines, so the
bones' posing stays in one module (a little over 350 lines, much of it the scale's derivation).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech.anatomy.bones import Bone, bone_outline, pose_outline
from biomech.anatomy.geometry import HIP_CENTRE_M
from biomech.scene.pose import SEGMENT_LENGTHS, SEGMENTS, SagittalPose

__all__ = [
    "GAIT2392",
    "METRES_TO_H",
    "STANCE_WIDTH_H",
    "Placement",
    "SagittalBones",
    "TransverseBones",
    "pelvis_landmarks",
    "sagittal_bones",
    "sagittal_placements",
    "stance_half_width",
    "transverse_bones",
]

Points = NDArray[np.float64]
Rings = tuple[Points, ...]

GAIT2392: Mapping[str, tuple[float, float]] = MappingProxyType(
    {
        "hip_in_pelvis": HIP_CENTRE_M[:2],
        "knee_in_femur": (-0.0045, -0.3958),
        "ankle_in_tibia": (0.0, -0.43),
        "psis_in_pelvis": (-0.1793, 0.0036),
    }
)
"""gait2392 points (m) in a bone's frame, seen from the right (x anterior, y up): the
right hip joint centre in the pelvis frame (:data:`biomech.anatomy.geometry.HIP_CENTRE_M`, read from
``biomech/data/joint_frames.csv``; the frame's origin is midway between the ASISs,
so the ASIS is at (0, 0) from the side), the knee (knee straight) in the femur frame,
the ankle in the tibia frame (``biomech/data/README.md``), and the PSIS: the pelvis
outline's most posterior point, level with the ASIS within 4 mm (the frame's x axis
runs from the PSIS to the ASIS)."""

_FEMUR_M = float(np.hypot(*GAIT2392["knee_in_femur"]))
_SHANK_M = float(np.hypot(*GAIT2392["ankle_in_tibia"]))
METRES_TO_H: Mapping[str, float] = MappingProxyType(
    {
        "pelvis": SEGMENT_LENGTHS["thigh"] / _FEMUR_M,
        "femur": SEGMENT_LENGTHS["thigh"] / _FEMUR_M,
        "tibia": SEGMENT_LENGTHS["shank"] / _SHANK_M,
        "foot": SEGMENT_LENGTHS["shank"] / _SHANK_M,
    }
)
"""Scale of each bone's outline, H per metre: the femur (and pelvis) fit the pose's
thigh, the shank (and foot) the pose's shank."""
STANCE_WIDTH_H = 0.17
"""Ankle to ankle in the top view, H (about 30 cm for a 1.75 m lifter: a hip-width
deadlift stance; illustrative)."""
FEET_GAP_H = 0.01
"""The least gap between the feet in the top view, H."""

_PELVIS_TILT0 = float(np.degrees(np.arctan2(GAIT2392["psis_in_pelvis"][1], -GAIT2392["psis_in_pelvis"][0])))
"""Tilt of gait2392's own ASIS-PSIS line in its frame (degrees, anterior +; the ASIS 4 mm
below the PSIS): about +1.2."""


@dataclass(frozen=True)
class SagittalBones:
    """Bone outlines of the side view, posed, in H; each a tuple of closed rings.

    Attributes
    ----------
    pelvis, femur, shank, foot
        Outer rings first, then holes (the pelvis's obturator foramen).
    asis, psis
        Shape (2,) each: the pelvis outline's landmarks, posed.
    hip, knee
        Shape (2,) each: the femur's ends as drawn (the pose's hip joint and knee).
    pelvic_tilt
        The ASIS-PSIS line's angle below the horizontal, degrees (the pose's tilt).
    thigh_angle
        The femur's hip-to-knee axis from straight down, degrees, knee forward +
        (hip flexion +); taken from the pose's hip and knee points.
    """

    pelvis: Rings
    femur: Rings
    shank: Rings
    foot: Rings
    asis: Points
    psis: Points
    hip: Points
    knee: Points
    pelvic_tilt: float
    thigh_angle: float


@dataclass(frozen=True)
class TransverseBones:
    """Bone outlines of the top view, posed, in H; sides ordered (right, left).

    Attributes
    ----------
    pelvis
        The pelvis from above (level), outer ring then the openings of its cavity.
    femurs, feet
        Per side, a tuple of rings.
    ankles
        Shape (2, 2): the ankle joint centres, a stance apart.
    foot_axes
        Shape (2, 2, 2): per side, the ankle and the point a foot length ahead of it
        along the foot; the foot angle is this axis's angle from straight ahead.
    kneecaps
        Shape (2, 2, 2): per side, the hip joint and the point the kneecap faces.
    foot_progression, hip_rotation
        The drawn angles, degrees (toe-out +, external +).
    """

    pelvis: Rings
    femurs: tuple[Rings, Rings]
    feet: tuple[Rings, Rings]
    ankles: Points
    foot_axes: Points
    kneecaps: Points
    foot_progression: float
    hip_rotation: float


@dataclass(frozen=True)
class Placement:
    """Where one bone's own frame goes on the side view: the one transform of its outline.

    A point ``p`` of the bone's frame (m, x anterior, y up; seen from the right) is drawn
    at ``at + turn((p - pivot) * scale)``: scaled to H about ``pivot``, turned
    counter-clockwise by ``turn`` degrees (:func:`~biomech.anatomy.bones.pose_outline`)
    and moved to ``at``.

    Attributes
    ----------
    scale
        H per metre (:data:`METRES_TO_H`).
    turn
        Degrees, counter-clockwise (+ turns anterior parts up).
    pivot
        Shape (2,): the frame point that goes to ``at`` (m): the hip joint centre for the
        pelvis, the frame's origin for the other bones.
    at
        Shape (2,): where the pivot is drawn (H).
    """

    scale: float
    turn: float
    pivot: Points
    at: Points

    def place(self, points: ArrayLike) -> Points:
        """Draw points of the bone's frame, shape (..., 2) in m, at their posed places, in H."""
        return pose_outline((np.asarray(points, dtype=float) - self.pivot) * self.scale, self.turn, self.at)


def _pelvis_placement(pelvic_tilt: float, hip: ArrayLike) -> Placement:
    """The pelvis turned about the hip joint so that its ASIS-PSIS line lies ``pelvic_tilt`` below the horizontal."""
    return Placement(
        METRES_TO_H["pelvis"],
        -(float(pelvic_tilt) - _PELVIS_TILT0),
        np.array(GAIT2392["hip_in_pelvis"]),
        np.asarray(hip, dtype=float),
    )


def sagittal_placements(pose: SagittalPose) -> Mapping[str, Placement]:
    """Where each bone's frame goes on a side-view pose: the transforms :func:`sagittal_bones` draws with.

    Parameters
    ----------
    pose
        The stick figure; its ``leg`` (ankle, knee, hip) and ``pelvic_tilt`` place the bones.

    Returns
    -------
    Mapping
        ``"pelvis"``, ``"femur"``, ``"tibia"`` (gait2392's segment names, as in
        :data:`biomech.anatomy.paths.SEGMENTS`) and ``"foot"`` -> :class:`Placement`:
        the pelvis turned about the hip joint by the drawn tilt; the femur from the hip
        joint along the pose's thigh (its hip-to-knee axis on the pose's hip and knee);
        the tibia from the knee along the pose's shank; the foot at the ankle, flat.

    Examples
    --------
    >>> from biomech.scene.scene import build_scene
    >>> pose = build_scene(-10.0, cue="stand_tall").sagittal
    >>> femur = sagittal_placements(pose)["femur"]
    >>> bool(np.allclose(femur.place(GAIT2392["knee_in_femur"]), pose.leg[1]))
    True
    """
    ankle, knee, hip = (np.asarray(p, dtype=float) for p in pose.leg)
    thigh = _angle_from_down(knee - hip) - _angle_from_down(np.array(GAIT2392["knee_in_femur"]))
    shank = _angle_from_down(ankle - knee) - _angle_from_down(np.array(GAIT2392["ankle_in_tibia"]))
    origin = np.zeros(2)
    return MappingProxyType(
        {
            "pelvis": _pelvis_placement(pose.pelvic_tilt, hip),
            "femur": Placement(METRES_TO_H["femur"], thigh, origin, hip),
            "tibia": Placement(METRES_TO_H["tibia"], shank, origin, knee),
            "foot": Placement(METRES_TO_H["foot"], 0.0, origin, ankle),
        }
    )


def pelvis_landmarks(pelvic_tilt: float, hip: Points) -> tuple[Points, Points]:
    """The posed pelvis outline's ASIS and PSIS for a tilt (degrees, anterior +) about ``hip``."""
    asis, psis = _pelvis_placement(pelvic_tilt, hip).place(np.array([(0.0, 0.0), GAIT2392["psis_in_pelvis"]]))
    return asis, psis


def sagittal_bones(pose: SagittalPose) -> SagittalBones:
    """Pose the side view's bones on a side-view pose.

    Parameters
    ----------
    pose
        The stick figure (:func:`biomech.scene.pose.sagittal_pose`); its ``leg``
        (ankle, knee, hip) and ``pelvic_tilt`` place the bones
        (:func:`sagittal_placements`).

    Returns
    -------
    SagittalBones
    """
    _, knee, hip = (np.asarray(p, dtype=float) for p in pose.leg)
    placed = sagittal_placements(pose)
    rings = {
        bone: tuple(placed[bone].place(ring) for ring in bone_outline(outline, "sagittal"))  # type: ignore[arg-type]
        for bone, outline in (("pelvis", "pelvis"), ("femur", "femur_r"), ("tibia", "tibia_r"), ("foot", "foot_r"))
    }
    asis, psis = pelvis_landmarks(pose.pelvic_tilt, hip)
    return SagittalBones(
        pelvis=rings["pelvis"],
        femur=rings["femur"],
        shank=rings["tibia"],
        foot=rings["foot"],
        asis=asis,
        psis=psis,
        hip=hip,
        knee=knee,
        pelvic_tilt=float(pose.pelvic_tilt),
        thigh_angle=_angle_from_down(knee - hip),
    )


def _angle_from_down(vector: Points) -> float:
    """Angle of a vector from straight down, degrees, forward (+x) positive."""
    return float(np.degrees(np.arctan2(vector[0], -vector[1])))


def stance_half_width(foot_progression: float) -> float:
    """Half the ankle-to-ankle distance of the top view for a foot angle, H.

    Half of :data:`STANCE_WIDTH_H`, or more when the toes turn so far in that the
    feet would come closer than :data:`FEET_GAP_H`: each foot then stays on its own
    side of the midline, so the two never overlap.

    Examples
    --------
    >>> stance_half_width(14.0) == STANCE_WIDTH_H / 2
    True
    >>> stance_half_width(-70.0) > STANCE_WIDTH_H / 2
    True
    """
    (foot,) = bone_outline("foot_r", "transverse", holes=False)
    inner = float(_foot_right(foot * METRES_TO_H["foot"], foot_progression)[:, 0].min())
    return max(STANCE_WIDTH_H / 2, FEET_GAP_H / 2 - inner)


def _foot_right(ring: Points, angle: float) -> Points:
    """A right-foot ring (x anterior, z right) to the top view at the ankle, turned toe-out by ``angle``."""
    a = np.radians(angle)
    along, across = np.array([np.sin(a), np.cos(a)]), np.array([np.cos(a), -np.sin(a)])
    return ring[:, :1] * along + ring[:, 1:] * across


def transverse_bones(hip_rotation: float, foot_progression: float) -> TransverseBones:
    """Pose the top view's bones for a hip rotation and a foot angle (degrees).

    Parameters
    ----------
    hip_rotation
        Rotation of both femurs, external +.
    foot_progression
        Angle of each foot from straight ahead, toe-out +.

    Returns
    -------
    TransverseBones
    """
    s_pelvis, s_femur, s_foot = (METRES_TO_H[b] for b in ("pelvis", "femur", "foot"))
    hip_x = SEGMENTS["hip_joint_spacing"] / 2
    # From above, (x anterior, z right) -> (right, forward); the pelvis frame's origin is
    # the ASISs' midpoint, in front of the hip joints.
    hip_in_pelvis = GAIT2392["hip_in_pelvis"][0]
    pelvis = tuple(
        np.column_stack([r[:, 1], r[:, 0] - hip_in_pelvis]) * s_pelvis for r in bone_outline("pelvis", "transverse")
    )
    half = stance_half_width(foot_progression)
    femurs, feet, axes, caps = [], [], [], []
    sides: tuple[tuple[float, Bone], ...] = ((1.0, "femur_r"), (-1.0, "femur_l"))
    for side, bone in sides:
        hip = np.array([side * hip_x, 0.0])
        rings = tuple(np.column_stack([r[:, 1], r[:, 0]]) * s_femur for r in bone_outline(bone, "transverse"))
        femurs.append(tuple(pose_outline(r, -side * hip_rotation, hip) for r in rings))
        r = np.radians(hip_rotation)
        caps.append([hip, hip + SEGMENTS["thigh_radius"] * 2 * np.array([side * np.sin(r), np.cos(r)])])
        ankle = np.array([side * half, 0.0])
        mirror = np.array([side, 1.0])
        feet.append(
            tuple(
                _foot_right(ring * s_foot, foot_progression) * mirror + ankle
                for ring in bone_outline("foot_r", "transverse")
            )
        )
        f = np.radians(foot_progression)
        axes.append([ankle, ankle + SEGMENTS["foot_length"] * np.array([side * np.sin(f), np.cos(f)])])
    return TransverseBones(
        pelvis=pelvis,
        femurs=(femurs[0], femurs[1]),
        feet=(feet[0], feet[1]),
        ankles=np.array([a[0] for a in axes]),
        foot_axes=np.array(axes),
        kneecaps=np.array(caps),
        foot_progression=float(foot_progression),
        hip_rotation=float(hip_rotation),
    )
