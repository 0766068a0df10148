"""The two mechanisms side by side (biomech.model.compare.mechanisms_markdown)."""

from __future__ import annotations

import pytest

from biomech.formatting import format_degrees
from biomech.model.compare import MECHANISM_NAMES, mechanisms_markdown
from biomech.model.lockout import CUES, compensate


def _rows(table: str) -> list[list[str]]:
    lines = [line for line in table.splitlines() if line.startswith("| ") and not line.startswith("| cue")]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]


@pytest.mark.parametrize("tissue", ["hip flexors (all)", "Rectus femoris", "Tensor fasciae latae"])
def test_every_row_is_compensate_for_its_cue_and_mechanism(tissue):
    rows = _rows(mechanisms_markdown(-8.0, tissue=tissue))
    assert len(rows) == 2 * len(CUES)
    for row in rows:
        cue = next(c for c in CUES if c.replace("_", " ") == row[0])
        mechanism = next(m for m, name in MECHANISM_NAMES.items() if name == row[1])
        s = compensate(-8.0, cue=cue, tissue=tissue, mechanism=mechanism)
        numbers = (s.deficit, s.rotation_used, s.foot_progression, s.pelvic_tilt, s.trunk_lean)
        assert row[2:7] == [format_degrees(v) for v in numbers] and row[7] == s.stage
        assert s.lumbar_extension == s.pelvic_tilt  # so one column shows both


def test_a_tissue_only_the_geometry_takes_gets_its_rows_only():
    rows = _rows(mechanisms_markdown(-8.0, tissue="Iliofemoral ligament"))
    assert {row[1] for row in rows} == {MECHANISM_NAMES["geometry"]}
    with pytest.raises(ValueError, match="tissue"):
        mechanisms_markdown(-8.0, tissue="Quadriceps")


def test_the_disagreement_speaks_of_the_hip_and_the_feet_separately():
    from biomech.model.compare import disagreement

    tfl = "Tensor fasciae latae"
    blog, geometry = (compensate(-10.0, tissue=tfl, mechanism=m) for m in ("blog", "geometry"))
    text = disagreement(blog, geometry)
    rotation, feet = float(geometry.rotation_used), float(geometry.foot_progression)
    assert rotation < 0  # the state this test is about: the hip turns in
    hip_words = f"turns the hip in {format_degrees(-rotation)} deg"
    feet_words = (
        f"(a stance of feet {'out' if feet > 0 else 'in'} {format_degrees(abs(feet))} deg, if set before the pull)"
    )
    assert f"{hip_words} {feet_words}" in text
    assert "feet turn in" not in text and "the feet turn" not in text
    assert f"hip flexion of {format_degrees(float(geometry.hip_flexion))} deg" in text  # where it was computed


def test_the_ligament_sketch_claims_no_direction():
    from biomech.model.compare import disagreement

    blog = compensate(-10.0, mechanism="blog")
    text = disagreement(blog, compensate(-10.0, tissue="Iliofemoral ligament"))
    assert "sketch" in text and "claims no direction of rotation" in text
    assert "tighter" not in text and "slackens" not in text


def test_the_disagreement_marks_parts_under_the_moment_arm_floor():
    from biomech.model.compare import disagreement

    for tissue, below in (("Rectus femoris", True), ("Sartorius", False)):
        blog, geometry = (compensate(-8.0, tissue=tissue, mechanism=m) for m in ("blog", "geometry"))
        text = disagreement(blog, geometry)
        assert ("below the model's 5 mm floor with the thigh vertical: no rotation action" in text) is below
    blog, geometry = (compensate(-8.0, tissue="Rectus femoris", mechanism=m) for m in ("blog", "geometry"))
    assert "below the model's" not in disagreement(blog, geometry, moment_arm_floor=0.0)


@pytest.mark.parametrize(
    ("available", "cue", "tissue"),
    [
        (5.0, "squeeze_glutes", "Sartorius"),
        (0.0, "squeeze_glutes", "Sartorius"),
        (5.0, "squeeze_glutes", "Tensor fasciae latae"),
        (-8.0, "squeeze_glutes", "Rectus femoris"),
    ],
)
def test_a_part_the_hip_turns_for_is_never_called_below_the_floor(available: float, cue: str, tissue: str):
    """The note reads the floor where the solver does: a lone tissue the hip turns for has a rotation action."""
    from biomech.model.compare import disagreement

    blog = compensate(available, cue=cue, tissue=tissue, mechanism="blog")
    geometry = compensate(available, cue=cue, tissue=tissue)
    text = disagreement(blog, geometry)
    below = "below the model's 5 mm floor" in text
    assert below is (geometry.rotation_used == 0.0 and tissue == "Rectus femoris")
    if geometry.rotation_used:
        assert "no rotation action" not in text
    if tissue == "Sartorius":
        assert geometry.rotation_used > 0 and "slackens sartorius" in text


def test_parts_below_the_floor_are_not_also_said_to_slacken_or_tighten():
    from biomech.model.compare import disagreement

    blog, geometry = (compensate(-8.0, cue="squeeze_glutes", mechanism=m) for m in ("blog", "geometry"))
    text = disagreement(blog, geometry)
    acting, _, below = text.partition("; ")
    for name in ("iliacus", "psoas", "rectus femoris", "pectineus", "adductor brevis"):
        assert name in below and name not in acting
