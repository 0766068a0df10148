"""The knee of gait2392: where the tibia is in the femur frame, as a function of knee flexion.

gait2392's right knee (``knee_r``, a planar knee after Yamaguchi & Zajac 1989) turns the
tibia about the femur frame's z axis (medio-lateral, to the right) by gait2392's
coordinate ``knee_angle_r``, which is **negative in flexion**, and translates it along the
femur frame's x and y axes by two cubic splines of that angle, so the tibia rolls and
slides as the knee bends. Here knee flexion is positive: ``knee_angle_r = -knee_flexion``.
A point ``p`` fixed in the tibia frame lies in the femur frame at::

    X_PF [ T(q) + Rz(q) X_BM^-1 p ],   q = knee_angle_r (rad)

where ``T(q) = (tx(q), ty(q), 0)`` are the splines and ``X_PF``, ``X_BM`` the joint's
parent (in the femur) and child (in the tibia) offset frames (``joint_frames.csv``; both
are the identity in gait2392, read and applied anyway). A moving path point (rectus
femoris' insertion, which follows the patella) has its tibia-frame x, y, z given by three
more splines of ``knee_angle_r``. Knots in ``knee_splines.csv``, provenance in
``biomech/data/README.md``.

The splines are OpenSim's ``SimmSpline`` (:class:`biomech.anatomy.splines.Spline`: the
interpolating cubic spline with Forsythe, Malcolm & Moler's end conditions, extended
linearly beyond the end knots). The natural spline is available (``splines("natural")``)
for comparison: over the knee's range the two place the tibia up to a few tenths of a
millimetre apart, while the opensim rule reproduces the published lengths to the
reference's printed precision (``tests/anatomy/test_knee.py``).

References
----------
Yamaguchi GT, Zajac FE (1989). A planar model of the knee joint to characterize the knee
extensor mechanism. J Biomech 22:1-10.

The generic splines are in :mod:`biomech.anatomy.splines`; ``Spline`` and ``SplineSet`` are
re-exported here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._validation import check_range
from biomech.anatomy.splines import Spline, SplineSet

__all__ = [
    "FRAMES_FILE",
    "KNEE_RANGE_DEG",
    "SPLINES_FILE",
    "Spline",
    "SplineSet",
    "TibiaPose",
    "check_knee",
    "joint_frame",
    "splines",
    "tibia_pose",
]

SPLINES_FILE = "knee_splines.csv"
FRAMES_FILE = "joint_frames.csv"
KNEE_RANGE_DEG: tuple[float, float] = (0.0, 120.0)
"""Accepted knee flexion, deg: straight to gait2392's full flexion (``knee_angle_r``
-2.0944 rad); gait2392's 10 deg of hyperextension is not accepted."""


def check_knee(knee_flexion: ArrayLike) -> NDArray[np.float64]:
    """Validate knee flexion (deg, flexion +) against :data:`KNEE_RANGE_DEG`.

    Raises
    ------
    ValueError
        Naming ``'knee_flexion'``, the valid range and the value received.

    Examples
    --------
    >>> check_knee(130.0)
    Traceback (most recent call last):
    ...
    ValueError: 'knee_flexion' must be a finite number of degrees in [0, 120]; got 130.
    """
    return check_range("knee_flexion", knee_flexion, *KNEE_RANGE_DEG)


def _read(name: str) -> list[dict[str, str]]:
    return list(
        csv.DictReader(io.StringIO(resources.files("biomech").joinpath("data").joinpath(name).read_text("utf-8")))
    )


@cache
def splines(ends: Literal["opensim", "natural"] = "opensim") -> Mapping[str, Spline]:
    """Load the knee splines from ``knee_splines.csv``.

    Returns
    -------
    Mapping
        Function name -> :class:`Spline` of ``knee_angle_r`` (rad) in metres:
        ``knee_r.translation_x``, ``knee_r.translation_y`` and, per moving path point,
        ``<muscle>-P<n>.x``, ``.y``, ``.z`` (tibia frame).

    Raises
    ------
    ValueError
        If a function's knots are not numbered 1, 2, ... in order.
    """
    knots: dict[str, list[tuple[float, float]]] = {}
    for line, row in enumerate(_read(SPLINES_FILE), start=2):
        points = knots.setdefault(row["function"], [])
        if row["knot"] != str(len(points) + 1):
            raise ValueError(f"{SPLINES_FILE}, line {line}: expected knot {len(points) + 1} of {row['function']!r}.")
        points.append((float(row["knee_angle_rad"]), float(row["value_m"])))
    return MappingProxyType(
        {f: Spline.through([x for x, _ in k], [y for _, y in k], ends=ends) for f, k in knots.items()}
    )


def _orientation(rx: float, ry: float, rz: float) -> NDArray[np.float64]:
    """Rotation matrix of a body-fixed x-y-z sequence (OpenSim's frame orientation)."""

    def axis(angle: float, i: int, j: int) -> NDArray[np.float64]:
        m = np.eye(3)
        m[i, i] = m[j, j] = np.cos(angle)
        m[i, j], m[j, i] = -np.sin(angle), np.sin(angle)
        return m

    return axis(rx, 1, 2) @ axis(ry, 2, 0) @ axis(rz, 0, 1)


@cache
def joint_frame(joint: str, role: Literal["parent", "child"]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Return the rotation and translation ``(R, t)`` of a joint's offset frame in its body.

    A point with coordinates ``p`` in the offset frame has ``R p + t`` in the body.

    Examples
    --------
    >>> rotation, translation = joint_frame("hip_r", "parent")
    >>> [round(float(v), 4) for v in translation]
    [-0.0707, -0.0661, 0.0835]
    """
    for row in _read(FRAMES_FILE):
        if (row["joint"], row["role"]) == (joint, role):
            angles = [float(row[k]) for k in ("rx_rad", "ry_rad", "rz_rad")]
            return _orientation(*angles), np.array([float(row[k]) for k in ("x_m", "y_m", "z_m")])
    raise ValueError(f"{FRAMES_FILE} has no {role} frame for joint {joint!r}.")


@cache
def _spline_set(names: tuple[str, ...], ends: Literal["opensim", "natural"]) -> SplineSet:
    fns = splines(ends)
    return SplineSet(tuple(fns[n] for n in names))


@cache
def _knee_constants() -> tuple[NDArray[np.float64], ...]:
    """Constant parts of the tibia's pose: with ``P``, ``C`` the parent and child offset
    rotations and ``K`` the cross-product matrix of z, ``P Rz(q) C^T = A0 + sin q A1 +
    (1 - cos q) A2`` (Rodrigues), and the flexion axis ``-P z``."""
    parent_r, parent_t = joint_frame("knee_r", "parent")
    child_r, child_t = joint_frame("knee_r", "child")
    k = np.array([[0.0, -1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
    a0, a1, a2 = (parent_r @ m @ child_r.T for m in (np.eye(3), k, k @ k))
    return a0, a1, a2, parent_r, parent_t, child_t, -parent_r[:, 2]


@dataclass(frozen=True)
class TibiaPose:
    """The tibia frame in the femur frame at given knee flexions, and moving points.

    A tibia point ``p`` lies at ``rotation @ p + translation`` in the femur frame; its
    derivative with respect to knee flexion (rad) is
    ``cross(axis, rotation @ p) + d_translation`` (plus ``rotation @ d_moving`` for a
    moving point).

    Attributes
    ----------
    rotation, translation
        Shapes ``(..., 3, 3)`` and ``(..., 3)``.
    axis
        The flexion axis in the femur frame, shape ``(3,)`` (minus the femur's z axis).
    d_translation
        Derivative of ``translation`` with respect to knee flexion in radians.
    moving, d_moving
        Tibia-frame locations of the moving points asked for (m), shape ``(..., K, 3)``,
        and their derivatives with respect to knee flexion in radians.
    """

    rotation: NDArray[np.float64]
    translation: NDArray[np.float64]
    axis: NDArray[np.float64]
    d_translation: NDArray[np.float64]
    moving: NDArray[np.float64]
    d_moving: NDArray[np.float64]


def tibia_pose(
    knee_flexion: ArrayLike, moving: tuple[str, ...] = (), ends: Literal["opensim", "natural"] = "opensim"
) -> TibiaPose:
    """Return the pose of the tibia in the femur frame and the moving points' locations.

    Parameters
    ----------
    knee_flexion
        Degrees, flexion + (trusted: validate with :func:`check_knee`).
    moving
        gait2392 names of moving path points, e.g. ``("rect_fem_r-P3",)``.
    ends
        Spline end conditions (see :meth:`Spline.through`).

    Examples
    --------
    With the knee straight the tibia frame sits 0.396 m below the femur's origin (the
    hip centre) and 4.5 mm behind it; rectus femoris' insertion is at its knot values:

    >>> pose = tibia_pose(0.0, ("rect_fem_r-P3",))
    >>> [round(float(v), 4) for v in pose.translation]
    [-0.0045, -0.3958, 0.0]
    >>> [round(float(v), 7) for v in pose.moving[0]]
    [0.0617576, 0.020984, 0.0014]
    """
    q = -np.radians(np.asarray(knee_flexion, dtype=float))  # gait2392's knee_angle_r
    names = ("knee_r.translation_x", "knee_r.translation_y") + tuple(f"{m}.{a}" for m in moving for a in "xyz")
    value, slope = _spline_set(names, ends)(q[..., None])
    slope = -slope  # d/d(flexion) = -d/dq
    a0, a1, a2, parent_r, parent_t, child_t, axis = _knee_constants()
    s, v = np.sin(q)[..., None, None], (1.0 - np.cos(q))[..., None, None]
    rotation = a0 + s * a1 + v * a2
    spline_t = value[..., :2] @ parent_r[:, :2].T  # P (tx, ty, 0)
    translation = parent_t + spline_t - rotation @ child_t
    d_translation = slope[..., :2] @ parent_r[:, :2].T - np.cross(axis, rotation @ child_t)
    shape = q.shape + (len(moving), 3)
    return TibiaPose(
        rotation, translation, axis, d_translation, value[..., 2:].reshape(shape), slope[..., 2:].reshape(shape)
    )
