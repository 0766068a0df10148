"""The muscle-action table recomputed from the geometry at any hip posture.

Neumann's table (:mod:`biomech.anatomy.textbook`) judges every action from the anatomic
position, and its footnote warns that actions change away from it. Here each label of
the table (a muscle, or a part such as "Gluteus medius (posterior fibers)") is mapped
to the gait2392 muscle parts of :mod:`biomech.anatomy.geometry` (:data:`TABLE_PARTS`; parts
averaged), and its action on each axis is read from the sign of its moment arm:

- flexion axis: flexion (moment arm >= floor) or extension (<= -floor);
- adduction axis: adduction or abduction;
- rotation axis: internal or external rotation.

A moment arm smaller than the floor (``moment_arm_floor``, 5 mm) gives no action. An
action *flips* when, at the chosen posture, the geometry gives the opposite action to
the one it gives in the anatomic position, e.g. piriformis, an external rotator with
the thigh vertical, rotates the hip internally with the hip flexed beyond about 57 deg.

Obturator internus and externus are in the table but not in gait2392
(:data:`NOT_MODELLED`); their cells say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._lazy import resolve
from biomech._validation import check_range
from biomech.anatomy.action_rule import ACTION_AXES, action_from_moment_arm
from biomech.anatomy.geometry import AXES, HIP_RANGE_DEG, moment_arms
from biomech.anatomy.textbook import MuscleAction, load_actions
from biomech.parameters import PARAMETERS

__all__ = [
    "NOT_MODELLED",
    "TABLE_PARTS",
    "ActionCell",
    "TextbookCheck",
    "action_table_cells",
    "check_textbook",
    "flip_angles",
    "label_moment_arms",
]

_RENAMED = {"action_table": "biomech.anatomy.actions_by_posture.action_table_cells"}
"""Old names kept one release as deprecated aliases (:func:`biomech._lazy.resolve`)."""

_ALL_GLUT_MIN = ("glut_min1_r", "glut_min2_r", "glut_min3_r")
_ALL_GLUT_MED = ("glut_med1_r", "glut_med2_r", "glut_med3_r")
TABLE_PARTS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "Iliopsoas": ("iliacus_r", "psoas_r"),
        "Sartorius": ("sar_r",),
        "Tensor fasciae latae": ("tfl_r",),
        "Rectus femoris": ("rect_fem_r",),
        "Adductor longus": ("add_long_r",),
        "Pectineus": ("pect_r",),
        "Adductor brevis": ("add_brev_r",),
        "Gracilis": ("grac_r",),
        "Gluteus minimus (anterior fibers)": ("glut_min1_r",),
        "Gluteus minimus (posterior fibers)": ("glut_min3_r",),
        "Gluteus minimus (all fibers)": _ALL_GLUT_MIN,
        "Gluteus medius (anterior fibers)": ("glut_med1_r",),
        "Gluteus medius (middle and posterior fibers)": ("glut_med2_r", "glut_med3_r"),
        "Gluteus medius (posterior fibers)": ("glut_med3_r",),
        "Gluteus medius (all fibers)": _ALL_GLUT_MED,
        "Gluteus maximus": ("glut_max1_r", "glut_max2_r", "glut_max3_r"),
        "Gluteus maximus (posterior fibers)": ("glut_max3_r",),
        "Adductor magnus (anterior head)": ("add_mag1_r", "add_mag2_r"),
        "Adductor magnus (posterior head)": ("add_mag3_r",),
        "Adductor magnus (anterior and posterior heads)": ("add_mag1_r", "add_mag2_r", "add_mag3_r"),
        "Biceps femoris (long head)": ("bifemlh_r",),
        "Semitendinosus": ("semiten_r",),
        "Semimembranosus": ("semimem_r",),
        "Piriformis": ("peri_r",),
        "Gemellus superior": ("gem_r",),
        "Gemellus inferior": ("gem_r",),
        "Quadratus femoris": ("quad_fem_r",),
    }
)
"""Each label of the table -> the gait2392 parts that model it (their moment arms are
averaged). gait2392 numbers the parts of gluteus medius, minimus and maximus from
anterior (1) to posterior (3), so a label's "posterior fibers" are part 3 (for gluteus
maximus the most posterior and lowest part, ``glut_max3_r``); adductor magnus 1-2 form
the anterior (adductor) head, 3 the posterior (ischiocondylar, "hamstring") head
(``add_mag3_r``, for both "Adductor magnus (posterior head)" rows: extension and
internal rotation); one ``gem_r`` models both gemelli."""

NOT_MODELLED: Mapping[str, str] = MappingProxyType(
    {
        "Obturator internus": "not in gait2392 (Delp et al. 1990 omit it); its tendon turns "
        "around the lesser sciatic notch, which a straight-line path cannot represent",
        "Obturator externus": "not in gait2392 (Delp et al. 1990 omit it); it winds "
        "under the femoral neck, which a straight-line path cannot represent",
    }
)
"""Labels of the table without a muscle path, and why."""


@dataclass(frozen=True)
class ActionCell:
    """What one table label does about one hip axis at a posture.

    Attributes
    ----------
    label
        Table label, e.g. ``"Piriformis"``.
    axis
        ``"flexion"``, ``"adduction"`` or ``"rotation"``.
    moment_arm_mm
        Moment arm about the axis (+ flexor, adductor, internal rotator); NaN if the
        label is not modelled.
    action
        The action the geometry gives ("external rotation", ...), ``""`` below the
        floor, or ``"not modelled"``.
    anatomic_action
        The same, in the anatomic position.
    textbook
        The table's entries for this label on this axis, e.g. ``"external rotation
        (primary)"``, or ``""``.
    flipped
        True when ``action`` is the opposite of ``anatomic_action``.
    """

    label: str
    axis: str
    moment_arm_mm: float
    action: str
    anatomic_action: str
    textbook: str
    flipped: bool


@dataclass(frozen=True)
class TextbookCheck:
    """One entry of the table against the geometry's moment arm.

    Attributes
    ----------
    entry
        The table's entry.
    moment_arm_mm
        Moment arm in the entry's direction (+ = produces the entry's action); NaN if
        the label is not modelled.
    agrees
        True if the moment arm has the entry's sign, None if not modelled.
    """

    entry: MuscleAction
    moment_arm_mm: float
    agrees: bool | None


def label_moment_arms(
    label: str, hip_flexion: ArrayLike = 0.0, hip_adduction: ArrayLike = 0.0, hip_rotation: ArrayLike = 0.0
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Return a table label's (flexion, adduction, rotation) moment arms, in metres.

    The mean over the label's parts (:data:`TABLE_PARTS`); angles in degrees as in
    :func:`biomech.anatomy.geometry.moment_arms`, whose conventions apply.

    Returns
    -------
    tuple of numpy.ndarray
        Shape ``()`` or ``(N,)`` each.

    Raises
    ------
    ValueError
        For a label without parts (:data:`NOT_MODELLED`) or unknown, or bad angles.

    Examples
    --------
    >>> flexion, adduction, rotation = label_moment_arms("Iliopsoas")
    >>> round(1000 * float(flexion), 1)
    39.0
    """
    if label not in TABLE_PARTS:
        reason = NOT_MODELLED.get(label, f"not a label of the table; known: {sorted(TABLE_PARTS)}")
        raise ValueError(f"'label' {label!r} has no muscle path: {reason}.")
    f, a, r = moment_arms(hip_flexion, hip_adduction, hip_rotation).of(*TABLE_PARTS[label])
    return np.asarray(f), np.asarray(a), np.asarray(r)


def _labels() -> tuple[str, ...]:
    """Every label of the table, once, in printed order."""
    return tuple(dict.fromkeys(entry.label for entry in load_actions()))


def action_table_cells(hip_flexion: float = 0.0, *, floor_mm: float | None = None) -> tuple[ActionCell, ...]:
    """Return every (label, axis) cell of the action table at a hip flexion angle.

    Parameters
    ----------
    hip_flexion
        Hip flexion in degrees (adduction and rotation 0, knee extended).
    floor_mm
        Moment arms smaller than this give no action; default ``moment_arm_floor``
        from :mod:`biomech.parameters` (5 mm).

    Returns
    -------
    tuple of ActionCell
        Labels in the table's printed order, each with its three axes.

    Examples
    --------
    >>> cell = next(c for c in action_table_cells(90.0) if c.label == "Piriformis" and c.axis == "rotation")
    >>> cell.anatomic_action, cell.action, cell.flipped
    ('external rotation', 'internal rotation', True)
    """
    flexion = float(check_range("hip_flexion", hip_flexion, *HIP_RANGE_DEG))
    floor = PARAMETERS["moment_arm_floor"].default if floor_mm is None else float(floor_mm)
    arms = moment_arms([0.0, flexion])
    cells = []
    for label in _labels():
        means = arms.of(*TABLE_PARTS[label]) if label in TABLE_PARTS else (np.full(2, np.nan),) * 3
        for axis, values in zip(AXES, means, strict=False):
            anatomic, now = (1000.0 * float(v) for v in np.asarray(values))  # two postures: arrays
            textbook = ", ".join(
                f"{e.action} ({e.role}{', unresolved' if e.unresolved else ''})"
                for e in load_actions()
                if e.label == label and ACTION_AXES[e.action][0] == axis
            )
            before, after = action_from_moment_arm(axis, anatomic, floor), action_from_moment_arm(axis, now, floor)
            flipped = after in ACTION_AXES and before in ACTION_AXES and after != before
            cells.append(ActionCell(label, axis, now, after, before, textbook, flipped))
    return tuple(cells)


def check_textbook(hip_flexion: float = 0.0, role: str | None = None) -> tuple[TextbookCheck, ...]:
    """Check the sign of every table entry against the geometry's moment arm.

    Parameters
    ----------
    hip_flexion
        Hip flexion in degrees; the table itself holds at 0 (the anatomic position).
    role
        ``"primary"``, ``"secondary"`` or None for both.

    Returns
    -------
    tuple of TextbookCheck
        One per entry of the table, in printed order; ``agrees`` is None for the
        labels in :data:`NOT_MODELLED`.

    Examples
    --------
    >>> checks = check_textbook(role="primary")
    >>> sum(c.agrees is True for c in checks), len(checks)
    (24, 25)
    """
    arms = moment_arms(hip_flexion)
    out = []
    for entry in load_actions():
        if role is not None and entry.role != role:
            continue
        axis, sign = ACTION_AXES[entry.action]
        if entry.label not in TABLE_PARTS:
            out.append(TextbookCheck(entry, float("nan"), None))
            continue
        value = 1000.0 * sign * float(arms.of(*TABLE_PARTS[entry.label])[AXES.index(axis)])
        out.append(TextbookCheck(entry, value, value > 0))
    return tuple(out)


def flip_angles(parts: tuple[str, ...], axis: str, hip_flexion: ArrayLike) -> NDArray[np.float64]:
    """Return the hip flexion angles (deg) at which a moment arm changes sign.

    Parameters
    ----------
    parts
        gait2392 parts (averaged), e.g. ``("peri_r",)``; see :data:`TABLE_PARTS`.
    axis
        ``"flexion"``, ``"adduction"`` or ``"rotation"``.
    hip_flexion
        Increasing angles (deg) to search, shape ``(N,)``; crossings between two
        samples are interpolated linearly.

    Returns
    -------
    numpy.ndarray
        The crossing angles, in increasing order (empty if none).

    Examples
    --------
    >>> [round(float(a)) for a in flip_angles(("peri_r",), "rotation", range(-20, 91))]
    [57]
    """
    x = np.asarray(hip_flexion, dtype=float)
    y = np.asarray(moment_arms(x).of(*parts)[AXES.index(axis)])
    i = np.flatnonzero(np.sign(y[:-1]) * np.sign(y[1:]) < 0)
    return x[i] - y[i] * (x[i + 1] - x[i]) / (y[i + 1] - y[i])


def __getattr__(name: str) -> Any:
    """The old names, with a ``DeprecationWarning`` naming the new one."""
    return resolve(__name__, name, globals(), renamed=_RENAMED)
