"""A simplified 3-D hip: straight-line muscle paths and the moment arms they give.

Each hip muscle part is a chain of points, origin first: zero or more points fixed in
the pelvis, then one or more fixed in the femur. Between consecutive points the muscle
runs straight (no wrapping surfaces), so its length is the sum of the segment lengths
and only the one segment that crosses the joint changes with hip angle. The points are
those of the generic adult gait2392 model (Delp et al. 1990; ``hip_muscle_paths.csv``,
provenance in ``biomech/data/README.md``), right hip, knee fully extended.

Frames and angles (gait2392's, the convention of the major musculoskeletal models):

- pelvis frame: x anterior, y superior, z to the right; the hip joint centre sits at
  :data:`HIP_CENTRE_M` in it; the femur frame has its origin at the hip centre and
  coincides with the pelvis frame's axes when all hip angles are 0 (anatomic position);
- a femur point ``p`` lies at ``HIP_CENTRE_M + R p`` in the pelvis frame, with
  ``R = Rz(flexion) Rx(adduction) Ry(rotation)``: flexion about the pelvis' medio-lateral
  axis, then adduction, then rotation about the femur's long axis (each axis moves with
  the rotations before it). Flexion +, adduction +, internal rotation + (degrees);
- a moment arm is ``-dL/dq`` with ``q`` in radians, in metres: positive = flexor,
  adductor, internal rotator. It is computed analytically from the crossing segment.

One gait2392 via point depends on hip angle: iliacus and psoas pass over the pelvic
brim only up to 45 deg of flexion (the CSV's ``active_from_deg``/``active_to_deg``), so
their length steps by under 1 mm there, as in the published model. Every function takes
scalars or 1-D arrays of angles (shape ``(N,)``), broadcast together; results put the
muscle parts on the last axis (shape ``(M,)`` or ``(N, M)``, in the order of
:data:`PARTS`).

References
----------
Delp SL, Loan JP, Hoy MG, Zajac FE, Topp EL, Rosen JM (1990). An interactive
graphics-based model of the lower extremity to study orthopaedic surgical procedures.
IEEE Trans Biomed Eng 37:757-767.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._validation import check_choice, check_range

__all__ = [
    "AXES",
    "DATA_FILE",
    "HIP_CENTRE_M",
    "HIP_RANGE_DEG",
    "PARTS",
    "MomentArms",
    "MusclePath",
    "moment_arms",
    "muscle_length",
    "muscle_paths",
]

DATA_FILE = "hip_muscle_paths.csv"
HIP_CENTRE_M: tuple[float, float, float] = (-0.0707, -0.0661, 0.0835)
"""Right hip joint centre in the pelvis frame, m (gait2392 ``hip_r`` location in pelvis)."""
HIP_RANGE_DEG: tuple[float, float] = (-120.0, 120.0)
"""Accepted range of each hip angle, deg (gait2392's coordinate range, +-2.0944 rad)."""
AXES: tuple[str, ...] = ("flexion", "adduction", "rotation")
"""The hip's three coordinates, in rotation order."""

_COLUMNS = ("part", "segment", "point", "x_m", "y_m", "z_m",
            "active_from_deg", "active_to_deg", "source")
Value = Union[float, NDArray[np.float64]]


@dataclass(frozen=True)
class MusclePath:
    """The points of one muscle part, origin first, in metres.

    Attributes
    ----------
    part
        gait2392 name, e.g. ``"glut_med1_r"``.
    pelvis, femur
        Points fixed in the pelvis and in the femur frame, shapes ``(P, 3)``, ``(F, 3)``.
    active_deg
        For each pelvis point, the hip-flexion range (deg) in which it is on the path;
        ``(-inf, inf)`` for an ordinary point.
    """

    part: str
    pelvis: NDArray[np.float64]
    femur: NDArray[np.float64]
    active_deg: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class MomentArms:
    """Hip moment arms of every muscle part, in metres (``-dL/dq``, q in radians).

    Attributes
    ----------
    parts
        Part names, the last axis of every array.
    flexion, adduction, rotation
        Moment arms, shape ``(M,)`` or ``(N, M)``: positive = flexor, adductor,
        internal rotator; negative = extensor, abductor, external rotator.
    """

    parts: tuple[str, ...]
    flexion: NDArray[np.float64]
    adduction: NDArray[np.float64]
    rotation: NDArray[np.float64]

    def of(self, *parts: str) -> tuple[Value, Value, Value]:
        """Return the mean (flexion, adduction, rotation) moment arm of ``parts``.

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


@cache
def muscle_paths() -> Mapping[str, MusclePath]:
    """Load the muscle paths from ``hip_muscle_paths.csv``, in file order.

    Returns
    -------
    Mapping
        Part name -> :class:`MusclePath`.

    Raises
    ------
    ValueError
        If the columns differ, a part's points are not numbered 1, 2, ... with its
        pelvis points first, it lacks a fixed pelvis origin or a femur point, or a
        point other than its last pelvis point is conditional; the message names the
        file and the line or part.
    """
    return _parse(resources.files("biomech").joinpath("data", DATA_FILE).read_text("utf-8"))


def _parse(text: str) -> Mapping[str, MusclePath]:
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise ValueError(f"{DATA_FILE}: columns must be {_COLUMNS}; got {reader.fieldnames}.")
    rows: dict[str, list[dict[str, str]]] = {}
    for line, row in enumerate(reader, start=2):
        points = rows.setdefault(row["part"], [])
        order = [r["segment"] for r in points] + [row["segment"]]
        if row["point"] != str(len(order)) or order != sorted(order, key=("pelvis", "femur").index):
            raise ValueError(f"{DATA_FILE}, line {line}: expected point {len(order)}, "
                             "pelvis points first, then femur points.")
        points.append(row)
    paths = {}
    for part, points in rows.items():
        pelvis = [r for r in points if r["segment"] == "pelvis"]
        ranges = [(float(r["active_from_deg"] or "-inf"), float(r["active_to_deg"] or "inf")) for r in points]
        conditional = [i for i, rng in enumerate(ranges) if rng != (-np.inf, np.inf)]
        if not 0 < len(pelvis) < len(points) or conditional not in ([], [len(pelvis) - 1]) or 0 in conditional:
            raise ValueError(f"{DATA_FILE}: {part!r} needs a fixed pelvis origin and a femur point; "
                             "only its last pelvis point may be conditional.")
        xyz = np.array([[float(r[c]) for c in ("x_m", "y_m", "z_m")] for r in points])
        paths[part] = MusclePath(part, xyz[: len(pelvis)], xyz[len(pelvis):], tuple(ranges[: len(pelvis)]))
    return MappingProxyType(paths)


PARTS: tuple[str, ...] = tuple(muscle_paths())
"""Every modelled muscle part (gait2392 names), in the order of the result arrays."""


@cache
def _arrays() -> dict[str, NDArray[np.float64]]:
    """Per part: where the crossing segment starts with the last pelvis point on the
    path (``on``) or, if that point is conditional and off, without it (``off``); the
    path length that does not change; and the hip-flexion range of the last point."""
    def polyline(points: NDArray) -> float:
        return float(np.sum(np.linalg.norm(np.diff(points, axis=0), axis=1)))

    out: dict[str, list] = {k: [] for k in ("on", "off", "fixed_on", "fixed_off", "lo", "hi", "femur")}
    for path in muscle_paths().values():
        lo, hi = path.active_deg[-1]
        off = path.pelvis if (lo, hi) == (-np.inf, np.inf) else path.pelvis[:-1]
        for key, pelvis in (("on", path.pelvis), ("off", off)):
            out[key].append(pelvis[-1])
            out["fixed_" + key].append(polyline(pelvis) + polyline(path.femur))
        out["lo"].append(lo)
        out["hi"].append(hi)
        out["femur"].append(path.femur[0])
    return {k: np.array(v, dtype=float) for k, v in out.items()}


def _angles(
    hip_flexion: ArrayLike, hip_adduction: ArrayLike, hip_rotation: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Validate the angles (deg) and broadcast them together."""
    names = ("hip_flexion", "hip_adduction", "hip_rotation")
    values = [check_range(n, v, *HIP_RANGE_DEG) for n, v in zip(names, (hip_flexion, hip_adduction, hip_rotation))]
    try:
        f, a, r = np.broadcast_arrays(*values)
    except ValueError:
        shapes = {n: v.shape for n, v in zip(names, values)}
        raise ValueError(f"hip angles must have the same length; got shapes {shapes}.") from None
    return f, a, r


def _rotations(f: NDArray, a: NDArray, r: NDArray) -> NDArray[np.float64]:
    """Return ``R`` and its three partial derivatives, shape ``(4, ..., 3, 3)``."""
    def axis_matrices(angle: NDArray, i: int, j: int) -> tuple[NDArray, NDArray]:
        c, s = np.cos(angle), np.sin(angle)
        m = np.zeros(angle.shape + (3, 3))
        d = np.zeros_like(m)
        k = 3 - i - j
        m[..., k, k] = 1.0
        m[..., i, i], m[..., i, j], m[..., j, i], m[..., j, j] = c, -s, s, c
        d[..., i, i], d[..., i, j], d[..., j, i], d[..., j, j] = -s, -c, c, -s
        return m, d

    rz, dz = axis_matrices(np.radians(f), 0, 1)  # flexion about z
    rx, dx = axis_matrices(np.radians(a), 1, 2)  # adduction about x
    ry, dy = axis_matrices(np.radians(r), 2, 0)  # rotation about y
    return np.stack([rz @ rx @ ry, dz @ rx @ ry, rz @ dx @ ry, rz @ rx @ dy])


def _lengths(
    hip_flexion: ArrayLike, hip_adduction: ArrayLike, hip_rotation: ArrayLike, derivatives: bool
) -> NDArray[np.float64]:
    """Stack the length of every part and, if asked, dL/dq for the three angles (rad).

    Returns shape ``(1, ..., M)``, or ``(4, ..., M)`` with the derivatives.
    """
    f, a, r = _angles(hip_flexion, hip_adduction, hip_rotation)
    k = _arrays()
    mats = _rotations(f, a, r)[: 4 if derivatives else 1]
    # femur points in the pelvis frame, (q, ..., 3, M); one 2-D product is fastest
    moved = (mats.reshape(-1, 3) @ k["femur"].T).reshape(mats.shape[:-1] + (-1,))
    active = (f[..., None] >= k["lo"]) & (f[..., None] <= k["hi"])  # (..., M)
    start = np.where(active[..., None, :], k["on"].T, k["off"].T)
    fixed = np.where(active, k["fixed_on"], k["fixed_off"])
    d = np.asarray(HIP_CENTRE_M)[:, None] + moved[0] - start  # the crossing segment
    span = np.sqrt(np.sum(d * d, axis=-2))
    slopes = np.sum((d / span[..., None, :]) * moved[1:], axis=-2)
    return np.concatenate([(fixed + span)[None], slopes])


def muscle_length(
    hip_flexion: ArrayLike = 0.0, hip_adduction: ArrayLike = 0.0, hip_rotation: ArrayLike = 0.0
) -> NDArray[np.float64]:
    """Return the musculotendon length of every part, in metres.

    Parameters
    ----------
    hip_flexion, hip_adduction, hip_rotation
        Hip angles in degrees (flexion +, adduction +, internal rotation +), each a
        scalar or shape ``(N,)``, within :data:`HIP_RANGE_DEG`.

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
    >>> lengths = muscle_length(0.0)
    >>> round(float(lengths[PARTS.index("rect_fem_r")]), 4)
    0.4103
    """
    return _lengths(hip_flexion, hip_adduction, hip_rotation, derivatives=False)[0]


def moment_arms(
    hip_flexion: ArrayLike = 0.0, hip_adduction: ArrayLike = 0.0, hip_rotation: ArrayLike = 0.0
) -> MomentArms:
    """Return the flexion, adduction and rotation moment arms of every part, in metres.

    Parameters
    ----------
    hip_flexion, hip_adduction, hip_rotation
        Hip angles in degrees (flexion +, adduction +, internal rotation +), each a
        scalar or shape ``(N,)``, within :data:`HIP_RANGE_DEG`.

    Returns
    -------
    MomentArms
        ``-dL/dq`` per coordinate (q in radians): positive = flexor, adductor,
        internal rotator. Arrays of shape ``(M,)`` or ``(N, M)``.

    Raises
    ------
    ValueError
        For NaN, infinite or out-of-range angles, or shapes that do not broadcast.

    See Also
    --------
    biomech.anatomy.actions_by_posture.action_table : the muscle-action table at a posture.

    Examples
    --------
    Piriformis rotates the hip externally in the anatomic position and internally
    with the hip flexed to 90 deg:

    >>> arms = moment_arms([0.0, 90.0])
    >>> [round(1000 * float(r), 1) for r in arms.of("peri_r")[2]]
    [-29.2, 14.7]
    """
    _, *slopes = _lengths(hip_flexion, hip_adduction, hip_rotation, derivatives=True)
    return MomentArms(PARTS, -slopes[0], -slopes[1], -slopes[2])
