"""Self-check questions as widgets: check yourself at the end of a lesson.

App layer (imports ipywidgets). Each :class:`SelfCheck` shows a question of
:mod:`biomech.lessons.questions`, an input
(radio buttons for choices, a text box for numbers), a *Check* button and a feedback
line. The answer is computed by the model when the widget is built, and the feedback
always explains, right or wrong. In a notebook one call shows a lesson's questions::

    import biomech as bm
    bm.quiz("03")

The feedback is marked twice, so colour is never the only cue: a mark (✔ right, ✘ not
quite, ? nothing to judge yet) and a bar in the project's colour-blind-safe Okabe-Ito
colours (:data:`FEEDBACK_STYLES`). Each question is a two-column grid, input then
button, and every question of a quiz gets the same input width, so the *Check* buttons
line up.

References
----------
ipywidgets documentation, "Widget Events" (``Button.on_click``), "Widget List" and
"Layout of Jupyter widgets" (``GridBox``, ``grid_template_areas``).
Okabe M, Ito K (2008). Color Universal Design (CUD). jfly.uni-koeln.de/color.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any

import ipywidgets as widgets

from biomech._lazy import resolve
from biomech.lessons.cases import CLIENT, LIFTER, Client, Lifter
from biomech.lessons.questions import Feedback, Question, check, questions
from biomech.style.palette import OKABE_ITO

__all__ = ["FEEDBACK_STYLES", "SelfCheck", "feedback_html", "input_width", "quiz"]

_RENAMED = {
    "explore_action": "biomech.apps.table_explorers.explore_action",
    "explore_muscle": "biomech.apps.table_explorers.explore_muscle",
}
"""Names moved elsewhere, kept one release as deprecated aliases (:func:`biomech._lazy.resolve`)."""

_TITLES = {
    "02": "Check yourself: the muscle-action table",
    "03": "Check yourself: the deadlift",
    "05": "Check yourself: the client's Thomas test",
}

FEEDBACK_STYLES: Mapping[str, tuple[str, str, str]] = MappingProxyType(
    {
        "correct": ("\u2714", "right", OKABE_ITO["bluish_green"]),
        "wrong": ("\u2718", "not quite", OKABE_ITO["vermillion"]),
        "unanswered": ("?", "nothing to check yet", OKABE_ITO["orange"]),
    }
)
"""Mark, its spoken name and its colour (Okabe-Ito) for each kind of feedback."""

_MIN_INPUT_EM, _EM_PER_CHAR, _RADIO_EM = 14.0, 0.55, 3.0


def input_width(items: Iterable[Question]) -> str:
    """Return one input width (CSS ``em``) that fits every question's input.

    A text box gets the minimum; radio buttons as much as their longest choice needs
    (about 0.55 em a character, plus the button), so no label is cut.
    """
    widest = _MIN_INPUT_EM
    for q in items:
        choices = q.answer().choices
        if choices:
            widest = max(widest, _RADIO_EM + _EM_PER_CHAR * max(len(c) for c in choices))
    return f"{widest:.1f}em"


def _kind(feedback: Feedback) -> str:
    return "correct" if feedback.correct else "wrong" if feedback.answered else "unanswered"


def feedback_html(feedback: Feedback) -> str:
    """Return the feedback as HTML: a mark and a coloured bar, then the escaped message."""
    kind = _kind(feedback)
    mark, spoken, colour = FEEDBACK_STYLES[kind]
    return (
        f"<div class='biomech-feedback biomech-feedback-{kind}' style='max-width:48em;"
        f"border-left:5px solid {colour};padding:2px 0 2px 10px;margin:2px 0'>"
        f"<span role='img' aria-label='{spoken}' style='color:{colour};font-weight:bold;"
        f"font-size:1.2em'>{mark}</span> {html.escape(feedback.message)}</div>"
    )


class SelfCheck(widgets.GridBox):
    """One question as a widget; :meth:`check` reads the input and shows feedback.

    A grid of two columns: the prompt across both, then the input (``width`` wide) and
    the *Check* button, then the feedback across both.

    Attributes
    ----------
    question
        The :class:`~biomech.lessons.questions.Question` asked.
    response
        The input widget: ``RadioButtons`` for a choice, ``Text`` for a number.
    button
        The *Check* button.
    feedback
        ``HTML`` holding the last feedback (empty until checked).
    last
        The last :class:`~biomech.lessons.questions.Feedback`, or None.
    """

    def __init__(self, question: Question, number: int | None = None, *, width: str | None = None) -> None:
        self.question = question
        answer = question.answer()
        width = width or input_width([question])
        prefix = f"{number}. " if number is not None else ""
        prompt = widgets.HTML(f"<b>{prefix}</b>{html.escape(question.text)}", layout=widgets.Layout(grid_area="ask"))
        fill = widgets.Layout(grid_area="input", width="100%")
        if answer.choices:
            self.response: widgets.ValueWidget = widgets.RadioButtons(
                options=list(answer.choices), value=None, layout=fill
            )
        else:
            unit = f" ({question.unit})" if question.unit else ""
            self.response = widgets.Text(placeholder=f"a number{unit}", layout=fill)
        self.button = widgets.Button(
            description="Check", tooltip="Check your answer", layout=widgets.Layout(grid_area="check", width="7em")
        )
        self.feedback = widgets.HTML(layout=widgets.Layout(grid_area="feedback"))
        self.last: Feedback | None = None
        self.button.on_click(lambda _: self.check())
        super().__init__(
            [prompt, self.response, self.button, self.feedback],
            layout=widgets.Layout(
                grid_template_columns=f"{width} 8em",
                grid_template_areas='"ask ask" "input check" "feedback feedback"',
                align_items="flex-start",
                grid_gap="4px 12px",
                margin="0 0 1em 0",
            ),
        )

    def check(self) -> Feedback:
        """Check the current input, show the feedback and return it."""
        try:
            self.last = check(self.question, self.response.value)
        except Exception as error:  # a failing callback would otherwise vanish silently
            self.last = Feedback(False, f"Could not check this answer: {error}", answered=False)
        self.feedback.value = feedback_html(self.last)
        return self.last


def quiz(lesson: str, *, lifter: Lifter = LIFTER, client: Client = CLIENT) -> widgets.VBox:
    """Return every question of a lesson as widgets under a heading.

    Parameters
    ----------
    lesson
        ``"02"``, ``"03"`` or ``"05"`` (see :data:`biomech.lessons.questions.LESSONS`).
    lifter, client
        The cases the questions ask about (default: the lessons' own).

    Returns
    -------
    ipywidgets.VBox
        A heading, then one :class:`SelfCheck` per question (``.children[1:]``), all
        with the same input width, so the *Check* buttons line up.
    """
    items = questions(lesson, lifter=lifter, client=client)
    width = input_width(items)
    heading = widgets.HTML(f"<h3>{html.escape(_TITLES[lesson])}</h3>")
    return widgets.VBox([heading, *(SelfCheck(q, i, width=width) for i, q in enumerate(items, start=1))])


def __getattr__(name: str) -> Any:
    """The table explorers, moved to :mod:`biomech.apps.table_explorers`: a ``DeprecationWarning``."""
    return resolve(__name__, name, globals(), renamed=_RENAMED)
