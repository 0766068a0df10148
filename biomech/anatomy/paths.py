"""The muscle paths as data: each part's points, the bone each is fixed in, and the
via points that are on the path only in a range of one joint angle.

Read from ``hip_muscle_paths.csv`` (gait2392, written by
``scripts/extract_gait2392_knee.py``) and, for two bands of the iliofemoral ligament with
illustrative landmarks, ``hip_ligaments.csv`` (same columns); provenance in
``biomech/data/README.md``. The geometry (:mod:`biomech.anatomy.geometry`) turns these points
into lengths and moment arms.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "COORDINATES",
    "DATA_FILE",
    "LIGAMENTS_FILE",
    "SEGMENTS",
    "MusclePath",
    "PathPoint",
    "ligament_paths",
    "muscle_paths",
    "parse_paths",
]

DATA_FILE = "hip_muscle_paths.csv"
LIGAMENTS_FILE = "hip_ligaments.csv"
_COLUMNS = (
    "part",
    "segment",
    "point",
    "x_m",
    "y_m",
    "z_m",
    "active_coordinate",
    "active_from_deg",
    "active_to_deg",
    "source",
)
SEGMENTS = ("pelvis", "femur", "tibia")
"""The bones a point can be fixed in, in path order."""
COORDINATES = ("hip_flexion", "knee_flexion")
"""The coordinates a conditional point can depend on (deg, flexion +)."""


@dataclass(frozen=True)
class PathPoint:
    """One point of a path.

    Attributes
    ----------
    segment
        The bone it is fixed in: ``"pelvis"``, ``"femur"`` or ``"tibia"``.
    location
        Coordinates in that bone's frame, m, shape ``(3,)``; ``None`` for a moving point.
    moving
        For a moving point, the gait2392 name of its splines (e.g. ``"rect_fem_r-P3"``).
    active
        For a conditional point, ``(coordinate, from_deg, to_deg)``: on the path only while
        ``hip_flexion`` or ``knee_flexion`` is in that inclusive range.
    """

    segment: str
    location: NDArray[np.float64] | None
    moving: str | None = None
    active: tuple[str, float, float] | None = None


@dataclass(frozen=True)
class MusclePath:
    """The points of one muscle part (or ligament band), origin first.

    Attributes
    ----------
    part
        Its name, e.g. ``"glut_med1_r"``.
    points
        Its :class:`PathPoint` s, origin first.
    """

    part: str
    points: tuple[PathPoint, ...]

    def fixed(self, segment: str) -> NDArray[np.float64]:
        """The non-moving points fixed in ``segment``, shape ``(K, 3)``, in path order."""
        return np.array([p.location for p in self.points if p.segment == segment and p.moving is None]).reshape(-1, 3)


def parse_paths(text: str, name: str = DATA_FILE) -> Mapping[str, MusclePath]:
    """Parse path rows (the columns of ``hip_muscle_paths.csv``) into paths, in file order.

    Parameters
    ----------
    text
        The CSV text.
    name
        The file's name, for error messages.

    Returns
    -------
    Mapping
        Part name -> :class:`MusclePath`. A row with empty x, y, z on the tibia is a
        moving point whose splines are named ``<part>-P<point>``.

    Raises
    ------
    ValueError
        If the columns differ, a part's points are not numbered 1, 2, ... with its
        pelvis points first and tibia points last, a conditional point names an unknown
        coordinate, a part lacks a fixed pelvis origin or a femur or tibia point, or a
        conditional point is at an end or follows another; the message names the file
        and the line or part.
    """
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != _COLUMNS:
        raise ValueError(f"{name}: columns must be {_COLUMNS}; got {reader.fieldnames}.")
    rows: dict[str, list[dict[str, str]]] = {}
    for line, row in enumerate(reader, start=2):
        points = rows.setdefault(row["part"], [])
        order = [r["segment"] for r in points] + [row["segment"]]
        if (
            row["point"] != str(len(order))
            or not set(order) <= set(SEGMENTS)
            or order != sorted(order, key=SEGMENTS.index)
        ):
            raise ValueError(
                f"{name}, line {line}: expected point {len(order)}, "
                "pelvis points first, then femur points, then tibia points."
            )
        if row["active_coordinate"] not in ("",) + COORDINATES:
            raise ValueError(f"{name}, line {line}: 'active_coordinate' must be empty or one of {COORDINATES}.")
        points.append(row)
    return MappingProxyType({part: _path(part, points, name) for part, points in rows.items()})


def _path(part: str, rows: list[dict[str, str]], name: str) -> MusclePath:
    points = []
    for row in rows:
        xyz = [row[c] for c in ("x_m", "y_m", "z_m")]
        moving = f"{part}-P{row['point']}" if xyz == ["", "", ""] and row["segment"] == "tibia" else None
        active = None
        if row["active_coordinate"]:
            active = (row["active_coordinate"], float(row["active_from_deg"]), float(row["active_to_deg"]))
        location = None if moving else np.array([float(v) for v in xyz])
        points.append(PathPoint(row["segment"], location, moving, active))
    conditional = [i for i, p in enumerate(points) if p.active]
    if (
        points[0].segment != "pelvis"
        or points[-1].segment == "pelvis"
        or points[0].moving
        or not set(conditional) <= set(range(1, len(points) - 1))
        or any(i - 1 in conditional for i in conditional)
    ):
        raise ValueError(
            f"{name}: {part!r} needs a fixed pelvis origin and a femur or tibia point; "
            "neither end may be conditional, nor two conditional points follow each other."
        )
    return MusclePath(part, tuple(points))


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
        If the file is malformed (see :func:`parse_paths`).

    Examples
    --------
    Sartorius runs from the pelvis past a femur point to three points on the tibia:

    >>> [point.segment for point in muscle_paths()["sar_r"].points]
    ['pelvis', 'femur', 'tibia', 'tibia', 'tibia']
    >>> muscle_paths()["semiten_r"].points[1].active
    ('knee_flexion', -10.0, 19.0)
    """
    return parse_paths(resources.files("biomech").joinpath("data").joinpath(DATA_FILE).read_text("utf-8"))


@cache
def ligament_paths() -> Mapping[str, MusclePath]:
    """Load the ligament bands from ``hip_ligaments.csv``, in file order.

    The landmarks are illustrative (placed on gait2392's bone meshes by anatomical
    descriptions, not measured); see ``biomech/data/README.md``.

    Returns
    -------
    Mapping
        Band name -> :class:`MusclePath` (pelvis attachment first).

    Examples
    --------
    >>> list(ligament_paths())
    ['iliofem_sup_r', 'iliofem_inf_r']
    """
    return parse_paths(
        resources.files("biomech").joinpath("data").joinpath(LIGAMENTS_FILE).read_text("utf-8"), LIGAMENTS_FILE
    )
