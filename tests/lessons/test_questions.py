"""Self-check answers equal what the model and the table return; checking logic."""

from __future__ import annotations

import math

import numpy as np
import pytest

from biomech.anatomy.textbook import muscles_for
from biomech.anatomy.tissues import moment_arms_at
from biomech.lessons.cases import CLIENT, CLIENTS, LIFTER, Client, Lifter
from biomech.lessons.questions import (
    BLOG_SOURCE,
    GEOMETRY_SOURCE,
    LESSONS,
    NONE_HELPS,
    TABLE_SOURCE,
    Question,
    check,
    question,
    questions,
    read_number,
)
from biomech.model.lift import lift_compensation
from biomech.model.thomas import VALIDITY, modified_thomas_test
from biomech.parameters import PARAMETERS
from tests.models import blog as compensate

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
    unit = f" {q.unit}" if q.unit and not a.choices else ""
    if a.source:  # a number from the literature or the table: say whose it is
        assert feedback.message.startswith(f"Not quite: {a.shown}{unit}, according to {a.source}.")
        assert "the model" not in feedback.message.split(".")[0]
    else:
        assert feedback.message.startswith(f"Not quite: the model gives {a.shown}{unit}.")
    assert a.explanation in feedback.message


def test_answers_not_computed_by_the_model_name_their_source():
    assert question("05-sensitivity").answer().source == "Vigotsky et al. 2016"
    assert "Harvey 1998" in question("05-harvey").answer().source  # the mtt_* parameters
    assert "2021" in question("05-execp").answer().source and "cerebral palsy" in question("05-execp").answer().source
    assert "Kendall" in question("05-tissue").answer().source
    for key in ("02-primary-flexors", "02-no-primary", "02-glute-max"):
        assert question(key).answer().source == TABLE_SOURCE
    assert "Neumann 2017" in TABLE_SOURCE
    for key in ("02-piriformis", "02-adductor-longus"):
        assert question(key).answer().source == GEOMETRY_SOURCE
    assert "Delp et al. 1990" in GEOMETRY_SOURCE
    for key in ("03-blog-rotation", "03-cue-difference"):
        assert question(key).answer().source == BLOG_SOURCE
    assert "Delp et al. 1990" in question("03-rf-rotation").answer().source
    assert "Schellenberg et al. 2013" in question("03-onset").answer().source
    assert TABLE_SOURCE in question("03-tfl-feet").answer().source
    assert question("05-tilt").answer().source == ""  # the lab's model


@pytest.mark.parametrize("q", [q for lesson in ("02", "03") for q in questions(lesson)], ids=lambda q: q.key)
def test_every_02_and_03_answer_says_where_it_comes_from(q):
    """No 'the model gives': each answer of lessons 02 and 03 names its source or its model."""
    a = q.answer()
    assert a.source
    wrong = next(c for c in a.choices if c != a.value) if a.choices else float(a.value) + q.tolerance + 1.0
    assert "the model gives" not in check(q, wrong).message


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


# ----- reading a typed number -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("26.7", "deg", 26.7),
        ("26.7 deg", "deg", 26.7),
        ("26.7deg", "deg", 26.7),
        ("26.7°", "deg", 26.7),
        ("26,7", "deg", 26.7),
        (" 26,7 degrees ", "deg", 26.7),
        ("1 degree", "deg", 1.0),
        ("26.7 DEG", "deg", 26.7),
        ("-5 °", "deg", -5.0),
        ("- 5", "deg", -5.0),
        ("\u22125", "deg", -5.0),  # the minus sign, as the notebooks print it
        ("+3", "deg", 3.0),
        (".5", "deg", 0.5),
        ("5.", "deg", 5.0),
        ("1,000", "deg", 1.0),  # the comma is a decimal separator, never a thousands one
        ("2e1", "deg", 20.0),
        ("12 mm", "mm", 12.0),
        ("0.3 m", "m", 0.3),
        ("32 %", "%", 32.0),
        ("32 people", "people", 32.0),
        ("32", "people", 32.0),
        ("0.84", "", 0.84),
    ],
)
def test_typed_numbers_are_read_with_sign_decimal_comma_and_unit(text, unit, value):
    assert read_number(text, unit) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "unit", "message"),
    [
        ("about 27", "deg", r"got 'about 27'"),
        ("twenty", "deg", r"got 'twenty'"),
        ("26.7 27", "deg", r"got '26.7 27'"),
        ("1.000,5", "deg", r"got '1.000,5'"),
        ("26,7,1", "deg", r"got '26,7,1'"),
        ("5 -", "deg", r"got '5 -'"),
        ("--5", "deg", r"got '--5'"),
        ("nan", "deg", r"got 'nan'"),
        ("inf", "deg", r"got 'inf'"),
        (
            "26.7 mm",
            "deg",
            (
                r"'response' must be a number in deg, optionally followed by one of "
                r"\{'deg', 'degs', 'degree', 'degrees', '°'\}; got '26.7 mm' \(unit 'mm'\)"
            ),
        ),
        ("26.7 m", "mm", r"one of \{'mm'\}; got '26.7 m' \(unit 'm'\)"),
        ("26.7 %", "deg", r"\(unit '%'\)"),
        ("0.8 deg", "", r"'response' must be a number without a unit; got '0.8 deg' \(unit 'deg'\)"),
        ("12 deg 5", "deg", r"got '12 deg 5'"),
    ],
)
def test_a_wrong_unit_or_not_one_number_is_rejected_with_a_clear_message(text, unit, message):
    with pytest.raises(ValueError, match=message):
        read_number(text, unit)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), True, [1.0], object()])
def test_non_numbers_and_non_finite_numbers_are_rejected(value):
    with pytest.raises(ValueError, match=r"^'response' must be a number"):
        read_number(value, "deg")


def test_check_accepts_units_and_decimal_commas_and_explains_a_wrong_unit():
    q = question("03-cue-difference")
    value = float(q.answer().value)
    assert check(q, f"{value:.2f} deg").correct
    assert check(q, f"{value:.2f}°".replace(".", ",")).correct
    assert check(q, f" {value:.2f} degrees ").correct
    assert check(q, value).correct
    assert check(q, round(value)).correct == (abs(round(value) - value) <= q.tolerance)
    wrong = check(q, f"{value:.2f} mm")
    assert not wrong.correct
    assert wrong.message.startswith("Could not read this answer: 'response' must be a number in deg")
    assert "(unit 'mm')" in wrong.message
    unreadable = check(q, "about 27")
    assert not unreadable.correct and "e.g. 12.5 or 12,5" in unreadable.message


def test_a_question_without_a_unit_takes_a_bare_number_only():
    q = question("03-onset")
    assert q.unit == ""
    value = float(q.answer().value)
    assert check(q, f"{value:.3f}".replace(".", ",")).correct
    feedback = check(q, f"{value:.3f} deg")
    assert not feedback.correct and "without a unit" in feedback.message


def test_a_unit_outside_the_list_is_accepted_as_itself():
    q = question("05-sensitivity")
    assert q.unit == "people"
    value = q.answer().value
    assert check(q, f"{value} people").correct and check(q, f"{value} PEOPLE").correct
    assert not check(q, f"{value} deg").correct


def test_check_never_raises_on_odd_input():
    q = Question(
        "x", "03", "?", lambda lifter, client: question("03-cue-difference").answer(), tolerance=0.5, unit="deg"
    )
    for response in ("°", "deg", "+", ",", "1e", "1e999", "\u00a0", "1 2 3", b"12", 12j):
        feedback = check(q, response)
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
    kendall = modified_thomas_test(**CLIENT.readings(), pelvic_tilt_controlled=True)
    assert question("05-tissue").answer().value == kendall.tissues[0] == "rectus femoris"
    squeeze = kendall.predictions[0].compensation["squeeze_glutes"]
    assert question("05-tilt").answer().value == squeeze.pelvic_tilt
    execp = modified_thomas_test(**CLIENT.readings(), criteria="execp2021")
    assert question("05-execp").answer().value == ("yes" if "rectus femoris" in execp.tissues else "no")
    mean = [PARAMETERS[f"mtt_{n}"].default for n in ("thigh_angle", "knee_flexion", "thigh_abduction")]
    fired = sum(f.fired for f in modified_thomas_test(*mean, criteria="execp2021").findings)
    assert question("05-harvey").answer().value == fired
    assert question("05-sensitivity").answer().value == round(100 * VALIDITY.sensitivity)


@pytest.mark.parametrize("name", list(CLIENTS))
def test_05_answers_follow_each_of_the_lessons_clients(name):
    client = CLIENTS[name]
    asked = {q.key: q for q in questions("05", client=client)}
    result = modified_thomas_test(**client.readings(), pelvic_tilt_controlled=True)
    expected = {"rectus femoris": "rectus femoris", "iliopsoas": "one-joint hip flexors", "TFL/ITB": "TFL/ITB"}
    assert asked["05-tissue"].answer().value == expected[name] == result.tissues[0]
    assert asked["05-tilt"].answer().value == result.predictions[0].compensation["squeeze_glutes"].pelvic_tilt
    assert result.predictions[0].tissue in asked["05-tilt"].text


def test_05_a_confounded_client_is_answered_as_confounded():
    """The hanging leg alone cannot tell the one-joint flexors from a rectus femoris lifting the thigh."""
    client = Client(thigh_angle=5.0, knee_flexion=70.0, thigh_abduction=0.0)
    answer = {q.key: q for q in questions("05", client=client)}["05-tissue"].answer()
    assert answer.value.startswith("one-joint hip flexors or rectus femoris") and answer.value in answer.choices
    assert "may be either" in answer.explanation


def test_answers_follow_the_model_when_it_changes():
    """Nothing is typed in: a different lifter gives different answers."""
    before = question("03-blog-rotation").answer().value
    asked = {q.key: q for q in questions("03", lifter=Lifter(-4.0, "Rectus femoris"))}["03-blog-rotation"]
    assert asked.answer().value == compensate(-4.0, cue="stand_tall").rotation_needed != before
    assert "4 deg too little" in asked.text


def test_a_teachers_client_gets_answers_for_that_client():
    """The quiz answers for the client the lesson passes, not a copy of the default."""
    client = Client(thigh_angle=12.0, knee_flexion=100.0, thigh_abduction=0.0, knee_flexion_thigh_held=100.0)
    asked = {q.key: q for q in questions("05", client=client)}
    result = modified_thomas_test(**client.readings(), pelvic_tilt_controlled=True)
    expected = result.predictions[0].compensation["squeeze_glutes"].pelvic_tilt
    assert asked["05-tilt"].answer().value == expected != question("05-tilt").answer().value
    assert "12 deg above horizontal" in asked["05-tissue"].text and "the knee flexes 100 deg" in asked["05-tissue"].text


def test_unknown_lesson_or_key_is_a_clear_error():
    with pytest.raises(ValueError, match=r"^'lesson' must be one of \{'02', '03', '05'\}; got '04'"):
        questions("04")
    with pytest.raises(ValueError, match=r"^'key' must be one of"):
        question("03-nope")


def test_onset_is_near_the_lockout():
    assert 0.5 < float(question("03-onset").answer().value) < 1.0
    assert np.isclose(question("03-blog-rotation").answer().value, 8.0 / PARAMETERS["flexors_rotation_benefit"].default)
