"""Self-check widgets: setting the input from code and pressing Check gives the right feedback."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from biomech.apps.selfcheck import FEEDBACK_STYLES, SelfCheck, input_width, quiz
from biomech.lessons.questions import LESSONS, question, questions
from biomech.style.palette import OKABE_ITO


def answer_text(q) -> str:
    a = q.answer()
    return a.value if a.choices else str(a.value)


@pytest.mark.parametrize("key", ["03-rf-rotation", "03-cue-difference"])
def test_right_answer_shows_correct_and_explanation(key):
    q = question(key)
    box = SelfCheck(q)
    box.response.value = answer_text(q)
    box.button.click()
    assert box.last.correct
    assert "Correct." in box.feedback.value
    assert "gait2392" in box.feedback.value or "short of extension" in box.feedback.value


@pytest.mark.parametrize("key", ["03-rf-rotation", "03-cue-difference"])
def test_wrong_answer_shows_the_answer_and_explanation(key):
    q = question(key)
    a = q.answer()
    box = SelfCheck(q)
    box.response.value = next(c for c in a.choices if c != a.value) if a.choices else "99"
    box.button.click()
    assert not box.last.correct
    assert "Not quite" in box.feedback.value and len(box.feedback.value) > 80


def test_input_widget_matches_the_question_kind():
    assert isinstance(SelfCheck(question("03-tfl-feet")).response, widgets.RadioButtons)
    assert isinstance(SelfCheck(question("03-onset")).response, widgets.Text)
    assert SelfCheck(question("03-tfl-feet")).response.value is None  # nothing preselected


def test_no_answer_yet():
    box = SelfCheck(question("03-onset"))
    assert box.feedback.value == ""
    feedback = box.check()
    assert not feedback.correct and "No answer yet" in box.feedback.value


def test_feedback_is_escaped():
    box = SelfCheck(question("03-onset"))
    box.response.value = "<b>"
    box.check()
    assert "<b>" not in box.feedback.value and "&lt;b&gt;" in box.feedback.value


def _mark_and_colour(box: SelfCheck) -> tuple[str, str]:
    kinds = [k for k in FEEDBACK_STYLES if f"biomech-feedback-{k}" in box.feedback.value]
    assert len(kinds) == 1, box.feedback.value
    mark, _, colour = FEEDBACK_STYLES[kinds[0]]
    assert mark in box.feedback.value and colour in box.feedback.value
    return mark, colour


@pytest.mark.parametrize("key", ["03-tfl-feet", "03-cue-difference", "02-glute-max"])
def test_right_and_wrong_differ_by_mark_and_by_colour_blind_safe_colour(key):
    q = question(key)
    a = q.answer()
    right, wrong = SelfCheck(q), SelfCheck(q)
    right.response.value = answer_text(q)
    wrong.response.value = next(c for c in a.choices if c != a.value) if a.choices else "99"
    right.button.click()
    wrong.button.click()
    assert _mark_and_colour(right) == ("\u2714", OKABE_ITO["bluish_green"])
    assert _mark_and_colour(wrong) == ("\u2718", OKABE_ITO["vermillion"])
    assert a.explanation[:40].replace("'", "&#x27;") in right.feedback.value  # the explanation either way
    assert a.explanation[:40].replace("'", "&#x27;") in wrong.feedback.value


@pytest.mark.parametrize("response", ["", "twelve", "12 mm"])
def test_nothing_to_judge_is_a_hint_not_a_wrong_answer(response):
    box = SelfCheck(question("03-cue-difference"))
    box.response.value = response
    box.check()
    assert not box.last.correct and not box.last.answered
    assert _mark_and_colour(box) == ("?", OKABE_ITO["orange"])


def test_every_feedback_colour_is_okabe_ito_and_every_mark_differs():
    assert {colour for _, _, colour in FEEDBACK_STYLES.values()} <= set(OKABE_ITO.values())
    assert len({mark for mark, _, _ in FEEDBACK_STYLES.values()}) == len(FEEDBACK_STYLES)


@pytest.mark.parametrize("lesson", LESSONS)
def test_check_buttons_line_up_in_a_quiz(lesson):
    """Every question is a grid whose input column has the same width: the buttons align."""
    boxes = quiz(lesson).children[1:]
    columns = {b.layout.grid_template_columns for b in boxes}
    assert len(columns) == 1
    assert columns.pop().startswith(input_width(questions(lesson)))
    for b in boxes:
        assert isinstance(b, widgets.GridBox)
        assert b.response.layout.grid_area == "input" and b.button.layout.grid_area == "check"
        assert b.response.layout.width == "100%"  # text boxes and radio buttons fill the same column
        assert b.layout.grid_template_areas == '"ask ask" "input check" "feedback feedback"'


def test_the_input_column_fits_the_longest_choice():
    long = max((c for q in questions("03") for c in q.answer().choices), key=len)
    assert float(input_width(questions("03")).removesuffix("em")) >= 0.5 * len(long)
    assert input_width([question("03-onset")]) == "14.0em"  # a text box alone


@pytest.mark.parametrize("lesson", LESSONS)
def test_quiz_has_a_heading_and_one_box_per_question(lesson):
    box = quiz(lesson)
    assert isinstance(box.children[0], widgets.HTML)
    assert [c.question for c in box.children[1:]] == list(questions(lesson))
