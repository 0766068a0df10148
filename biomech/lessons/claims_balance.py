"""The claims on the cues' postures and on balance: the two cues beside coaching language, the blog's tuck, the lift.

Numpy only.

Part of :mod:`biomech.lessons.claims` (listed there by :func:`~biomech.lessons.claims.claims`);
here because they share the side-view chain of :mod:`biomech.model.balance`.
:func:`lift_centre_of_mass` says how far the lift, which is not balanced, leaves lifter and
bar from the mid-foot.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech.anatomy.segments import SEGMENTS, STANDING_HEIGHT_M, mid_foot
from biomech.anatomy.tissues import ALL_FLEXORS
from biomech.formatting import format_degrees
from biomech.lessons.cases import LIFTER
from biomech.lessons.claim_text import LIFT_MODULE, MODEL_DOC, README, Claim
from biomech.model.balance import centre_of_mass, centre_of_mass_x, lockout_points
from biomech.model.lift import lift_compensation, lift_posture
from biomech.model.lockout import Cue, compensate
from biomech.parameters import PARAMETERS

__all__ = [
    "beyond_toes_from",
    "blog_tuck",
    "cue_lockouts",
    "lift_centre_of_mass",
    "lift_not_balanced",
    "toes_ahead_of_mid_foot",
]

HEIGHT_CM = 100.0 * STANDING_HEIGHT_M
"""The standing height the drawings assume, cm, to turn H into cm."""
_LW_POSTERIOR_TILT = 8.7
"""Levine & Whittle 1996 (JOSPT 24(3):130-135, abstract only): maximal voluntary posterior pelvic tilt, deg."""
_NEAR_LOCKOUT = 0.8  # the lift's phases searched: the last fifth, where the drawing's rounded upper back is gone


def lift_centre_of_mass(
    phase: ArrayLike,
    hip_extension_available: ArrayLike,
    /,
    *,
    cue: Cue = "squeeze_glutes",
    tissue: str = ALL_FLEXORS,
) -> NDArray[np.float64]:
    """Return how far the centre of mass of lifter and bar is in front of the mid-foot along the lift, in H.

    The lifter is posed as :mod:`biomech.scene.lift` draws the lift: the lockout posture of
    :func:`~biomech.model.lift.lift_compensation` (no balance: the leg leans forward by the
    cue's extension, the trunk does not lean back), moved to the phase's joint angles
    (:func:`~biomech.model.lift.lift_posture`: the shank and thigh at their angles, pelvis,
    spine, trunk, head and arms turned forward about the hip by the trunk's inclination, the
    arms hanging vertically), and weighed as :func:`biomech.model.balance.centre_of_mass`
    weighs the lockout (Winter's segment masses, a bar of ``bar_load`` body masses). The
    drawing's rounded upper back at lift-off is left out: it fades to none at lockout.
    Positive: in front of the mid-foot.

    Parameters
    ----------
    phase
        0 (bar on the floor) to 1 (lockout).
    hip_extension_available, cue, tissue
        As for :func:`~biomech.model.lift.lift_compensation`; broadcast with ``phase``.

    Examples
    --------
    >>> round(HEIGHT_CM * float(lift_centre_of_mass(1.0, 17.0)), 1)  # squeeze glutes at lockout, no deficit: cm
    14.0
    """
    state = lift_compensation(phase, hip_extension_available, cue=cue, tissue=tissue)
    angles = lift_posture(phase)
    through = np.asarray(state.thigh_inclination, dtype=float)  # the lockout's own lean of the leg
    shank = np.radians(np.asarray(angles.shank_inclination) + through)
    thigh = np.radians(np.asarray(angles.thigh_inclination) - through)  # the hip behind the knee
    turned = np.asarray(angles.trunk_inclination, dtype=float)
    upper = lockout_points(through, np.asarray(state.pelvic_tilt) + turned, -turned)
    ankle = upper["ankle"]
    knee = ankle + (SEGMENTS["knee_height"] - SEGMENTS["ankle_height"]) * np.stack([np.sin(shank), np.cos(shank)], -1)
    hip = knee + (SEGMENTS["hip_height"] - SEGMENTS["knee_height"]) * np.stack([-np.sin(thigh), np.cos(thigh)], -1)
    moved = {name: p - upper["hip"] + hip for name, p in upper.items()}
    points = {**moved, "ankle": ankle, "knee": knee, "hip": hip}
    load = np.asarray(PARAMETERS["bar_load"].default, dtype=float)
    return np.asarray(centre_of_mass_x(points, load) - mid_foot())


def _trunk_behind_leg(points: dict[str, NDArray[np.float64]]) -> float:
    """Degrees the hip-shoulder line is turned back from the ankle-hip line (forward +: none)."""
    leg, trunk = points["hip"] - points["ankle"], points["shoulder"] - points["hip"]
    return float(np.degrees(np.arctan2(leg[0], leg[1]) - np.arctan2(trunk[0], trunk[1])))


def cue_lockouts() -> Claim:
    top = PARAMETERS["hip_extension_available"].max
    tall, squeeze = (compensate(top, cue=c) for c in ("stand_tall", "squeeze_glutes"))
    posed = {
        name: lockout_points(s.thigh_inclination, s.pelvic_tilt_in_room, s.trunk_lean)
        for name, s in (("tall", tall), ("squeeze", squeeze))
    }
    standing = _trunk_behind_leg(lockout_points(0.0, 0.0, 0.0))
    behind = _trunk_behind_leg(posed["squeeze"]) - standing

    def check() -> bool:
        one_piece = abs(_trunk_behind_leg(posed["tall"]) - standing) < 1e-9 and float(tall.thigh_inclination) < 0.0
        past = abs(behind - float(squeeze.demand)) < 1e-9 and 0.0 < float(squeeze.thigh_inclination) < behind
        return one_piece and past and float(squeeze.deficit) == 0.0 == float(squeeze.lumbar_extension)

    return Claim(
        "cue_lockouts",
        'The model\'s "stand tall" is the hip at 0 deg: leg, pelvis and trunk in their standing alignment, the whole '
        f"straight body leaning {format_degrees(-float(tall.thigh_inclination))} deg back about the ankle as one "
        f'piece. Its "squeeze glutes" takes the hip {format_degrees(float(squeeze.demand))} deg past neutral '
        "(squeeze_demand: the project's assumption, not a measurement): the leg "
        f"{format_degrees(float(squeeze.thigh_inclination))} deg forward and the pelvis and trunk "
        f"{format_degrees(float(squeeze.trunk_lean))} deg back, the trunk {format_degrees(behind)} deg further "
        "behind the leg's line than standing (by construction: with the lumbar curve rigid, that is the cue's hip "
        "extension). Because that input is past neutral, the result has the outline coaches' language gives an "
        "overdone lockout (hips forward, trunk back): a consequence of the assumption, not evidence that the cue "
        "produces it. Coaching descriptions of that fault, a lumbar arch among them, are unverified here (no "
        "printed coaching text or kinematic study of the cue was read); the model, its lumbar curve held rigid by "
        f"assumption, puts all {format_degrees(float(squeeze.demand))} deg at the hip.",
        "no deficit, the default squeeze_demand and bar_load; the balance's lean taken at the hip",
        (README, MODEL_DOC),
        check,
    )


def blog_tuck() -> Claim:
    squeeze = PARAMETERS["squeeze_demand"].default

    def check() -> bool:
        tall = compensate(PARAMETERS["hip_extension_available"].max, cue="stand_tall")
        # a maximal tuck with the thigh vertical: hip flexion = tilt in the room - thigh inclination = -8.7;
        # asked of a tight hip as extra extension, it adds to the deficit as the squeeze does
        tight = LIFTER.hip_extension_available  # the lessons' lifter: 8 deg short of neutral
        untucked = compensate(tight, cue="stand_tall", mechanism="blog").deficit
        tucked = compensate(tight, cue="squeeze_glutes", squeeze_demand=_LW_POSTERIOR_TILT, mechanism="blog").deficit
        adds = abs(float(tucked) - float(untucked) - _LW_POSTERIOR_TILT) < 1e-9
        return float(tall.demand) == 0.0 and abs(_LW_POSTERIOR_TILT - squeeze) <= 0.5 and adds

    return Claim(
        "blog_tuck",
        'The lab\'s "stand tall" is the blog\'s "stand up tall" taken alone: the blog lists it after "squeeze bum to '
        'initiate movement" and "tuck pelvis under", and the lab\'s cue is the hip at 0 deg with no tuck. A tuck '
        "is a posterior pelvic tilt: under this model's convention (hip flexion = pelvic tilt in the room - thigh "
        "inclination), with the thigh vertical it is hip extension, and a maximal one "
        f"({format_degrees(_LW_POSTERIOR_TILT)} deg, Levine & Whittle 1996) would ask the hip for about as much "
        f"extension as the squeeze ({format_degrees(squeeze)} deg), because the squeeze was sized from that same "
        "maximal posterior tilt: by construction, not a finding. What is not by construction is the direction: "
        "any tuck with the thigh vertical asks the hip for extension, the motion the blog says a tight front of "
        'the hip blocks, so under the blog\'s own mechanism its "tuck pelvis under" meets the same restriction as '
        "the lockout squeeze it warns about, by as much as the tuck is deep.",
        "a maximal voluntary posterior tilt with the thigh vertical; the default squeeze_demand",
        (README,),
        check,
    )


def _lifters_near_lockout(points: int) -> tuple[NDArray[np.float64], NDArray[np.float64], Any, Any]:
    """Every lifter (available extension in 1 deg steps over its range), ``points`` phases over the last
    fifth of the lift, and the grid of both (phase, then available), each ``(lifters, points)``."""
    available = np.arange(PARAMETERS["hip_extension_available"].min, PARAMETERS["hip_extension_available"].max + 1)
    phase = np.linspace(_NEAR_LOCKOUT, 1.0, points)
    grid_phase, grid_available = np.meshgrid(phase, available)
    return available, phase, grid_phase, grid_available


def _most_ahead() -> tuple[float, float, float, float]:
    """Near lockout, over the range of available extension (1 deg steps): the most the lift's centre of mass
    is in front of the mid-foot under the squeeze (cm), where (available extension, phase), and standing tall."""
    grid_phase, grid_available = (g.ravel() for g in _lifters_near_lockout(21)[2:])
    ahead = {
        c: HEIGHT_CM * lift_centre_of_mass(grid_phase, grid_available, cue=c) for c in ("stand_tall", "squeeze_glutes")
    }
    worst = int(np.argmax(ahead["squeeze_glutes"]))
    most, tall_most = float(ahead["squeeze_glutes"][worst]), float(np.max(ahead["stand_tall"]))
    return most, float(grid_available[worst]), float(grid_phase[worst]), tall_most


def toes_ahead_of_mid_foot() -> float:
    """Return how far the toes are in front of the mid-foot, in H (heel to toe ``foot_length``, Winter)."""
    return float(SEGMENTS["foot_length"] - SEGMENTS["heel_to_ankle"] - mid_foot())


def beyond_toes_from() -> tuple[float, float, float]:
    """Under the squeeze, which lifters' lift puts the centre of mass in front of the toes, and from when.

    Returns
    -------
    tuple of float
        The least available extension (deg, 1 deg steps over the parameter's range) from which
        every lifter's last frame is in front of the toes, and the earliest and latest phase
        (steps of 0.002 over the last fifth of the lift) from which it stays there, over those
        lifters. NaN if the lifters beyond the toes are not all those above some extension.
    """
    available, phase, grid_phase, grid_available = _lifters_near_lockout(101)
    ahead = (lift_centre_of_mass(grid_phase.ravel(), grid_available.ravel()) > toes_ahead_of_mid_foot()).reshape(
        grid_phase.shape
    )
    beyond = ahead[:, -1]
    if not beyond.any() or not np.all(beyond[int(np.argmax(beyond)) :]):
        return float("nan"), float("nan"), float("nan")
    first = ahead.shape[1] - np.argmin(ahead[beyond, ::-1], axis=1)  # where the last run in front begins
    first = np.where(np.all(ahead[beyond], axis=1), 0, first)
    return float(available[beyond][0]), float(phase[first.min()]), float(phase[first.max()])


def lift_not_balanced() -> Claim:
    most, at, where, tall_most = _most_ahead()
    toes = HEIGHT_CM * toes_ahead_of_mid_foot()
    from_available, lo, hi = beyond_toes_from()
    no_deficit = np.arange(PARAMETERS["squeeze_demand"].default, PARAMETERS["hip_extension_available"].max + 1)
    last_frames = HEIGHT_CM * lift_centre_of_mass(np.ones_like(no_deficit), no_deficit)
    margin = float(last_frames[0]) - toes

    def check() -> bool:
        s = compensate(at, cue="squeeze_glutes", mechanism="blog")  # the lockout, balanced
        balanced = abs(float(centre_of_mass(s.thigh_inclination, s.pelvic_tilt_in_room, s.trunk_lean))) < 1e-9
        ends_beyond = _NEAR_LOCKOUT < lo <= hi < 1.0 and from_available < 0
        same_last = float(np.ptp(last_frames)) < 1e-9 and 0.0 < margin < 1.0
        return balanced and where == 1.0 and most > toes > tall_most and ends_beyond and same_last

    return Claim(
        "lift_not_balanced",
        "The lift from the floor is not balanced; only the lockout is. As the lift model poses it (the cue's "
        "extension taken by the leg leaning forward, the trunk not leaning back), the centre of mass of lifter "
        f"and bar is up to {most:.1f} cm in front of the mid-foot at the lift's last frame (squeeze glutes, "
        f"{format_degrees(at)} deg of available extension, phase {where:.2f}; at most {tall_most:.1f} cm standing "
        f"tall), for a lifter {HEIGHT_CM / 100:g} m tall with a bar of "
        f"{PARAMETERS['bar_load'].default:g} x body mass (illustrative). Under the squeeze it is beyond the toes "
        f"({toes:.1f} cm in front of the mid-foot) from phase {lo:.2f}-{hi:.2f} for every lifter with "
        f"{format_degrees(from_available)} deg of available extension or more ({float(last_frames[0]):.1f} cm at the "
        f"last frame for every lifter with no deficit, {margin:.1f} cm past Winter's bare-foot toe line: a margin a "
        "shoe or a lighter bar could remove, at the toe line either way; with less available extension the drawn "
        "leg leans less far forward, then back): a posture no one could hold with the bar; the lockout lab draws "
        "the same lockout balanced.",
        f"phases {_NEAR_LOCKOUT:g} to 1, every available extension in the parameter's range, the blog's mechanism, "
        "hip flexors (all)",
        (MODEL_DOC, LIFT_MODULE),
        check,
    )
