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

Length: Lengths, moment arms and the path-length query share one compiled path table and one
vectorised length function; the path data and the knee are already in their own modules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._validation import check_choice, check_range
from biomech.anatomy.knee import KNEE_RANGE_DEG, check_knee, tibia_pose
from biomech.anatomy.paths import (
    COORDINATES,
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

HIP_CENTRE_M: tuple[float, float, float] = (-0.0707, -0.0661, 0.0835)
"""Right hip joint centre in the pelvis frame, m (gait2392 ``hip_r`` location in pelvis)."""
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


@dataclass(frozen=True)
class _Compiled:
    """Paths as arrays: the points by bone, the segments whose length varies, the
    conditional points and the constant part of each length."""

    pelvis: NDArray[np.float64]  # (3, P) from the hip centre, coordinates first
    femur: NDArray[np.float64]
    tibia: NDArray[np.float64]
    moving: tuple[str, ...]
    sizes: tuple[int, ...]  # where each bone's points start, and the total
    start: NDArray[np.intp]  # per varying segment, its first and last point
    end: NDArray[np.intp]
    incidence: NDArray[np.float64]  # (segments, paths)
    fixed: NDArray[np.float64]
    conditional: tuple[tuple[int, int], ...]  # (point, the point before it)
    coordinate: NDArray[np.intp]
    bounds: NDArray[np.float64]


@cache
def _compiled(names: tuple[str, ...]) -> _Compiled:
    every = {**muscle_paths(), **ligament_paths()}
    keys: dict[object, int] = {}  # a point's identity -> its index in its bone's list
    bones: dict[str, list] = {"pelvis": [], "femur": [], "tibia": [], "moving": []}

    def index(path: MusclePath, i: int) -> tuple[str, int]:
        p = path.points[i]
        bone = "moving" if p.moving else p.segment
        key = (path.part, i)
        if key not in keys:
            keys[key] = len(bones[bone])
            bones[bone].append(p.moving or p.location)
        return bone, keys[key]

    segments, conditional, fixed = [], [], np.zeros(len(names))
    for m, name in enumerate(names):
        path = every[name]
        for i, (a, b) in enumerate(zip(path.points, path.points[1:], strict=False)):
            # a point has no location exactly when it is moving (paths.PathPoint)
            if (
                a.segment == b.segment
                and a.location is not None
                and b.location is not None
                and not (a.active or b.active)
            ):
                fixed[m] += float(np.linalg.norm(b.location - a.location))
            else:
                segments.append((index(path, i), index(path, i + 1), m))
        for i, p in enumerate(path.points):
            if p.active:  # never at an end, never next to another (paths.parse_paths)
                coordinate, low, high = p.active
                conditional.append((index(path, i), index(path, i - 1), COORDINATES.index(coordinate), low, high))
    sizes = tuple(int(v) for v in np.cumsum([0] + [len(v) for v in bones.values()]))
    offsets = dict(zip(bones, sizes, strict=False))

    def flat(ref: tuple[str, int]) -> int:
        return int(offsets[ref[0]] + ref[1])

    incidence = np.zeros((len(segments), len(names)))
    incidence[np.arange(len(segments)), [s[2] for s in segments]] = 1.0
    arrays = {b: np.array(bones[b], dtype=float).reshape(-1, 3) for b in ("pelvis", "femur", "tibia")}
    arrays["pelvis"] = arrays["pelvis"].T - np.asarray(HIP_CENTRE_M)[:, None]
    return _Compiled(
        **arrays,
        moving=tuple(bones["moving"]),
        sizes=sizes,
        start=np.array([flat(s[0]) for s in segments], dtype=np.intp),
        end=np.array([flat(s[1]) for s in segments], dtype=np.intp),
        incidence=incidence,
        fixed=fixed,
        conditional=tuple((flat(c[0]), flat(c[1])) for c in conditional),
        coordinate=np.array([c[2] for c in conditional], dtype=np.intp),
        bounds=np.array([c[3:] for c in conditional], dtype=float).reshape(-1, 2),
    )


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


def _rotation(f: NDArray, a: NDArray, r: NDArray) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Return ``R = Rz(f) Rx(a) Ry(r)`` (angles in deg), shape ``(..., 3, 3)``, and the
    three rotation axes in the pelvis frame, shape ``(..., 3, 3)`` (rows: flexion axis z,
    adduction axis ``Rz x``, rotation axis ``R y``, the femur's long axis)."""
    cf, sf, ca, sa, cr, sr = (g(np.radians(v)) for v in (f, a, r) for g in (np.cos, np.sin))
    zero, one = np.zeros_like(cf), np.ones_like(cf)
    c0, c1, c2 = (np.stack(v, axis=-1) for v in ((cf, sf, zero), (-sf * ca, cf * ca, sa), (sf * sa, -cf * sa, ca)))
    rotation = np.stack([cr[..., None] * c0 - sr[..., None] * c2, c1, sr[..., None] * c0 + cr[..., None] * c2], axis=-1)
    return rotation, np.stack([np.stack([zero, zero, one], axis=-1), c0, c1], axis=-2)


def _cross(w: NDArray, v: NDArray) -> NDArray[np.float64]:
    """``w x v`` along axis -2 (coordinates before points), broadcasting."""
    return np.stack(
        [
            w[..., 1, :] * v[..., 2, :] - w[..., 2, :] * v[..., 1, :],
            w[..., 2, :] * v[..., 0, :] - w[..., 0, :] * v[..., 2, :],
            w[..., 0, :] * v[..., 1, :] - w[..., 1, :] * v[..., 0, :],
        ],
        axis=-2,
    )


def _lengths(names: tuple[str, ...], angles: Sequence[NDArray], derivatives: bool) -> NDArray[np.float64]:
    """Stack the length of every named path and, if asked, dL/dq for the three hip
    angles and knee flexion (rad). Returns shape ``(1, ..., M)`` or ``(5, ..., M)``."""
    f, a, r, k = angles
    c = _compiled(names)
    rotation, axes = _rotation(f, a, r)
    knee = tibia_pose(k, c.moving)
    turn = rotation @ knee.rotation  # tibia axes in the pelvis frame
    shift = rotation @ knee.translation[..., None]  # tibia origin from the hip centre, (..., 3, 1)
    pelvis, femur, tibia, moving = (slice(i, j) for i, j in zip(c.sizes, c.sizes[1:], strict=False))
    # every point from the hip centre in the pelvis frame (coordinates before points);
    # with derivatives also the same points where they turn with the femur (0 on the
    # pelvis: dX/dq = axis x that, per hip angle) and dX/d(knee flexion)
    points = np.zeros((3 if derivatives else 1,) + f.shape + (3, c.sizes[-1]))
    rel = points[0]
    rel[..., pelvis] = c.pelvis
    rel[..., femur] = (rotation.reshape(-1, 3) @ c.femur.T).reshape(f.shape + (3, -1))
    rel[..., tibia] = (turn.reshape(-1, 3) @ c.tibia.T).reshape(f.shape + (3, -1)) + shift
    rel[..., moving] = turn @ np.swapaxes(knee.moving, -1, -2) + shift
    if derivatives:
        points[1, ..., femur.start :] = rel[..., femur.start :]
        below = slice(tibia.start, moving.stop)
        bent = points[2]
        bent[..., below] = _cross((rotation @ knee.axis)[..., None], rel[..., below] - shift)
        bent[..., below] += rotation @ knee.d_translation[..., None]
        bent[..., moving] += turn @ np.swapaxes(knee.d_moving, -1, -2)
    if c.conditional:  # a point off the path sits on the point before it
        value = np.stack([f, k], axis=-1)[..., c.coordinate]
        off = ((value < c.bounds[:, 0]) | (value > c.bounds[:, 1]))[..., None]
        for j, (point, before) in enumerate(c.conditional):
            np.copyto(points[..., point], points[..., before], where=off[..., j, :])
    d = np.take(points, c.end, axis=-1) - np.take(points, c.start, axis=-1)  # (1 or 3, ..., 3, S)
    x, y, z = d[0, ..., 0, :], d[0, ..., 1, :], d[0, ..., 2, :]
    span = np.sqrt(x * x + y * y + z * z)
    lengths = (c.fixed + span @ c.incidence)[None]
    if not derivatives:
        return lengths
    unit = d[0] / np.where(span > 0.0, span, 1.0)[..., None, :]  # a collapsed segment has d = 0
    hip = axes @ _cross(d[1], unit)  # u . (w x m) = w . (m x u), (..., 3 angles, S)
    knee_slope = np.sum(unit * d[2], axis=-2)
    slopes = np.concatenate([np.moveaxis(hip, -2, 0), knee_slope[None]]) @ c.incidence
    return np.concatenate([lengths, slopes])


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
    return _lengths(PARTS, _angles(hip_flexion, hip_adduction, hip_rotation, knee_flexion), False)[0]


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
    biomech.anatomy.actions_by_posture.action_table : the muscle-action table at a posture.

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
    _, *slopes = _lengths(PARTS, _angles(hip_flexion, hip_adduction, hip_rotation, knee_flexion), True)
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
    lengths = _lengths(chosen, _angles(hip_flexion, hip_adduction, hip_rotation, knee_flexion), False)[0]
    return lengths[..., 0] if single else lengths
