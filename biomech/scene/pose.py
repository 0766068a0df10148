"""The lifter's poses at lockout: joint angles to 2-D points (numpy only, no plotting).

Two projections of the lifter, in units of standing height H, with segment
proportions from ``biomech/data/segments.csv`` (Winter's Fig. 4.1, after Drillis &
Contini 1966; pelvis and spine shape illustrative; loaded by
:mod:`biomech.anatomy.segments`, which also holds the chain's shapes that the balance
at lockout, :mod:`biomech.model.balance`, shares with this drawing):

- **sagittal**: side-on, the lifter faces +x, y is up, the origin is on the floor
  under the ankle;
- **transverse**: top-down, x to the lifter's right, y forward, origin between the
  hip joints; sides are ordered (right, left).

Angles are in degrees. *Pelvic tilt* is the angle of the ASIS-PSIS line below the
horizontal (anterior +). *Lumbar lordosis* is the angle between the lumbar curve's
tangents at S1 and T12. The leg is straight and the pelvis turns about the hip
joint; the lumbar spine is a circular arc of fixed length; the trunk above T12 is
rigid, and leans back from vertical by as much as the lordosis added exceeds the
pelvic tilt added (at lockout the model's ``trunk_lean``: the pelvis, tilted forward by
the compensation, also leans back with the trunk by that much, so the lordosis added is
the compensation's tilt). The sacrum's angle in the
pelvis is set per subject so that at the standing tilt and lordosis the trunk is
vertical.

The module is a little over 300 lines because the two poses share their segment
table and drawing shapes, which are clearest read beside the code that uses them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np
from numpy.typing import NDArray

from biomech.anatomy.segments import (
    SEGMENTS,
    SHOULDER_FORWARD,
    TRUNK_LENGTH,
    lumbar_arc,
    sacrum_in_pelvis,
    turn,
)

__all__ = [
    "SEGMENTS",
    "SEGMENT_LENGTHS",
    "SagittalPose",
    "TransversePose",
    "sagittal_pose",
    "sacrum_in_pelvis",
    "transverse_pose",
    "turn",
]

Points = NDArray[np.float64]

# Pelvis outline in its own frame (hip joint at the origin, ASIS-PSIS line level),
# in H: a drawing shape only; the landmarks that matter (ASIS, PSIS, S1) come from
# segments.csv. Order: ASIS, iliac crest, PSIS, ischial tuberosity, pubis.
_CREST_RISE, _ISCHIUM, _PUBIS = 0.025, (-0.025, -0.055), (0.035, -0.03)
# Foot outline, right foot: (medial-lateral as a fraction of foot width, toward the
# right; along the foot as a fraction of its length from the heel). A drawing shape.
_FOOT = np.array(
    [
        (0.0, 0.0),
        (0.3, 0.04),
        (0.42, 0.3),
        (0.5, 0.68),
        (0.38, 0.93),
        (0.0, 1.0),
        (-0.3, 0.96),
        (-0.5, 0.75),
        (-0.45, 0.4),
        (-0.3, 0.04),
    ]
)


def _derived_lengths() -> dict[str, float]:
    s = SEGMENTS
    asis = np.array([s["asis_front_of_hip"], s["asis_above_hip"]])
    psis = asis - [s["asis_psis_distance"], 0.0]
    sacrum = np.array([-s["sacrum_behind_hip"], s["sacrum_above_hip"]])
    return {
        "foot": s["foot_length"],
        "shank": s["knee_height"] - s["ankle_height"],
        "thigh": s["hip_height"] - s["knee_height"],
        "asis_psis": s["asis_psis_distance"],
        "hip_asis": float(np.hypot(*asis)),
        "hip_psis": float(np.hypot(*psis)),
        "hip_sacrum": float(np.hypot(*sacrum)),
        "lumbar": s["lumbar_length"],
        "upper_arm": s["upper_arm_length"],
        "forearm": s["forearm_length"],
    }


@dataclass(frozen=True)
class SagittalPose:
    """Side-on lockout figure, in H; the lifter faces +x.

    Attributes
    ----------
    foot
        Shape (4, 2): ankle, heel, toe, ankle.
    leg
        Shape (3, 2): ankle, knee, hip joint (a straight leg leaning forward by the thigh inclination).
    pelvis
        Shape (5, 2) outline: ASIS, iliac crest, PSIS, ischial tuberosity, pubis.
    hip, asis, psis, sacrum
        Shape (2,) each: hip joint centre, ASIS, PSIS, top of S1.
    lumbar
        Shape (25, 2): the lumbar curve from S1 to T12, equal arc steps.
    trunk
        Shape (3, 2): T12, top of the trunk (C7, at shoulder height), base of the head.
    head_center, head_radius
        The head, drawn as a circle.
    arm
        Shape (5, 2): C7, shoulder joint (in front of it), elbow, wrist, fingertips;
        the arm hangs vertically.
    bar
        Shape (2,): the bar, at mid-hand.
    pelvic_tilt, lumbar_lordosis
        Drawn angles in degrees (standing value plus compensation).
    sacrum_angle, t12_angle
        Lumbar tangents at S1 and T12, degrees from vertical, forward +.
    """

    foot: Points
    leg: Points
    pelvis: Points
    hip: Points
    asis: Points
    psis: Points
    sacrum: Points
    lumbar: Points
    trunk: Points
    head_center: Points
    head_radius: float
    arm: Points
    bar: Points
    pelvic_tilt: float
    lumbar_lordosis: float
    sacrum_angle: float
    t12_angle: float


@dataclass(frozen=True)
class TransversePose:
    """Top-down view of pelvis, thighs and feet, in H; sides ordered (right, left).

    Attributes
    ----------
    pelvis
        Shape (6, 2) outline: right ASIS, right crest, right PSIS, left PSIS, left
        crest, left ASIS, projected on the floor (anterior tilt moves the ASIS forward).
    hips
        Shape (2, 2): hip joint centres (the thighs are vertical: the knees and
        ankles lie under them).
    knees
        Shape (2, 2, 2): per side, thigh centre and the point the kneecap faces;
        turned by the hip rotation (external +).
    feet
        Shape (2, 10, 2): foot outlines.
    foot_axes
        Shape (2, 2, 2): per side, heel and toe; the foot-progression angle is the
        angle of heel -> toe from straight ahead, toe-out +.
    foot_progression, hip_rotation
        The drawn angles, in degrees.
    """

    pelvis: Points
    hips: Points
    knees: Points
    feet: Points
    foot_axes: Points
    foot_progression: float
    hip_rotation: float


SEGMENT_LENGTHS: Mapping[str, float] = MappingProxyType(_derived_lengths())
"""Lengths (in H) that stay the same in every pose: foot, shank, thigh, pelvis
landmark distances, lumbar arc, upper arm, forearm, and the trunk (T12 to shoulder)."""


def _lumbar_arc(start: Points, angle0: float, lordosis: float) -> Points:
    """The drawn lumbar curve (:func:`biomech.anatomy.segments.lumbar_arc`, 25 points)."""
    return lumbar_arc(start, angle0, lordosis)


_TRUNK_LENGTH = TRUNK_LENGTH
SEGMENT_LENGTHS = MappingProxyType({**SEGMENT_LENGTHS, "trunk": _TRUNK_LENGTH})


def sagittal_pose(
    pelvic_tilt: float, lumbar_lordosis: float, /, *, sacrum_offset: float, thigh_inclination: float = 0.0
) -> SagittalPose:
    """Return the side-on lockout figure for a pelvic tilt and a lumbar lordosis.

    Parameters
    ----------
    pelvic_tilt
        Angle of the ASIS-PSIS line below horizontal, degrees (anterior +).
    lumbar_lordosis
        Turning angle of the lumbar curve from S1 to T12, degrees.
    sacrum_offset
        Tangent of the spine at S1 in the pelvis frame, degrees forward of vertical
        with the ASIS-PSIS line level (standing lordosis minus standing tilt).
    thigh_inclination
        Forward lean of the straight leg from vertical, degrees (hips through): the
        ankle stays on the floor, knee and hip move forward. The trunk's lean follows
        from the tilt and the lordosis (``t12_angle``, forward +).

    Returns
    -------
    SagittalPose
    """
    s, n = SEGMENTS, _derived_lengths()
    ankle = np.array([0.0, s["ankle_height"]])
    lean = np.radians(thigh_inclination)
    along = np.array([np.sin(lean), np.cos(lean)])
    knee = ankle + (s["knee_height"] - s["ankle_height"]) * along
    hip = knee + (s["hip_height"] - s["knee_height"]) * along
    asis0 = np.array([s["asis_front_of_hip"], s["asis_above_hip"]])
    psis0 = asis0 - [s["asis_psis_distance"], 0.0]
    crest0 = (asis0 + psis0) / 2 + [0.0, _CREST_RISE]
    outline = turn(np.array([asis0, crest0, psis0, _ISCHIUM, _PUBIS]), pelvic_tilt) + hip
    sacrum = turn([-s["sacrum_behind_hip"], s["sacrum_above_hip"]], pelvic_tilt) + hip
    sacrum_angle = sacrum_offset + pelvic_tilt
    lumbar = _lumbar_arc(sacrum, sacrum_angle, lumbar_lordosis)
    t12_angle = sacrum_angle - lumbar_lordosis
    up = np.array([np.sin(np.radians(t12_angle)), np.cos(np.radians(t12_angle))])
    c7 = lumbar[-1] + _TRUNK_LENGTH * up
    head_base = c7 + (1.0 - s["head_height"] - s["shoulder_height"]) * up
    radius = s["head_height"] / 2
    shoulder = c7 + SHOULDER_FORWARD * np.array([up[1], -up[0]])
    elbow = shoulder - [0.0, s["upper_arm_length"]]
    wrist = elbow - [0.0, s["forearm_length"]]
    fingertips = wrist - [0.0, s["hand_length"]]
    heel = np.array([-s["heel_to_ankle"], 0.0])
    return SagittalPose(
        foot=np.array([ankle, heel, heel + [n["foot"], 0.0], ankle]),
        leg=np.array([ankle, knee, hip]),
        pelvis=outline,
        hip=hip,
        asis=outline[0],
        psis=outline[2],
        sacrum=sacrum,
        lumbar=lumbar,
        trunk=np.array([lumbar[-1], c7, head_base]),
        head_center=head_base + radius * up,
        head_radius=radius,
        arm=np.array([c7, shoulder, elbow, wrist, fingertips]),
        bar=(wrist + fingertips) / 2,
        pelvic_tilt=float(pelvic_tilt),
        lumbar_lordosis=float(lumbar_lordosis),
        sacrum_angle=float(sacrum_angle),
        t12_angle=float(t12_angle),
    )


def transverse_pose(hip_rotation: float, foot_progression: float, /, *, pelvic_tilt: float) -> TransversePose:
    """Return the top-down view for a hip rotation and a foot-progression angle.

    Parameters
    ----------
    hip_rotation
        Rotation of both thighs, degrees, external +.
    foot_progression
        Angle of each foot from straight ahead, degrees, toe-out +.
    pelvic_tilt
        Drawn pelvic tilt (degrees, anterior +); tilting moves the ASIS forward.

    Returns
    -------
    TransversePose
    """
    s = SEGMENTS
    asis = (s["asis_front_of_hip"], s["asis_above_hip"])
    psis = (s["asis_front_of_hip"] - s["asis_psis_distance"], s["asis_above_hip"])
    crest = ((asis[0] + psis[0]) / 2, s["asis_above_hip"] + _CREST_RISE)
    forward = turn(np.array([asis, crest, psis]), pelvic_tilt)[:, 0]
    half = np.array([s["asis_width"], s["hip_width"], s["psis_width"]]) / 2
    right = np.column_stack([half, forward])
    pelvis = np.vstack([right, right[::-1] * [-1.0, 1.0]])
    hips = np.array([[1.0, 0.0], [-1.0, 0.0]]) * s["hip_joint_spacing"] / 2
    mirror = np.array([[1.0, 1.0], [-1.0, 1.0]])  # right, left
    knees, feet, axes = [], [], []
    for hip_xy, m in zip(hips, mirror, strict=False):
        r, f = np.radians(hip_rotation), np.radians(foot_progression)
        knees.append([hip_xy, hip_xy + 2 * s["thigh_radius"] * np.array([np.sin(r), np.cos(r)]) * m])
        along = np.array([np.sin(f), np.cos(f)]) * m
        across = np.array([np.cos(f), -np.sin(f)]) * m
        heel = hip_xy - s["heel_to_ankle"] * along
        shape = _FOOT * [s["foot_width"], s["foot_length"]]
        feet.append(heel + shape[:, :1] * across + shape[:, 1:] * along)
        axes.append([heel, heel + s["foot_length"] * along])
    return TransversePose(
        pelvis=pelvis,
        hips=hips,
        knees=np.array(knees),
        feet=np.array(feet),
        foot_axes=np.array(axes),
        foot_progression=float(foot_progression),
        hip_rotation=float(hip_rotation),
    )
