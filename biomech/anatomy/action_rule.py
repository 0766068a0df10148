"""The one rule that turns a moment arm into an action (numpy only).

A muscle's moment arm about a hip axis says what it does there: below the floor
``moment_arm_floor`` (an illustrative few millimetres, :mod:`biomech.parameters`) it
does nothing on that axis; otherwise the sign gives the action (geometry convention:
positive = flexor, adductor, internal rotator). For a tight tissue, the ratio of its
rotation to its flexion moment arm says how many degrees of hip extension one degree of
rotation buys, ``k = |r_rot| / r_flex``, by rotating the way the tissue pulls (that
slackens it). The model, the table by posture, the lab's note and the self-check
questions all format what these functions return. The geometry's lockout solver
(:mod:`biomech.model.geometry_lockout`) follows the same floor: a tight part whose
rotation moment arm at lockout is below it is not slackened or tightened by turning the
hip, so a tissue the table gives no rotation action is not rotated either.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._lazy import resolve
from biomech.parameters import PARAMETERS

__all__ = ["ACTION_AXES", "action_from_moment_arm", "restricts_extension", "rotation_benefit_from_moment_arms"]

_RENAMED = {
    "action_of": "biomech.anatomy.action_rule.action_from_moment_arm",
    "rotation_benefit_of": "biomech.anatomy.action_rule.rotation_benefit_from_moment_arms",
}
"""Old names kept one release as deprecated aliases (:func:`biomech._lazy.resolve`)."""

ACTION_AXES: Mapping[str, tuple[str, int]] = MappingProxyType(
    {
        "flexion": ("flexion", 1),
        "extension": ("flexion", -1),
        "adduction": ("adduction", 1),
        "abduction": ("adduction", -1),
        "internal rotation": ("rotation", 1),
        "external rotation": ("rotation", -1),
    }
)
"""Action -> (hip axis of :mod:`biomech.anatomy.geometry`, sign of a moment arm producing it)."""

_NAMES = {(axis, sign): action for action, (axis, sign) in ACTION_AXES.items()}


def _floor(floor_mm: ArrayLike | None) -> NDArray[np.float64]:
    default = PARAMETERS["moment_arm_floor"].default
    return np.asarray(default if floor_mm is None else floor_mm, dtype=float)


def action_from_moment_arm(axis: str, moment_arm_mm: float, floor_mm: float | None = None) -> str:
    """Return the action a moment arm gives on a hip axis.

    Parameters
    ----------
    axis
        ``"flexion"``, ``"adduction"`` or ``"rotation"``.
    moment_arm_mm
        Moment arm in mm, geometry convention (+ flexor, adductor, internal rotator).
        NaN means the muscle has no modelled path.
    floor_mm
        Moment arms smaller than this give no action; default ``moment_arm_floor``.

    Returns
    -------
    str
        An action of :data:`ACTION_AXES`, ``""`` below the floor, ``"not modelled"`` for NaN.

    Examples
    --------
    >>> [action_from_moment_arm(axis, mm) for axis, mm in (("rotation", -29.2), ("rotation", 2.0), ("flexion", 40.0))]
    ['external rotation', '', 'flexion']
    """
    if not np.isfinite(moment_arm_mm):
        return "not modelled"
    if abs(moment_arm_mm) < float(_floor(floor_mm)):
        return ""
    return _NAMES[(axis, 1 if moment_arm_mm > 0 else -1)]


def restricts_extension(flexion_mm: ArrayLike, floor_mm: ArrayLike | None = None) -> bool:
    """Return whether a tissue with this flexion moment arm (mm) can restrict hip extension.

    Examples
    --------
    >>> restricts_extension(42.5), restricts_extension(0.6)
    (True, False)
    """
    return bool(np.all(np.asarray(flexion_mm, dtype=float) >= _floor(floor_mm)))


def rotation_benefit_from_moment_arms(
    flexion_mm: ArrayLike, external_rotation_mm: ArrayLike, floor_mm: ArrayLike | None = None
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Return ``(k, direction)``: extension bought per degree of rotation, and its way.

    Parameters
    ----------
    flexion_mm
        The tissue's flexion moment arm, mm (positive: it restricts extension).
    external_rotation_mm
        Its rotation moment arm, mm, *external* positive.
    floor_mm
        Moment arms below it count as zero; default ``moment_arm_floor``.

    Returns
    -------
    k : numpy.ndarray
        ``|r_rot| / r_flex``, 0 where the rotation moment arm is below the floor.
    direction : numpy.ndarray
        +1 external, -1 internal, 0 none.

    Examples
    --------
    >>> k, direction = rotation_benefit_from_moment_arms(45.1, 5.1)
    >>> round(float(k), 2), float(direction)
    (0.11, 1.0)
    """
    flexion = np.asarray(flexion_mm, dtype=float)
    rotation = np.asarray(external_rotation_mm, dtype=float)
    acts = np.abs(rotation) >= _floor(floor_mm)
    k = np.where(acts, np.abs(rotation) / flexion, 0.0)
    return k, np.where(acts, np.sign(rotation), 0.0)


def __getattr__(name: str) -> Any:
    """The old names, with a ``DeprecationWarning`` naming the new one."""
    return resolve(__name__, name, globals(), renamed=_RENAMED)
