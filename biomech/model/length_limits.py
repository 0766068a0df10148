"""Each tight part's length limit and rotation moment arm on the 3-D muscle geometry (numpy only).

The limits of the geometry's lockout (:mod:`biomech.model.geometry_lockout`): a tight part's
longest allowed length is its length where the restriction was measured (hip extended to
``hip_extension_available``, plus the part's own ``slack``, no rotation, knee at
``test_knee_flexion``), or its shortest length on the way there where it passes a minimum
(:func:`length_limits`); :func:`rotation_moment_arms` gives the moment arms that decide which
parts turn (``moment_arm_floor``).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from biomech.anatomy.geometry import path_length
from biomech.parameters import PARAMETERS

__all__ = ["SLOPE_STEP_DEG", "length_limits", "limits_with_slack", "rotation_moment_arms"]

Array = NDArray[np.float64]
SLOPE_STEP_DEG = 0.01
"""The step (deg) of the central differences: the rotation moment arms and the first-order rotation benefit."""
_SHORTEST_SPAN_DEG, _SHORTEST_POINTS = 40.0, 161  # where a part's shortest length is looked for


def length_limits(parts: tuple[str, ...], available: Array, test_knee: Array) -> tuple[Array, Array]:
    """Each tight part's longest allowed length (m) and where it was reached (deg), ``(N, P)``.

    The limit is the part's length where the restriction was measured (hip flexed to
    ``-available``, no rotation, knee at ``test_knee``). A part whose length passes a
    minimum on the way there from the extension side (in gait2392 only adductor brevis,
    beyond about 25 deg of hip flexion, where it turns from a flexor into an extensor)
    takes that shortest length instead, so that a tighter reading never slackens it.
    """
    test = -available
    pair = path_length(
        parts,
        hip_flexion=np.concatenate([test, test - SLOPE_STEP_DEG]),
        knee_flexion=np.concatenate([test_knee, test_knee]),
    )
    limit, before = pair[: test.size], pair[test.size :]
    at = np.broadcast_to(test[:, None], limit.shape).copy()
    rows = np.flatnonzero(np.any(before <= limit, axis=1))  # a part not shortening into the test posture
    if rows.size:
        offsets = np.linspace(-_SHORTEST_SPAN_DEG, 0.0, _SHORTEST_POINTS)
        hips = test[rows, None] + offsets[None, :]  # (R, S)
        knees = np.broadcast_to(test_knee[rows, None], hips.shape)
        grid = path_length(parts, hip_flexion=hips.reshape(-1), knee_flexion=knees.reshape(-1))
        grid = grid.reshape(hips.shape + (len(parts),))  # (R, S, P)
        last = hips.shape[1] - 1 - np.argmin(grid[:, ::-1], axis=1)  # the last minimum, nearest the test
        r, c = np.arange(rows.size)[:, None], np.arange(len(parts))[None, :]
        mid = np.clip(last, 1, hips.shape[1] - 2)
        y0, y1, y2 = grid[r, mid - 1, c], grid[r, mid, c], grid[r, mid + 1, c]
        curve = y0 - 2.0 * y1 + y2
        shift = np.where(curve > 0, 0.5 * (y0 - y2) / np.where(curve > 0, curve, 1.0), 0.0)
        step = offsets[1] - offsets[0]
        where = np.where(last == hips.shape[1] - 1, hips[r, last], hips[r, mid] + np.clip(shift, -1.0, 1.0) * step)
        where = np.minimum(where, test[rows, None])
        exact = path_length(parts, hip_flexion=where.reshape(-1), knee_flexion=np.repeat(test_knee[rows], len(parts)))
        limit[rows] = exact.reshape(rows.size, len(parts), len(parts))[:, c[0], c[0]]
        at[rows] = where
    return limit, at


def rotation_moment_arms(parts: tuple[str, ...], knee: Array) -> Array:
    """Each part's rotation moment arm (mm, geometry convention: internal +), ``(N, P)``.

    ``-dL/dphi`` at hip flexion 0 (the lockout posture of the table's moment arms), neutral
    rotation and adduction, knee at ``knee`` (deg, ``(N,)``), by a central difference of
    :func:`~biomech.anatomy.geometry.path_length` (so ligament bands have one too).
    """
    knees, which = np.unique(knee, return_inverse=True)
    arms = np.stack([_rotation_arms_at(parts, float(k)) for k in knees])
    return arms[which.reshape(-1)]


@lru_cache(maxsize=256)
def _rotation_arms_at(parts: tuple[str, ...], knee: float) -> Array:
    """:func:`rotation_moment_arms` at one knee angle, ``(P,)`` (cached: a curve has one knee)."""
    h = SLOPE_STEP_DEG
    pair = path_length(parts, hip_rotation=[-h, h], knee_flexion=[knee, knee])
    arms = -1000.0 * (pair[1] - pair[0]) / np.radians(2.0 * h)
    arms.setflags(write=False)
    return arms


def limits_with_slack(
    parts: tuple[str, ...], available: Array, slack: Array | None, test_knee: Array
) -> tuple[Array, Array, Array]:
    """:func:`length_limits` with each part measured ``slack`` (``(N, P)``) deg further into
    extension, up to the most extension the model takes (``hip_extension_available``'s
    maximum, 40 deg: beyond it sartorius and tensor fasciae latae shorten again in the
    straight-line geometry, so a slacker part would come out tighter); also returns where
    each was measured (hip flexion, deg, ``(N, P)``)."""
    if slack is None or not np.any(slack):
        limit, at = length_limits(parts, available, test_knee)
        return limit, at, np.broadcast_to(-available[:, None], limit.shape)
    measured = np.minimum(available[:, None] + slack, PARAMETERS["hip_extension_available"].max)
    columns = [length_limits((part,), measured[:, j], test_knee) for j, part in enumerate(parts)]
    limit = np.concatenate([c[0] for c in columns], axis=1)
    at = np.concatenate([c[1] for c in columns], axis=1)
    return limit, at, -measured
