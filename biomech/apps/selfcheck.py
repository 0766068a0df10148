"""Widgets for studying alone: explore the muscle-action table, and check yourself.

App layer (imports ipywidgets). :func:`explore_muscle` and :func:`explore_action` answer
"what does this muscle do?" and "which muscles do this?" from a drop-down, straight
from :mod:`biomech.anatomy.textbook`. Each :class:`SelfCheck` shows a question of
:mod:`biomech.lessons.questions`, an input
(radio buttons for choices, a text box for numbers), a *Check* button and a feedback
line. The answer is computed by the model when the widget is built, and the feedback
always explains, right or wrong. In a notebook one call shows a lesson's questions::

    from biomech.apps.selfcheck import quiz
    quiz("03")

References
----------
ipywidgets documentation, "Widget Events" (``Button.on_click``) and "Widget List".
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from biomech.anatomy.textbook import ACTIONS, EMPTY_CELLS, ROLES, actions_of, load_actions, muscles_for
from biomech.lessons.cases import CLIENT, LIFTER, Client, Lifter
from biomech.lessons.questions import Feedback, Question, check, questions

__all__ = ["SelfCheck", "explore_action", "explore_muscle", "quiz"]

_TITLES = {
    "02": "Check yourself: the muscle-action table",
    "03": "Check yourself: the deadlift",
    "05": "Check yourself: the client's Thomas test",
}


class SelfCheck(widgets.VBox):
    """One question as a widget; :meth:`check` reads the input and shows feedback.

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

    def __init__(self, question: Question, number: int | None = None) -> None:
        self.question = question
        answer = question.answer()
        prefix = f"{number}. " if number is not None else ""
        prompt = widgets.HTML(f"<b>{prefix}</b>{html.escape(question.text)}")
        if answer.choices:
            self.response: widgets.ValueWidget = widgets.RadioButtons(
                options=list(answer.choices), value=None, layout=widgets.Layout(width="auto")
            )
        else:
            unit = f" ({question.unit})" if question.unit else ""
            self.response = widgets.Text(placeholder=f"a number{unit}", layout=widgets.Layout(width="14em"))
        self.button = widgets.Button(description="Check", tooltip="Check your answer")
        self.feedback = widgets.HTML()
        self.last: Feedback | None = None
        self.button.on_click(lambda _: self.check())
        super().__init__(
            [prompt, widgets.HBox([self.response, self.button]), self.feedback],
            layout=widgets.Layout(margin="0 0 1em 0"),
        )

    def check(self) -> Feedback:
        """Check the current input, show the feedback and return it."""
        try:
            self.last = check(self.question, self.response.value)
        except Exception as error:  # a failing callback would otherwise vanish silently
            self.last = Feedback(False, f"Could not check this answer: {error}")
        mark = "&#10004; " if self.last.correct else "&#10008; "
        self.feedback.value = f"<p style='max-width:48em'>{mark}{html.escape(self.last.message)}</p>"
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
        A heading, then one :class:`SelfCheck` per question (``.children[1:]``).
    """
    items = questions(lesson, lifter=lifter, client=client)
    heading = widgets.HTML(f"<h3>{html.escape(_TITLES[lesson])}</h3>")
    return widgets.VBox([heading, *(SelfCheck(q, i) for i, q in enumerate(items, start=1))])


def _list(items: tuple[str, ...] | list[str]) -> str:
    return "".join(f"<li>{html.escape(i)}</li>" for i in items)


def explore_muscle(muscle: str = "Piriformis") -> widgets.VBox:
    """Return a drop-down of the table's muscles and parts, showing each one's actions.

    A plain name (``"Gluteus medius"``) lists the actions of every part; a label with
    its part (``"Gluteus medius (posterior fibers)"``) only that part's, as
    :func:`biomech.anatomy.textbook.actions_of` does. The result is ``.children[1]`` (HTML).
    """
    rows = load_actions()
    names = sorted({r.muscle for r in rows} | {r.label for r in rows})
    choose = widgets.Dropdown(options=names, value=muscle, description="Muscle", layout=widgets.Layout(width="32em"))
    shown = widgets.HTML()

    def show(_: object = None) -> None:
        pairs = actions_of(choose.value)
        shown.value = (
            f"<b>{html.escape(choose.value)}</b><ul>" + _list([f"{action}: {role}" for action, role in pairs]) + "</ul>"
        )

    choose.observe(show, names="value")
    show()
    return widgets.VBox([choose, shown])


def explore_action(action: str = "external rotation") -> widgets.VBox:
    """Return a drop-down of the six actions, showing their primary and secondary muscles.

    The result is ``.children[1]`` (HTML); an empty cell shows the table's statement
    (there is no primary internal rotator: "Not applicable").
    """
    choose = widgets.Dropdown(options=list(ACTIONS), value=action, description="Action")
    shown = widgets.HTML()

    def show(_: object = None) -> None:
        parts = []
        for role in ROLES:
            names = muscles_for(choose.value, role) or (EMPTY_CELLS[(choose.value, role)],)
            parts.append(f"<b>{role.capitalize()}</b><ul>{_list(names)}</ul>")
        shown.value = "".join(parts)

    choose.observe(show, names="value")
    show()
    return widgets.VBox([choose, shown])
