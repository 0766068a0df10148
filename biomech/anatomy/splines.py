"""Interpolating cubic splines in OpenSim's ``SimmSpline`` form, one at a time or several together.

:class:`Spline` is OpenSim's ``SimmSpline``: the interpolating cubic spline with the end
conditions of Forsythe, Malcolm & Moler (the third derivative at each end equals that of the
cubic through the four nearest knots; not the natural spline's zero curvature), extended
linearly beyond the end knots; two knots give a straight line. The natural spline is
available (``ends="natural"``) for comparison. :class:`SplineSet` evaluates several splines
at the same abscissae in one table lookup. The knee's splines (:mod:`biomech.anatomy.knee`)
use them.

References
----------
Forsythe GE, Malcolm MA, Moler CB (1977). Computer Methods for Mathematical
Computations. Prentice-Hall, ch. 4 (routine SPLINE).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, cast

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["Spline", "SplineSet"]


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
