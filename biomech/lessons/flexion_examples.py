"""The table footnote's worked examples: actions that change with hip flexion (numpy only).

Neumann's table judges every action from the anatomic position; its footnote warns that
some muscles act otherwise in other postures. :data:`FLEXION_EXAMPLES` are the examples
lesson 02 discusses, each with what the literature says and where; the numbers come from
the project's muscle geometry (:mod:`biomech.anatomy.geometry`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from biomech._lazy import resolve
from biomech.anatomy.action_rule import action_from_moment_arm
from biomech.anatomy.actions_by_posture import TABLE_PARTS, flip_angles, label_moment_arms
from biomech.anatomy.geometry import AXES

__all__ = ["FLEXION_EXAMPLES", "FlexionExample", "acts", "flexion_examples_markdown", "flip_angle"]

_RENAMED = {"flexion_examples": "biomech.lessons.flexion_examples.flexion_examples_markdown"}
"""Old names kept one release as deprecated aliases (:func:`biomech._lazy.resolve`)."""


@dataclass(frozen=True)
class FlexionExample:
    """A well-known action that changes with hip flexion, and who says so."""

    label: str
    axis: str
    literature: str
    source: str


FLEXION_EXAMPLES: tuple[FlexionExample, ...] = (
    FlexionExample(
        "Piriformis",
        "rotation",
        "external rotator in extension, internal rotator in deep flexion",
        "Neumann 2010, JOSPT 40(2):82-94 (read in a secondary summary); Delp et al. 1999, "
        "J Biomech 32:493-501: some muscles switch from external to internal rotation "
        "as the hip flexes (abstract only)",
    ),
    FlexionExample(
        "Gluteus medius (anterior fibers)",
        "rotation",
        "internal rotation leverage grows with flexion",
        "Delp et al. 1999, J Biomech 32:493-501: a trend towards internal rotation with "
        "flexion in 15 of 18 muscle compartments (abstract only)",
    ),
    FlexionExample(
        "Gluteus minimus (anterior fibers)",
        "rotation",
        "internal rotation leverage grows with flexion",
        "Delp et al. 1999, J Biomech 32:493-501 (abstract only)",
    ),
    FlexionExample(
        "Adductor longus",
        "flexion",
        "flexor from extension, extensor from deep flexion",
        "Neumann 2010, JOSPT 40(2):82-94: most adductors switch between about 40 and 70 deg "
        "of flexion (read in a secondary summary)",
    ),
)
"""Lesson 02's examples for the table's footnote; numbers come from :mod:`biomech.anatomy.geometry`."""


def acts(axis: str, value_mm: float) -> str:
    """'external rotation 29 mm' from a geometry moment arm (+ flexor, adductor, internal)."""
    action = action_from_moment_arm(axis, value_mm)
    return f"{action} {abs(value_mm):.0f} mm" if action else f"none ({abs(value_mm):.0f} mm)"


def flip_angle(example: FlexionExample) -> float:
    """Hip flexion (deg) where the example's moment arm changes sign; NaN if it does not."""
    found = flip_angles(TABLE_PARTS[example.label], example.axis, np.arange(-20.0, 91.0))
    return float(found[0]) if found.size else math.nan


def flexion_examples_markdown(angles: tuple[float, ...] = (0.0, 45.0, 90.0)) -> str:
    """Return the footnote's examples as a Markdown table, computed by the geometry.

    Each row: the table label, the action the geometry gives at each hip flexion
    angle (moment arm in mm; below the 5 mm floor: none), where it changes sign,
    and what the literature says, with its source.
    """
    head = " | ".join(f"{a:g} deg flexion" for a in angles)
    lines = [f"| muscle | {head} | changes at | literature | source |", "|---" * (len(angles) + 4) + "|"]
    for e in FLEXION_EXAMPLES:
        arms = label_moment_arms(e.label, list(angles))[AXES.index(e.axis)]
        cells = " | ".join(acts(e.axis, 1000.0 * float(m)) for m in arms)
        flip = flip_angle(e)
        where = f"{flip:.0f} deg" if math.isfinite(flip) else "no sign change"
        lines.append(f"| {e.label} | {cells} | {where} | {e.literature} | {e.source} |")
    return "\n".join(lines)


def __getattr__(name: str) -> Any:
    """The old names, with a ``DeprecationWarning`` naming the new one."""
    return resolve(__name__, name, globals(), renamed=_RENAMED)
