"""The lockout compensation solved on the 3-D muscle geometry (numpy only).

A tight tissue is a set of muscle parts (or ligament bands) of
:mod:`biomech.anatomy.geometry` whose longest allowed length ``L_max`` is its length
where the restriction was measured: hip extended to ``hip_extension_available``, no
rotation, knee at ``test_knee_flexion``. At lockout the thigh leans forward by ``theta``
(0 for "stand tall", ``squeeze_demand`` for "squeeze glutes": hips through), the knee is
at ``lockout_knee_flexion`` and the trunk is upright, so with an added anterior pelvic
tilt ``alpha`` the hip is flexed ``alpha - theta``. The body picks the hip rotation
``phi`` within its range that needs the least ``alpha`` with every tight part within its
limit::

    minimise alpha >= 0 over phi in [-internal_rotation_range, external_rotation_range]
    such that L_i(alpha - theta, phi, knee) <= L_max,i for every tight part i

Rotation is used only where it lowers the tilt (or, when rotation alone suffices, the
least rotation that does). For one part, a straight segment crosses the hip, so the
least hip flexion that keeps it within its limit at a given rotation has a closed form
(:func:`_least_flexion`); the rotation is found on a grid, refined by golden-section
search or bisection. Lumbar extension equals the tilt (the trunk stays upright).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from biomech.anatomy.geometry import crossing_segments, path_length

__all__ = ["solve_lockout"]

Array = NDArray[np.float64]
_GRID_HALF = 16  # grid points on each side of neutral rotation
_REFINE = 40  # golden-section or bisection steps
_NEEDED_LIMIT_DEG = 90.0  # rotation_needed is searched up to this rotation
_SLOPE_STEP_DEG = 0.01  # for the first-order rotation benefit


def _least_flexion(seg: dict[str, Array], limit: Array, rotation_deg: Array, reference: Array) -> Array:
    """Least hip flexion (deg) at which each part is within its length limit.

    ``seg`` holds, per state and part (shape ``(N, P)``), the crossing segment of
    :func:`~biomech.anatomy.geometry.crossing_segments`; ``limit`` is ``(N, P)``,
    ``rotation_deg`` (external +) is ``(N, K)``, ``reference`` (deg, ``(N, P)``) picks the
    branch of the solution (a posture where the part is at its limit). Returns
    ``(N, K, P)``; ``-inf`` where the part is always within its limit, ``+inf`` where never.
    """
    r = np.radians(-rotation_deg)[..., None]  # geometry: internal +
    c, s = np.cos(r), np.sin(r)

    def branch(start: str, fixed: str) -> Array:
        p = seg["distal"][:, None]  # (N, 1, P, 3)
        qx = c * p[..., 0] + s * p[..., 2]
        qy = np.broadcast_to(p[..., 1], qx.shape)
        qz = -s * p[..., 0] + c * p[..., 2]
        w = seg[start][:, None]  # hip centre minus the segment's start, (N, 1, P, 3)
        k = qx**2 + qy**2 + qz**2 + np.sum(w * w, axis=-1) + 2.0 * w[..., 2] * qz
        a = w[..., 0] * qx + w[..., 1] * qy
        b = w[..., 1] * qx - w[..., 0] * qy
        span = (limit - seg[fixed])[:, None]
        e = (np.where(span > 0, span, 0.0) ** 2 - k) / 2.0
        r0 = np.hypot(a, b)
        ratio = np.where(span > 0, e / r0, -np.inf)
        h = np.arctan2(b, a) + np.arccos(np.clip(ratio, -1.0, 1.0))
        ref = np.radians(reference)[:, None]
        h = ref + np.mod(h - ref + np.pi, 2.0 * np.pi) - np.pi
        h = np.where(ratio >= 1.0, -np.inf, np.where(ratio < -1.0, np.inf, h))
        return np.degrees(h)

    on = branch("start_on", "fixed_on")
    off = branch("start_off", "fixed_off")
    hi = seg["active_to"][:, None]
    return np.where(on <= hi, on, np.maximum(off, hi))


class _Problem:
    """One batch of states: the tight parts' limits and the lockout posture."""

    def __init__(self, parts: tuple[str, ...], available: Array, theta: Array, test_knee: Array,
                 lockout_knee: Array) -> None:
        self.parts = parts
        self.theta = theta
        self.limit = path_length(parts, hip_flexion=-available, knee_flexion=test_knee)  # (N, P)
        self.seg = crossing_segments(parts, lockout_knee)
        self.reference = np.broadcast_to(-available[:, None], self.limit.shape)

    def flexion(self, rotation: Array) -> tuple[Array, Array]:
        """Least hip flexion over all parts, ``(N, K)``, and per part ``(N, K, P)``."""
        each = _least_flexion(self.seg, self.limit, rotation, self.reference)
        return np.max(each, axis=-1), each

    def tilt_excess(self, rotation: Array) -> Array:
        """``theta + H(phi)``: the tilt needed (may be negative: slack to spare)."""
        return self.theta[:, None] + self.flexion(rotation)[0]


def _grid(low: Array, high: Array) -> Array:
    """Rotations from ``-low`` to ``high`` with neutral exactly on the grid, ``(N, 2G+1)``."""
    u = np.linspace(0.0, 1.0, _GRID_HALF + 1)
    return np.concatenate([-low[:, None] * u[::-1][None, :-1], high[:, None] * u[None, :]], axis=1)


def _golden(problem: _Problem, a: Array, b: Array) -> Array:
    """Golden-section search for the least tilt on ``[a, b]`` per state."""
    ratio = (np.sqrt(5.0) - 1.0) / 2.0
    c, d = b - ratio * (b - a), a + ratio * (b - a)
    fc, fd = problem.tilt_excess(c[:, None])[:, 0], problem.tilt_excess(d[:, None])[:, 0]
    for _ in range(_REFINE):
        left = fc <= fd
        b, a = np.where(left, d, b), np.where(left, a, c)
        d2, c2 = np.where(left, c, a + ratio * (b - a)), np.where(left, b - ratio * (b - a), d)
        fnew = problem.tilt_excess(np.where(left, c2, d2)[:, None])[:, 0]
        fd, fc = np.where(left, fc, fnew), np.where(left, fnew, fd)
        c, d = c2, d2
    return (a + b) / 2.0


def _least_rotation(problem: _Problem, rotation: Array, excess: Array) -> tuple[Array, Array]:
    """The rotation of least magnitude where the tilt needed is <= 0, refined by bisection.

    ``rotation`` and ``excess`` are a grid ``(N, K)`` containing 0. Returns the rotation
    (NaN where none on the grid works) and whether one was found.
    """
    ok = excess <= 0.0
    found = np.any(ok, axis=1)
    magnitude = np.where(ok, np.abs(rotation), np.inf)
    index = np.argmin(magnitude, axis=1)
    rows = np.arange(rotation.shape[0])
    feasible = rotation[rows, index]
    toward = np.clip(index - np.sign(feasible).astype(int), 0, rotation.shape[1] - 1)
    infeasible = rotation[rows, toward]
    for _ in range(_REFINE):
        middle = (feasible + infeasible) / 2.0
        good = problem.tilt_excess(middle[:, None])[:, 0] <= 0.0
        feasible, infeasible = np.where(good, middle, feasible), np.where(good, infeasible, middle)
    return np.where(found, feasible, np.nan), found


def solve_lockout(
    parts: tuple[str, ...], available: Array, theta: Array, external_range: Array, internal_range: Array,
    test_knee: Array, lockout_knee: Array,
) -> dict[str, Array]:
    """Solve the lockout for 1-D arrays of states (validated, broadcast, degrees).

    Returns ``deficit``, ``rotation_used`` (external +), ``rotation_needed``, ``pelvic_tilt``,
    ``rotation_benefit`` (first-order, near neutral rotation) and ``binding`` (part names
    at their limit, comma-separated), each shape ``(N,)``.
    """
    problem = _Problem(parts, available, theta, test_knee, lockout_knee)
    n = available.shape[0]
    zero = np.zeros((n, 1))
    excess0 = problem.tilt_excess(zero)[:, 0]
    deficit = np.maximum(0.0, excess0)

    rotation = _grid(internal_range, external_range)
    excess = problem.tilt_excess(rotation)
    rotation_used = np.zeros(n)
    tilt = np.maximum(0.0, excess0)

    # rotation alone suffices: the least rotation that does
    least, found = _least_rotation(problem, rotation, excess)
    alone = (excess0 > 0.0) & found
    rotation_used = np.where(alone, least, rotation_used)
    tilt = np.where(alone, 0.0, tilt)

    # otherwise the rotation that needs the least tilt, if it needs less than none
    rest = (excess0 > 0.0) & ~found
    if np.any(rest):
        k = rotation.shape[1]
        best = np.argmin(excess + 1e-12 * np.abs(rotation), axis=1)
        rows = np.arange(n)
        a = rotation[rows, np.clip(best - 1, 0, k - 1)]
        b = rotation[rows, np.clip(best + 1, 0, k - 1)]
        refined = _golden(problem, a, b)
        grid_best = rotation[rows, best]
        candidates = np.stack([np.zeros(n), grid_best, refined], axis=1)
        values = problem.tilt_excess(candidates) + 1e-12 * np.abs(candidates)
        pick = candidates[rows, np.argmin(values, axis=1)]
        rotation_used = np.where(rest, pick, rotation_used)
        tilt = np.where(rest, np.maximum(0.0, problem.tilt_excess(pick[:, None])[:, 0]), tilt)

    # the rotation that would make up the deficit alone, searched beyond the hip's range
    wide = _grid(np.full(n, _NEEDED_LIMIT_DEG), np.full(n, _NEEDED_LIMIT_DEG))
    needed, reachable = _least_rotation(problem, wide, problem.tilt_excess(wide))
    rotation_needed = np.where(excess0 <= 0.0, 0.0, np.where(reachable, needed, np.inf))

    # first-order benefit: extension bought per degree of rotation near neutral
    step = np.array([[-_SLOPE_STEP_DEG, _SLOPE_STEP_DEG]])
    slopes = (excess0[:, None] - problem.tilt_excess(np.broadcast_to(step, (n, 2)))) / _SLOPE_STEP_DEG
    benefit = np.maximum(0.0, np.max(slopes, axis=1))

    final, each = problem.flexion(rotation_used[:, None])
    at_limit = (np.abs(each[:, 0] - final) < 1e-9) & ((deficit > 0.0)[:, None])
    binding = np.array([", ".join(p for p, hit in zip(parts, row) if hit) for row in at_limit], dtype=str)
    return {
        "deficit": deficit, "rotation_used": rotation_used, "rotation_needed": rotation_needed,
        "pelvic_tilt": tilt, "rotation_benefit": benefit, "binding": binding,
    }
