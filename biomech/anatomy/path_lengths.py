"""The muscle paths compiled into arrays and their lengths computed in one vectorised pass (numpy only).

The machinery behind :func:`biomech.anatomy.geometry.muscle_length`,
:func:`~biomech.anatomy.geometry.moment_arms` and :func:`~biomech.anatomy.geometry.path_length`:
each set of paths (gait2392 muscle parts and ligament bands, :mod:`biomech.anatomy.paths`) is
compiled once into points by bone, the segments whose length varies and the constant part of
each length; :func:`stacked_lengths` poses them at the hip and knee angles (the knee through
:func:`biomech.anatomy.knee.tibia_pose`) and returns the lengths and, if asked, their
derivatives. The angles are checked by the callers in :mod:`biomech.anatomy.geometry`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from numpy.typing import NDArray

from biomech.anatomy.knee import joint_frame, tibia_pose
from biomech.anatomy.paths import COORDINATES, MusclePath, ligament_paths, muscle_paths

__all__ = ["HIP_CENTRE_M", "stacked_lengths"]


def _hip_centre() -> tuple[float, float, float]:
    x, y, z = (float(v) for v in joint_frame("hip_r", "parent")[1])
    return x, y, z


HIP_CENTRE_M: tuple[float, float, float] = _hip_centre()
"""Right hip joint centre in the pelvis frame, m: gait2392's ``hip_r`` parent frame in the
pelvis, read from ``biomech/data/joint_frames.csv`` (Delp et al. 1990); the one place the
code holds it (:mod:`biomech.scene.bones` draws the hip there)."""


@dataclass(frozen=True)
class _Compiled:
    """Paths as arrays: the points by bone, the segments whose length varies, the
    conditional points and the constant part of each length."""

    pelvis: NDArray[np.float64]  # (3, P) from the hip centre, coordinates first
    femur: NDArray[np.float64]
    tibia: NDArray[np.float64]
    moving: tuple[str, ...]
    sizes: tuple[int, ...]  # where each bone's points start, and the total
    start: NDArray[np.intp]  # per varying segment, its first and last point
    end: NDArray[np.intp]
    incidence: NDArray[np.float64]  # (segments, paths)
    fixed: NDArray[np.float64]
    conditional: tuple[tuple[int, int], ...]  # (point, the point before it)
    coordinate: NDArray[np.intp]
    bounds: NDArray[np.float64]


@cache
def _compiled(names: tuple[str, ...]) -> _Compiled:
    every = {**muscle_paths(), **ligament_paths()}
    keys: dict[object, int] = {}  # a point's identity -> its index in its bone's list
    bones: dict[str, list] = {"pelvis": [], "femur": [], "tibia": [], "moving": []}

    def index(path: MusclePath, i: int) -> tuple[str, int]:
        p = path.points[i]
        bone = "moving" if p.moving else p.segment
        key = (path.part, i)
        if key not in keys:
            keys[key] = len(bones[bone])
            bones[bone].append(p.moving or p.location)
        return bone, keys[key]

    segments, conditional, fixed = [], [], np.zeros(len(names))
    for m, name in enumerate(names):
        path = every[name]
        for i, (a, b) in enumerate(zip(path.points, path.points[1:], strict=False)):
            # a point has no location exactly when it is moving (paths.PathPoint)
            if (
                a.segment == b.segment
                and a.location is not None
                and b.location is not None
                and not (a.active or b.active)
            ):
                fixed[m] += float(np.linalg.norm(b.location - a.location))
            else:
                segments.append((index(path, i), index(path, i + 1), m))
        for i, p in enumerate(path.points):
            if p.active:  # never at an end, never next to another (paths.parse_paths)
                coordinate, low, high = p.active
                conditional.append((index(path, i), index(path, i - 1), COORDINATES.index(coordinate), low, high))
    sizes = tuple(int(v) for v in np.cumsum([0] + [len(v) for v in bones.values()]))
    offsets = dict(zip(bones, sizes, strict=False))

    def flat(ref: tuple[str, int]) -> int:
        return int(offsets[ref[0]] + ref[1])

    incidence = np.zeros((len(segments), len(names)))
    incidence[np.arange(len(segments)), [s[2] for s in segments]] = 1.0
    arrays = {b: np.array(bones[b], dtype=float).reshape(-1, 3) for b in ("pelvis", "femur", "tibia")}
    arrays["pelvis"] = arrays["pelvis"].T - np.asarray(HIP_CENTRE_M)[:, None]
    return _Compiled(
        **arrays,
        moving=tuple(bones["moving"]),
        sizes=sizes,
        start=np.array([flat(s[0]) for s in segments], dtype=np.intp),
        end=np.array([flat(s[1]) for s in segments], dtype=np.intp),
        incidence=incidence,
        fixed=fixed,
        conditional=tuple((flat(c[0]), flat(c[1])) for c in conditional),
        coordinate=np.array([c[2] for c in conditional], dtype=np.intp),
        bounds=np.array([c[3:] for c in conditional], dtype=float).reshape(-1, 2),
    )


def _rotation(f: NDArray, a: NDArray, r: NDArray) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Return ``R = Rz(f) Rx(a) Ry(r)`` (angles in deg), shape ``(..., 3, 3)``, and the
    three rotation axes in the pelvis frame, shape ``(..., 3, 3)`` (rows: flexion axis z,
    adduction axis ``Rz x``, rotation axis ``R y``, the femur's long axis)."""
    cf, sf, ca, sa, cr, sr = (g(np.radians(v)) for v in (f, a, r) for g in (np.cos, np.sin))
    zero, one = np.zeros_like(cf), np.ones_like(cf)
    c0, c1, c2 = (np.stack(v, axis=-1) for v in ((cf, sf, zero), (-sf * ca, cf * ca, sa), (sf * sa, -cf * sa, ca)))
    rotation = np.stack([cr[..., None] * c0 - sr[..., None] * c2, c1, sr[..., None] * c0 + cr[..., None] * c2], axis=-1)
    return rotation, np.stack([np.stack([zero, zero, one], axis=-1), c0, c1], axis=-2)


def _cross(w: NDArray, v: NDArray) -> NDArray[np.float64]:
    """``w x v`` along axis -2 (coordinates before points), broadcasting."""
    return np.stack(
        [
            w[..., 1, :] * v[..., 2, :] - w[..., 2, :] * v[..., 1, :],
            w[..., 2, :] * v[..., 0, :] - w[..., 0, :] * v[..., 2, :],
            w[..., 0, :] * v[..., 1, :] - w[..., 1, :] * v[..., 0, :],
        ],
        axis=-2,
    )


def stacked_lengths(names: tuple[str, ...], angles: Sequence[NDArray], derivatives: bool) -> NDArray[np.float64]:
    """Stack the length of every named path and, if asked, dL/dq for the three hip
    angles and knee flexion (rad). Returns shape ``(1, ..., M)`` or ``(5, ..., M)``."""
    f, a, r, k = angles
    c = _compiled(names)
    rotation, axes = _rotation(f, a, r)
    knee = tibia_pose(k, c.moving)
    turn = rotation @ knee.rotation  # tibia axes in the pelvis frame
    shift = rotation @ knee.translation[..., None]  # tibia origin from the hip centre, (..., 3, 1)
    pelvis, femur, tibia, moving = (slice(i, j) for i, j in zip(c.sizes, c.sizes[1:], strict=False))
    # every point from the hip centre in the pelvis frame (coordinates before points);
    # with derivatives also the same points where they turn with the femur (0 on the
    # pelvis: dX/dq = axis x that, per hip angle) and dX/d(knee flexion)
    points = np.zeros((3 if derivatives else 1,) + f.shape + (3, c.sizes[-1]))
    rel = points[0]
    rel[..., pelvis] = c.pelvis
    rel[..., femur] = (rotation.reshape(-1, 3) @ c.femur.T).reshape(f.shape + (3, -1))
    rel[..., tibia] = (turn.reshape(-1, 3) @ c.tibia.T).reshape(f.shape + (3, -1)) + shift
    rel[..., moving] = turn @ np.swapaxes(knee.moving, -1, -2) + shift
    if derivatives:
        points[1, ..., femur.start :] = rel[..., femur.start :]
        below = slice(tibia.start, moving.stop)
        bent = points[2]
        bent[..., below] = _cross((rotation @ knee.axis)[..., None], rel[..., below] - shift)
        bent[..., below] += rotation @ knee.d_translation[..., None]
        bent[..., moving] += turn @ np.swapaxes(knee.d_moving, -1, -2)
    if c.conditional:  # a point off the path sits on the point before it
        value = np.stack([f, k], axis=-1)[..., c.coordinate]
        off = ((value < c.bounds[:, 0]) | (value > c.bounds[:, 1]))[..., None]
        for j, (point, before) in enumerate(c.conditional):
            np.copyto(points[..., point], points[..., before], where=off[..., j, :])
    d = np.take(points, c.end, axis=-1) - np.take(points, c.start, axis=-1)  # (1 or 3, ..., 3, S)
    x, y, z = d[0, ..., 0, :], d[0, ..., 1, :], d[0, ..., 2, :]
    span = np.sqrt(x * x + y * y + z * z)
    lengths = (c.fixed + span @ c.incidence)[None]
    if not derivatives:
        return lengths
    unit = d[0] / np.where(span > 0.0, span, 1.0)[..., None, :]  # a collapsed segment has d = 0
    hip = axes @ _cross(d[1], unit)  # u . (w x m) = w . (m x u), (..., 3 angles, S)
    knee_slope = np.sum(unit * d[2], axis=-2)
    slopes = np.concatenate([np.moveaxis(hip, -2, 0), knee_slope[None]]) @ c.incidence
    return np.concatenate([lengths, slopes])
