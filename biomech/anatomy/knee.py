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

The splines are OpenSim's ``SimmSpline``: the interpolating cubic spline with the end
conditions of Forsythe, Malcolm & Moler (the third derivative at each end equals that of
the cubic through the four nearest knots; not the natural spline's zero curvature),
extended linearly beyond the end knots; two knots give a straight line. The natural
spline is available (``ends="natural"``) for comparison: over the knee's range the two
place the tibia up to a few tenths of a millimetre apart, while the opensim rule
reproduces the published lengths to the reference's printed precision
(``tests/anatomy/test_knee.py``).

References
----------
Yamaguchi GT, Zajac FE (1989). A planar model of the knee joint to characterize the knee
extensor mechanism. J Biomech 22:1-10.

Forsythe GE, Malcolm MA, Moler CB (1977). Computer Methods for Mathematical
Computations. Prentice-Hall, ch. 4 (routine SPLINE).

Length: OpenSim's spline rule, the knee's joint frames and the tibia pose belong together (each
is checked against the model file); about half the module is their documentation.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Literal, cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._validation import check_range

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


@dataclass(frozen=True)
class Spline:
    """An interpolating cubic spline in OpenSim's ``SimmSpline`` form.

    On knot interval ``i``, ``s(t) = y[i] + h (b[i] + h (c[i] + h d[i]))`` with
    ``h = t - x[i]``; beyond the end knots it continues as the straight line with the end
    slope. Build one with :meth:`through`.

    Attributes
    ----------
    x, y
        Knots (strictly increasing abscissae) and values.
    b, c, d
        Polynomial coefficients per knot (the last ones serve the right extension).
    """

    x: NDArray[np.float64]
    y: NDArray[np.float64]
    b: NDArray[np.float64]
    c: NDArray[np.float64]
    d: NDArray[np.float64]

    @classmethod
    def through(cls, x: ArrayLike, y: ArrayLike, ends: Literal["opensim", "natural"] = "opensim") -> Spline:
        """Fit the spline through the knots ``(x, y)``.

        Parameters
        ----------
        x, y
            At least two knots, ``x`` strictly increasing.
        ends
            ``"opensim"`` (default): SimmSpline's end conditions, the third derivative at
            each end equal to that of the cubic through the four nearest knots (three
            knots: zero third derivative; two: a line). ``"natural"``: zero second
            derivative at both ends.

        Raises
        ------
        ValueError
            Fewer than two knots, unequal lengths, or ``x`` not strictly increasing.

        Examples
        --------
        A cubic is reproduced exactly by the opensim end conditions:

        >>> t = np.array([0.0, 1.0, 2.5, 3.0, 4.0])
        >>> s = Spline.through(t, t**3)
        >>> round(float(s(2.0)), 12)
        8.0
        """
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        if x.ndim != 1 or x.shape != y.shape or len(x) < 2 or np.any(np.diff(x) <= 0):
            raise ValueError(f"spline knots must be two equal 1-D arrays of >= 2 points, x increasing; got {x}, {y}.")
        n, h = len(x), np.diff(x)
        slope = np.diff(y) / h
        if n == 2:
            zero = np.zeros(2)
            return cls(x, y, np.full(2, slope[0]), zero, zero)
        # sigma = s''/6 at the knots: interior rows are the usual continuity equations
        a = np.zeros((n, n))
        rhs = np.zeros(n)
        for i in range(1, n - 1):
            a[i, i - 1 : i + 2] = h[i - 1], 2.0 * (h[i - 1] + h[i]), h[i]
            rhs[i] = slope[i] - slope[i - 1]
        if ends == "natural":
            a[0, 0] = a[-1, -1] = 1.0
        elif ends == "opensim":
            a[0, :2] = -h[0], h[0]
            a[-1, -2:] = h[-1], -h[-1]
            if n > 3:  # third divided differences of the four end knots
                second = np.diff(slope) / (x[2:] - x[:-2])
                third = np.diff(second) / (x[3:] - x[:-3])
                rhs[0], rhs[-1] = h[0] ** 2 * third[0], -(h[-1] ** 2) * third[-1]
        else:
            raise ValueError(f"'ends' must be 'opensim' or 'natural'; got {ends!r}.")
        # float64 in, float64 out; numpy's stub only promises ``floating``
        sigma = cast(NDArray[np.float64], np.linalg.solve(a, rhs))
        b = np.append(slope - h * (sigma[1:] + 2.0 * sigma[:-1]), slope[-1] + h[-1] * (sigma[-2] + 2.0 * sigma[-1]))
        d = np.append(np.diff(sigma) / h, 0.0)
        return cls(x, y, b, 3.0 * sigma, d)

    def __call__(self, t: ArrayLike, derivative: bool = False) -> NDArray[np.float64]:
        """Return ``s(t)`` or, with ``derivative=True``, ``ds/dt``; same shape as ``t``."""
        value, slope = SplineSet((self,))(np.asarray(t, dtype=float)[..., None])
        return (slope if derivative else value)[..., 0]


class SplineSet:
    """Several splines evaluated together at the same abscissae (one table lookup).

    Each spline's pieces are stored as rows ``(anchor, y, b, c, d)``, with a straight
    piece before its first knot and one after its last, padded to a common length.

    Examples
    --------
    >>> lines = SplineSet((Spline.through([0.0, 1.0], [0.0, 2.0]), Spline.through([0.0, 1.0], [1.0, 1.0])))
    >>> value, slope = lines(np.array([[-1.0], [0.5]]))
    >>> value.tolist(), slope.tolist()
    ([[-2.0, 1.0], [1.0, 1.0]], [[2.0, 0.0], [2.0, 0.0]])
    """

    def __init__(self, members: Sequence[Spline]) -> None:
        n = max(len(s.x) for s in members)
        self.knots = np.full((len(members), n), np.inf)
        self.pieces = np.zeros((len(members), n + 1, 5))
        for f, s in enumerate(members):
            self.knots[f, : len(s.x)] = s.x
            rows = np.column_stack(
                [
                    np.r_[s.x[0], s.x[:-1], s.x[-1]],
                    np.r_[s.y[0], s.y[:-1], s.y[-1]],
                    np.r_[s.b[0], s.b[:-1], s.b[-1]],
                    np.r_[0.0, s.c[:-1], 0.0],
                    np.r_[0.0, s.d[:-1], 0.0],
                ]
            )
            self.pieces[f, : len(rows)] = rows
        self._members = np.arange(len(members))

    def __call__(self, t: NDArray[np.float64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Values and slopes at ``t`` (shape ``(..., 1)`` or ``(..., F)``): each ``(..., F)``."""
        i = np.sum(t[..., None] >= self.knots, axis=-1)  # piece index, 0 = before the first knot
        anchor, y, b, c, d = np.moveaxis(self.pieces[self._members, i], -1, 0)
        h = t - anchor
        return y + h * (b + h * (c + h * d)), b + h * (2.0 * c + 3.0 * h * d)


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
