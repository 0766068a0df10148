"""The blog's hypothesis, made explicit: a linear rotation benefit per tissue (numpy only).

When the front of the hip will not let it extend, the blog says the missing extension
comes first from external rotation ("duck feet"), then from anterior pelvic tilt with
lumbar extension. Made explicit, with the tissue's rotation benefit ``k`` from its moment
arms at lockout (:mod:`biomech.anatomy.action_rule`; illustrative for "hip flexors
(all)")::

    D     = max(0, E_d - E_a)                 deficit
    k     = |r_rot| / r_flex                  extension bought per degree of rotation
    phi   = min(D / k, phi_max)               rotation used (phi_max: the hip's range)
    R     = D - k * phi                       what rotation cannot absorb
    alpha = R                                 anterior pelvic tilt
    lam   = R                                 lumbar extension bringing the trunk upright

``k`` is a first-order slope at neutral rotation: :mod:`biomech.model.geometry_lockout`
solves the same question on the muscle geometry, and shows where the two disagree.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._lazy import resolve
from biomech._validation import check_choice
from biomech.anatomy.action_rule import restricts_extension, rotation_benefit_from_moment_arms
from biomech.anatomy.tissues import ALL_FLEXORS, restricting_tissues, tissue_moment_arms
from biomech.parameters import resolve_overrides

__all__ = ["blog_lockout", "blog_rotation_benefit"]

_RENAMED = {"rotation_benefit": "biomech.model.blog_lockout.blog_rotation_benefit"}
"""Old names kept one release as deprecated aliases (:func:`biomech._lazy.resolve`)."""

Array = NDArray[np.float64]


def blog_rotation_benefit(
    tissue: str = ALL_FLEXORS, /, **overrides: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Return ``(k, direction)`` for a restricting tissue.

    Parameters
    ----------
    tissue
        ``"hip flexors (all)"`` or a flexor row of the muscle-action table.
    **overrides
        ``flexors_rotation_benefit`` and ``moment_arm_floor`` (mm) may be given.

    Returns
    -------
    k : numpy.ndarray
        Degrees of extension per degree of rotation, ``|r_rot| / r_flex``; 0 where
        the rotation moment arm is below ``moment_arm_floor``.
    direction : numpy.ndarray
        +1 external, -1 internal, 0 none.

    Raises
    ------
    ValueError
        Unknown tissue, or a tissue whose flexion moment arm is below the floor.

    Examples
    --------
    >>> k, direction = blog_rotation_benefit("Rectus femoris")
    >>> float(k), float(direction)
    (0.0, 0.0)
    """
    values = resolve_overrides(overrides, ("flexors_rotation_benefit", "moment_arm_floor"))
    flexors_benefit, floor = values["flexors_rotation_benefit"], values["moment_arm_floor"]
    arms = tissue_moment_arms()
    check_choice("tissue", tissue, (ALL_FLEXORS, *arms))
    if tissue == ALL_FLEXORS:
        return np.asarray(flexors_benefit, dtype=float), np.ones_like(flexors_benefit, dtype=float)
    a = arms[tissue]
    if not restricts_extension(a.flexion_mm, floor):
        raise ValueError(
            f"'tissue' {tissue!r} cannot restrict hip extension at lockout: its flexion "
            f"moment arm there is {a.flexion_mm:.1f} mm ({a.source}), below "
            f"'moment_arm_floor' ({np.max(floor):g} mm); choose one of {list(restricting_tissues())}."
        )
    return rotation_benefit_from_moment_arms(a.flexion_mm, a.rotation_mm, floor)


def blog_lockout(deficit: Array, k: Array, direction: Array, p: dict[str, Array]) -> dict[str, Array]:
    """Rotation used and needed, and the residual tilt, for the blog's linear model.

    ``deficit``, ``k`` and ``direction`` (+1 external, -1 internal, 0 none) broadcast with
    the parameter values ``p`` (degrees).
    """
    capacity = np.where(direction < 0, p["internal_rotation_range"], p["external_rotation_range"])
    residual = np.maximum(0.0, deficit - k * capacity)
    has_k = k > 0
    safe_k = np.where(has_k, k, 1.0)
    rotation = np.where(residual > 0, capacity, deficit / safe_k) * has_k
    needed = np.where(has_k, deficit / safe_k, np.where(deficit > 0, np.inf, 0.0))
    sign = np.where(direction == 0, 1.0, direction)
    return {"rotation_used": direction * rotation, "rotation_needed": sign * needed, "pelvic_tilt": residual}


def __getattr__(name: str) -> Any:
    """The old names, with a ``DeprecationWarning`` naming the new one."""
    return resolve(__name__, name, globals(), renamed=_RENAMED)
