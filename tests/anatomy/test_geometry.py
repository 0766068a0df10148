"""Validation of the hip geometry against the textbook, published model data and calculus.

Three references:

- the textbook: each primary action of Neumann's table has the sign of the geometry's
  moment arm in the anatomic position, for >= 95% of the primary entries;
- published model data: the gait2392 moment arms computed with OpenSim
  (``biomech/data/gait2392_hip_moment_arms.csv``, CC BY 3.0, provenance in the data
  README): signs, flexion magnitudes, and the classic flips with hip flexion;
- calculus: each moment arm is ``-dL/dq``, checked against a finite difference.
"""

from __future__ import annotations

import csv
import io
from importlib import resources

import numpy as np
import pytest

from biomech.anatomy import paths
from biomech.anatomy.actions_by_posture import (
    NOT_MODELLED,
    TABLE_PARTS,
    action_table_cells,
    check_textbook,
    flip_angles,
    label_moment_arms,
)
from biomech.anatomy.geometry import AXES, PARTS, moment_arms, muscle_length, muscle_paths
from biomech.anatomy.textbook import load_actions

FD_STEP_DEG = 1e-4  # central difference step; truncation error ~ step**2 * L''' << 1e-9 m
FD_TOL_M = 1e-6  # the tolerance: moment arm equals a finite difference to 1 um
REFERENCE_FLOOR_M = 0.005  # published |moment arm| below 5 mm: sign not compared
FLIPS = (("peri_r", "rotation"), ("glut_med3_r", "rotation"))  # piriformis, posterior gluteus medius


def reference_rows() -> list[dict[str, str]]:
    text = resources.files("biomech").joinpath("data", "gait2392_hip_moment_arms.csv").read_text("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


REFERENCE = reference_rows()
ANGLES = np.array(sorted({float(r["hip_flexion_deg"]) for r in REFERENCE}))


def reference(muscle: str, column: str) -> np.ndarray:
    """One muscle's published values over ANGLES."""
    rows = {float(r["hip_flexion_deg"]): float(r[column]) for r in REFERENCE if r["muscle"] == muscle}
    return np.array([rows[a] for a in ANGLES])


# --- the mapping -----------------------------------------------------------------------


def test_geometry_parts_are_exactly_the_published_muscles():
    assert set(PARTS) == {r["muscle"] for r in REFERENCE}
    assert len(PARTS) == len(set(PARTS)) == 27


def test_every_table_label_is_mapped_or_explained():
    labels = {entry.label for entry in load_actions()}
    assert labels == set(TABLE_PARTS) | set(NOT_MODELLED)
    assert not set(TABLE_PARTS) & set(NOT_MODELLED)
    assert all(part in PARTS for parts in TABLE_PARTS.values() for part in parts)


@pytest.mark.parametrize(
    ("label", "parts"),
    [
        ("Iliopsoas", ("iliacus_r", "psoas_r")),
        ("Gluteus medius (anterior fibers)", ("glut_med1_r",)),
        ("Gluteus medius (posterior fibers)", ("glut_med3_r",)),
        ("Gluteus minimus (anterior fibers)", ("glut_min1_r",)),
        ("Adductor magnus (posterior head)", ("add_mag3_r",)),
        ("Adductor magnus (anterior head)", ("add_mag1_r", "add_mag2_r")),
        ("Gluteus maximus (posterior fibers)", ("glut_max3_r",)),
        ("Biceps femoris (long head)", ("bifemlh_r",)),
        ("Piriformis", ("peri_r",)),
        ("Gemellus inferior", ("gem_r",)),
    ],
)
def test_mapping_of_the_parts_the_table_names(label, parts):
    assert TABLE_PARTS[label] == parts


def test_obturators_are_listed_as_not_modelled_with_a_reason():
    assert set(NOT_MODELLED) == {"Obturator internus", "Obturator externus"}
    with pytest.raises(ValueError, match="'label' 'Obturator internus' has no muscle path: not in gait2392"):
        label_moment_arms("Obturator internus")


# --- against the textbook --------------------------------------------------------------


def test_primary_actions_agree_with_the_textbook_in_the_anatomic_position():
    checks = check_textbook(0.0, role="primary")
    agree = sum(c.agrees is True for c in checks) / len(checks)  # not modelled counts as a miss
    assert agree >= 0.95
    exceptions = {c.entry.label for c in checks if c.agrees is not True}
    assert exceptions == {"Obturator internus"}  # listed, with the reason, in the data README


def test_every_exception_is_listed_in_the_data_readme():
    readme = resources.files("biomech").joinpath("data", "README.md").read_text("utf-8")
    section = " ".join(readme.split("## hip_muscle_paths.csv", 1)[1].split())
    for check in check_textbook(0.0):
        if check.agrees is not True:
            assert check.entry.label in section


# --- against published model data (gait2392, OpenSim) --------------------------------


def test_action_signs_agree_with_published_moment_arms():
    arms = moment_arms(ANGLES)
    agree = total = 0
    for j, part in enumerate(PARTS):
        for axis in AXES:
            published = reference(part, f"ma_{axis}_m")
            model = getattr(arms, axis)[:, j]
            strong = np.abs(published) >= REFERENCE_FLOOR_M
            agree += int(np.sum(np.sign(model[strong]) == np.sign(published[strong])))
            total += int(np.sum(strong))
    assert total > 1000
    assert agree / total >= 0.90


def test_flexion_moment_arm_magnitudes_match_published():
    arms = moment_arms(ANGLES)
    errors = []
    for j, part in enumerate(PARTS):
        published = reference(part, "ma_flexion_m")
        strong = np.abs(published) >= REFERENCE_FLOOR_M
        errors += list(np.abs(arms.flexion[strong, j] - published[strong]) / np.abs(published[strong]))
    assert np.median(errors) <= 0.35


def test_lengths_and_moment_arms_reproduce_gait2392():
    """Same points, frames and rotation order as the published model: agreement to the
    reference file's printed precision (1e-6 m), which tests the transcription."""
    arms, lengths = moment_arms(ANGLES), muscle_length(ANGLES)
    for j, part in enumerate(PARTS):
        np.testing.assert_allclose(lengths[:, j], reference(part, "mt_length_m"), atol=1e-6)
        for axis in AXES:
            np.testing.assert_allclose(getattr(arms, axis)[:, j], reference(part, f"ma_{axis}_m"), atol=1e-6)


@pytest.mark.parametrize(("part", "axis"), FLIPS)
def test_classic_flips_match_published(part, axis):
    published = reference(part, f"ma_{axis}_m")
    k = int(np.flatnonzero(np.sign(published[:-1]) != np.sign(published[1:]))[0])
    published_angle = ANGLES[k] - published[k] * 5.0 / (published[k + 1] - published[k])
    fine = np.arange(-20.0, 90.0 + 1e-9, 0.5)
    (angle,) = flip_angles((part,), axis, fine)
    before, after = (float(np.asarray(moment_arms(a).of(part)[AXES.index(axis)])) for a in (angle - 5, angle + 5))
    assert before < 0 < after  # external rotator in extension, internal rotator in flexion
    assert abs(angle - published_angle) <= 20.0


def test_piriformis_flip_is_highlighted_in_the_posture_table():
    cells = {(c.label, c.axis): c for c in action_table_cells(90.0)}
    piriformis = cells[("Piriformis", "rotation")]
    assert (piriformis.anatomic_action, piriformis.action, piriformis.flipped) == (
        "external rotation",
        "internal rotation",
        True,
    )
    assert piriformis.textbook == "external rotation (primary)"
    assert not any(c.flipped for c in action_table_cells(0.0))
    assert cells[("Obturator internus", "rotation")].action == "not modelled"


# --- calculus and shapes ---------------------------------------------------------------


@pytest.mark.parametrize(
    "posture",
    [(0, 0, 0, 0), (-20, 10, -30, 10), (30, -15, 20, 45), (60, 5, 10, 90), (90, -10, -40, 70), (110, 20, 35, 119)],
)
def test_moment_arms_are_minus_the_derivative_of_length(posture):
    """Central differences; one-sided at the straight knee, the end of its range (its
    truncation error, ~step * L'' ~ 1e-7 m, is still well inside the tolerance)."""
    arms = moment_arms(*posture)
    for i, axis in enumerate(AXES + ("knee",)):
        step = np.zeros(4)
        step[i] = FD_STEP_DEG
        up = np.array(posture, dtype=float) + step
        down = np.maximum(np.array(posture, dtype=float) - step, [-120.0, -120.0, -120.0, 0.0])
        numeric = -(muscle_length(*up) - muscle_length(*down)) / np.radians(up[i] - down[i])
        np.testing.assert_allclose(getattr(arms, axis), numeric, atol=FD_TOL_M)


def test_shapes_broadcast_with_parts_last():
    assert moment_arms().flexion.shape == (len(PARTS),)
    assert moment_arms([0.0, 10.0, 20.0], 5.0).rotation.shape == (3, len(PARTS))
    assert muscle_length(np.zeros(4), np.zeros(4), np.zeros(4)).shape == (4, len(PARTS))
    assert muscle_length(0.0, knee_flexion=[0.0, 30.0]).shape == (2, len(PARTS))
    assert moment_arms([0.0, 10.0], knee_flexion=30.0).knee.shape == (2, len(PARTS))
    f, a, r = moment_arms([0.0, 45.0]).of("iliacus_r", "psoas_r")
    assert np.shape(f) == (2,)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"hip_flexion": np.nan}, r"'hip_flexion' must be a finite number of degrees in \[-120, 120\]; got nan"),
        ({"hip_rotation": [0.0, 130.0]}, r"'hip_rotation' must be .*; got 130 at index 1"),
        (
            {"hip_flexion": [0.0, 1.0], "hip_adduction": [0.0, 1.0, 2.0]},
            "hip and knee angles must have the same length",
        ),
        ({"knee_flexion": 130.0}, r"'knee_flexion' must be a finite number of degrees in \[0, 120\]; got 130"),
        ({"knee_flexion": [0.0, -5.0]}, r"'knee_flexion' must be .*; got -5 at index 1"),
        ({"hip_flexion": [0.0, 1.0], "knee_flexion": [0.0, 1.0, 2.0]}, "hip and knee angles must have the same length"),
    ],
)
def test_bad_angles_are_rejected_with_the_standard_message(kwargs, match):
    with pytest.raises(ValueError, match=match):
        moment_arms(**kwargs)
    with pytest.raises(ValueError, match=match):
        muscle_length(**kwargs)


def test_unknown_part_suggests_the_closest():
    with pytest.raises(ValueError, match=r"'part' must be one of .*; got 'peri' \(did you mean 'peri_r'\?\)"):
        moment_arms().of("peri")


HEADER = "part,segment,point,x_m,y_m,z_m,active_coordinate,active_from_deg,active_to_deg,source\n"


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("part,segment\n", "columns must be"),
        (HEADER + "a,femur,1,0,0,0,,,,s\na,pelvis,2,0,0,0,,,,s\n", "line 3: expected point 2, pelvis points first"),
        (
            HEADER + "a,pelvis,1,0,0,0,,,,s\na,tibia,2,0,0,0,,,,s\na,femur,3,0,0,0,,,,s\n",
            "line 4: expected point 3, .* then tibia points",
        ),
        (HEADER + "a,pelvis,1,0,0,0,,,,s\na,fibula,2,0,0,0,,,,s\n", "line 3: expected point 2"),
        (HEADER + "a,pelvis,1,0,0,0,hip_flexion,-90,45,s\na,femur,2,0,0,0,,,,s\n", "'a' needs a fixed pelvis origin"),
        (HEADER + "a,pelvis,1,0,0,0,,,,s\na,tibia,2,0,0,0,knee_flexion,0,30,s\n", "neither end may be conditional"),
        (
            HEADER + "a,pelvis,1,0,0,0,,,,s\na,pelvis,2,0,0,0,hip_flexion,0,30,s\n"
            "a,femur,3,0,0,0,knee_flexion,0,30,s\na,femur,4,0,0,0,,,,s\n",
            "nor two conditional points follow",
        ),
        (HEADER + "a,pelvis,1,0,0,0,,,,s\na,femur,2,0,0,0,ankle_flexion,0,30,s\n", "line 3: 'active_coordinate'"),
    ],
)
def test_malformed_path_data_is_reported_with_file_and_line(text, match):
    with pytest.raises(ValueError, match=match):
        paths.parse_paths(text)


def test_every_path_starts_on_the_pelvis_and_ends_on_the_femur_or_tibia():
    for path in muscle_paths().values():
        assert path.points[0].segment == "pelvis" and path.points[-1].segment in ("femur", "tibia")
        assert all(p.location.shape == (3,) for p in path.points if not p.moving)
    two_joint = {part for part, path in muscle_paths().items() if path.points[-1].segment == "tibia"}
    assert two_joint == {"rect_fem_r", "sar_r", "grac_r", "tfl_r", "semimem_r", "semiten_r", "bifemlh_r"}


# --- the compensation model's moment arms (tissues) from the geometry ----------------


def test_tissue_moment_arms_come_from_the_geometry_and_match_published():
    from biomech.anatomy.tissues import GAIT2392_MUSCLES, moment_arms_at, tissue_moment_arms

    for tissue, arms in tissue_moment_arms().items():
        assert arms.source.startswith("hip geometry (biomech.anatomy.geometry")
        published = [moment_arms_at(m, 0.0) for m in GAIT2392_MUSCLES[tissue]]
        assert arms.flexion_mm == pytest.approx(1000 * np.mean([p[0] for p in published]), abs=1e-3)
        assert arms.rotation_mm == pytest.approx(-1000 * np.mean([p[2] for p in published]), abs=1e-3)


def test_markdown_table_shows_the_models_k_and_direction():
    from biomech.anatomy.tissues import moment_arms_markdown
    from biomech.model.blog_lockout import blog_rotation_benefit
    from biomech.model.lockout import tissue_choices

    rows = {line.split(" | ")[0].lstrip("| "): line.split(" | ") for line in moment_arms_markdown().splitlines()}
    names = {1.0: "external", -1.0: "internal", 0.0: "none"}
    for tissue in tissue_choices("blog")[1:]:
        k, direction = blog_rotation_benefit(tissue)
        assert rows[tissue][-1].rstrip(" |") == names[float(direction)]
        assert float(rows[tissue][-2]) == pytest.approx(float(k), abs=0.005)
