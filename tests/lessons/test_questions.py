"""Self-check answers equal what the model and the table return; checking logic."""

from __future__ import annotations

import math

import numpy as np
import pytest

from biomech.model.lift import lift_compensation
from biomech.model.lockout import compensate
from biomech.anatomy.textbook import muscles_for
from biomech.parameters import PARAMETERS
from biomech.lessons.cases import CLIENT, LIFTER, Client, Lifter
from biomech.lessons.questions import LESSONS, NONE_HELPS, check, question, questions
from biomech.model.thomas import VALIDITY, modified_thomas_test
from biomech.anatomy.tissues import moment_arms_at

ALL = [q for lesson in LESSONS for q in questions(lesson)]


def test_every_lesson_has_questions_with_unique_keys():
    assert all(len(questions(lesson)) >= 3 for lesson in LESSONS)
    assert len({q.key for q in ALL}) == len(ALL)


@pytest.mark.parametrize("q", ALL, ids=[q.key for q in ALL])
def test_answer_is_checked_correct_and_explained(q):
    a = q.answer()
    assert a.explanation
    if a.choices:
        assert a.value in a.choices
    else:
        assert math.isfinite(float(a.value))
    feedback = check(q, a.value if a.choices else str(a.value))
    assert feedback.correct and feedback.message.startswith("Correct.")
    assert a.explanation in feedback.message


@pytest.mark.parametrize("q", ALL, ids=[q.key for q in ALL])
def test_wrong_answer_gets_the_answer_and_the_explanation(q):
    a = q.answer()
    wrong = next(c for c in a.choices if c != a.value) if a.choices else float(a.value) + q.tolerance + 1.0
    feedback = check(q, wrong)
    assert not feedback.correct
    assert feedback.message.startswith("Not quite: the model gives " + a.shown)
    assert a.explanation in feedback.message


def test_tolerance_is_inclusive_and_numbers_may_be_text():
    q = question("03-cue-difference")
    value = float(q.answer().value)
    assert check(q, value + q.tolerance).correct
    assert check(q, f" {value - q.tolerance} ").correct
    assert not check(q, value + q.tolerance + 0.01).correct


@pytest.mark.parametrize("response", [None, "", "  ", "twelve", "nan", float("inf")])
def test_empty_or_unreadable_responses_are_not_correct(response):
    feedback = check(question("03-cue-difference"), response)
    assert not feedback.correct and feedback.message


# ----- answers equal the model (computed independently here) ------------------------

def test_02_answers_equal_the_table_and_gait2392():
    assert question("02-primary-flexors").answer().value == len(muscles_for("flexion", "primary"))
    assert question("02-no-primary").answer().value == "internal rotation"
    assert muscles_for("internal rotation", "primary") == ()
    internal = moment_arms_at("peri_r", 90.0)[2] > 0  # gait2392: + = internal
    assert question("02-piriformis").answer().value == ("internal rotation" if internal else "external rotation")
    flip = float(question("02-adductor-longus").answer().value)
    assert moment_arms_at("add_long_r", 5 * (flip // 5))[0] > 0 > moment_arms_at("add_long_r", 5 * (flip // 5 + 1))[0]


def test_03_answers_equal_the_model():
    available = LIFTER.hip_extension_available
    assert question("03-blog-rotation").answer().value == compensate(available, cue="stand_tall").rotation_needed
    rf = compensate(available, cue="stand_tall", tissue=LIFTER.tissue)
    assert math.isinf(rf.rotation_needed)
    assert question("03-rf-rotation").answer().value == NONE_HELPS
    tall, squeeze = compensate(available, cue="stand_tall"), compensate(available)
    assert question("03-cue-difference").answer().value == squeeze.pelvic_tilt - tall.pelvic_tilt
    onset = float(question("03-onset").answer().value)
    assert lift_compensation(onset, available).deficit > 0
    assert lift_compensation(onset - 0.001, available).deficit == 0
    assert question("03-tfl-feet").answer().value.startswith("in")


def test_05_answers_equal_the_thomas_function():
    kendall = modified_thomas_test(*CLIENT.measurements())
    assert question("05-tissue").answer().value == kendall.tissues[0]
    assert question("05-tilt").answer().value == kendall.compensation["squeeze_glutes"].pelvic_tilt
    bmc = modified_thomas_test(*CLIENT.measurements(), criteria="bmc2021")
    assert question("05-bmc").answer().value == ("yes" if "rectus femoris" in bmc.tissues else "no")
    mean = [PARAMETERS[f"mtt_{n}"].default for n in ("thigh_angle", "knee_flexion", "thigh_abduction")]
    fired = sum(f.fired for f in modified_thomas_test(*mean, criteria="bmc2021").findings)
    assert question("05-harvey").answer().value == fired
    assert question("05-sensitivity").answer().value == round(100 * VALIDITY.sensitivity)


def test_answers_follow_the_model_when_it_changes():
    """Nothing is typed in: a different lifter gives different answers."""
    before = question("03-blog-rotation").answer().value
    asked = {q.key: q for q in questions("03", lifter=Lifter(-4.0, "Rectus femoris"))}["03-blog-rotation"]
    assert asked.answer().value == compensate(-4.0, cue="stand_tall").rotation_needed != before
    assert "4 deg too little" in asked.text


def test_a_teachers_client_gets_answers_for_that_client():
    """The quiz answers for the client the lesson passes, not a copy of the default."""
    client = Client(thigh_angle=-5.0, knee_flexion=85.0, thigh_abduction=10.0)
    asked = {q.key: q for q in questions("05", client=client)}
    expected = modified_thomas_test(*client.measurements()).compensation["squeeze_glutes"].pelvic_tilt
    assert asked["05-tilt"].answer().value == expected
    assert "-5 deg" in asked["05-tissue"].text


def test_unknown_lesson_or_key_is_a_clear_error():
    with pytest.raises(ValueError, match=r"^'lesson' must be one of \{'02', '03', '05'\}; got '04'"):
        questions("04")
    with pytest.raises(ValueError, match=r"^'key' must be one of"):
        question("03-nope")


def test_onset_is_near_the_lockout():
    assert 0.5 < float(question("03-onset").answer().value) < 1.0
    assert np.isclose(question("03-blog-rotation").answer().value, 8.0 / PARAMETERS["flexors_rotation_benefit"].default)
