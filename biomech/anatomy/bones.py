"""Bone outlines for drawing: gait2392's bone meshes seen from the side and from above.

Each outline is the silhouette of one bone's mesh projected onto a plane of the bone's
own frame (gait2392's frames: x anterior, y superior, z to the right), simplified to a
few closed polygons in metres. ``biomech/data/bone_outlines.csv`` holds them;
``scripts/extract_bone_outlines.py`` made them and ``biomech/data/README.md`` gives the
source, the processing and the credit.

Views:

- ``"sagittal"``: seen from the right side, columns (x, y): anterior, up;
- ``"transverse"``: seen from above, columns (x, z): anterior, right. To draw it with
  the right to the right of the page and anterior up, plot ``outline[:, ::-1]``.

Bones and their frames' origins:

- ``"pelvis"``: both hip bones and the sacrum; origin midway between the anterior
  superior iliac spines; the right hip joint centre is at (-0.0707, -0.0661, 0.0835) m,
  the left at z = -0.0835 m;
- ``"femur_r"``, ``"femur_l"``: origin at the hip joint centre; the knee is about
  0.40 m below it;
- ``"tibia_r"``: tibia and fibula (the shank); origin at gait2392's knee, which moves
  with knee angle, about 0.4 cm behind and 39.6 cm below the hip in the femur frame
  with the knee straight; the ankle joint centre is at (0, -0.43) m;
- ``"foot_r"``: talus, calcaneus and midfoot, and toes, with the subtalar and toe
  joints at gait2392's neutral (0); origin at the ankle joint centre.

Every outline is returned as a tuple of (P, 2) arrays: first the outer boundaries
(counter-clockwise), then, unless ``holes=False``, the holes (clockwise): the
obturator foramen from the side and the pelvic cavity from above. Drawn as one
compound path, the holes stay open (matplotlib fills by the nonzero winding rule).
Pose a bone with :func:`pose_outline`.

Examples
--------
>>> (femur,) = bone_outline("femur_r", "sagittal")
>>> femur.shape[1]
2
>>> round(float(femur[:, 1].max() - femur[:, 1].min()), 2)  # hip to condyles, m
0.45
>>> [len(ring) > 3 for ring in bone_outline("pelvis", "sagittal")]
[True, True]
"""

from __future__ import annotations

import csv
import functools
import io
from importlib import resources
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._validation import check_choice

__all__ = ["BONES", "DATA_FILE", "VIEWS", "bone_outline", "pose_outline"]

DATA_FILE = "bone_outlines.csv"
"""The outline table in ``biomech/data``."""
BONES: tuple[str, ...] = ("pelvis", "femur_r", "femur_l", "tibia_r", "foot_r")
"""The bones with outlines, each in its gait2392 frame."""
VIEWS: tuple[str, ...] = ("sagittal", "transverse")
"""The projections: from the right side (x, y) and from above (x, z)."""

Bone = Literal["pelvis", "femur_r", "femur_l", "tibia_r", "foot_r"]
View = Literal["sagittal", "transverse"]
_COLUMNS = ["bone", "view", "polygon", "ring", "point", "x_m", "y_m", "z_m"]
_SECOND = {"sagittal": "y_m", "transverse": "z_m"}


@functools.lru_cache(maxsize=1)
def _table() -> dict[tuple[str, str], tuple[tuple[NDArray[np.float64], bool], ...]]:
    """Read the CSV once: (bone, view) -> ((ring, is_hole), ...) in file order."""
    text = resources.files("biomech").joinpath("data").joinpath(DATA_FILE).read_text("utf-8")
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != _COLUMNS:
        raise ValueError(f"{DATA_FILE} must have the columns {_COLUMNS}; got {reader.fieldnames}.")
    points: dict[tuple[str, str, int], list[tuple[float, float]]] = {}
    kinds: dict[tuple[str, str, int], bool] = {}
    for row in reader:
        key = (row["bone"], row["view"], int(row["polygon"]))
        points.setdefault(key, []).append((float(row["x_m"]), float(row[_SECOND[row["view"]]])))
        kinds[key] = row["ring"] == "hole"
    table: dict[tuple[str, str], list[tuple[NDArray[np.float64], bool]]] = {}
    for (bone, view, _), ring in points.items():
        array = np.array(ring, dtype=float)
        array.flags.writeable = False
        table.setdefault((bone, view), []).append((array, kinds[(bone, view, _)]))
    return {key: tuple(rings) for key, rings in table.items()}


def bone_outline(bone: Bone, view: View, *, holes: bool = True) -> tuple[NDArray[np.float64], ...]:
    """The outline of one bone in one view, in metres in the bone's own frame.

    Parameters
    ----------
    bone
        One of :data:`BONES`: ``"pelvis"``, ``"femur_r"``, ``"femur_l"``, ``"tibia_r"``,
        ``"foot_r"``.
    view
        ``"sagittal"`` (columns x anterior, y up; seen from the right) or
        ``"transverse"`` (columns x anterior, z right; seen from above).
    holes
        Include the holes (only the pelvis has any). Without them, the tuple holds
        the outer boundaries alone.

    Returns
    -------
    tuple of numpy.ndarray
        Closed polygons, each (P, 2), the last point not repeated; outer boundaries
        first (counter-clockwise, largest first), then holes (clockwise). The arrays
        are read-only and shared between calls: copy one before changing it.

    Raises
    ------
    ValueError
        For an unknown bone or view, naming the parameter, the value and the choices.

    Examples
    --------
    >>> pelvis = bone_outline("pelvis", "transverse")
    >>> len(pelvis) > len(bone_outline("pelvis", "transverse", holes=False))
    True
    >>> width = pelvis[0][:, 1].max() - pelvis[0][:, 1].min()  # z: left to right
    >>> round(float(width), 2)
    0.27
    >>> bone_outline("femur", "sagittal")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: 'bone' must be one of {'femur_l', 'femur_r', ...}; got 'femur' (did you mean 'femur_r'?).
    """
    check_choice("bone", bone, BONES)
    check_choice("view", view, VIEWS)
    return tuple(ring for ring, hole in _table()[(bone, view)] if holes or not hole)


def pose_outline(points: ArrayLike, angle_deg: float, origin: ArrayLike = (0.0, 0.0)) -> NDArray[np.float64]:
    """Rotate 2-D points about the origin by ``angle_deg`` and then move them by ``origin``.

    Parameters
    ----------
    points
        Array-like of shape (..., 2): coordinates in the bone's frame.
    angle_deg
        Rotation in degrees, counter-clockwise positive (from the first axis toward the
        second). In the sagittal view (x anterior, y up, seen from the right), +
        turns anterior parts upward: hip flexion for a femur, anterior tilt is -.
    origin
        Where the frame's origin goes, shape (2,) (or broadcastable to the points).

    Returns
    -------
    numpy.ndarray
        New array, same shape as ``points``.

    Raises
    ------
    ValueError
        If the points' last axis is not of length 2, or the angle or origin is not
        finite.

    Examples
    --------
    >>> pose_outline([[0.0, -1.0], [1.0, 0.0]], 90.0, origin=(2.0, 3.0)).round(12)
    array([[3., 3.],
           [2., 4.]])
    """
    pts = np.asarray(points, dtype=float)
    if pts.ndim == 0 or pts.shape[-1] != 2:
        raise ValueError(f"'points' must have shape (..., 2); got shape {pts.shape}.")
    angle = float(angle_deg)
    shift = np.asarray(origin, dtype=float)
    if not np.isfinite(angle):
        raise ValueError(f"'angle_deg' must be a finite number of degrees; got {angle_deg!r}.")
    if not np.all(np.isfinite(shift)):
        raise ValueError(f"'origin' must be finite; got {origin!r}.")
    c, s = np.cos(np.radians(angle)), np.sin(np.radians(angle))
    x, y = pts[..., 0], pts[..., 1]
    return np.stack([c * x - s * y, s * x + c * y], axis=-1) + shift
