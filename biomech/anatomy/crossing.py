"""The segment of each path that crosses the hip, with the knee held (numpy only).

With the knee at a given angle, a path's length changes with the hip angles only along
the one straight segment that crosses the hip: from its last point on the pelvis to its
first point below the hip (on the femur, or on the tibia for a path that crosses the
knee too). Everything else is a constant for that knee angle. This splits a length
into that constant and the crossing segment, which is what the lockout solver needs to
find in closed form the hip flexion at which a tight part reaches its limit
(:mod:`biomech.model.geometry_lockout`). The lengths agree with
:func:`~biomech.anatomy.geometry.path_length` (tested).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech.anatomy.knee import check_knee, tibia_pose
from biomech.anatomy.path_lengths import HIP_CENTRE_M
from biomech.anatomy.paths import MusclePath, ligament_paths, muscle_paths

__all__ = ["crossing_segments"]

Array = NDArray[np.float64]


def _polyline(points: Array) -> Array:
    """Length of a chain of points ``(..., K, 3)`` -> ``(...)``."""
    return np.sum(np.linalg.norm(np.diff(points, axis=-2), axis=-1), axis=-1)


def _below_hip(path: MusclePath, knee: Array) -> tuple[Array, Array]:
    """Femur-frame locations ``(N, D, 3)`` of the points below the hip, and whether each
    is on the path at each knee angle ``(N, D)``."""
    distal = [p for p in path.points if p.segment != "pelvis"]
    moving = tuple(p.moving for p in distal if p.moving)
    pose = tibia_pose(knee, moving)
    locations, active = [], []
    k = 0
    for p in distal:
        if p.segment == "femur":
            where = np.broadcast_to(np.asarray(p.location, dtype=float), knee.shape + (3,))
        else:
            local = pose.moving[..., k, :] if p.moving else np.asarray(p.location, dtype=float)
            k += bool(p.moving)
            where = np.einsum("...ij,...j->...i", pose.rotation, np.broadcast_to(local, knee.shape + (3,)))
            where = where + pose.translation
        locations.append(where)
        if p.active and p.active[0] == "knee_flexion":
            active.append((knee >= p.active[1]) & (knee <= p.active[2]))
        else:
            active.append(np.ones(knee.shape, dtype=bool))
    return np.stack(locations, axis=-2), np.stack(active, axis=-1)


def crossing_segments(names: Sequence[str], knee_flexion: ArrayLike) -> dict[str, Array]:
    """Split each path into its hip-crossing segment and a constant, at knee angles.

    Parameters
    ----------
    names
        Muscle parts or ligament bands (:data:`~biomech.anatomy.geometry.PARTS`,
        :data:`~biomech.anatomy.geometry.LIGAMENTS`), ``P`` of them.
    knee_flexion
        Degrees, flexion +, shape ``(N,)`` (or a scalar, read as ``N = 1``).

    Returns
    -------
    dict
        Arrays over ``(N, P)`` (and a last axis of 3 for points), metres:
        ``start_on``, ``start_off``: the hip centre minus the segment's start on the
        pelvis, with the last pelvis point on or off the path (it differs only for a
        point that depends on hip flexion: iliacus and psoas over the pelvic brim);
        ``fixed_on``, ``fixed_off``: the rest of the length; ``active_to``: the hip
        flexion (deg) up to which the "on" case holds (``inf`` for most paths);
        ``distal``: the segment's end in the femur frame.

    Examples
    --------
    >>> seg = crossing_segments(["rect_fem_r"], [0.0, 80.0])
    >>> (1000 * seg["distal"][:, 0, 1]).round(1).tolist()
    [-374.8, -437.0]
    """
    knee = np.atleast_1d(check_knee(knee_flexion)).astype(float)
    if knee.size == 1:  # the usual case (one lockout knee angle): computed once, then cached
        return {k: v.copy() for k, v in _one_knee(tuple(names), float(knee[0])).items()}
    return _segments(tuple(names), knee)


@lru_cache(maxsize=64)
def _one_knee(names: tuple[str, ...], knee: float) -> dict[str, Array]:
    return _segments(names, np.array([knee]))


def _segments(names: tuple[str, ...], knee: Array) -> dict[str, Array]:
    every = {**muscle_paths(), **ligament_paths()}
    centre = np.asarray(HIP_CENTRE_M, dtype=float)
    out: dict[str, list[Array]] = {
        k: [] for k in ("start_on", "start_off", "fixed_on", "fixed_off", "active_to", "distal")
    }
    for name in names:
        path = every[name]
        pelvis = [p for p in path.points if p.segment == "pelvis"]
        last = pelvis[-1]
        conditional = last.active is not None and last.active[0] == "hip_flexion"
        if conditional and np.isfinite(last.active[1]) and last.active[1] > -90.0:  # type: ignore[index]
            raise ValueError(f"{name!r}: a hip-dependent point must be on the path from full extension.")
        on = np.array([p.location for p in pelvis], dtype=float)
        off = on[:-1] if conditional else on
        below, active = _below_hip(path, knee)
        first = np.argmax(active, axis=-1)  # the first point below the hip on the path
        filled = below.copy()
        for d in range(1, below.shape[-2]):  # a point off the path sits on its predecessor
            filled[:, d] = np.where(active[:, d, None], below[:, d], filled[:, d - 1])
        steps = np.linalg.norm(np.diff(filled, axis=-2), axis=-1)  # (N, D - 1)
        after_first = np.arange(1, below.shape[-2])[None, :] > first[:, None]
        rest = np.sum(np.where(after_first, steps, 0.0), axis=-1)
        out["distal"].append(filled[np.arange(knee.size), first])
        out["start_on"].append(np.broadcast_to(centre - on[-1], knee.shape + (3,)))
        out["start_off"].append(np.broadcast_to(centre - off[-1], knee.shape + (3,)))
        out["fixed_on"].append(_polyline(on) + rest)
        out["fixed_off"].append(_polyline(off) + rest)
        out["active_to"].append(np.full(knee.shape, last.active[2] if conditional else np.inf))  # type: ignore[index]
    return {key: np.stack(values, axis=1) for key, values in out.items()}
