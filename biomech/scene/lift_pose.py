"""The lift's pose: the joint angles applied to the lockout pose, and the bar on the floor (numpy only).

:func:`_lift_pose` moves a side-on lockout pose to a phase's joint angles
(:func:`biomech.model.lift.lift_posture`); :mod:`biomech.scene.lift` builds the lift's
scenes with it.

**The bar.** The hands hold the bar at mid-hand all the way up, and at phase 0 the bar
rests on the floor: its centre at :data:`PLATE_RADIUS` (a 45 cm plate at an assumed
standing height of 1.75 m; ``segments.csv``). With the published start angles
(Schellenberg et al. 2013), the illustrative shank lean and Winter's proportions, the
straight, hanging arms end about 0.04 H (7 cm at 1.75 m) above that bar. The drawing
closes the gap by rounding the upper back: the trunk above T12, the head and the arms
turn forward about T12 by :func:`upper_back_bend` degrees, solved at phase 0 so that the
hands reach the bar, and fading out along the lift path (``(1 + cos(pi p)) / 2``, as the
joint angles do) to none at lockout. The bend is a drawing assumption, not a
measurement: no source we read gives trunk or spine angles at lift-off, and the model's
numbers (hip, knee, pelvis, lumbar spine) do not include it.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from biomech.anatomy.segments import STANDING_HEIGHT_M
from biomech.model.lift import LiftPosture, lift_posture
from biomech.parameters import PARAMETERS
from biomech.scene.pose import SEGMENT_LENGTHS, SEGMENTS, SagittalPose, sacrum_in_pelvis, sagittal_pose, turn

__all__ = ["PLATE_DIAMETER_M", "PLATE_RADIUS", "STANDING_HEIGHT_M", "start_reach", "upper_back_bend"]

PLATE_RADIUS: float = SEGMENTS["plate_radius"]
"""Height of the bar's centre with the bar on the floor, in H (``segments.csv``: a 45 cm
plate, 0.225 m, at an assumed standing height of 1.75 m)."""
PLATE_DIAMETER_M = 0.45
"""The plate ``plate_radius`` stands for, m (IWF equipment rules, read in secondary summaries)."""


def _lift_pose(p: SagittalPose, angles: LiftPosture) -> SagittalPose:
    """Move a lockout pose to the lift's joint angles (ankle and foot fixed).

    The lockout pose's own forward lean of the leg (hips through) is kept on top of the
    lift's shank and thigh angles, so phase 1 gives the lockout pose back.
    """
    _, knee0, hip0 = p.leg
    through = np.arctan2(hip0[0] - knee0[0], hip0[1] - knee0[1])
    shank = np.radians(float(angles.shank_inclination)) + through
    thigh = np.radians(float(angles.thigh_inclination)) - through
    knee = p.leg[0] + SEGMENT_LENGTHS["shank"] * np.array([np.sin(shank), np.cos(shank)])
    hip = knee + SEGMENT_LENGTHS["thigh"] * np.array([-np.sin(thigh), np.cos(thigh)])
    lean = float(angles.trunk_inclination)

    def upper(x: np.ndarray) -> np.ndarray:
        return turn(np.asarray(x) - p.hip, lean) + hip

    trunk = upper(p.trunk)
    hang = trunk[1] - p.trunk[1]  # the arms hang from the moved shoulder
    return dataclasses.replace(
        p,
        leg=np.array([p.leg[0], knee, hip]),
        pelvis=upper(p.pelvis),
        hip=hip,
        asis=upper(p.asis),
        psis=upper(p.psis),
        sacrum=upper(p.sacrum),
        lumbar=upper(p.lumbar),
        trunk=trunk,
        head_center=upper(p.head_center),
        arm=p.arm + hang,
        bar=p.bar + hang,
        pelvic_tilt=p.pelvic_tilt + lean,
        sacrum_angle=p.sacrum_angle + lean,
        t12_angle=p.t12_angle + lean,
    )


def _bend_upper_back(p: SagittalPose, bend: float) -> SagittalPose:
    """Turn the trunk above T12, the head and the arms forward by ``bend`` degrees about T12.

    The arms still hang vertically from the moved shoulder, so the bar moves with the hands.
    """
    if bend == 0.0:
        return p
    t12 = p.trunk[0]

    def upper(x: np.ndarray) -> np.ndarray:
        return turn(np.asarray(x) - t12, bend) + t12

    shoulder = upper(p.arm[1])
    moved = shoulder - p.arm[1]
    return dataclasses.replace(
        p,
        trunk=upper(p.trunk),
        head_center=upper(p.head_center),
        arm=np.vstack([upper(p.arm[0]), shoulder, p.arm[2:] + moved]),
        bar=p.bar + moved,
    )


def upper_back_bend(start: SagittalPose) -> float:
    """Degrees the upper back must round at lift-off for the hands to reach the bar on the floor.

    ``start`` is the lifter posed at phase 0 without a bend. Turning the shoulder about
    T12 by ``b`` lowers the hanging hands by as much as it lowers the shoulder, so the
    bar's height is ``t12_y + R cos(b + phi) - drop`` (``R``, ``phi``: the shoulder's
    distance from T12 and its angle forward of vertical; ``drop``: shoulder to mid-hand),
    solved for ``b`` at :data:`PLATE_RADIUS`. Negative: the back would straighten; if no
    bend reaches, the nearest one (hands as low or as high as they go).

    Examples
    --------
    >>> from biomech.model.lift import lift_posture
    >>> from biomech.parameters import PARAMETERS
    >>> tilt, lordosis = (PARAMETERS[n].default for n in ("standing_pelvic_tilt", "standing_lumbar_lordosis"))
    >>> start = _lift_pose(sagittal_pose(tilt, lordosis, sacrum_offset=lordosis - tilt), lift_posture(0.0))
    >>> round(upper_back_bend(start), 1)
    19.3
    """
    t12, shoulder = start.trunk[0], start.arm[1]
    x, y = shoulder - t12
    radius, phi = float(np.hypot(x, y)), float(np.arctan2(x, y))
    drop = float(shoulder[1] - start.bar[1])
    ratio = (PLATE_RADIUS + drop - float(t12[1])) / radius
    return float(np.degrees(np.arccos(np.clip(ratio, -1.0, 1.0)) - phi))


def start_reach(**lift_overrides: float) -> tuple[float, float]:
    """At lift-off: how far above the bar on the floor straight, hanging arms end, and the bend that closes it.

    Returns ``(gap, bend)``: the gap in H (mid-hand above the bar's centre, without the
    upper back rounding) and :func:`upper_back_bend` in degrees, for the lift's start
    angles (``lift_*`` overrides as for :func:`biomech.model.lift.lift_posture`) and the
    standing pelvis and lumbar spine.

    Examples
    --------
    >>> gap, bend = start_reach()
    >>> round(gap * STANDING_HEIGHT_M * 100), round(bend)
    (7, 19)
    """
    tilt, lordosis = (PARAMETERS[n].default for n in ("standing_pelvic_tilt", "standing_lumbar_lordosis"))
    neutral = sagittal_pose(tilt, lordosis, sacrum_offset=sacrum_in_pelvis(tilt, lordosis))
    start = _lift_pose(neutral, lift_posture(0.0, **lift_overrides))
    return float(start.bar[1] - PLATE_RADIUS), upper_back_bend(start)
