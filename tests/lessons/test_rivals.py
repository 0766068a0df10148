"""The other explanations (biomech.lessons.rivals): numbers from the code, evidence from the lessons' sources."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from biomech.anatomy.actions_by_posture import label_moment_arms
from biomech.anatomy.geometry import path_length
from biomech.formatting import format_degrees
from biomech.lessons.cases import LIFTER, Lifter
from biomech.lessons.rivals import EVIDENCE_LEVELS, rival_explanations, rivals_markdown
from biomech.model.lockout import compensate
from biomech.parameters import PARAMETERS

NOTEBOOKS = Path(__file__).parents[2] / "notebooks"
RIVALS = rival_explanations()


def test_the_reviewed_explanations_are_all_there():
    names = " ".join(r.name.lower() for r in RIVALS)
    for words in ("squeeze", "stance", "soft knees", "trunk lean", "abduction"):
        assert words in names


@pytest.mark.parametrize("rival", RIVALS, ids=lambda r: r.name)
def test_every_piece_of_evidence_has_a_level(rival):
    assert rival.evidence
    for piece in rival.evidence:
        assert any(piece.startswith(level) or f", {level}" in piece for level in EVIDENCE_LEVELS), piece


def test_the_numbers_are_the_models():
    squeeze, stance, knees, lean, tfl = RIVALS
    glute = abs(1000 * float(label_moment_arms("Gluteus maximus")[2]))
    assert f"moment arm of {glute:.0f} mm" in squeeze.lab
    baseline = format_degrees(PARAMETERS["foot_progression_baseline"].default)
    turned = format_degrees(
        compensate(LIFTER.hip_extension_available, cue="stand_tall", mechanism="blog").foot_progression
    )
    assert f"turned out {baseline} deg" in stance.lab and f"of the {turned} deg" in stance.lab
    bend = -LIFTER.hip_extension_available  # shanks vertical: the hip flexes as much as the knee bends
    assert f"{format_degrees(bend)} deg of knee bend flexes this lifter's hip {format_degrees(bend)} deg" in knees.lab
    longer = 1000 * float(path_length("rect_fem_r", hip_flexion=bend, knee_flexion=bend) - path_length("rect_fem_r"))
    assert longer > 0  # the knee bend lengthens rectus femoris more than the hip flexion shortens it
    assert f"makes it {longer:.1f} mm longer" in knees.lab
    assert f"{format_degrees(-LIFTER.hip_extension_available)} deg for this lifter" in lean.lab
    shorter = 1000 * float(path_length("tfl_r") - path_length("tfl_r", hip_adduction=-10.0))
    assert shorter > 0 and f"shortens it by {shorter:.0f} mm" in tfl.lab


def test_no_rival_says_planted_feet_turn_or_knees_out_with_feet_in():
    squeeze, *_, tfl = RIVALS
    assert "torque" in squeeze.claim and "turns the thighs out" not in squeeze.claim + squeeze.name
    assert "knees out, " not in tfl.claim and "feet turned in" not in tfl.claim


def test_the_numbers_follow_the_lifter():
    other = rival_explanations(Lifter(-3.0, "Rectus femoris"))
    assert "3 deg for this lifter" in other[3].lab and other[3].lab != RIVALS[3].lab


def test_the_table_has_one_row_per_explanation():
    rows = [line for line in rivals_markdown().splitlines() if line.startswith("| **")]
    assert len(rows) == len(RIVALS)


@pytest.mark.parametrize("lesson", ["01_hip_compensation_lab", "03_deadlift_lockout"])
def test_the_lessons_end_with_them_and_cite_every_source(lesson):
    cells = json.loads((NOTEBOOKS / f"{lesson}.ipynb").read_text("utf-8"))["cells"]
    text = ["".join(c["source"]) for c in cells]
    headings = [t for t in text if t.startswith("## ")]
    assert headings[-1].startswith("## References") and "Other explanations" in headings[-2]
    assert any("rivals_markdown" in t for t in text)
    references = headings[-1]
    for rival in RIVALS:
        for source in rival.sources:
            author = re.split(r" et al\.| \d{4}", source)[0]
            assert author in references, f"{lesson}: {source} is not in the references"
