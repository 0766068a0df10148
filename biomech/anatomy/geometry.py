"""A simplified 3-D hip and knee: straight-line muscle paths and the moment arms they give.

Each hip muscle part is a chain of points, origin first, each fixed in one bone: points
in the pelvis, then in the femur, then in the tibia. Between consecutive points the
muscle runs straight (no wrapping surfaces), so its length is the sum of the segment
lengths; only segments between two bones change with the joint angles. The points are
those of the generic adult gait2392 model (Delp et al. 1990; ``hip_muscle_paths.csv``,
extracted from the model file by ``scripts/extract_gait2392_knee.py``; provenance in
``biomech/data/README.md``), right side.

Frames and angles (gait2392's, the convention of the major musculoskeletal models):

- pelvis frame: x anterior, y superior, z to the right; the hip joint centre sits at
  :data:`HIP_CENTRE_M` in it; the femur frame has its origin at the hip centre and
  coincides with the pelvis frame's axes when all hip angles are 0 (anatomic position);
- a femur point ``p`` lies at ``HIP_CENTRE_M + R p`` in the pelvis frame, with
  ``R = Rz(flexion) Rx(adduction) Ry(rotation)``: flexion about the pelvis' medio-lateral
  axis, then adduction, then rotation about the femur's long axis (each axis moves with
  the rotations before it). Flexion +, adduction +, internal rotation + (degrees);
- the tibia frame turns about the femur's z axis by the knee angle and slides along the
  femur's x and y axes on gait2392's splines (:mod:`biomech.anatomy.knee`). **Knee flexion is
  positive** (0 = straight, up to 120 deg); gait2392's own ``knee_angle_r`` is its
  negative. Rectus femoris' insertion moves in the tibia frame with the knee (the
  patella), also on splines;
- a moment arm is ``-dL/dq`` with ``q`` in radians, in metres: positive = hip flexor,
  adductor, internal rotator, **knee flexor**. It is computed analytically.

Some via points are on the path only in a range of one angle (the CSV's
``active_coordinate``, ``active_from_deg``, ``active_to_deg``), as in the published
model: iliacus and psoas pass over the pelvic brim only up to 45 deg of hip flexion;
semimembranosus, semitendinosus and gracilis pass a via point on the posteromedial
tibia only up to 32, 19 and 25 deg of knee flexion; rectus femoris runs over the distal
femur only from 83.65 deg. Lengths step there by 0.56 mm at most (iliacus; under
0.02 mm at the knee switches) and moment arms jump, as in the published model. Every
function takes scalars or 1-D arrays of angles (shape ``(N,)``), broadcast together;
results put the parts on the last axis (shape ``(M,)`` or ``(N, M)``, in the order of
:data:`PARTS`, or of the names asked for).

Two bands of the iliofemoral ligament, the front of the hip capsule (:data:`LIGAMENTS`:
``iliofem_sup_r``, the superior or lateral band, and ``iliofem_inf_r``, the inferior or
medial band), are straight lines between a pelvis and a femur landmark in the same
frames; :func:`path_length` gives their lengths with the same machinery. Their landmarks
are **illustrative** (``hip_ligaments.csv``: placed on gait2392's bone meshes from
anatomical descriptions, not measured). They are not muscle parts: :data:`PARTS`,
:func:`muscle_length` and :func:`moment_arms` leave them out.

References
----------
Delp SL, Loan JP, Hoy MG, Zajac FE, Topp EL, Rosen JM (1990). An interactive
graphics-based model of the lower extremity to study orthopaedic surgical procedures.
IEEE Trans Biomed Eng 37:757-767.

Lengths, moment arms and the path-length query share one compiled path table and one
vectorised length function, :mod:`biomech.anatomy.path_lengths` (``HIP_CENTRE_M``, read
from ``joint_frames.csv``, is defined there and re-exported here); the path data and the knee are in their own modules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._validation import check_choice, check_range
from biomech.anatomy.knee import KNEE_RANGE_DEG, check_knee
from biomech.anatomy.path_lengths import HIP_CENTRE_M, stacked_lengths
from biomech.anatomy.paths import (
    DATA_FILE,
    LIGAMENTS_FILE,
    MusclePath,
    PathPoint,
    ligament_paths,
    muscle_paths,
)

__all__ = [
    "AXES",
    "DATA_FILE",
    "HIP_CENTRE_M",
    "HIP_RANGE_DEG",
    "KNEE_RANGE_DEG",
    "LIGAMENTS",
    "LIGAMENTS_FILE",
    "PARTS",
    "MomentArms",
    "MusclePath",
    "PathPoint",
    "ligament_paths",
    "moment_arms",
    "muscle_length",
    "muscle_paths",
    "path_length",
]

HIP_RANGE_DEG: tuple[float, float] = (-120.0, 120.0)
"""Accepted range of each hip angle, deg (gait2392's coordinate range, +-2.0944 rad)."""
AXES: tuple[str, ...] = ("flexion", "adduction", "rotation")
"""The hip's three coordinates, in rotation order."""

Value = float | NDArray[np.float64]


@dataclass(frozen=True)
class MomentArms:
    """Moment arms of every muscle part, in metres (``-dL/dq``, q in radians).

    Attributes
    ----------
    parts
        Part names, the last axis of every array.
    flexion, adduction, rotation
        Hip moment arms, shape ``(M,)`` or ``(N, M)``: positive = flexor, adductor,
        internal rotator; negative = extensor, abductor, external rotator.
    knee
        Knee moment arms (``-dL/d(knee flexion)``): positive = knee flexor, negative =
        knee extensor, 0 for a muscle that does not cross the knee.
    """

    parts: tuple[str, ...]
    flexion: NDArray[np.float64]
    adduction: NDArray[np.float64]
    rotation: NDArray[np.float64]
    knee: NDArray[np.float64]

    def of(self, *parts: str) -> tuple[Value, Value, Value]:
        """Return the mean hip (flexion, adduction, rotation) moment arm of ``parts``.

        Raises
        ------
        ValueError
            If a part is unknown or none is given.

        Examples
        --------
        >>> flexion, _, _ = moment_arms(0.0).of("iliacus_r", "psoas_r")
        >>> round(1000 * flexion, 1)
        39.0
        """
        if not parts:
            raise ValueError("'parts' must name at least one muscle part; got none.")
        index = [self.parts.index(check_choice("part", p, self.parts)) for p in parts]
        means = [np.mean(a[..., index], axis=-1) for a in (self.flexion, self.adduction, self.rotation)]
        f, a, r = (float(m) if np.ndim(m) == 0 else m for m in means)
        return f, a, r


PARTS: tuple[str, ...] = tuple(muscle_paths())
"""Every modelled muscle part (gait2392 names), in the order of the result arrays."""
LIGAMENTS: tuple[str, ...] = tuple(ligament_paths())
"""The ligament bands (not muscle parts): ``iliofem_sup_r``, ``iliofem_inf_r``."""


def _angles(*values: ArrayLike) -> Sequence[NDArray[np.float64]]:
    """Validate the angles (deg; hip flexion, adduction, rotation, knee flexion) and
    broadcast them together."""
    names = ("hip_flexion", "hip_adduction", "hip_rotation", "knee_flexion")
    checked = [check_range(n, v, *HIP_RANGE_DEG) for n, v in zip(names[:3], values, strict=False)] + [
        check_knee(values[3])
    ]
    try:
        return np.broadcast_arrays(*checked)
    except ValueError:
        shapes = {n: v.shape for n, v in zip(names, checked, strict=False)}
        raise ValueError(f"hip and knee angles must have the same length; got shapes {shapes}.") from None


def muscle_length(
    hip_flexion: ArrayLike = 0.0,
    hip_adduction: ArrayLike = 0.0,
    hip_rotation: ArrayLike = 0.0,
    knee_flexion: ArrayLike = 0.0,
) -> NDArray[np.float64]:
    """Return the musculotendon length of every part, in metres.

    Parameters
    ----------
    hip_flexion, hip_adduction, hip_rotation
        Hip angles in degrees (flexion +, adduction +, internal rotation +), each a
        scalar or shape ``(N,)``, within :data:`HIP_RANGE_DEG`.
    knee_flexion
        Knee flexion in degrees (0 = straight, flexion +), within :data:`KNEE_RANGE_DEG`.

    Returns
    -------
    numpy.ndarray
        Shape ``(M,)`` or ``(N, M)``, parts in the order of :data:`PARTS`.

    Raises
    ------
    ValueError
        For NaN, infinite or out-of-range angles, or shapes that do not broadcast.

    Examples
    --------
    Rectus femoris crosses both joints: bending the knee to 80 deg stretches it by
    about 62 mm.

    >>> rect_fem = muscle_length(0.0, knee_flexion=[0.0, 80.0])[:, PARTS.index("rect_fem_r")]
    >>> [round(float(v), 4) for v in rect_fem]
    [0.4103, 0.4722]
    """
    return stacked_lengths(PARTS, _angles(hip_flexion, hip_adduction, hip_rotation, knee_flexion), False)[0]


def moment_arms(
    hip_flexion: ArrayLike = 0.0,
    hip_adduction: ArrayLike = 0.0,
    hip_rotation: ArrayLike = 0.0,
    knee_flexion: ArrayLike = 0.0,
) -> MomentArms:
    """Return the hip and knee moment arms of every part, in metres.

    Parameters
    ----------
    hip_flexion, hip_adduction, hip_rotation
        Hip angles in degrees (flexion +, adduction +, internal rotation +), each a
        scalar or shape ``(N,)``, within :data:`HIP_RANGE_DEG`.
    knee_flexion
        Knee flexion in degrees (0 = straight, flexion +), within :data:`KNEE_RANGE_DEG`.

    Returns
    -------
    MomentArms
        ``-dL/dq`` per coordinate (q in radians): positive = hip flexor, adductor,
        internal rotator, knee flexor. Arrays of shape ``(M,)`` or ``(N, M)``.

    Raises
    ------
    ValueError
        For NaN, infinite or out-of-range angles, or shapes that do not broadcast.

    See Also
    --------
    biomech.anatomy.actions_by_posture.action_table_cells : the muscle-action table at a posture.

    Examples
    --------
    Piriformis rotates the hip externally in the anatomic position and internally
    with the hip flexed to 90 deg:

    >>> arms = moment_arms([0.0, 90.0])
    >>> [round(1000 * float(r), 1) for r in arms.of("peri_r")[2]]
    [-29.2, 14.7]

    Biceps femoris (long head) flexes the knee; rectus femoris extends it:

    >>> arms = moment_arms(knee_flexion=30.0)
    >>> [round(1000 * float(arms.knee[PARTS.index(p)]), 1) for p in ("bifemlh_r", "rect_fem_r")]
    [34.8, -49.6]
    """
    _, *slopes = stacked_lengths(PARTS, _angles(hip_flexion, hip_adduction, hip_rotation, knee_flexion), True)
    return MomentArms(PARTS, -slopes[0], -slopes[1], -slopes[2], -slopes[3])


def path_length(
    names: str | Sequence[str],
    hip_flexion: ArrayLike = 0.0,
    hip_adduction: ArrayLike = 0.0,
    hip_rotation: ArrayLike = 0.0,
    knee_flexion: ArrayLike = 0.0,
) -> NDArray[np.float64]:
    """Return the length of named muscle parts or ligament bands, in metres.

    Parameters
    ----------
    names
        One name or a sequence of names from :data:`PARTS` and :data:`LIGAMENTS`.
    hip_flexion, hip_adduction, hip_rotation, knee_flexion
        As in :func:`muscle_length`.

    Returns
    -------
    numpy.ndarray
        For one name, shape ``()`` or ``(N,)``; for a sequence, ``(K,)`` or ``(N, K)``
        in the order given.

    Raises
    ------
    ValueError
        For an unknown name (with the closest suggestion), no name, or bad angles.

    Examples
    --------
    Both bands of the iliofemoral ligament shorten as the hip flexes and lengthen as it
    extends (hip flexion 30, 0 and -20 deg; mm):

    >>> bands = path_length(LIGAMENTS, hip_flexion=[30.0, 0.0, -20.0])
    >>> (1000 * bands).round(1).tolist()
    [[54.0, 71.3], [58.2, 83.9], [60.5, 89.8]]
    """
    single = isinstance(names, str)
    chosen = tuple(check_choice("name", n, PARTS + LIGAMENTS) for n in ([names] if single else names))
    if not chosen:
        raise ValueError("'names' must name at least one muscle part or ligament band; got none.")
    lengths = stacked_lengths(chosen, _angles(hip_flexion, hip_adduction, hip_rotation, knee_flexion), False)[0]
    return lengths[..., 0] if single else lengths
