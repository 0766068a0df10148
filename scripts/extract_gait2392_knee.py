"""Extract the hip-muscle paths and the knee of gait2392 from its OpenSim model file.

Run once (standard library only)::

    python scripts/extract_gait2392_knee.py PATH/TO/gait2392_thelen2003muscle.osim [--out biomech/data]

It writes three CSV files that :mod:`biomech.anatomy.geometry` and :mod:`biomech.anatomy.knee` read
(their provenance is in ``biomech/data/README.md``):

``hip_muscle_paths.csv``
    Every point of the 27 right-side muscles that cross the hip (origin on the pelvis,
    a later point on ``femur_r`` or ``tibia_r``), in the model's own order of points and
    in the frame of the body the point is fixed in (``pelvis``, ``femur`` or ``tibia``).
    Conditional path points keep their active range, converted to degrees of the
    project's coordinates (``hip_flexion``: gait2392's ``hip_flexion_r``;
    ``knee_flexion``: minus gait2392's ``knee_angle_r``, which is negative in flexion)
    and rounded to 0.01 deg. A moving path point has empty x, y, z: its location is
    three splines in ``knee_splines.csv``.
``knee_splines.csv``
    The knots of every SimmSpline the knee needs, unchanged (abscissa ``knee_angle_r``
    in rad, values in m): the tibia's x and y translations in the ``knee_r`` joint, and
    the x, y, z location of each moving path point.
``joint_frames.csv``
    The PhysicalOffsetFrames of the ``hip_r`` and ``knee_r`` joints (translation in m,
    orientation in rad, body-fixed x-y-z), unchanged.

The script checks the structure it relies on and stops with an error if the model
differs: ``hip_r`` rotates about z, x, y (flexion, adduction, rotation) with no
translation; ``knee_r`` rotates about z only, by ``knee_angle_r`` (coefficient 1, no
offset), and translates along x and y by splines of ``knee_angle_r`` (z fixed at 0);
no muscle that crosses the hip has a wrapping surface.

Muscle order: the order the project's path file has always had (``PART_ORDER``), so
that :data:`biomech.anatomy.geometry.PARTS` keeps its order.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

CITATION = "Delp et al. 1990"
PART_ORDER = (
    "glut_med1_r",
    "sar_r",
    "add_long_r",
    "add_brev_r",
    "glut_med2_r",
    "glut_med3_r",
    "glut_min1_r",
    "glut_min2_r",
    "glut_min3_r",
    "semimem_r",
    "semiten_r",
    "bifemlh_r",
    "add_mag1_r",
    "add_mag2_r",
    "add_mag3_r",
    "tfl_r",
    "pect_r",
    "grac_r",
    "glut_max1_r",
    "glut_max2_r",
    "glut_max3_r",
    "iliacus_r",
    "psoas_r",
    "quad_fem_r",
    "gem_r",
    "peri_r",
    "rect_fem_r",
)
BODIES = {"/bodyset/pelvis": "pelvis", "/bodyset/femur_r": "femur", "/bodyset/tibia_r": "tibia"}
COORDINATES = {  # gait2392 coordinate path -> (project name, sign)
    "/jointset/hip_r/hip_flexion_r": ("hip_flexion", 1.0),
    "/jointset/knee_r/knee_angle_r": ("knee_flexion", -1.0),
}
KNEE_ANGLE = "/jointset/knee_r/knee_angle_r"
PATH_COLUMNS = (
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


def numbers(text: str | None) -> list[float]:
    return [float(v) for v in (text or "").split()]


def fmt(value: float) -> str:
    """Shortest text that reads back as the same double (e.g. 0.0153, not 0.015299...)."""
    return repr(float(value))


def require(condition: bool, message: str) -> None:
    if not condition:
        sys.exit(f"extract_gait2392_knee: unexpected model structure: {message}")


def spline_knots(element: ET.Element) -> tuple[list[float], list[float]]:
    spline = element.find("SimmSpline")
    require(spline is not None, f"{element.tag} is not a SimmSpline")
    x, y = numbers(spline.findtext("x")), numbers(spline.findtext("y"))
    require(len(x) == len(y) >= 2 and all(a < b for a, b in zip(x, x[1:], strict=False)), "spline knots")
    return x, y


def transform_axes(joint: ET.Element) -> dict[str, ET.Element]:
    return {axis.get("name"): axis for axis in joint.iter("TransformAxis")}


def constant_zero(axis: ET.Element) -> bool:
    constant = axis.find("Constant")
    return constant is not None and float(constant.findtext("value")) == 0.0


def linear_identity(axis: ET.Element, coordinate: str, direction: list[float]) -> bool:
    function = axis.find("LinearFunction")
    return (
        axis.findtext("coordinates", "").strip() == coordinate
        and numbers(axis.findtext("axis")) == direction
        and function is not None
        and numbers(function.findtext("coefficients")) == [1.0, 0.0]
    )


def check_joints(root: ET.Element) -> tuple[list[list[str]], list[list[str]]]:
    """Check hip_r and knee_r; return the frame rows and the knee spline rows."""
    joints = {j.get("name"): j for j in root.iter("CustomJoint")}
    hip, knee = transform_axes(joints["hip_r"]), transform_axes(joints["knee_r"])
    for name, coordinate, direction in (
        ("rotation1", "hip_flexion_r", [0, 0, 1]),
        ("rotation2", "hip_adduction_r", [1, 0, 0]),
        ("rotation3", "hip_rotation_r", [0, 1, 0]),
    ):
        require(linear_identity(hip[name], coordinate, direction), f"hip_r {name}")
    require(all(constant_zero(hip[f"translation{i}"]) for i in (1, 2, 3)), "hip_r translates")
    require(linear_identity(knee["rotation1"], "knee_angle_r", [0, 0, 1]), "knee_r rotation1")
    require(constant_zero(knee["rotation2"]) and constant_zero(knee["rotation3"]), "knee_r rotation2/3")
    require(constant_zero(knee["translation3"]), "knee_r translation3")
    splines = []
    for name, direction, label in (("translation1", [1, 0, 0], "x"), ("translation2", [0, 1, 0], "y")):
        axis = knee[name]
        require(
            axis.findtext("coordinates", "").strip() == "knee_angle_r" and numbers(axis.findtext("axis")) == direction,
            f"knee_r {name}",
        )
        x, y = spline_knots(axis)
        source = f"{CITATION}; Yamaguchi & Zajac 1989; gait2392 knee_r {name} (SimmSpline, axis {label})"
        splines += [
            [f"knee_r.translation_{label}", str(i + 1), fmt(a), fmt(b), source]
            for i, (a, b) in enumerate(zip(x, y, strict=False))
        ]
    frames = []
    for joint_name in ("hip_r", "knee_r"):
        joint = joints[joint_name]
        sockets = (joint.findtext("socket_parent_frame"), joint.findtext("socket_child_frame"))
        offsets = {f.get("name"): f for f in joint.find("frames").iter("PhysicalOffsetFrame")}
        require(set(sockets) == set(offsets), f"{joint_name} frames")
        for role, name in zip(("parent", "child"), sockets, strict=False):
            frame = offsets[name]
            body = frame.findtext("socket_parent").rsplit("/", 1)[-1]
            t, r = numbers(frame.findtext("translation")), numbers(frame.findtext("orientation"))
            require(len(t) == len(r) == 3, f"{joint_name} {name}")
            source = f"{CITATION}; gait2392 {joint_name} PhysicalOffsetFrame {name} ({role} frame, in {body})"
            frames.append([joint_name, role, name, body, *map(fmt, t), *map(fmt, r), source])
    return frames, splines


def point_rows(muscle: ET.Element) -> tuple[list[list[str]], list[list[str]]]:
    """The path rows and the moving-point spline rows of one muscle."""
    name = muscle.get("name")
    require(not list(muscle.find("GeometryPath/PathWrapSet/objects")), f"{name} wraps")
    rows, splines = [], []
    for number, point in enumerate(muscle.find("GeometryPath/PathPointSet/objects"), start=1):
        require(point.get("name") == f"{name}-P{number}", f"{name} point names")
        segment = BODIES[point.findtext("socket_parent_frame")]
        source = f"{CITATION}; gait2392 {point.get('name')}, {segment if segment == 'pelvis' else segment + '_r'}"
        xyz, coordinate, low, high = ["", "", ""], "", "", ""
        if point.tag == "MovingPathPoint":
            for axis in "xyz":
                require(point.findtext(f"socket_{axis}_coordinate") == KNEE_ANGLE, f"{name} moving point")
                x, y = spline_knots(point.find(f"{axis}_location"))
                splines += [
                    [
                        f"{point.get('name')}.{axis}",
                        str(i + 1),
                        fmt(a),
                        fmt(b),
                        f"{CITATION}; gait2392 {point.get('name')} {axis}_location (SimmSpline)",
                    ]
                    for i, (a, b) in enumerate(zip(x, y, strict=False))
                ]
            source += " (MovingPathPoint: x, y, z are splines of knee_angle_r in knee_splines.csv)"
        else:
            require(point.tag in ("PathPoint", "ConditionalPathPoint"), f"{name}: {point.tag}")
            xyz = [fmt(v) for v in numbers(point.findtext("location"))]
        if point.tag == "ConditionalPathPoint":
            coordinate, sign = COORDINATES[point.findtext("socket_coordinate")]
            rad = numbers(point.findtext("range"))
            low, high = sorted(round(math.degrees(sign * r), 2) + 0.0 for r in rad)
            low, high = f"{low:g}", f"{high:g}"
            gait_name = point.findtext("socket_coordinate").rsplit("/", 1)[-1]
            source += (
                f" (ConditionalPathPoint: active for {gait_name} {rad[0]:g} to {rad[1]:g} rad, "
                f"{coordinate} {low} to {high} deg)"
            )
        rows.append([name, segment, str(number), *xyz, coordinate, low, high, source])
    return rows, splines


def crosses_hip(muscle: ET.Element) -> bool:
    bodies = [p.findtext("socket_parent_frame") for p in muscle.find("GeometryPath/PathPointSet/objects")]
    return bodies[0] == "/bodyset/pelvis" and any(b in ("/bodyset/femur_r", "/bodyset/tibia_r") for b in bodies)


def write(path: Path, header: tuple[str, ...], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    print(f"wrote {path} ({len(rows)} rows)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("osim", type=Path, help="gait2392_thelen2003muscle.osim")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "biomech" / "data")
    args = parser.parse_args(argv)
    root = ET.parse(args.osim).getroot()
    muscles = {
        m.get("name"): m for m in root.iter("Thelen2003Muscle") if m.get("name").endswith("_r") and crosses_hip(m)
    }
    require(set(muscles) == set(PART_ORDER), f"hip-crossing muscles {sorted(muscles)}")
    frames, splines = check_joints(root)
    paths = []
    for name in PART_ORDER:
        rows, moving = point_rows(muscles[name])
        paths += rows
        splines += moving
    write(args.out / "hip_muscle_paths.csv", PATH_COLUMNS, paths)
    write(args.out / "knee_splines.csv", ("function", "knot", "knee_angle_rad", "value_m", "source"), splines)
    write(
        args.out / "joint_frames.csv",
        ("joint", "role", "frame", "body", "x_m", "y_m", "z_m", "rx_rad", "ry_rad", "rz_rad", "source"),
        frames,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
