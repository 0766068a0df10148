"""Extract 2-D bone outlines for drawing from gait2392's bone meshes.

Reads the gait2392 model file and its VTK XML PolyData meshes (plain-text ``.vtp``),
projects each bone's triangles onto the sagittal plane (x anterior, y up: z dropped)
and onto the transverse plane (seen from above: x anterior, z right: y dropped), and
writes the silhouette of each projection as a few simplified closed polygons to
``biomech/data/bone_outlines.csv``. Standard library and numpy only, plus matplotlib's
own contour generator ``contourpy`` for tracing the silhouette's boundary.

Usage::

    python scripts/extract_bone_outlines.py GAIT2392_DIR [--out biomech/data/bone_outlines.csv]

where ``GAIT2392_DIR`` holds ``gait2392_thelen2003muscle.osim`` and ``Geometry/*.vtp``.

Processing, per bone and view:

1. every mesh of the bone is read (``<Points>``, ``<Polys>``; polygons with more than
   three corners are split into triangle fans), multiplied by the mesh's
   ``scale_factors`` in the model file and moved into the bone's frame (only the foot
   needs a move: its calcaneus and toe meshes are carried into the talus frame with the
   subtalar and metatarsophalangeal joints at their default angle 0);
2. the triangles are projected (one coordinate dropped) and rasterised on a square grid
   of ``RESOLUTION_M``: a cell is filled when its centre lies in a projected triangle;
3. the filled mask is smoothed with a Gaussian of ``SMOOTHING_CELLS`` cells (rounds the
   raster's stair steps; closes gaps narrower than about a millimetre) and its 0.5
   level is traced with ``contourpy``; rings enclosing less than ``MIN_AREA_M2`` are
   dropped as specks, holes smaller than ``MIN_HOLE_AREA_M2`` as gaps between the
   meshes' bones (the pelvis keeps its real openings: the obturator foramen from the
   side, the pelvic cavity from above);
4. each ring is simplified with Ramer-Douglas-Peucker at ``TOLERANCE_M`` (raised, for
   that ring only, until it has at most ``MAX_POINTS`` points), then oriented:
   outer boundaries counter-clockwise, holes (rings inside another ring) clockwise;
5. coordinates are rounded to 0.1 mm.
"""

from __future__ import annotations

import argparse
import csv
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import contourpy
import numpy as np

MODEL_FILE = "gait2392_thelen2003muscle.osim"
RESOLUTION_M = 0.0005
SMOOTHING_CELLS = 1.0
MIN_AREA_M2 = 25e-6
MIN_HOLE_AREA_M2 = 2e-4
TOLERANCE_M = 0.0004
MAX_POINTS = 120
DECIMALS = 4
VIEWS = {"sagittal": (0, 1), "transverse": (0, 2)}
OUT = Path(__file__).resolve().parents[1] / "biomech" / "data" / "bone_outlines.csv"


@dataclass(frozen=True)
class Part:
    """One mesh of a bone: the gait2392 body it is attached to, its file, and the
    joints (parent frame's translation) that carry it into the bone's frame."""

    body: str
    mesh_file: str
    joints: tuple[str, ...] = ()


CLOSING_M = {"foot_r": 0.004}
"""Closing radius per bone (default 0): the foot's gaps between toes and tarsal bones
are closed so that it draws as one outline."""

BONES: dict[str, tuple[Part, ...]] = {
    # Pelvis frame: origin midway between the anterior superior iliac spines.
    "pelvis": (
        Part("pelvis", "pelvis.vtp"),
        Part("pelvis", "l_pelvis.vtp"),
        Part("pelvis", "sacrum.vtp"),
    ),
    # Femur frames: origin at the hip joint centre.
    "femur_r": (Part("femur_r", "femur_r.vtp"),),
    "femur_l": (Part("femur_l", "femur_l.vtp"),),
    # Tibia frame: the knee (the tibia's origin moves with knee angle along gait2392's
    # knee splines); the ankle joint is at (0, -0.43, 0).
    "tibia_r": (Part("tibia_r", "tibia_r.vtp"), Part("tibia_r", "fibula.vtp")),
    # Talus frame: origin at the ankle joint centre.
    "foot_r": (
        Part("talus_r", "talus.vtp"),
        Part("calcn_r", "foot.vtp", ("subtalar_r",)),
        Part("toes_r", "bofoot.vtp", ("subtalar_r", "mtp_r")),
    ),
}


def _floats(text: str | None) -> np.ndarray:
    return np.array((text or "").split(), dtype=float)


def _child(node: ET.Element, path: str) -> ET.Element:
    found = node.find(path)
    if found is None:
        raise ValueError(f"no {path!r} in <{node.tag}>")
    return found


def mesh_scale_factors(model: ET.Element, body: str, mesh_file: str) -> np.ndarray:
    """The ``scale_factors`` of the ``<Mesh>`` of ``body`` that shows ``mesh_file``."""
    for node in model.iter("Body"):
        if node.get("name") != body:
            continue
        for mesh in node.iter("Mesh"):
            if (mesh.findtext("mesh_file") or "").strip() == mesh_file:
                return _floats(mesh.findtext("scale_factors"))
    raise LookupError(f"body {body!r} shows no mesh {mesh_file!r} in the model file")


def joint_offset(model: ET.Element, joint: str) -> np.ndarray:
    """Translation of a joint's parent frame in the parent body, for a joint whose
    frames carry no rotation and whose child frame sits at the child body's origin (all
    gait2392 foot joints); with the joint's coordinates at 0 the child body's frame is
    its parent's, moved by this vector."""
    for node in model.iter():
        if node.get("name") != joint or node.find("socket_parent_frame") is None:
            continue
        parent = (node.findtext("socket_parent_frame") or "").strip()
        child = (node.findtext("socket_child_frame") or "").strip()
        frames = {f.get("name"): f for f in node.iter("PhysicalOffsetFrame")}
        for name in (parent, child):
            if np.any(_floats(frames[name].findtext("orientation")) != 0):
                raise ValueError(f"joint {joint!r}: frame {name!r} is rotated")
        if np.any(_floats(frames[child].findtext("translation")) != 0):
            raise ValueError(f"joint {joint!r}: child frame {child!r} is offset")
        return _floats(frames[parent].findtext("translation"))
    raise LookupError(f"no joint {joint!r} in the model file")


def read_vtp(path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Points (N, 3) and triangles (T, 3) of a plain-text VTK XML PolyData file."""
    root = ET.parse(path).getroot()
    points = _floats(_child(root, ".//Points/DataArray").text).reshape(-1, 3)
    arrays = {a.get("Name"): a for a in _child(root, ".//Polys").iter("DataArray")}
    connectivity = _floats(arrays["connectivity"].text).astype(int)
    offsets = _floats(arrays["offsets"].text).astype(int)
    triangles: list[tuple[int, int, int]] = []
    start = 0
    for end in offsets:
        polygon = connectivity[start:end]
        triangles.extend((polygon[0], polygon[i], polygon[i + 1]) for i in range(1, len(polygon) - 1))
        start = end
    return points, np.array(triangles, dtype=int)


def bone_triangles(source: Path, model: ET.Element, parts: tuple[Part, ...]) -> np.ndarray:
    """All triangles of a bone in its frame, shape (T, 3 corners, 3 coordinates)."""
    out = []
    for part in parts:
        points, triangles = read_vtp(source / "Geometry" / part.mesh_file)
        points = points * mesh_scale_factors(model, part.body, part.mesh_file)
        for joint in part.joints:
            points = points + joint_offset(model, joint)
        out.append(points[triangles])
    return np.concatenate(out)


def rasterise(triangles: np.ndarray, cell: float, pad: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fill a grid's cells whose centres lie in any of the 2-D ``triangles`` (T, 3, 2).

    The grid extends ``pad`` beyond the triangles on every side. Returns the
    cell-centre coordinates along the two axes and the boolean mask (rows along the
    second axis)."""
    low = triangles.reshape(-1, 2).min(axis=0) - pad
    high = triangles.reshape(-1, 2).max(axis=0) + pad
    u = np.arange(low[0], high[0] + cell, cell)
    v = np.arange(low[1], high[1] + cell, cell)
    mask = np.zeros((v.size, u.size), dtype=bool)
    eps = 1e-9
    for a, b, c in triangles:
        area = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
        if abs(area) < 1e-12:
            continue
        i0, i1 = np.searchsorted(u, [min(a[0], b[0], c[0]), max(a[0], b[0], c[0])])
        j0, j1 = np.searchsorted(v, [min(a[1], b[1], c[1]), max(a[1], b[1], c[1])])
        if i1 <= i0 or j1 <= j0:
            continue
        uu, vv = np.meshgrid(u[i0:i1], v[j0:j1])
        sign = np.sign(area)
        inside = np.ones(uu.shape, dtype=bool)
        for p, q in ((a, b), (b, c), (c, a)):
            edge = (q[0] - p[0]) * (vv - p[1]) - (q[1] - p[1]) * (uu - p[0])
            inside &= sign * edge >= -eps * np.hypot(q[0] - p[0], q[1] - p[1])
        mask[j0:j1, i0:i1] |= inside
    return u, v, mask


def close(mask: np.ndarray, radius_cells: float) -> np.ndarray:
    """Morphological closing (dilation, then erosion) of a boolean mask by a disc of
    ``radius_cells``: fills gaps and holes narrower than the disc, keeps convex
    outlines. The mask needs a border of empty cells wider than the radius."""
    if radius_cells <= 0:
        return mask
    r = int(np.ceil(radius_cells))
    dy, dx = np.mgrid[-r : r + 1, -r : r + 1]
    disc = (np.hypot(dx, dy) <= radius_cells).astype(float)
    shape = (mask.shape[0] + 2 * r, mask.shape[1] + 2 * r)
    kernel = np.fft.rfft2(disc, shape)

    def dilate(m: np.ndarray) -> np.ndarray:
        full = np.fft.irfft2(np.fft.rfft2(m.astype(float), shape) * kernel, shape)
        return full[r : r + m.shape[0], r : r + m.shape[1]] > 0.5

    return ~dilate(~dilate(mask))


def smooth(mask: np.ndarray, sigma_cells: float) -> np.ndarray:
    """The mask (as 0/1) convolved with a separable Gaussian of ``sigma_cells``."""
    radius = int(np.ceil(3 * sigma_cells))
    k = np.exp(-0.5 * (np.arange(-radius, radius + 1) / sigma_cells) ** 2)
    k /= k.sum()
    z = mask.astype(float)
    z = np.apply_along_axis(np.convolve, 1, z, k, mode="same")
    return np.apply_along_axis(np.convolve, 0, z, k, mode="same")


def signed_area(ring: np.ndarray) -> float:
    """Shoelace area of a closed ring given without its repeated last point; > 0 when
    counter-clockwise."""
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def inside(point: np.ndarray, ring: np.ndarray) -> bool:
    """Even-odd point-in-polygon test."""
    x, y = ring[:, 0], ring[:, 1]
    xn, yn = np.roll(x, -1), np.roll(y, -1)
    crosses = (y > point[1]) != (yn > point[1])
    with np.errstate(divide="ignore", invalid="ignore"):
        xc = x + (point[1] - y) * (xn - x) / (yn - y)
    return bool(np.count_nonzero(crosses & (point[0] < xc)) % 2)


def rdp(points: np.ndarray, tolerance: float) -> np.ndarray:
    """Ramer-Douglas-Peucker simplification of an open polyline (keeps both ends)."""
    keep = np.zeros(len(points), dtype=bool)
    keep[[0, -1]] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        a, b = points[first], points[last]
        seg = points[first + 1 : last] - a
        d = b - a
        length = np.hypot(*d)
        if length == 0:
            dist = np.hypot(seg[:, 0], seg[:, 1])
        else:
            dist = np.abs(d[0] * seg[:, 1] - d[1] * seg[:, 0]) / length
        k = int(np.argmax(dist))
        if dist[k] > tolerance:
            split = first + 1 + k
            keep[split] = True
            stack.extend([(first, split), (split, last)])
    return points[keep]


def simplify_ring(ring: np.ndarray, tolerance: float) -> np.ndarray:
    """RDP on a closed ring (no repeated last point): split at the point farthest from
    the first, simplify both halves, join."""
    far = int(np.argmax(np.hypot(*(ring - ring[0]).T)))
    first = rdp(ring[: far + 1], tolerance)
    second = rdp(np.vstack([ring[far:], ring[:1]]), tolerance)
    return np.vstack([first[:-1], second[:-1]])


def outlines(triangles2d: np.ndarray, closing: float = 0.0) -> list[tuple[np.ndarray, bool]]:
    """Simplified rings of a projected bone: (ring, is_hole), outer rings first, each
    ordered by decreasing area. ``closing`` (m) is the closing radius."""
    radius_cells = closing / RESOLUTION_M
    pad = RESOLUTION_M * (2 * np.ceil(radius_cells) + 4 * SMOOTHING_CELLS + 4)
    u, v, mask = rasterise(triangles2d, RESOLUTION_M, pad)
    z = smooth(close(mask, radius_cells), SMOOTHING_CELLS)
    lines: list[np.ndarray] = contourpy.contour_generator(x=u, y=v, z=z).lines(0.5)  # type: ignore[assignment]
    rings = []
    for line in lines:
        ring = line[:-1] if np.allclose(line[0], line[-1]) else line
        if len(ring) >= 3 and abs(signed_area(ring)) >= MIN_AREA_M2:
            rings.append(ring)
    result = []
    for i, ring in enumerate(rings):
        depth = sum(inside(ring[0], other) for j, other in enumerate(rings) if j != i)
        hole = depth % 2 == 1
        if hole and abs(signed_area(ring)) < MIN_HOLE_AREA_M2:
            continue
        tolerance = TOLERANCE_M
        simple = simplify_ring(ring, tolerance)
        while len(simple) > MAX_POINTS:
            tolerance *= 1.1
            simple = simplify_ring(ring, tolerance)
        if tolerance > TOLERANCE_M:
            print(f"  a ring of {len(ring)} points needed a tolerance of {tolerance * 1e3:.2f} mm")
        if (signed_area(simple) > 0) == hole:
            simple = simple[::-1]
        result.append((simple, hole))
    result.sort(key=lambda item: (item[1], -abs(signed_area(item[0]))))
    return result


def _metres(value: float) -> str:
    """A coordinate rounded to ``DECIMALS`` places, without a negative zero."""
    text = f"{value:.{DECIMALS}f}"
    return text[1:] if float(text) == 0 and text.startswith("-") else text


def extract(source: Path) -> list[dict[str, str]]:
    """Rows of the outline table for every bone and view."""
    model = ET.parse(source / MODEL_FILE).getroot()
    rows = []
    for bone, parts in BONES.items():
        triangles = bone_triangles(source, model, parts)
        for view, axes in VIEWS.items():
            second = "y_m" if view == "sagittal" else "z_m"
            rings = outlines(triangles[:, :, axes], CLOSING_M.get(bone, 0.0))
            for polygon, (ring, hole) in enumerate(rings, start=1):
                for point, (a, b) in enumerate(ring, start=1):
                    row = {
                        "bone": bone,
                        "view": view,
                        "polygon": str(polygon),
                        "ring": "hole" if hole else "outer",
                        "point": str(point),
                        "x_m": _metres(a),
                        "y_m": "",
                        "z_m": "",
                    }
                    row[second] = _metres(b)
                    rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="folder with the gait2392 .osim file and Geometry/")
    parser.add_argument("--out", type=Path, default=OUT, help="CSV file to write")
    args = parser.parse_args(argv)
    rows = extract(args.source)
    with args.out.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    counts: dict[tuple[str, str], list[int]] = {}
    for row in rows:
        counts.setdefault((row["bone"], row["view"]), []).append(int(row["polygon"]))
    for (bone, view), polys in counts.items():
        sizes = np.bincount(polys)[1:]
        print(f"{bone:8s} {view:10s} polygons {len(sizes)}  points {sizes.tolist()}")
    print(f"{args.out}: {len(rows)} rows, {args.out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
