"""Self-check widgets: ask a question of :mod:`biomech.questions`, check the answer in place.

App layer (imports ipywidgets). Each :class:`SelfCheck` shows the question, an input
(radio buttons for choices, a text box for numbers), a *Check* button and a feedback
line. The answer is computed by the model when the widget is built, and the feedback
always explains, right or wrong. In a notebook one call shows a lesson's questions::

    from biomech.selfcheck import quiz
    quiz("03")

References
----------
ipywidgets documentation, "Widget Events" (``Button.on_click``) and "Widget List".
"""

from __future__ import annotations

import html

import ipywidgets as widgets

from biomech.questions import Feedback, Question, check, questions

__all__ = ["SelfCheck", "quiz"]

_TITLES = {"02": "Check yourself: the muscle-action table",
           "03": "Check yourself: the deadlift",
           "05": "Check yourself: the client's Thomas test"}


class SelfCheck(widgets.VBox):
    """One question as a widget; :meth:`check` reads the input and shows feedback.

    Attributes
    ----------
    question
        The :class:`~biomech.questions.Question` asked.
    response
        The input widget: ``RadioButtons`` for a choice, ``Text`` for a number.
    button
        The *Check* button.
    feedback
        ``HTML`` holding the last feedback (empty until checked).
    last
        The last :class:`~biomech.questions.Feedback`, or None.
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
            self.response = widgets.Text(
                placeholder=f"a number{unit}", layout=widgets.Layout(width="14em")
            )
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


def quiz(lesson: str) -> widgets.VBox:
    """Return every question of a lesson as widgets under a heading.

    Parameters
    ----------
    lesson
        ``"02"``, ``"03"`` or ``"05"`` (see :data:`biomech.questions.LESSONS`).

    Returns
    -------
    ipywidgets.VBox
        A heading, then one :class:`SelfCheck` per question (``.children[1:]``).
    """
    items = questions(lesson)
    heading = widgets.HTML(f"<h3>{html.escape(_TITLES[lesson])}</h3>")
    return widgets.VBox([heading, *(SelfCheck(q, i) for i, q in enumerate(items, start=1))])
