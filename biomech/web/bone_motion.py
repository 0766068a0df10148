"""The gait2392 bone outlines as the browser receives them: once, then a rigid motion per state (numpy only).

Each state's posed bone rings are sent as the rotation and translation that carry the
reference rings onto them (:func:`rigid_fit`), or as the rings themselves where no rigid
motion fits within :data:`FIT_TOLERANCE_H`. Coordinates travel as whole numbers of
1/:data:`SCALE` H.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech.scene.scene import Scene

__all__ = [
    "FIT_TOLERANCE_H",
    "SCALE",
    "SIDE_BONES",
    "TOP_BONES",
    "outlines_json",
    "posed_rings",
    "reference_outlines",
    "rigid_fit",
    "ring_motion",
    "ring_motions",
    "whole_numbers",
]

SCALE = 10_000
"""Coordinates are sent as whole numbers of 1/SCALE H."""
FIT_TOLERANCE_H = 2e-4
"""Largest distance (H) between a scene's bone point and the rigid motion's: beyond it the
bone's points are sent instead."""
SIDE_BONES, TOP_BONES = ("foot", "shank", "femur", "pelvis"), ("pelvis", "femur_r", "femur_l", "foot_r", "foot_l")


def whole_numbers(points: ArrayLike) -> list[int]:
    """Points (..., 2) in H as the browser receives them: flat whole numbers of 1/:data:`SCALE` H.

    Examples
    --------
    >>> whole_numbers([[0.5, -0.25], [0.00004, 1.0]])
    [5000, -2500, 0, 10000]
    """
    return [int(v) for v in np.rint(np.asarray(points, dtype=float).reshape(-1) * SCALE)]


def rigid_fit(reference: NDArray[np.float64], target: NDArray[np.float64]) -> tuple[float, float, float, float]:
    """The rotation and translation that best carry ``reference`` points onto ``target`` (2-D Kabsch).

    Parameters
    ----------
    reference, target
        Shape (N, 2), the same points in two poses.

    Returns
    -------
    angle, x, y, error
        Counter-clockwise rotation in degrees, then translation (H): ``target ≈
        R(angle) @ reference + (x, y)``; ``error`` is the largest distance left (H).

    Examples
    --------
    >>> ref = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 2.0]])
    >>> a = np.radians(30.0)
    >>> moved = ref @ np.array([[np.cos(a), np.sin(a)], [-np.sin(a), np.cos(a)]]) + [0.5, -1.0]
    >>> [round(v, 9) for v in rigid_fit(ref, moved)]
    [30.0, 0.5, -1.0, 0.0]
    """
    ref, tgt = np.asarray(reference, dtype=float), np.asarray(target, dtype=float)
    rc, tc = ref.mean(axis=0), tgt.mean(axis=0)
    p, q = ref - rc, tgt - tc
    angle = float(np.arctan2(np.sum(p[:, 0] * q[:, 1] - p[:, 1] * q[:, 0]), np.sum(p * q)))
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    shift = tc - rot @ rc
    error = float(np.max(np.hypot(*(ref @ rot.T + shift - tgt).T))) if len(ref) else 0.0
    return float(np.degrees(angle)), float(shift[0]), float(shift[1]), error


def posed_rings(scene: Scene) -> tuple[dict[str, tuple[np.ndarray, ...]], dict[str, tuple[np.ndarray, ...]]]:
    """The scene's posed bone rings by bone: side view (:data:`SIDE_BONES`), top view (:data:`TOP_BONES`)."""
    side = {name: tuple(getattr(scene.bones_side, name)) for name in SIDE_BONES}
    t = scene.bones_top
    top = {
        "pelvis": tuple(t.pelvis),
        "femur_r": tuple(t.femurs[0]),
        "femur_l": tuple(t.femurs[1]),
        "foot_r": tuple(t.feet[0]),
        "foot_l": tuple(t.feet[1]),
    }
    return side, top


def reference_outlines(scene: Scene) -> dict[str, dict[str, tuple[np.ndarray, ...]]]:
    """The bone rings of ``scene`` (side and top view), the reference every state's motion moves."""
    side, top = posed_rings(scene)
    return {"side": side, "top": top}


def outlines_json(reference: Mapping[str, Mapping[str, Sequence[np.ndarray]]]) -> dict[str, Any]:
    """The reference outlines (:func:`reference_outlines`) as the browser receives them once: view -> bone -> rings."""
    return {
        view: {bone: [whole_numbers(r) for r in rings] for bone, rings in bones.items()}
        for view, bones in reference.items()
    }


def ring_motion(reference: Sequence[np.ndarray], rings: Sequence[np.ndarray]) -> list[float] | dict[str, Any]:
    """One bone's motion in a state, as sent to the browser.

    Parameters
    ----------
    reference
        The bone's reference rings (from :func:`reference_outlines`), each shape (K, 2), H.
    rings
        The same bone's rings posed in the state.

    Returns
    -------
    list or dict
        ``[angle_deg, x, y]`` (x, y in 1/:data:`SCALE` H), the rigid motion (:func:`rigid_fit`)
        carrying the reference rings onto ``rings`` within :data:`FIT_TOLERANCE_H`; else
        ``{"rings": [...]}``, the rings themselves (:func:`whole_numbers`).
    """
    return ring_motions({"bone": reference}, {"bone": rings})["bone"]


def ring_motions(
    reference: Mapping[str, Sequence[np.ndarray]], bones: Mapping[str, Sequence[np.ndarray]]
) -> dict[str, list[float] | dict[str, Any]]:
    """:func:`ring_motion` of every bone of a view, fitted in one go (:func:`rigid_fit`'s sums, bone by bone)."""
    out: dict[str, list[float] | dict[str, Any]] = {}
    fitted = []
    for name, rings in bones.items():
        outline = reference[name]
        if (
            len(outline) == len(rings)
            and len(rings)
            and all(a.shape == b.shape for a, b in zip(outline, rings, strict=True))
        ):
            fitted.append(name)
        out[name] = {}
    if fitted:
        parts = [np.vstack(reference[name]) for name in fitted]
        sizes = np.array([len(p) for p in parts])
        starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        ref = np.vstack(parts).astype(float)
        tgt = np.vstack([np.vstack(bones[name]) for name in fitted]).astype(float)
        rc = np.add.reduceat(ref, starts) / sizes[:, None]
        tc = np.add.reduceat(tgt, starts) / sizes[:, None]
        p, q = ref - np.repeat(rc, sizes, axis=0), tgt - np.repeat(tc, sizes, axis=0)
        angle = np.arctan2(
            np.add.reduceat(p[:, 0] * q[:, 1] - p[:, 1] * q[:, 0], starts),
            np.add.reduceat(np.sum(p * q, axis=1), starts),
        )
        c, s = np.cos(angle), np.sin(angle)
        shift = tc - np.column_stack([c * rc[:, 0] - s * rc[:, 1], s * rc[:, 0] + c * rc[:, 1]])
        cr, sr, sx, sy = (np.repeat(v, sizes) for v in (c, s, shift[:, 0], shift[:, 1]))
        moved = np.column_stack([cr * ref[:, 0] - sr * ref[:, 1] + sx, sr * ref[:, 0] + cr * ref[:, 1] + sy])
        error = np.maximum.reduceat(np.hypot(*(moved - tgt).T), starts)
        degrees = np.degrees(angle)
        for i, name in enumerate(fitted):
            if error[i] <= FIT_TOLERANCE_H:
                out[name] = [
                    round(float(degrees[i]), 3),
                    round(float(shift[i, 0]) * SCALE, 1),
                    round(float(shift[i, 1]) * SCALE, 1),
                ]
    for name, rings in bones.items():
        if not out[name]:
            out[name] = {"rings": [whole_numbers(r) for r in rings]}
    return out
