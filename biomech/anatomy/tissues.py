"""Restricting tissues and the moment arms that set their rotation benefit.

A taut hip flexor is slackened by hip extension's opposite (flexion) and, if it has a
rotation moment arm, by rotating the hip in the direction of its rotation action. The
ratio of the two moment arms says how many degrees of extension one degree of
rotation buys (:mod:`biomech.anatomy.action_rule`)::

    k = |r_rot| / r_flex

The moment arms come from the simplified 3-D hip geometry (:mod:`biomech.anatomy.geometry`:
straight-line muscle paths of the generic gait2392 model, Delp et al. 1990; CC BY 3.0),
right hip, at the lockout posture: hip flexion 0 deg (thigh vertical, the anatomic
position), adduction and rotation 0, knee extended. Each flexor row of the table is
mapped to its muscle parts by :data:`biomech.anatomy.actions_by_posture.TABLE_PARTS` (parts
averaged). The geometry's sign convention: a positive flexion moment arm is a flexor, a
positive rotation moment arm an *internal* rotator. Here the direction is reported the
model's way: external rotation +1, internal rotation -1.

The published gait2392 moment arms (``gait2392_hip_moment_arms.csv``, computed with
OpenSim) stay available through :func:`moment_arms_at`, to validate the geometry.

The blog's own hypothesis, "hip flexors (all)", has no moment arms: its rotation
benefit is the illustrative parameter ``flexors_rotation_benefit`` and its direction
is external, as the blog says ("duck feet").

References
----------
Delp SL, Loan JP, Hoy MG, Zajac FE, Topp EL, Rosen JM (1990). An interactive
graphics-based model of the lower extremity to study orthopaedic surgical procedures.
IEEE Trans Biomed Eng 37:757-767.
Anderson FC, Pandy MG (1999). A dynamic optimization solution for vertical jumping in
three dimensions. Comput Methods Biomech Biomed Engin 2:201-231.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from biomech._validation import check_choice
from biomech.anatomy.action_rule import restricts_extension, rotation_benefit_from_moment_arms
from biomech.anatomy.actions_by_posture import TABLE_PARTS, label_moment_arms
from biomech.anatomy.geometry import LIGAMENTS
from biomech.anatomy.textbook import flexors
from biomech.parameters import PARAMETERS

__all__ = [
    "ALL_FLEXORS",
    "DIRECTIONS",
    "GAIT2392_MUSCLES",
    "LOCKOUT_HIP_FLEXION_DEG",
    "LIGAMENT",
    "TissueMomentArms",
    "moment_arms_at",
    "moment_arms_markdown",
    "restricting_tissues",
    "tissue_moment_arms",
    "tissue_parts",
]

ALL_FLEXORS = "hip flexors (all)"
"""The blog's hypothesis: the whole front of the hip restricts extension."""
LIGAMENT = "Iliofemoral ligament"
"""The front of the hip capsule (both bands of the iliofemoral ligament)."""

DIRECTIONS: Mapping[int, str] = MappingProxyType({1: "external", -1: "internal", 0: "none"})
"""Rotation direction (+1, -1, 0, as :func:`~biomech.anatomy.action_rule.rotation_benefit_from_moment_arms`
returns it) in words."""

LOCKOUT_HIP_FLEXION_DEG = 0.0
"""Hip flexion at which the moment arms are read: thigh vertical at lockout."""

GAIT2392_CSV = "gait2392_hip_moment_arms.csv"

# Each flexor row of Neumann's table, mapped to the gait2392 muscle part(s) that model
# it in the geometry. Where the table names one muscle that gait2392 splits
# (iliopsoas), the parts' moment arms are averaged. gait2392's glut_min1 is its most
# anterior part.
GAIT2392_MUSCLES: Mapping[str, tuple[str, ...]] = MappingProxyType({label: TABLE_PARTS[label] for label in flexors()})


@dataclass(frozen=True)
class TissueMomentArms:
    """Moment arms of one restricting tissue at the lockout posture, in mm.

    Attributes
    ----------
    tissue
        The table's label, e.g. ``"Rectus femoris"``.
    flexion_mm
        Flexion moment arm (positive = flexor).
    rotation_mm
        Rotation moment arm, model convention: positive = *external* rotator.
    source
        Where the numbers come from.
    """

    tissue: str
    flexion_mm: float
    rotation_mm: float
    source: str


@cache
def _gait2392_rows() -> tuple[dict[str, str], ...]:
    text = resources.files("biomech").joinpath("data").joinpath(GAIT2392_CSV).read_text("utf-8")
    return tuple(csv.DictReader(io.StringIO(text)))


def moment_arms_at(muscle: str, hip_flexion_deg: float) -> tuple[float, float, float]:
    """Return the published gait2392 (flexion, adduction, rotation) moment arms in metres.

    These are OpenSim's values (``gait2392_hip_moment_arms.csv``), kept to validate the
    geometry; :func:`tissue_moment_arms` uses the geometry.

    Parameters
    ----------
    muscle
        gait2392 name, e.g. ``"rect_fem_r"``.
    hip_flexion_deg
        One of the tabulated angles (-20 to 90 deg in 5 deg steps).

    Returns
    -------
    tuple of float
        In gait2392's convention (``-dL/dq``; positive = flexor, adductor,
        internal rotator).

    Raises
    ------
    ValueError
        If the muscle or the angle is not in the table.
    """
    for row in _gait2392_rows():
        if row["muscle"] == muscle and float(row["hip_flexion_deg"]) == hip_flexion_deg:
            return (
                float(row["ma_flexion_m"]),
                float(row["ma_adduction_m"]),
                float(row["ma_rotation_m"]),
            )
    raise ValueError(
        f"no gait2392 moment arms for muscle {muscle!r} at hip flexion {hip_flexion_deg} deg; "
        "muscles end in '_r' and angles run from -20 to 90 deg in 5 deg steps."
    )


@cache
def tissue_moment_arms() -> Mapping[str, TissueMomentArms]:
    """Return the lockout moment arms of every flexor row of the table.

    Returns
    -------
    Mapping
        Table label -> :class:`TissueMomentArms`, in the table's order.

    Examples
    --------
    >>> arms = tissue_moment_arms()["Rectus femoris"]
    >>> round(arms.flexion_mm, 1), round(arms.rotation_mm, 1)
    (42.5, 1.7)
    """
    result = {}
    for label, parts in GAIT2392_MUSCLES.items():
        flexion, _, rotation = label_moment_arms(label, LOCKOUT_HIP_FLEXION_DEG)
        result[label] = TissueMomentArms(
            tissue=label,
            flexion_mm=1000.0 * float(flexion),
            rotation_mm=-1000.0 * float(rotation),  # geometry: internal +; model: external +
            source=(
                f"hip geometry (biomech.anatomy.geometry: straight-line paths of gait2392, Delp et al. 1990), "
                f"{' and '.join(parts)}, hip flexion {LOCKOUT_HIP_FLEXION_DEG:g} deg"
                + (", parts averaged" if len(parts) > 1 else "")
            ),
        )
    return MappingProxyType(result)


def moment_arms_markdown() -> str:
    """Return a Markdown table of every tissue's lockout moment arms and rotation benefit.

    For each flexor row: the gait2392 parts, the geometry's flexion and rotation moment
    arms (mm; rotation external +), the published OpenSim values for comparison, and
    the rotation benefit ``k = |r_rot| / r_flex`` with its direction as
    :func:`biomech.model.blog_lockout.blog_rotation_benefit` applies them (moment arms below
    ``moment_arm_floor`` count as zero; a tissue whose flexion moment arm is below it
    cannot restrict extension).

    Examples
    --------
    >>> print(moment_arms_markdown().splitlines()[3])
    | Sartorius | sar_r | 45.1 | +5.1 | 45.1 / +5.1 | 0.11 | external |
    """
    floor = PARAMETERS["moment_arm_floor"].default
    lines = [
        "| Tissue | gait2392 parts | flexion moment arm (mm) | rotation moment arm (mm, external +) "
        "| published, OpenSim (mm) | k = abs(r_rot) / r_flex | direction |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, arms in tissue_moment_arms().items():
        published = [moment_arms_at(m, LOCKOUT_HIP_FLEXION_DEG) for m in GAIT2392_MUSCLES[label]]
        flexion = 1000.0 * sum(a[0] for a in published) / len(published)
        rotation = -1000.0 * sum(a[2] for a in published) / len(published)
        benefit, way = rotation_benefit_from_moment_arms(arms.flexion_mm, arms.rotation_mm, floor)
        if not restricts_extension(arms.flexion_mm, floor):
            k, direction = "-", "cannot restrict extension"
        else:
            k, direction = f"{float(benefit):.2f}" if benefit else "0", DIRECTIONS[int(way)]
        lines.append(
            f"| {label} | {', '.join(GAIT2392_MUSCLES[label])} | {arms.flexion_mm:.1f} | "
            f"{arms.rotation_mm:+.1f} | {flexion:.1f} / {rotation:+.1f} | {k} | {direction} |"
        )
    lines.append("")
    lines.append(
        "Geometry: straight-line muscle paths of the gait2392 model (Delp et al. 1990; "
        f"`biomech.anatomy.geometry`) at hip flexion {LOCKOUT_HIP_FLEXION_DEG:g} deg, knee extended. "
        "Published: OpenSim 4.6 on the same model (`gait2392_hip_moment_arms.csv`). "
        f"Moment arms below {floor:g} mm (`moment_arm_floor`, illustrative) count as zero."
    )
    return "\n".join(lines)


def restricting_tissues(floor_mm: float | None = None) -> tuple[str, ...]:
    """Return the flexor rows of the table that can restrict hip extension at lockout.

    Those whose flexion moment arm at lockout is at least ``floor_mm`` (default
    ``moment_arm_floor``); in the gait2392 geometry gracilis and the anterior fibres of
    gluteus minimus fall below it (:func:`~biomech.anatomy.action_rule.restricts_extension`).

    Examples
    --------
    >>> restricting_tissues()[:2]
    ('Iliopsoas', 'Sartorius')
    """
    return _restricting(float(PARAMETERS["moment_arm_floor"].default if floor_mm is None else floor_mm))


@cache
def _restricting(floor_mm: float) -> tuple[str, ...]:
    """:func:`restricting_tissues` at one floor (cached: every model call with the whole group asks)."""
    return tuple(name for name, arms in tissue_moment_arms().items() if restricts_extension(arms.flexion_mm, floor_mm))


def tissue_parts(tissue: str) -> tuple[str, ...]:
    """Return the geometry's parts (muscle parts or ligament bands) that make up a tissue.

    ``"hip flexors (all)"`` is every part of :func:`restricting_tissues`; the
    iliofemoral ligament is its two bands; a flexor row is its gait2392 parts.

    Examples
    --------
    >>> tissue_parts("Iliopsoas"), tissue_parts("Iliofemoral ligament")
    (('iliacus_r', 'psoas_r'), ('iliofem_sup_r', 'iliofem_inf_r'))
    """
    if tissue == ALL_FLEXORS:
        return tuple(dict.fromkeys(p for label in restricting_tissues() for p in GAIT2392_MUSCLES[label]))
    if tissue == LIGAMENT:
        return LIGAMENTS
    return tuple(GAIT2392_MUSCLES[check_choice("tissue", tissue, (ALL_FLEXORS, LIGAMENT, *GAIT2392_MUSCLES))])
