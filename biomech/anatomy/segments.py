"""The lifter's body segments: lengths, masses and the sagittal chain's shared shapes (numpy only).

Two data files, both in units of standing height H or of body mass:

- ``biomech/data/segments.csv``: segment proportions in H (Winter's Fig. 4.1, after
  Drillis & Contini 1966; pelvis and spine shape illustrative), loaded into
  :data:`SEGMENTS`;
- ``biomech/data/segment_masses.csv``: segment masses as fractions of body mass and
  where each segment's centre of mass lies along it (Winter's Table 4.1, Dempster's
  data, read in a secondary source), loaded into :data:`SEGMENT_MASSES`.

The side view of the lifter (:mod:`biomech.scene.pose`) and the balance at lockout
(:mod:`biomech.model.balance`) build the same chain from these numbers: the functions
here (:func:`turn`, :func:`lumbar_arc`, :func:`sacrum_in_pelvis`) and
:data:`TRUNK_LENGTH` and :data:`SHOULDER_FORWARD` are that chain's shared parts, so
the drawing and the model cannot drift apart.

Examples
--------
>>> SEGMENTS["foot_length"], SEGMENT_MASSES["thigh"].mass, SEGMENT_MASSES["thigh"].count
(0.152, 0.1, 2)
>>> round(sum(s.mass * s.count for s in SEGMENT_MASSES.values()), 6)  # the whole body
1.0
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech.parameters import PARAMETERS

__all__ = [
    "LUMBAR_POINTS",
    "SEGMENTS",
    "SEGMENT_MASSES",
    "SHOULDER_FORWARD",
    "STANDING_HEIGHT_M",
    "SegmentMass",
    "TRUNK_LENGTH",
    "lumbar_arc",
    "mid_foot",
    "sacrum_in_pelvis",
    "turn",
]

STANDING_HEIGHT_M = 1.75
"""The standing height H assumed where a length in H is given in metres (a 45 cm plate in
``segments.csv``, centimetres in the lessons): not a measurement."""

LUMBAR_POINTS = 25
"""Points on the drawn lumbar curve, S1 to T12, equal arc steps."""

SHOULDER_FORWARD = 0.045
"""The shoulder joint sits this far (H) in front of the spine's top (C7) in a side view,
square to the trunk: a drawing shape, illustrative."""


def _read(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    text = resources.files("biomech").joinpath("data").joinpath(name).read_text("utf-8")
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != columns:
        raise ValueError(f"{name}: columns must be {list(columns)}; got {reader.fieldnames}.")
    return list(reader)


SEGMENTS: Mapping[str, float] = MappingProxyType(
    {row["name"]: float(row["value"]) for row in _read("segments.csv", ("name", "value", "unit", "meaning", "source"))}
)
"""Segment proportions from ``segments.csv``, in H (fractions of standing height)."""


@dataclass(frozen=True)
class SegmentMass:
    """One row of ``segment_masses.csv``.

    Attributes
    ----------
    name
        Segment name (``"foot"``, ``"leg"``, ``"thigh"``, ``"trunk"``, ``"head_neck"``,
        ``"upper_arm"``, ``"forearm"``, ``"hand"``).
    mass
        Mass of one segment as a fraction of body mass.
    com_from_proximal
        Where its centre of mass lies, as a fraction of the segment's length from the
        proximal end.
    proximal, distal
        The segment's end points as the table defines them.
    count
        How many the body has (2 for the limbs, 1 for trunk and head).
    source
        Citation, with "secondary" where it was read in a secondary source, or
        "illustrative".
    """

    name: str
    mass: float
    com_from_proximal: float
    proximal: str
    distal: str
    count: int
    source: str


def _load_masses() -> Mapping[str, SegmentMass]:
    columns = ("segment", "mass", "com_from_proximal", "proximal", "distal", "count", "source")
    rows = _read("segment_masses.csv", columns)
    table = {
        r["segment"]: SegmentMass(
            r["segment"],
            float(r["mass"]),
            float(r["com_from_proximal"]),
            r["proximal"],
            r["distal"],
            int(r["count"]),
            r["source"],
        )
        for r in rows
    }
    total = sum(s.mass * s.count for s in table.values())
    if abs(total - 1.0) > 1e-9:
        raise ValueError(f"segment_masses.csv: the segments must add up to the body mass; they add up to {total}.")
    return MappingProxyType(table)


SEGMENT_MASSES: Mapping[str, SegmentMass] = _load_masses()
"""Segment masses (fractions of body mass, adding up to 1) and centre-of-mass positions."""


def mid_foot() -> float:
    """Return the mid-foot's distance in front of the ankle joint, in H.

    The mid-foot is the point half the foot's length from the heel (the coaches'
    reference for the bar at lockout, e.g. Rippetoe 2011; the exact point is a
    convention): ``foot_length / 2 - heel_to_ankle``.

    Examples
    --------
    >>> round(mid_foot(), 3)
    0.041
    """
    return SEGMENTS["foot_length"] / 2 - SEGMENTS["heel_to_ankle"]


def turn(points: ArrayLike, angle_deg: float) -> NDArray[np.float64]:
    """Rotate points clockwise (forward, for a figure facing +x) by ``angle_deg``."""
    a = np.radians(angle_deg)
    c, s = np.cos(a), np.sin(a)
    return np.asarray(points, dtype=float) @ np.array([[c, -s], [s, c]])


def lumbar_arc(
    start: ArrayLike, angle0: ArrayLike, lordosis: ArrayLike, *, points: int = LUMBAR_POINTS
) -> NDArray[np.float64]:
    """Return points of the lumbar curve: a circular arc of fixed length (``lumbar_length``).

    Parameters
    ----------
    start
        S1, shape ``(..., 2)``, in H.
    angle0
        Tangent at S1, degrees from vertical, forward +; shape ``(...)``.
    lordosis
        Turning angle from S1 to T12, degrees (the tangent at T12 is ``angle0 - lordosis``).
    points
        Points along the arc, equal arc steps, S1 first and T12 last (2 gives the ends only).

    Returns
    -------
    numpy.ndarray
        Shape ``(..., points, 2)``.
    """
    length = SEGMENTS["lumbar_length"]
    s = np.linspace(0.0, length, points)
    t0 = np.radians(np.asarray(angle0, dtype=float))[..., None]
    kappa = (np.radians(np.asarray(lordosis, dtype=float)) / length)[..., None]
    straight = np.abs(kappa) < 1e-9
    k = np.where(straight, 1.0, kappa)
    t = t0 - kappa * s
    dx = np.where(straight, s * np.sin(t0), (np.cos(t) - np.cos(t0)) / k)
    dy = np.where(straight, s * np.cos(t0), (np.sin(t0) - np.sin(t)) / k)
    return np.asarray(start, dtype=float)[..., None, :] + np.stack([dx, dy], axis=-1)


def sacrum_in_pelvis(standing_tilt: float, standing_lordosis: float) -> float:
    """Angle of the S1 tangent in the pelvis frame so that standing puts T12 vertical."""
    return standing_lordosis - standing_tilt


def _standing_trunk_length() -> float:
    """T12 to C7, so that the standing figure's shoulders are at Winter's height."""
    s = SEGMENTS
    tilt = PARAMETERS["standing_pelvic_tilt"].default
    lordosis = PARAMETERS["standing_lumbar_lordosis"].default
    sacrum = turn([-s["sacrum_behind_hip"], s["sacrum_above_hip"]], tilt) + [0.0, s["hip_height"]]
    top = lumbar_arc(sacrum, lordosis, lordosis, points=2)[-1]  # S1 tangent = offset + tilt = lordosis
    return s["shoulder_height"] - float(top[1])


TRUNK_LENGTH: float = _standing_trunk_length()
"""T12 to C7 (H), set so that the standing figure's shoulders are at Winter's shoulder height."""
