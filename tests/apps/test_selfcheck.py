"""Self-check widgets: setting the input from code and pressing Check gives the right feedback."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from biomech.apps.selfcheck import SelfCheck, quiz
from biomech.lessons.questions import LESSONS, question, questions


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
    assert "<b>" not in box.feedback.value.replace("<p", "").split(">", 1)[1]


@pytest.mark.parametrize("lesson", LESSONS)
def test_quiz_has_a_heading_and_one_box_per_question(lesson):
    box = quiz(lesson)
    assert isinstance(box.children[0], widgets.HTML)
    assert [c.question for c in box.children[1:]] == list(questions(lesson))


def test_muscle_explorer_shows_every_action_of_the_choice():
    from biomech.anatomy.textbook import actions_of
    from biomech.apps.selfcheck import explore_muscle

    box = explore_muscle()
    choose, shown = box.children
    for name in ("Gluteus medius", "Gluteus medius (posterior fibers)", "Adductor magnus"):
        choose.value = name
        for action, role in actions_of(name):
            assert f"{action}: {role}" in shown.value
    assert "Obturator internus" in choose.options  # not modelled in gait2392, but in the table


def test_action_explorer_shows_both_columns_and_the_empty_cell():
    from biomech.anatomy.textbook import muscles_for
    from biomech.apps.selfcheck import explore_action

    box = explore_action()
    choose, shown = box.children
    choose.value = "flexion"
    assert all(m in shown.value for m in muscles_for("flexion"))
    choose.value = "internal rotation"
    assert "Not applicable" in shown.value
    assert all(m in shown.value for m in muscles_for("internal rotation", "secondary"))
