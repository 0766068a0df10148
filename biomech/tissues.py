"""Restricting tissues and the moment arms that set their rotation benefit.

A taut hip flexor is slackened by hip extension's opposite (flexion) and, if it has a
rotation moment arm, by rotating the hip in the direction of its rotation action. The
ratio of the two moment arms says how many degrees of extension one degree of
rotation buys (DESIGN.md section 2)::

    k = |r_rot| / r_flex

The moment arms come from the generic gait2392 model (Delp et al. 1990; Anderson &
Pandy 1999; CC BY 3.0; computed with OpenSim 4.6), right hip, at the lockout posture:
hip flexion 0 deg (thigh vertical, the anatomic position), adduction and rotation 0,
knee extended. Sign convention of that data set: a positive flexion moment arm is a
flexor, a positive rotation moment arm an *internal* rotator. Here the direction is
reported the model's way: external rotation +1, internal rotation -1.

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

__all__ = [
    "ALL_FLEXORS",
    "GAIT2392_MUSCLES",
    "LOCKOUT_HIP_FLEXION_DEG",
    "TissueMomentArms",
    "moment_arms_at",
    "tissue_moment_arms",
]

ALL_FLEXORS = "hip flexors (all)"
"""The blog's hypothesis: the whole front of the hip restricts extension."""

LOCKOUT_HIP_FLEXION_DEG = 0.0
"""Hip flexion at which the moment arms are read: thigh vertical at lockout."""

GAIT2392_CSV = "gait2392_hip_moment_arms.csv"

# Each flexor row of Neumann's table, mapped to the gait2392 muscle(s) that model it.
# Where the table names one muscle that gait2392 splits (iliopsoas), the parts'
# moment arms are averaged. gait2392's glut_min1 is its most anterior part.
GAIT2392_MUSCLES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "Iliopsoas": ("iliacus_r", "psoas_r"),
    "Sartorius": ("sar_r",),
    "Tensor fasciae latae": ("tfl_r",),
    "Rectus femoris": ("rect_fem_r",),
    "Adductor longus": ("add_long_r",),
    "Pectineus": ("pect_r",),
    "Adductor brevis": ("add_brev_r",),
    "Gracilis": ("grac_r",),
    "Gluteus minimus (anterior fibers)": ("glut_min1_r",),
})


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
    text = resources.files("biomech").joinpath("data", GAIT2392_CSV).read_text("utf-8")
    return tuple(csv.DictReader(io.StringIO(text)))


def moment_arms_at(muscle: str, hip_flexion_deg: float) -> tuple[float, float, float]:
    """Return gait2392's (flexion, adduction, rotation) moment arms in metres.

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
    for label, muscles in GAIT2392_MUSCLES.items():
        arms = [moment_arms_at(m, LOCKOUT_HIP_FLEXION_DEG) for m in muscles]
        flexion = sum(a[0] for a in arms) / len(arms)
        rotation = sum(a[2] for a in arms) / len(arms)
        parts = " and ".join(muscles)
        result[label] = TissueMomentArms(
            tissue=label,
            flexion_mm=1000.0 * flexion,
            rotation_mm=-1000.0 * rotation,  # gait2392: internal +; model: external +
            source=(
                f"gait2392 (Delp et al. 1990; Anderson & Pandy 1999), {parts}, "
                f"hip flexion {LOCKOUT_HIP_FLEXION_DEG:g} deg"
                + (", parts averaged" if len(muscles) > 1 else "")
            ),
        )
    return MappingProxyType(result)
