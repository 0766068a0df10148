"""Self-check questions for the lessons, answered by the model and the table at run time.

Each :class:`Question` holds its text and a function that computes the answer (and
an explanation with the numbers behind it) from :mod:`biomech`, so an answer can
never drift from the model: change a parameter and the answer changes with it. No
answer is typed in. :func:`check` compares a response with the answer; the widgets
that ask the questions live in :mod:`biomech.apps.selfcheck`. A typed number may carry a
sign, a decimal point or comma, and the question's unit (:func:`read_number`).

Examples
--------
>>> q = question("03-blog-rotation")
>>> check(q, q.answer().value).correct
True
>>> check(q, "1000").correct
False
>>> read_number(" 26,7 degrees ", "deg")
26.7

The questions live beside their solvers, one module per lesson
(:mod:`~biomech.lessons.questions_02`, :mod:`~biomech.lessons.questions_03`,
:mod:`~biomech.lessons.questions_05`); the checking code is :mod:`biomech.lessons.checking`.
Its public names are re-exported here.
"""

from __future__ import annotations

from dataclasses import replace

from biomech._validation import check_choice
from biomech.lessons.cases import CLIENT, LIFTER, Client, Lifter
from biomech.lessons.checking import (
    BLOG_SOURCE,
    GEOMETRY_SOURCE,
    NONE_HELPS,
    TABLE_SOURCE,
    UNIT_WORDS,
    Answer,
    Feedback,
    Question,
    Solver,
    check,
    read_number,
)
from biomech.lessons.questions_02 import QUESTIONS as QUESTIONS_02
from biomech.lessons.questions_03 import QUESTIONS as QUESTIONS_03
from biomech.lessons.questions_05 import QUESTIONS as QUESTIONS_05

__all__ = [
    "LESSONS",
    "NONE_HELPS",
    "UNIT_WORDS",
    "Answer",
    "Feedback",
    "Question",
    "Solver",
    "check",
    "question",
    "questions",
    "read_number",
    "BLOG_SOURCE",
    "GEOMETRY_SOURCE",
    "TABLE_SOURCE",
]

LESSONS: tuple[str, ...] = ("02", "03", "05")
"""Lessons with questions: notebooks 02 (muscle actions), 03 (deadlift), 05 (client)."""

_QUESTIONS: tuple[Question, ...] = QUESTIONS_02 + QUESTIONS_03 + QUESTIONS_05


def questions(lesson: str, *, lifter: Lifter = LIFTER, client: Client = CLIENT) -> tuple[Question, ...]:
    """Return the questions of a lesson (``"02"``, ``"03"`` or ``"05"``), in order.

    ``lifter`` and ``client`` are the cases the questions ask about (default: the lessons' own,
    :data:`~biomech.lessons.cases.LIFTER` and :data:`~biomech.lessons.cases.CLIENT`).
    """
    check_choice("lesson", lesson, LESSONS)
    return tuple(replace(q, lifter=lifter, client=client) for q in _QUESTIONS if q.lesson == lesson)


def question(key: str) -> Question:
    """Return one question by its key, e.g. ``"03-rf-rotation"``."""
    check_choice("key", key, [q.key for q in _QUESTIONS])
    return next(q for q in _QUESTIONS if q.key == key)
