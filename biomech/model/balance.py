"""The lockout in balance: how the hip's extension is shared between the leg and the trunk.

A lifter standing still at lockout keeps the centre of mass of body and bar over the
feet (mechanics: a static posture has its centre of mass over its base of support); the
coaches' reference point is the mid-foot (the bar over the middle of the foot, e.g.
Rippetoe, *Starting Strength*, 3rd ed., 2011; the exact point is a convention), here
half the foot's length from the heel (:func:`biomech.anatomy.segments.mid_foot`,
0.041 H in front of the ankle).

The lifter is the side-view chain of :mod:`biomech.scene.pose`, in units of standing
height H, the ankle at ``x = 0``:

- the straight leg leans forward by ``thigh_inclination`` about the ankle;
- the pelvis turns about the hip joint by the pelvic tilt drawn in the room;
- the lumbar spine is a circular arc from S1 to T12 whose turning angle (the lordosis)
  is the standing lordosis plus the added ``lumbar_extension``;
- the trunk above T12 (thorax, head, arms and bar) is rigid and leans back from
  vertical by ``trunk_lean`` (back +);
- the arms hang vertically from the shoulders with the bar at mid-hand.

Segment masses and centres of mass are Winter's (Table 4.1, Dempster's data;
``biomech/data/segment_masses.csv``, secondary): feet, legs and thighs, the trunk from
hip to shoulder (its centre of mass at the middle of the hip-shoulder line, an
approximation for a trunk that bends), head and neck (at the centre of the head), and
the arms. The bar's mass is ``bar_load`` body masses (illustrative default 1).

**How the balance is found (the project's assumption).** The cue asks the hip for
``demand`` degrees of extension (0 for "stand tall", ``squeeze_demand`` for "squeeze
glutes"), and the compensation adds its anterior pelvic tilt with as much lumbar
extension (:mod:`biomech.model.lockout`). How that posture stands in the room is left to
balance: the straight leg leans forward ``a`` degrees about the ankle, and the pelvis
and trunk lean back *together* by ``demand - a``, rotating about the hip, so the lean
is taken at the hip and the lumbar curve keeps its shape (``lumbar_extension =
pelvic_tilt``); :func:`leg_lean` finds ``a`` (in closed form: the centre of mass moves
as ``A sin a + B cos a + C``) so that the centre of mass is over the mid-foot, and
:func:`trunk_lean` is ``demand - a``. With the defaults and no
deficit, "stand tall" leans the whole straight body back 0.7 deg about the ankle (leg
-0.7 deg, pelvis and trunk 0.7 deg back, the hip at 0) to hold the bar; "squeeze
glutes" puts the leg 2.2 deg forward and the pelvis and trunk 6.8 deg back (with the
illustrative bar of one body mass; without a bar, ``bar_load=0``, the leg leans forward
1.3 deg standing tall). By construction the balance is solved after the hip angle is
fixed, so it changes neither the hip angle nor the deficit, rotation or tilt, and with
no deficit the squeeze adds no lumbar extension.

**The lean back comes from the assumption, not from balance alone.** Levine & Whittle
(1996), whose maximal posterior tilt sizes the squeeze (``squeeze_demand``), measured
the pelvis at -8.7 deg and the lordosis at -9.0 deg: their subjects flattened the
lumbar curve by as much as they tilted and kept the thorax upright. That posture
balances too: with the hip extended 9 deg the leg leans 0.3 deg forward and the centre
of mass is about 1 mm in front of the mid-foot (``centre_of_mass(0.3, -8.7, -0.3)``,
the thorax 0.3 deg forward so that the lordosis changes by -9.0). The model instead
keeps the lumbar curve rigid and leans the thorax back 6.8 deg: its assumption. The
squeeze's lumbar extension with no deficit is -9 deg under the source's posture and 0
under the model's. So one tilt is coupled and the other is not: the compensation's tilt
is coupled 1:1 to the lumbar spine (Levine & Whittle 1996); the balance's lean is not
(the model's assumption).

**Limits.** That the whole lean is taken at the hip, with the leg straight and the lumbar
curve rigid under it, is the project's assumption, not a measurement: a real lifter may
also bend the knees, move at the ankle differently or change the lordosis; no
measurement of lockout posture under either cue was read, so read the split as what
this posture would need, not as what lifters do. The mid-foot as the balance point and
the bar's mass are conventions (illustrative). The arms hang vertically from the
shoulders, and the model has no thigh surface: standing tall the bar hangs 11.7 cm in
front of the hip joint centre (6.3 cm squeezed; examples), clear of the drawn thigh (the
drawn thigh, 5.25 cm in radius, is illustrative and thin; examples). At a real lockout
the bar rests on the thighs: further back standing tall, perhaps further forward squeezed
(less or more lean back); the model does not say how much. The leg's lean stays within
about -10 to 10 deg in the valid ranges (taken within -30 to 30; beyond, the nearest end).

Every numeric input may be a scalar or shape ``(N,)``; they broadcast, elementwise (an
array gives the same numbers as a loop of scalars): a 141-point curve is one call.

Examples
--------
>>> round(leg_lean(9.0, 0.0), 2), round(trunk_lean(9.0, 0.0), 2)  # squeeze glutes, no deficit
(2.15, 6.85)
>>> round(100 * 1.75 * float(bar_from_mid_foot(9.0, 0.0, 0.0)), 1)  # the whole leg 9 deg forward, trunk upright: cm
18.6
>>> round(1750 * float(centre_of_mass(0.3, -8.7, -0.3)))  # Levine & Whittle's posterior tilt, hip 9 deg extended: mm
1
>>> for d in (0.0, 9.0):  # the bar in front of the hip joint centre, balanced, stand tall and squeeze: cm
...     p = lockout_points(leg_lean(d, 0.0), -trunk_lean(d, 0.0), trunk_lean(d, 0.0))
...     print(round(175 * float(p["bar"][0] - p["hip"][0]), 1))
11.7
6.3
>>> round(175 * SEGMENTS["thigh_radius"], 2)  # the drawn thigh's radius (illustrative): cm
5.25
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._validation import check_range
from biomech.anatomy.segments import SEGMENT_MASSES, SEGMENTS, SHOULDER_FORWARD, TRUNK_LENGTH, lumbar_arc, mid_foot
from biomech.parameters import PARAMETERS, check_parameter

__all__ = [
    "POSTURE_PARAMETERS",
    "bar_from_mid_foot",
    "centre_of_mass",
    "centre_of_mass_x",
    "lockout_points",
    "leg_lean",
    "trunk_lean",
]

Value = float | NDArray[np.float64]

POSTURE_PARAMETERS: tuple[str, ...] = ("standing_pelvic_tilt", "standing_lumbar_lordosis")
"""The standing posture's parameters: they shape the lifter, so the balance depends on them."""

_LEG_BOUND = 30.0  # the leg's lean is searched from -30 to 30 deg
_LEAN_BOUND = 89.0  # a trunk lean beyond this is no posture


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
        Forward lean of the straight leg from vertical, degrees.
    pelvic_tilt
        Anterior pelvic tilt in the room added to the standing tilt, degrees (for a
        lockout: the compensation's tilt less the trunk's lean, the pelvis leaning back
        with the trunk).
    trunk_lean
        Backward lean of the trunk above T12 from vertical, degrees: the lordosis is the
        standing one plus ``pelvic_tilt + trunk_lean``.
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


def centre_of_mass_x(points: dict[str, NDArray[np.float64]], bar_load: NDArray[np.float64]) -> NDArray[np.float64]:
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
    thigh_inclination: ArrayLike,
    pelvic_tilt: ArrayLike,
    bar_load: ArrayLike,
    tilt0: ArrayLike,
    lordosis0: ArrayLike,
    *,
    first: str = "thigh_inclination",
) -> tuple[NDArray[np.float64], ...]:
    return (
        check_range(first, thigh_inclination, -90.0 if first == "demand" else -45.0, 45.0, "degrees"),
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
    >>> a = leg_lean(9.0, 4.0)  # squeeze glutes, 4 deg of tilt: the pelvis in the room 4 - (9 - a)
    >>> abs(centre_of_mass(a, 4.0 - (9.0 - a), 9.0 - a)) < 1e-12
    True
    """
    theta, tilt, load, tilt0, lordosis0 = _checked(
        thigh_inclination, pelvic_tilt, bar_load, standing_pelvic_tilt, standing_lumbar_lordosis
    )
    lean = check_range("trunk_lean", trunk_lean, -_LEAN_BOUND, _LEAN_BOUND, "degrees")
    points = lockout_points(theta, tilt, lean, standing_pelvic_tilt=tilt0, standing_lumbar_lordosis=lordosis0)
    return _value(centre_of_mass_x(points, load) - mid_foot())


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


def leg_lean(
    demand: ArrayLike,
    pelvic_tilt: ArrayLike,
    *,
    bar_load: ArrayLike = PARAMETERS["bar_load"].default,
    standing_pelvic_tilt: ArrayLike = PARAMETERS["standing_pelvic_tilt"].default,
    standing_lumbar_lordosis: ArrayLike = PARAMETERS["standing_lumbar_lordosis"].default,
) -> Value:
    """Return the forward lean of the straight leg that puts lifter and bar over the mid-foot, degrees.

    The hip is extended by ``demand`` (the cue's extension: 0 for "stand tall",
    ``squeeze_demand`` for "squeeze glutes") less the compensation's ``pelvic_tilt``, and the
    lumbar spine is extended by the tilt only; how that posture stands over the feet is
    left to balance: the leg leans forward by the returned angle ``a`` about the ankle and
    the pelvis and trunk lean back together by ``demand - a`` (:func:`trunk_lean`). Found
    in closed form within -30 to 30 deg: the leg and the rigid upper body both turn by ``a``,
    so the centre of mass is ``A sin a + B cos a + C`` in front of the mid-foot, and moves
    forward as the leg leans forward and the trunk comes up; where no lean in that range
    balances, the end nearest to balance.

    Parameters
    ----------
    demand
        Hip extension the cue asks for, degrees.
    pelvic_tilt
        Anterior pelvic tilt added by the compensation, degrees.
    bar_load
        The bar's mass in body masses (0 to 3).
    standing_pelvic_tilt, standing_lumbar_lordosis
        The standing posture, degrees.

    Returns
    -------
    float or numpy.ndarray
        The leg's forward lean from vertical (back: negative), degrees, broadcast over
        the inputs.

    Raises
    ------
    ValueError
        For NaN, infinite or out-of-range inputs (the message names the parameter).

    Examples
    --------
    >>> [round(leg_lean(d, 0.0), 2) for d in (0.0, 9.0)]  # stand tall, squeeze glutes (no deficit)
    [-0.71, 2.15]
    >>> round(leg_lean(0.0, 0.0, bar_load=0.0), 2)  # no bar: the leg leans forward
    1.35
    """
    theta, tilt, load, tilt0, lordosis0 = _checked(
        demand, pelvic_tilt, bar_load, standing_pelvic_tilt, standing_lumbar_lordosis, first="demand"
    )

    def residual(a: NDArray[np.float64]) -> NDArray[np.float64]:
        points = lockout_points(
            a, tilt - theta + a, theta - a, standing_pelvic_tilt=tilt0, standing_lumbar_lordosis=lordosis0
        )
        return centre_of_mass_x(points, load) - mid_foot()

    # The leg turns by ``a`` about the ankle and the rigid upper body by ``a`` about the hip
    # (the lordosis, ``lordosis0 + tilt``, does not depend on ``a``), so the residual is
    # exactly ``A sin a + B cos a + C``: three evaluations give A, B and C.
    shape = np.broadcast_shapes(theta.shape, tilt.shape, load.shape, tilt0.shape, lordosis0.shape)
    at_0, at_90, at_180 = residual(np.array([0.0, 90.0, 180.0]).reshape((3,) + (1,) * len(shape)))
    c = (at_0 + at_180) / 2.0
    b = (at_0 - at_180) / 2.0
    a_sin = at_90 - c
    amplitude = np.hypot(a_sin, b)
    # R sin(a + delta) = -C on the branch where the residual grows with the lean (R cos > 0)
    ratio = np.clip(-c / np.where(amplitude > 0.0, amplitude, 1.0), -1.0, 1.0)
    lean = np.degrees(np.arcsin(ratio) - np.arctan2(b, a_sin))
    lean = (lean + 180.0) % 360.0 - 180.0

    def residual_at(degrees: float) -> NDArray[np.float64]:
        r = np.radians(degrees)
        return np.asarray(a_sin * np.sin(r) + b * np.cos(r) + c)

    # where no lean in the range balances: the end nearest to balance
    ahead_at_back, behind_at_front = residual_at(-_LEG_BOUND) > 0.0, residual_at(_LEG_BOUND) < 0.0
    inside = (np.abs(lean) <= _LEG_BOUND) & ~ahead_at_back & ~behind_at_front
    a = np.where(inside, lean, np.where(ahead_at_back, -_LEG_BOUND, _LEG_BOUND))
    return _value(a)


def trunk_lean(
    demand: ArrayLike,
    pelvic_tilt: ArrayLike,
    *,
    bar_load: ArrayLike = PARAMETERS["bar_load"].default,
    standing_pelvic_tilt: ArrayLike = PARAMETERS["standing_pelvic_tilt"].default,
    standing_lumbar_lordosis: ArrayLike = PARAMETERS["standing_lumbar_lordosis"].default,
) -> Value:
    """Return how far the trunk (with the pelvis) leans back from vertical in balance, degrees.

    ``demand - leg_lean(...)``: the part of the hip's extension taken by the pelvis and
    trunk leaning back together, at the hip, not at the lumbar spine (the pelvis tilts
    back in the room by this much less the compensation's anterior tilt). Parameters as
    for :func:`leg_lean`.

    Examples
    --------
    >>> [round(trunk_lean(d, 0.0), 2) for d in (0.0, 9.0)]  # stand tall, squeeze glutes (no deficit)
    [0.71, 6.85]
    """
    return _value(
        np.asarray(demand, dtype=float)
        - np.asarray(
            leg_lean(
                demand,
                pelvic_tilt,
                bar_load=bar_load,
                standing_pelvic_tilt=standing_pelvic_tilt,
                standing_lumbar_lordosis=standing_lumbar_lordosis,
            ),
            dtype=float,
        )
    )


def _value(a: ArrayLike) -> Value:
    a = np.asarray(a, dtype=float)
    return float(a) if a.ndim == 0 else a
