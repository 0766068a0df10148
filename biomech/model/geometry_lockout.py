"""The lockout compensation solved on the 3-D muscle geometry (numpy only).

A tight tissue is a set of muscle parts (or ligament bands) of
:mod:`biomech.anatomy.geometry` whose longest allowed length ``L_max`` is its length
where the restriction was measured: hip extended to ``hip_extension_available`` (plus the
part's own ``slack``, 0 unless given, up to 40 deg in all), no rotation, knee at ``test_knee_flexion``. At
lockout the cue asks the hip for ``theta`` degrees of extension (0 for "stand tall",
``squeeze_demand`` for "squeeze glutes"; how the leg and the trunk share it in the room is
the balance's, :mod:`biomech.model.balance`, and does not change the hip angle), the knee
is at ``lockout_knee_flexion``, so with an added anterior pelvic tilt ``alpha`` the hip is
flexed ``alpha - theta``. Let ``alpha(phi) = max(0, theta + H(phi))`` be the least tilt that keeps every
tight part within its limit at hip rotation ``phi``, where ``H(phi)`` is the least hip
flexion that does (:func:`_least_flexion`). Rotation has a price: the body picks the
rotation ``phi`` within its range that minimises the tilt plus ``c`` degrees per degree
turned, ``c = rotation_gain_floor``::

    minimise  alpha(phi) + c |phi|   over phi in [-internal_rotation_range, external_rotation_range]

(ties, and rotation that would save at most 1e-9 deg: the least rotation, 0 first).
Guarantee, from the optimality of ``phi*`` against ``phi = 0`` and against every
rotation further the same way: the tilt saved relative to no rotation is at least
``c |phi*|`` (each degree turned bought at least ``c`` degrees of extension on average),
and no further rotation in the same direction buys more than ``c`` per degree. With
``c = 0`` this is the least tilt, and where rotation alone suffices the least rotation
that does. With a price, the tilt alone need not grow as the hip tightens: rotation past
the point where no tilt is left buys nothing, so a small deficit may not be worth a turn
that a larger one is (adductor longus, for one); the deficit and the cost (tilt plus
price) never fall. The price is the model's assumption (illustrative, :mod:`biomech.parameters`),
not a measurement: that the body does not turn the feet in or out for a degree or two of
tilt follows from it. It acts on this mechanism only: the blog's mechanism
(:mod:`biomech.model.blog_lockout`) is the blog's hypothesis, a linear benefit ``k`` used
until the range runs out, and stays as the blog tells it.

A part whose rotation moment arm at the lockout posture (hip flexion 0, neutral rotation,
the lockout knee) is below ``moment_arm_floor`` has no rotation action by the table's rule
(:mod:`biomech.anatomy.action_rule`), and the solver treats it the same way: its length
limit is read at neutral rotation whatever the rotation, so turning the hip neither
slackens nor tightens it. In gait2392 this holds for iliacus, psoas, rectus femoris,
pectineus and adductor brevis (3-4, 1.7, 2.2 and 3.1 mm). The gain floor alone would not
exclude all of them: a moment arm is an absolute size, the gain a ratio of two, and
adductor brevis' small flexion moment arm (10 mm) makes its 3 mm of rotation buy up to
0.7 deg per degree in the geometry. With ``moment_arm_floor = 0`` every part turns.

Constraint, for every tight part ``i``: ``L_i(alpha - theta, phi, knee) <= L_max,i``. A
tight part restricts extension: each part gives the least hip flexion at which it is
within its limit, and a part that turns into an extensor further into flexion (in
gait2392 adductor brevis, beyond about 25 deg) is not made to limit flexion too; its
limit is its shortest length on the way to the test posture
(:func:`~biomech.model.length_limits.length_limits`). For
one part, a straight segment crosses the hip, so the least hip flexion that keeps it
within its limit at a given rotation has a closed form (:func:`_least_flexion`); the
rotation is found on a grid refined by zooming in (exact to below 1e-3 deg of rotation
for the objective above, up to a second minimum narrower than the first grid's step,
about 2 deg). Lumbar extension equals the tilt (the trunk is brought back over the tilted pelvis).

The per-part length limits and rotation moment arms are :mod:`biomech.model.length_limits`
(re-exported here); this module is the solver: the closed form, the problem's constants and
the rotation search with its price.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from biomech.anatomy.crossing import crossing_segments
from biomech.model.length_limits import SLOPE_STEP_DEG, length_limits, limits_with_slack, rotation_moment_arms

__all__ = ["length_limits", "rotation_moment_arms", "solve_lockout"]  # the first two from model.length_limits

Array = NDArray[np.float64]
_GRID_HALF = 16  # grid points on each side of neutral rotation on the first level
_ZOOM_HALF = 5  # points on each side of the pick on a refining level
_LEVELS = 6  # zoom levels: the last grid's step is below 1e-3 deg
_ZOOM_STEPS = np.linspace(0.0, 1.0, _ZOOM_HALF + 1)[None, :]
_NEEDED_LIMIT_DEG = 90.0  # rotation_needed is searched up to this rotation
_AT_LIMIT_DEG = 2e-3  # a part whose least hip flexion is this close to the posture's is "binding"
_GAIN_DEG = 1e-9  # rotation is used only if it saves more tilt (net of its price) than this
_TINY_RANGE_DEG = 1e-6  # a rotation range below this is none
_SEARCH_TOL_DEG = 1e-3  # the rotation searches' accuracy in cost: rotation alone is kept unless beaten by more
_SHORTEST_RATIO = 1e-13  # a part limited at its shortest within this of it is at it (the limit's rounding,
# which arccos near -1 would turn into 1e-6 deg of flexion)
_BEYOND_WEIGHT = 1e6  # cost per degree of tilt beyond the limit: first the least tilt beyond it (lexicographic)


def _constants(
    seg: dict[str, Array], limit: Array, reference: Array, start: str, fixed: str, shortest: NDArray[np.bool_]
) -> dict[str, Array]:
    """What :func:`_least_flexion` needs that does not depend on the rotation, ``(N, 1, P)``.

    With the hip adducted 0, a distal point ``p`` rotated by ``r`` about the femur's axis
    and flexed by ``h`` gives ``|w + Rz(h) q|^2 = |p|^2 + |w|^2 + 2 w_z q_z + 2 (A cos h +
    B sin h)`` with ``q = Ry(r) p`` (``q_y = p_y``, ``|q| = |p|``), so the length limit is
    ``R0 cos(h - psi) <= E``; ``e0`` is ``E`` without its rotation term ``-w_z q_z``.
    A part limited at its shortest (``shortest``) that cannot get that short at another
    rotation is taken at its shortest there (``saturate``), not as impossible.
    """
    p, w = seg["distal"][:, None], seg[start][:, None]  # (N, 1, P, 3): distal point; hip centre - start
    span = (limit - seg[fixed])[:, None]
    e0 = (np.maximum(span, 0.0) ** 2 - np.sum(p * p, axis=-1) - np.sum(w * w, axis=-1)) / 2.0
    return {
        "px": p[..., 0],
        "py": p[..., 1],
        "pz": p[..., 2],
        "wx": w[..., 0],
        "wy": w[..., 1],
        "wz": w[..., 2],
        "e0": np.where(span > 0, e0, -np.inf),
        "ref": np.radians(reference)[:, None],
        "saturate": shortest[:, None],
    }


def _branch(k: dict[str, Array], c: Array, s: Array) -> Array:
    """Least hip flexion (deg) for one set of segment constants at rotation cosines/sines."""
    qx = c * k["px"] + s * k["pz"]
    qz = c * k["pz"] - s * k["px"]
    a = k["wx"] * qx + k["wy"] * k["py"]
    b = k["wy"] * qx - k["wx"] * k["py"]
    ratio = (k["e0"] - k["wz"] * qz) / np.hypot(a, b)
    ratio = np.where(np.logical_and(k["saturate"], ratio < -1.0 + _SHORTEST_RATIO), -1.0, ratio)
    h = np.arctan2(b, a) + np.arccos(np.clip(ratio, -1.0, 1.0))
    h = k["ref"] + np.mod(h - k["ref"] + np.pi, 2.0 * np.pi) - np.pi
    return np.degrees(np.where(ratio >= 1.0, -np.inf, np.where(ratio < -1.0 - 1e-9, np.inf, h)))  # -1: a minimum


def _least_flexion(
    k: dict[str, dict[str, Array]],
    conditional: NDArray[np.intp],
    switch: Array,
    rotation_deg: Array,
    frozen: NDArray[np.bool_] | None = None,
) -> Array:
    """Least hip flexion (deg) at which each part is within its length limit, ``(N, K, P)``.

    ``k["on"]`` and ``k["off"]`` are :func:`_constants` with the hip-dependent point on the
    path, and off (for the ``conditional`` parts only, past ``switch`` deg of flexion);
    ``rotation_deg`` (external +) is ``(N, K)``. The solution is taken on the branch where
    the part shortens as the hip flexes, nearest the posture where it reached its limit;
    ``-inf`` where the part is always within its limit, ``+inf`` where never. A ``frozen``
    part (``(N, 1, P)``: rotation moment arm below the floor) is taken at neutral rotation.
    """
    r = np.radians(-rotation_deg)[..., None]  # geometry: internal +
    if frozen is not None:
        r = np.where(frozen, 0.0, r)  # (N, K, P)
    c, s = np.cos(r), np.sin(r)
    on = _branch(k["on"], c, s)
    if conditional.size:
        if c.shape[-1] > 1:
            c, s = c[..., conditional], s[..., conditional]
        off = _branch(k["off"], c, s)
        part = on[..., conditional]
        on[..., conditional] = np.where(part <= switch, part, np.maximum(off, switch))
    return on


class _Problem:
    """One batch of states: the tight parts' limits and the lockout posture."""

    def __init__(
        self,
        parts: tuple[str, ...],
        available: Array,
        theta: Array,
        test_knee: Array,
        lockout_knee: Array,
        slack: Array | None = None,
        frozen: NDArray[np.bool_] | None = None,
    ) -> None:
        self.parts = parts
        self.theta = theta
        self.frozen = frozen[:, None, :] if frozen is not None and np.any(frozen) else None  # (N, 1, P)
        self.limit, shortest_at, measured = limits_with_slack(parts, available, slack, test_knee)  # (N, P)
        knees, which = np.unique(lockout_knee, return_inverse=True)  # usually one knee angle
        seg = {k: v[which.reshape(-1)] for k, v in crossing_segments(parts, knees).items()}
        self.conditional = np.flatnonzero(np.isfinite(seg["active_to"][0]))
        c = self.conditional
        off = {key: v[:, c] for key, v in seg.items()}
        self.switch = seg["active_to"][:, None][..., c]
        shortest = shortest_at != measured
        self.k = {
            "on": _constants(seg, self.limit, shortest_at, "start_on", "fixed_on", shortest),
            "off": _constants(off, self.limit[:, c], shortest_at[:, c], "start_off", "fixed_off", shortest[:, c]),
        }

    def rows(self, index: NDArray[np.intp]) -> _Problem:
        """The same problem for some of its states."""
        new = object.__new__(_Problem)
        new.parts, new.theta, new.limit = self.parts, self.theta[index], self.limit[index]
        new.conditional, new.switch = self.conditional, self.switch[index]
        new.frozen = None if self.frozen is None else self.frozen[index]
        new.k = {b: {key: v[index] for key, v in k.items()} for b, k in self.k.items()}
        return new

    def flexion(self, rotation: Array) -> tuple[Array, Array]:
        """Least hip flexion over all parts, ``(N, K)``, and per part ``(N, K, P)``."""
        each = _least_flexion(self.k, self.conditional, self.switch, rotation, self.frozen)
        return np.max(each, axis=-1), each

    def tilt_excess(self, rotation: Array) -> Array:
        """``theta + H(phi)``: the tilt needed (may be negative: slack to spare)."""
        return self.theta[:, None] + self.flexion(rotation)[0]


def _grid(low: Array, high: Array, half: int = _GRID_HALF) -> Array:
    """Rotations from ``-low`` to ``high`` with neutral exactly on the grid, ``(N, 2 half + 1)``."""
    u = np.linspace(0.0, 1.0, half + 1)
    low, high = (np.where(v < _TINY_RANGE_DEG, 0.0, v) for v in (low, high))  # a side of no range: one point
    return np.concatenate([-low[:, None] * u[::-1][None, :-1], high[:, None] * u[None, :]], axis=1)


def _zoom(
    problem: _Problem,
    rotation: Array,
    pick: str,
    active: NDArray[np.bool_],
    gain: Array | None = None,
    cap: Array | None = None,
) -> tuple[Array, Array]:
    """Refine a grid search by zooming: each level lays a finer grid over the two cells
    around the point picked on the last one.

    ``pick="min"``: the rotation of least ``max(0, tilt) + gain |rotation|`` (``gain``
    ``(N,)``, default 0; ties: least rotation), with the tilt beyond ``cap`` (``(N,)``, if
    given) weighed first (:data:`_BEYOND_WEIGHT` per degree);
    ``pick="root"``: the rotation of least magnitude with no tilt needed (the grid must
    contain 0, where tilt is needed). Returns the rotation and its tilt excess, ``(N,)``;
    for ``"root"`` NaN where no grid point works. Only the ``active`` states are searched
    (NaN and inf for the others).
    """
    n = rotation.shape[0]
    best_all, value_all = np.full(n, np.nan), np.full(n, np.inf)
    index_rows = np.flatnonzero(active)
    if index_rows.size == 0:
        return best_all, value_all
    problem, rotation = problem.rows(index_rows), rotation[index_rows]
    price = (0.0 if gain is None else gain[index_rows, None]) + 1e-12  # per degree turned; ties: least
    limit = np.inf if cap is None else cap[index_rows, None]
    rows = np.arange(rotation.shape[0])
    found = np.ones(rotation.shape[0], dtype=bool)
    for level in range(_LEVELS):
        excess = problem.tilt_excess(rotation)
        if pick == "min":
            with np.errstate(invalid="ignore"):  # inf - inf: no limit and a part never within its limit
                beyond = np.nan_to_num(_BEYOND_WEIGHT * np.maximum(excess - limit, 0.0), nan=0.0)
            index = np.argmin(beyond + np.maximum(excess, 0.0) + price * np.abs(rotation), axis=1)
        else:
            ok = excess <= 0.0
            if level == 0:
                found = np.any(ok, axis=1)
            index = np.argmin(np.where(ok, np.abs(rotation), np.inf), axis=1)
        best, value = rotation[rows, index], excess[rows, index]
        if level == _LEVELS - 1:
            break
        below = np.where(rotation < best[:, None], rotation, -np.inf)  # the nearest distinct neighbours
        above = np.where(rotation > best[:, None], rotation, np.inf)
        lo = np.where(np.isfinite(np.max(below, axis=1)), np.max(below, axis=1), best)
        hi = np.where(np.isfinite(np.min(above, axis=1)), np.min(above, axis=1), best)
        u = _ZOOM_STEPS
        rotation = np.concatenate(
            [lo[:, None] + (best - lo)[:, None] * u[:, :-1], best[:, None] + (hi - best)[:, None] * u], axis=1
        )
    if pick == "root":
        best = np.where(found, best, np.nan)
    best_all[index_rows], value_all[index_rows] = best, value
    return best_all, value_all


def _frozen_tilt(problem: _Problem, theta: Array, frozen: NDArray[np.bool_] | None, rows: NDArray[np.bool_]) -> Array:
    """The tilt the frozen parts alone need (deg, ``(N,)``; ``-inf`` without frozen parts, or outside ``rows``).

    A frozen part keeps its least hip flexion at every rotation, so this bounds the tilt
    needed from below at every rotation the searches try: :func:`solve_lockout` leaves out
    of a search the states whose answer the bound already gives (the same answer, with no
    search: tests/model/test_geometry_lockout.py compares the two).
    """
    fixed = np.full(theta.shape[0], -np.inf)
    if frozen is None or not np.any(frozen & rows[:, None]):
        return fixed
    each = problem.flexion(np.zeros((theta.shape[0], 1)))[1][:, 0]
    with np.errstate(invalid="ignore"):
        return np.where(rows, theta + np.max(np.where(frozen, each, -np.inf), axis=1), fixed)


def solve_lockout(
    parts: tuple[str, ...],
    available: Array,
    theta: Array,
    external_range: Array,
    internal_range: Array,
    test_knee: Array,
    lockout_knee: Array,
    *,
    gain_floor: Array | None = None,
    arm_floor_mm: Array | None = None,
    slack: Array | None = None,
    tilt_limit: Array | None = None,
) -> dict[str, Array]:
    """Solve the lockout for 1-D arrays of states (validated, broadcast, degrees).

    ``gain_floor`` is ``rotation_gain_floor`` (deg/deg), ``arm_floor_mm`` is
    ``moment_arm_floor`` (mm), each ``(N,)`` (default 0: every rotation that lowers the
    tilt is taken, every part turns); ``slack`` is ``(N, P)`` deg per part (default 0);
    ``tilt_limit`` ``(N,)`` is the most tilt the compensation may add (default none).

    With a limit the objective is lexicographic: first the least tilt beyond the limit
    (every rotation in the range that lowers it is used, whatever its price), then, as
    without a limit, the tilt plus the price of the rotation. The tilt is then capped at
    the limit, and what is left is the ``shortfall``: the hip extension the lockout stays
    short by (``tilt needed - limit``, 0 within the limit).

    Returns ``deficit``, ``rotation_used`` (external +), ``rotation_needed``, ``pelvic_tilt``
    (capped), ``shortfall``, ``rotation_benefit`` (first-order, near neutral rotation) and
    ``binding`` (part names at their limit, comma-separated), each shape ``(N,)``.
    """
    n = available.shape[0]
    gain = np.zeros(n) if gain_floor is None else gain_floor
    frozen = None
    if arm_floor_mm is not None:
        frozen = np.abs(rotation_moment_arms(parts, lockout_knee)) < arm_floor_mm[:, None]
    problem = _Problem(parts, available, theta, test_knee, lockout_knee, slack, frozen)
    step = np.array([-SLOPE_STEP_DEG, 0.0, SLOPE_STEP_DEG])
    near = problem.tilt_excess(np.broadcast_to(step, (n, 3)))
    excess0 = near[:, 1]
    short = excess0 > _GAIN_DEG  # a rounding-level shortfall is none
    deficit = np.where(short, excess0, 0.0)
    with np.errstate(invalid="ignore"):  # -inf - -inf where the tissue is slack everywhere near neutral
        slopes = (excess0[:, None] - near[:, [0, 2]]) / SLOPE_STEP_DEG
    benefit = np.where(
        short, np.maximum(0.0, np.nanmax(np.nan_to_num(slopes, nan=0.0, posinf=0.0, neginf=0.0), axis=1)), 0.0
    )

    # the least rotation that makes up the deficit alone, searched beyond the hip's range
    # (not where every part is frozen: rotation changes nothing there)
    turns = short if frozen is None else short & ~np.all(frozen, axis=1)
    # where the frozen parts alone need tilt, no rotation makes up the deficit alone (the
    # search would find none); where they need the tilt needed at neutral, no rotation costs
    # less than none (the search could not beat it): those states are not searched
    fixed = _frozen_tilt(problem, theta, frozen, turns)
    wide = np.full(n, _NEEDED_LIMIT_DEG)
    needed, _ = _zoom(problem, _grid(wide, wide), "root", turns & ~(fixed > _GAIN_DEG))
    reachable = np.isfinite(needed)
    rotation_needed = np.where(short, np.where(reachable, needed, np.inf), 0.0)
    in_range = reachable & (needed >= -internal_range) & (needed <= external_range)
    # candidates, by their cost (tilt + gain |rotation|): no rotation, then that least rotation
    with np.errstate(invalid="ignore"):
        root_cost = np.where(in_range, gain * np.abs(np.nan_to_num(needed)), np.inf)
    use_root = short & (root_cost < excess0 - _GAIN_DEG)
    rotation_used = np.where(use_root, needed, 0.0)
    tilt = np.where(short & ~use_root, excess0, 0.0)
    cost = np.where(use_root, root_cost, excess0)

    # then the rotation within the range of least cost, if it costs less (with no price and
    # the least rotation in range, nothing can; both searches stop within 1e-3 deg of the
    # root, one either side, so rotation alone is kept unless beaten by more than that)
    rest = turns & ~(use_root & (gain <= 0.0)) & ~(fixed >= excess0)
    if np.any(rest):
        pick, value = _zoom(problem, _grid(internal_range, external_range), "min", rest, gain)
        value = np.maximum(0.0, value)
        margin = np.where(use_root, _SEARCH_TOL_DEG, _GAIN_DEG)
        better = rest & (value + gain * np.abs(np.nan_to_num(pick)) < cost - margin)
        rotation_used = np.where(better, pick, rotation_used)
        tilt = np.where(better, value, tilt)

    # the tilt beyond the limit first: where the priced answer goes beyond it, search the range
    # again with that tilt weighed first, and keep what is lexicographically better
    limit = np.full(n, np.inf) if tilt_limit is None else np.asarray(tilt_limit, dtype=float)
    over = turns & (tilt > limit + _GAIN_DEG) & ~(fixed >= excess0)
    if np.any(over):
        pick, value = _zoom(problem, _grid(internal_range, external_range), "min", over, gain, cap=limit)
        value = np.maximum(0.0, value)
        with np.errstate(invalid="ignore"):
            now, new = np.maximum(tilt - limit, 0.0), np.maximum(value - limit, 0.0)
            cheaper = value + gain * np.abs(np.nan_to_num(pick)) < tilt + gain * np.abs(rotation_used) - _GAIN_DEG
            better = over & ((new < now - _SEARCH_TOL_DEG) | ((new <= now + _SEARCH_TOL_DEG) & cheaper))
        rotation_used = np.where(better, pick, rotation_used)
        tilt = np.where(better, value, tilt)

    final, each = problem.flexion(rotation_used[:, None])
    reached = np.maximum(final[:, 0], tilt - theta)  # the hip flexion of the lockout posture
    with np.errstate(invalid="ignore"):  # -inf - -inf: a part slack everywhere
        at_limit = (np.abs(each[:, 0] - reached[:, None]) < _AT_LIMIT_DEG) & short[:, None]
    binding = np.array([", ".join(p for p, hit in zip(parts, row, strict=False) if hit) for row in at_limit], dtype=str)
    return {
        "deficit": deficit,
        "rotation_used": rotation_used,
        "rotation_needed": rotation_needed,
        "pelvic_tilt": np.minimum(tilt, limit),
        "shortfall": np.where(tilt > limit + _GAIN_DEG, tilt - limit, 0.0),
        "rotation_benefit": benefit,
        "binding": binding,
    }
