"""The claims on rectus femoris: its Thomas-test limit at lockout and along the lift (numpy only).

Part of :mod:`biomech.lessons.claims` (listed there by :func:`~biomech.lessons.claims.claims`);
here because they share the rectus' length along the lift's path and in a modified Thomas test.
"""

from __future__ import annotations

import numpy as np

from biomech.anatomy.geometry import path_length
from biomech.anatomy.tissues import tissue_parts
from biomech.formatting import format_degrees
from biomech.lessons.cases import LIFTER
from biomech.lessons.claim_text import LESSON_03, README, Claim
from biomech.model.lift import lift_compensation, lift_posture
from biomech.model.lockout import CUES, Cue, compensate

__all__ = [
    "LIFT_GRID",
    "crosses_knee",
    "hip_only_deficit_phase",
    "knee_note",
    "lift_limit_phase",
    "rectus_lift",
    "rectus_thomas",
]

LIFT_GRID = 1001
"""Phases at which :func:`lift_limit_phase` follows the lift's path, 0 to 1 (steps of 0.001)."""

_THOMAS_KNEE = 80.0  # Kendall's normal knee flexion with the thigh on the table
_THOMAS_THIGH_UP = 15.0  # Kendall's example of a thigh held up: 15 deg of hip flexion


def rectus_thomas() -> Claim:
    available = np.linspace(-_THOMAS_THIGH_UP, 0.0, 7)
    states = (compensate(available, cue=c, tissue="Rectus femoris", test_knee_flexion=_THOMAS_KNEE) for c in CUES)
    worst = max(float(np.max(s.pelvic_tilt)) for s in states)
    result = "no deficit" if worst == 0.0 else f"at most {format_degrees(worst)} deg of pelvic tilt"

    def check() -> bool:
        return worst <= 1.0

    return Claim(
        "rectus_femoris_thomas",
        f"A rectus femoris that reaches its limit in a modified Thomas test with the knee bent "
        f"{format_degrees(_THOMAS_KNEE)} deg and the thigh up to {format_degrees(_THOMAS_THIGH_UP)} deg above the "
        f"table gives {result} at a straight-knee lockout, under either cue, in the geometry.",
        "rectus femoris calibrated at 80 deg of knee flexion, lockout with the knee straight",
        (README,),
        check,
    )


def _rectus_path_mm(hip_flexion: np.ndarray | float, knee_flexion: np.ndarray | float) -> np.ndarray:
    """Rectus femoris' length (mm) in gait2392, with the knee."""
    return 1000.0 * path_length("rect_fem_r", hip_flexion=hip_flexion, knee_flexion=knee_flexion)


def _hip_flexion_at_length(target_mm: float, knee_flexion: float) -> float:
    """Hip flexion (deg) at which rectus femoris has this length at this knee flexion (bisection)."""
    low, high = -30.0, 120.0
    for _ in range(60):
        middle = 0.5 * (low + high)
        low, high = (middle, high) if float(_rectus_path_mm(middle, knee_flexion)) > target_mm else (low, middle)
    return 0.5 * (low + high)


def _first_phase(phase: np.ndarray, where: np.ndarray) -> float:
    """The first of ``phase`` at which ``where`` holds; NaN if it never does."""
    return float(phase[np.flatnonzero(where)[0]]) if np.any(where) else float("nan")


def crosses_knee(tissue: str) -> bool:
    """Whether every part of ``tissue`` crosses the knee (gait2392: its length changes with knee flexion).

    A group with one-joint parts (``"hip flexors (all)"``) does not; nor does a tissue the
    geometry does not know (the ligament).

    Examples
    --------
    >>> crosses_knee("Rectus femoris"), crosses_knee("Iliopsoas"), crosses_knee("hip flexors (all)")
    (True, False, False)
    """
    try:
        parts = tissue_parts(tissue)
    except ValueError:
        return False
    return all(abs(float(path_length(n, knee_flexion=60.0) - path_length(n))) > 1e-6 for n in parts)


def lift_limit_phase(hip_extension_available: float, tissue: str = "Rectus femoris") -> float:
    """The first lift phase at which ``tissue`` is at its limit along the lift's path, with the knee (geometry).

    The limit is read with the knee straight: each part's gait2392 length at
    ``-hip_extension_available`` degrees of hip flexion, knee 0. Along the lift's path
    (:func:`~biomech.model.lift.lift_posture`, hip and knee together, no cue) the tissue is at
    its limit from the first phase of a :data:`LIFT_GRID`-point grid at which a part is longer
    than that; NaN if it never is. The blog's lift model reads the hip only; this is what the
    knee changes, for the claim ``rectus_femoris_lift`` and the lift lab's note.

    Examples
    --------
    >>> round(lift_limit_phase(-8.0), 2)  # lesson 03's lifter
    0.3
    """
    phase = np.linspace(0.0, 1.0, LIFT_GRID)
    angles = lift_posture(phase)
    late = np.zeros(phase.shape, dtype=bool)
    for part in tissue_parts(tissue):
        limit = float(path_length(part, hip_flexion=-float(hip_extension_available)))
        late |= path_length(part, hip_flexion=angles.hip_flexion, knee_flexion=angles.knee_flexion) > limit
    return _first_phase(phase, late)


def hip_only_deficit_phase(hip_extension_available: float, tissue: str, cue: Cue) -> float:
    """Return the first lift phase at which the hip-only lift model finds a deficit (> 0), or NaN.

    The lift model (:func:`~biomech.model.lift.lift_compensation`, the blog's mechanism) reads
    the hip only; this is where it says the tissue starts to restrict, on the same
    :data:`LIFT_GRID`-point grid as :func:`lift_limit_phase`, for comparison with the knee's.

    Examples
    --------
    >>> round(hip_only_deficit_phase(-8.0, "Rectus femoris", "squeeze_glutes"), 2)  # lesson 03's lifter
    0.81
    """
    phase = np.linspace(0.0, 1.0, LIFT_GRID)
    short = np.asarray(lift_compensation(phase, hip_extension_available, cue=cue, tissue=tissue).deficit) > 0.0
    return _first_phase(phase, short)


def _hip_alone(hip_extension_available: float, tissue: str) -> str:
    """The hip-only lift model's first phase with a deficit, in words: one phase if the cues agree."""
    alone = {c: hip_only_deficit_phase(hip_extension_available, tissue, c) for c in CUES}
    words = {c: f"phase {at:.2f}" if np.isfinite(at) else "none" for c, at in alone.items()}
    if words["stand_tall"] == words["squeeze_glutes"]:
        return "no deficit in the pull" if words["stand_tall"] == "none" else f"from {words['stand_tall']}, either cue"
    tall, squeeze = (words[c] if words[c] == "none" else f"from {words[c]}" for c in ("stand_tall", "squeeze_glutes"))
    return f"{tall} standing tall, {squeeze} squeezing the glutes"


def knee_note(hip_extension_available: float, tissue: str) -> str:
    """One sentence for a tissue crossing the knee: the lift model reads the hip only; where the knee brings the limit.

    Empty for a tissue that does not cross the knee (:func:`crosses_knee`). The phase is
    :func:`lift_limit_phase`'s, the computation of the claim ``rectus_femoris_lift``; the hip
    alone's is :func:`hip_only_deficit_phase`'s, under each cue (one phase if they agree).

    Examples
    --------
    >>> knee_note(-8.0, "Iliopsoas")
    ''
    >>> print(knee_note(-8.0, "Rectus femoris"))  # doctest: +NORMALIZE_WHITESPACE
    Hip only: the knee is ignored. With the knee as bent as in the pull, rectus femoris (its limit read with the
    knee straight) would have to be longer than its limit from phase 0.30 (geometry; the hip alone: from phase 0.82
    standing tall, from phase 0.81 squeezing the glutes).
    """
    if not crosses_knee(tissue):
        return ""
    at = lift_limit_phase(hip_extension_available, tissue)
    hip_only = _hip_alone(hip_extension_available, tissue)
    where = (
        f"would have to be longer than its limit from phase {at:.2f}"
        if np.isfinite(at)
        else "would not reach its limit along the pull's joint angles"
    )
    return (
        f"Hip only: the knee is ignored. With the knee as bent as in the pull, {tissue.lower()} (its limit read with "
        f"the knee straight) {where} (geometry; the hip alone: {hip_only})."
    )


def rectus_lift() -> Claim:
    phase = np.linspace(0.0, 1.0, LIFT_GRID)
    angles = lift_posture(phase)
    along = _rectus_path_mm(angles.hip_flexion, angles.knee_flexion)
    peak = int(np.argmax(along))
    straight_at = -LIFTER.hip_extension_available  # hip flexion (deg) of the lifter's straight-knee limit
    limit = float(_rectus_path_mm(straight_at, 0.0))
    held_at = _hip_flexion_at_length(limit, _THOMAS_KNEE)
    thomas_shortest = float(_rectus_path_mm(_THOMAS_THIGH_UP, _THOMAS_KNEE))
    knees = np.arange(0.0, _THOMAS_KNEE + 1.0, 1.0)
    longer_knees = knees[_rectus_path_mm(_THOMAS_THIGH_UP, knees) > along[peak]]  # limits that clear the lift
    knee_from = float(longer_knees[0]) if longer_knees.size else float("inf")
    bites_from = lift_limit_phase(LIFTER.hip_extension_available)

    def check() -> bool:
        now = _rectus_path_mm(angles.hip_flexion, angles.knee_flexion)
        hips, bent = np.meshgrid(np.linspace(0.0, _THOMAS_THIGH_UP, 7), knees[knees >= knee_from])
        thomas = _rectus_path_mm(hips.ravel(), bent.ravel())
        return bool(now[0] < limit < now.max() < thomas.min()) and held_at > 45.0

    return Claim(
        "rectus_femoris_lift",
        "Rectus femoris bites earlier in the lift only if its limit was read with the knee straight: read so at "
        f"{format_degrees(straight_at)} deg of hip flexion (lesson 03's lifter), its limit is {limit:.1f} mm, and "
        f"along the lift's path (gait2392, with the knee) it is {along[0]:.1f} mm at the floor, at most "
        f"{along[peak]:.1f} mm (phase {phase[peak]:.2f}) and {along[-1]:.1f} mm at lockout, so it bites from phase "
        f"{bites_from:.2f} on. A muscle that short would hold the thigh at {format_degrees(held_at)} deg of hip "
        f"flexion with the knee bent {format_degrees(_THOMAS_KNEE)} deg, as in a modified Thomas test. One found "
        f"short in that test (knee bent {format_degrees(knee_from)} deg or more, thigh up to "
        f"{format_degrees(_THOMAS_THIGH_UP)} deg above the table; at least {thomas_shortest:.1f} mm with the knee at "
        f"{format_degrees(_THOMAS_KNEE)} deg) is longer than anywhere on the lift's path and bites nowhere in the "
        "lift. Both follow from one generic adult's geometry and an illustrative lift path.",
        f"rectus femoris' limit read with the knee straight at the lesson's lifter's hip angle, or in a modified "
        f"Thomas test with the knee bent {format_degrees(knee_from)} deg or more; the lesson's lift path",
        (README, LESSON_03),
        check,
    )
