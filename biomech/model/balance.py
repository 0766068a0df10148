"""The lockout in balance: how far the trunk leans back to keep lifter and bar over the mid-foot.

A lifter standing still at lockout keeps the centre of mass of body and bar over the
feet (mechanics: a static posture has its centre of mass over its base of support); the
coaches' reference point is the mid-foot (the bar over the middle of the foot, e.g.
Rippetoe, *Starting Strength*, 3rd ed., 2011; the exact point is a convention), here
half the foot's length from the heel (:func:`biomech.anatomy.segments.mid_foot`,
0.041 H in front of the ankle).

The lifter is the side-view chain of :mod:`biomech.scene.pose`, in units of standing
height H, the ankle at ``x = 0``:

- the straight leg leans forward by the thigh inclination (hips through) about the ankle;
- the pelvis turns about the hip joint by the pelvic tilt;
- the lumbar spine is a circular arc from S1 to T12 whose turning angle (the lordosis)
  is the standing lordosis plus the added ``lumbar_extension``;
- the trunk above T12 (thorax, head, arms and bar) is rigid and leans back from
  vertical by ``trunk_lean`` (back +): the lumbar curve bends by that much more;
- the arms hang vertically from the shoulders with the bar at mid-hand.

Segment masses and centres of mass are Winter's (Table 4.1, Dempster's data;
``biomech/data/segment_masses.csv``, secondary): feet, legs and thighs, the trunk from
hip to shoulder (its centre of mass at the middle of the hip-shoulder line, an
approximation for a trunk that bends), head and neck (at the centre of the head), and
the arms. The bar's mass is ``bar_load`` body masses (illustrative default 1).

**The reference (trunk_lean = 0)** is the upright trunk of the standing pose: T12 to C7
vertical, as the model drew every lockout before the balance was added. With the
defaults, even "stand tall" with no deficit needs a lean, 3.4 deg: with the trunk
upright the bar hangs 12 cm in front of the ankle at 1.75 m, 5 cm in front of the
mid-foot, and lifter and bar would tip forward. "Squeeze glutes" (the leg leaning 9 deg,
the hips 13 cm forward) needs 32 deg before any deficit: with the trunk upright the bar
would hang 19 cm in front of the mid-foot, beyond the toes. Without a bar
(``bar_load=0``) the lifter's own centre of mass is 2.3 cm behind the mid-foot with the
trunk upright, and standing tall the trunk would lean *forward* 8.4 deg (a negative
lean): the mid-foot is the coaches' reference for a loaded bar, not for standing.
So ``lumbar_extension`` (added lordosis) is ``pelvic_tilt + trunk_lean``: the pelvis
tips forward by the tilt, and the trunk above leans back by the lean, both bending the
lumbar curve. That the lean adds lumbar extension follows from how the model is built
(the pelvis and the legs keep the posture the hip sets; only the lumbar spine moves);
a real lifter may also shift the hips back or bend the knees.

**Limits.** The leans under "squeeze glutes" (32 deg and more, 39 to 45 deg with a
deficit) are large: they follow from the model's hips-through posture, the whole straight
leg leaning ``squeeze_demand`` degrees about the ankle (the hips 13 cm forward at 1.75 m),
with only the trunk left to bring the load back. A real lifter may take some of it at the
ankle or the knee; no measurement of lockout posture under either cue was read, so read
the lean as what this posture would need, not as what lifters do. With ``squeeze_demand``
up to 10 deg every state of the valid inputs balances; with a larger demand and a large
tilt no lean within 89 deg does, and :func:`trunk_lean` returns the lean that takes the
centre of mass furthest back (:func:`centre_of_mass` then stays positive).

Every numeric input may be a scalar or shape ``(N,)`` and they broadcast; the lean is
bracketed on a 4-degree grid and refined with a fixed number of vectorised Newton steps,
so a 141-point curve is one call (about 20 ms).

Examples
--------
>>> round(trunk_lean(0.0, 0.0), 1)  # stand tall, no deficit, bar of one body mass
3.4
>>> round(100 * 1.75 * float(bar_from_mid_foot(9.0, 0.0, 0.0)), 1)  # hips through, trunk upright: cm
18.6
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._validation import check_range
from biomech.anatomy.segments import SEGMENT_MASSES, SEGMENTS, SHOULDER_FORWARD, TRUNK_LENGTH, lumbar_arc, mid_foot
from biomech.parameters import PARAMETERS, check_parameter

__all__ = [
    "NEWTON_STEPS",
    "POSTURE_PARAMETERS",
    "bar_from_mid_foot",
    "centre_of_mass",
    "lockout_points",
    "trunk_lean",
]

Value = float | NDArray[np.float64]

POSTURE_PARAMETERS: tuple[str, ...] = ("standing_pelvic_tilt", "standing_lumbar_lordosis")
"""The standing posture's parameters: they shape the lifter, so the balance depends on them."""

NEWTON_STEPS = 6
_GRID_DEG = 4.0  # the bracketing grid's step
"""Newton steps of the lean from its 4-degree bracket (fixed, so that an array gives the same
numbers as a loop of scalars); the centre of mass ends within 1e-15 H of the mid-foot."""

_LEAN_BOUND = 89.0  # a lean beyond this is no posture; Newton steps are kept inside it
_STEP = 1e-4  # degrees, for the central difference


def lockout_points(
    thigh_inclination: ArrayLike,
    pelvic_tilt: ArrayLike,
    trunk_lean: ArrayLike,
    *,
    standing_pelvic_tilt: ArrayLike = PARAMETERS["standing_pelvic_tilt"].default,
    standing_lumbar_lordosis: ArrayLike = PARAMETERS["standing_lumbar_lordosis"].default,
) -> dict[str, NDArray[np.float64]]:
    """Return the side-view chain's joints at lockout, in H, the ankle at ``x = 0``.

    Parameters
    ----------
    thigh_inclination
        Forward lean of the straight leg from vertical, degrees (hips through).
    pelvic_tilt
        Anterior pelvic tilt added to the standing tilt, degrees.
    trunk_lean
        Backward lean of the trunk above T12 from vertical, degrees.
    standing_pelvic_tilt, standing_lumbar_lordosis
        The standing posture, degrees.

    Returns
    -------
    dict
        ``"ankle"``, ``"knee"``, ``"hip"``, ``"sacrum"`` (top of S1), ``"t12"``, ``"c7"``,
        ``"shoulder"``, ``"head"`` (centre of the head), ``"bar"`` (mid-hand): each of shape
        ``(..., 2)``, the broadcast shape of the inputs.
    """
    s = SEGMENTS
    theta, tilt, lean = (np.radians(np.asarray(a, dtype=float)) for a in (thigh_inclination, pelvic_tilt, trunk_lean))
    tilt0 = np.asarray(standing_pelvic_tilt, dtype=float)
    lordosis0 = np.asarray(standing_lumbar_lordosis, dtype=float)
    theta, tilt, lean, tilt0, lordosis0 = np.broadcast_arrays(theta, tilt, lean, tilt0, lordosis0)

    def xy(x: NDArray[np.float64], y: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.stack(np.broadcast_arrays(x, y), axis=-1)

    ankle = xy(np.zeros_like(theta), np.full_like(theta, s["ankle_height"]))
    along = xy(np.sin(theta), np.cos(theta))
    knee = ankle + (s["knee_height"] - s["ankle_height"]) * along
    hip = knee + (s["hip_height"] - s["knee_height"]) * along
    turned = np.radians(tilt0) + tilt  # the drawn tilt; turn forward (clockwise) about the hip
    back, up = -s["sacrum_behind_hip"], s["sacrum_above_hip"]
    sacrum = hip + xy(back * np.cos(turned) + up * np.sin(turned), -back * np.sin(turned) + up * np.cos(turned))
    offset = lordosis0 - tilt0  # S1 tangent in the pelvis frame: standing puts T12 vertical
    sacrum_angle = offset + np.degrees(turned)
    lordosis = lordosis0 + np.degrees(tilt + lean)  # then the T12 tangent is -lean
    t12 = lumbar_arc(sacrum, sacrum_angle, lordosis, points=2)[..., -1, :]
    trunk_up = xy(-np.sin(lean), np.cos(lean))
    c7 = t12 + TRUNK_LENGTH * trunk_up
    shoulder = c7 + SHOULDER_FORWARD * xy(np.cos(lean), np.sin(lean))  # square to the trunk, forward
    head = c7 + (1.0 - s["shoulder_height"] - s["head_height"] / 2) * trunk_up
    hand = s["upper_arm_length"] + s["forearm_length"] + s["hand_length"] / 2
    bar = shoulder - xy(np.zeros_like(theta), np.full_like(theta, hand))
    return {
        "ankle": ankle,
        "knee": knee,
        "hip": hip,
        "sacrum": sacrum,
        "t12": t12,
        "c7": c7,
        "shoulder": shoulder,
        "head": head,
        "bar": bar,
    }


def _com_x(points: dict[str, NDArray[np.float64]], bar_load: NDArray[np.float64]) -> NDArray[np.float64]:
    """Horizontal centre of mass of lifter and bar (H from the ankle), from the chain's joints."""
    m = SEGMENT_MASSES
    x = {name: p[..., 0] for name, p in points.items()}
    arms = 2 * (m["upper_arm"].mass + m["forearm"].mass + m["hand"].mass)  # hanging vertically: at the shoulder
    moment = (
        2 * m["foot"].mass * mid_foot()  # the feet do not move; put at the mid-foot (see segment_masses.csv)
        + 2 * m["leg"].mass * (x["knee"] + m["leg"].com_from_proximal * (x["ankle"] - x["knee"]))
        + 2 * m["thigh"].mass * (x["hip"] + m["thigh"].com_from_proximal * (x["knee"] - x["hip"]))
        + m["trunk"].mass * (x["hip"] + m["trunk"].com_from_proximal * (x["shoulder"] - x["hip"]))
        + m["head_neck"].mass * x["head"]
        + arms * x["shoulder"]
        + bar_load * x["bar"]
    )
    return np.asarray(moment / (1.0 + bar_load))


def _checked(
    thigh_inclination: ArrayLike, pelvic_tilt: ArrayLike, bar_load: ArrayLike, tilt0: ArrayLike, lordosis0: ArrayLike
) -> tuple[NDArray[np.float64], ...]:
    return (
        check_range("thigh_inclination", thigh_inclination, -45.0, 45.0, "degrees"),
        check_range("pelvic_tilt", pelvic_tilt, -90.0, 90.0, "degrees"),
        check_parameter("bar_load", bar_load),
        check_parameter("standing_pelvic_tilt", tilt0),
        check_parameter("standing_lumbar_lordosis", lordosis0),
    )


def centre_of_mass(
    thigh_inclination: ArrayLike,
    pelvic_tilt: ArrayLike,
    trunk_lean: ArrayLike,
    *,
    bar_load: ArrayLike = PARAMETERS["bar_load"].default,
    standing_pelvic_tilt: ArrayLike = PARAMETERS["standing_pelvic_tilt"].default,
    standing_lumbar_lordosis: ArrayLike = PARAMETERS["standing_lumbar_lordosis"].default,
) -> Value:
    """Return how far the centre of mass of lifter and bar is in front of the mid-foot, in H.

    Parameters as for :func:`lockout_points`, with ``bar_load`` in body masses.
    Positive: in front of the mid-foot (the lifter would tip forward).

    Examples
    --------
    >>> abs(centre_of_mass(9.0, 4.0, trunk_lean(9.0, 4.0))) < 1e-12
    True
    """
    theta, tilt, load, tilt0, lordosis0 = _checked(
        thigh_inclination, pelvic_tilt, bar_load, standing_pelvic_tilt, standing_lumbar_lordosis
    )
    lean = check_range("trunk_lean", trunk_lean, -_LEAN_BOUND, _LEAN_BOUND, "degrees")
    points = lockout_points(theta, tilt, lean, standing_pelvic_tilt=tilt0, standing_lumbar_lordosis=lordosis0)
    return _value(_com_x(points, load) - mid_foot())


def bar_from_mid_foot(
    thigh_inclination: ArrayLike,
    pelvic_tilt: ArrayLike,
    trunk_lean: ArrayLike,
    *,
    standing_pelvic_tilt: ArrayLike = PARAMETERS["standing_pelvic_tilt"].default,
    standing_lumbar_lordosis: ArrayLike = PARAMETERS["standing_lumbar_lordosis"].default,
) -> Value:
    """Return how far the bar (at mid-hand) is in front of the mid-foot, in H (behind: negative).

    Parameters as for :func:`lockout_points`.

    Examples
    --------
    >>> round(100 * 1.75 * float(bar_from_mid_foot(0.0, 0.0, 0.0)), 1)  # stand tall, trunk upright: cm
    5.2
    """
    points = lockout_points(
        thigh_inclination,
        pelvic_tilt,
        trunk_lean,
        standing_pelvic_tilt=standing_pelvic_tilt,
        standing_lumbar_lordosis=standing_lumbar_lordosis,
    )
    return _value(points["bar"][..., 0] - mid_foot())


def trunk_lean(
    thigh_inclination: ArrayLike,
    pelvic_tilt: ArrayLike,
    *,
    bar_load: ArrayLike = PARAMETERS["bar_load"].default,
    standing_pelvic_tilt: ArrayLike = PARAMETERS["standing_pelvic_tilt"].default,
    standing_lumbar_lordosis: ArrayLike = PARAMETERS["standing_lumbar_lordosis"].default,
) -> Value:
    """Return the backward trunk lean that puts lifter and bar over the mid-foot, degrees.

    Parameters
    ----------
    thigh_inclination
        Forward lean of the straight leg from vertical, degrees (0 for "stand tall",
        ``squeeze_demand`` for "squeeze glutes").
    pelvic_tilt
        Anterior pelvic tilt added by the compensation, degrees.
    bar_load
        The bar's mass in body masses (0 to 3).
    standing_pelvic_tilt, standing_lumbar_lordosis
        The standing posture, degrees.

    Returns
    -------
    float or numpy.ndarray
        Lean of the trunk above T12 from vertical, back +, degrees: the root of
        :func:`centre_of_mass` nearest to upright (bracketed on a 4-degree grid from -89
        to 89 deg, then :data:`NEWTON_STEPS` Newton steps); where there is none, the lean
        that takes the centre of mass furthest back. Broadcast over the inputs.

    Raises
    ------
    ValueError
        For NaN, infinite or out-of-range inputs (the message names the parameter).

    Examples
    --------
    >>> [round(trunk_lean(theta, 0.0), 1) for theta in (0.0, 9.0)]  # stand tall, hips through
    [3.4, 32.0]
    >>> round(trunk_lean(0.0, 0.0, bar_load=0.0), 1)  # no bar: the lifter leans forward
    -8.4
    """
    theta, tilt, load, tilt0, lordosis0 = _checked(
        thigh_inclination, pelvic_tilt, bar_load, standing_pelvic_tilt, standing_lumbar_lordosis
    )

    def residual(lean: NDArray[np.float64]) -> NDArray[np.float64]:
        p = lockout_points(theta, tilt, lean, standing_pelvic_tilt=tilt0, standing_lumbar_lordosis=lordosis0)
        return _com_x(p, load) - mid_foot()

    shape = np.broadcast_shapes(theta.shape, tilt.shape, load.shape, tilt0.shape, lordosis0.shape)
    grid = np.linspace(-_LEAN_BOUND, _LEAN_BOUND, int(2 * _LEAN_BOUND / _GRID_DEG) + 1)
    ahead = residual(grid.reshape((-1,) + (1,) * len(shape)))  # (G, ...): the centre of mass ahead of the mid-foot
    crossing = (ahead[:-1] >= 0) & (ahead[1:] < 0)  # leaning further back takes it behind the mid-foot
    # the balancing lean nearest to upright; where none balances, the lean that takes it furthest back
    balanced = crossing.any(axis=0)
    distance = np.abs(grid[:-1] + (grid[1] - grid[0]) / 2).reshape((-1,) + (1,) * len(shape))
    start = np.where(
        balanced, grid[np.argmin(np.where(crossing, distance, np.inf), axis=0)], grid[np.argmin(ahead, axis=0)]
    )
    low, high = start, np.where(balanced, start + (grid[1] - grid[0]), start)  # unbalanced: stays on the grid
    lean = np.broadcast_to(start, shape).astype(float)
    for _ in range(NEWTON_STEPS):  # each step: the residual and its central difference in one evaluation
        here, ahead_step, behind = residual(lean + np.array([0.0, _STEP, -_STEP]).reshape((3,) + (1,) * len(shape)))
        slope = (ahead_step - behind) / (2 * _STEP)
        step = np.where(slope < 0, here / np.where(slope < 0, slope, 1.0), 0.0)
        lean = np.clip(lean - step, low, high)
    return _value(lean)


def _value(a: ArrayLike) -> Value:
    a = np.asarray(a, dtype=float)
    return float(a) if a.ndim == 0 else a
