"""Self-check answers and how a response is checked: numbers, units, decimal commas.

A :class:`Question` holds its text and a function that computes its :class:`Answer` from
:mod:`biomech`; :func:`check` compares a student's response with it and always explains
(:class:`Feedback`). A typed number may carry a sign, a decimal point or comma, and the
question's unit (:func:`read_number`, :data:`UNIT_WORDS`). The questions themselves, one
module per lesson, are gathered by :mod:`biomech.lessons.questions`.

Examples
--------
>>> read_number(" 26,7 degrees ", "deg")
26.7
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from biomech.lessons.cases import CLIENT, LIFTER, Client, Lifter

__all__ = [
    "BLOG_SOURCE",
    "GEOMETRY_SOURCE",
    "NONE_HELPS",
    "TABLE_SOURCE",
    "UNIT_WORDS",
    "Answer",
    "Feedback",
    "Question",
    "Solver",
    "check",
    "read_number",
]

NONE_HELPS = "no amount: rotation cannot slacken this tissue"
"""The answer when no rotation slackens the tissue."""
TABLE_SOURCE = "Neumann 2017 (the table as the clinic blog prints it)"
"""Who gives the answers read from the muscle-action table (see :mod:`biomech.anatomy.textbook`)."""
GEOMETRY_SOURCE = "the gait2392 muscle paths (Delp et al. 1990)"
"""Who gives the answers read from the 3-D hip geometry (see :mod:`biomech.anatomy.geometry`)."""
BLOG_SOURCE = "the blog's hypothesis as the lab models it (an illustrative rotation benefit)"
"""Who gives the answers of the blog's mechanism (``compensate(..., mechanism="blog")``)."""

UNIT_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "deg": ("deg", "degs", "degree", "degrees", "\u00b0"),
        "mm": ("mm",),
        "m": ("m",),
        "%": ("%",),
    }
)
"""The words a typed answer may carry for a question's unit (case-insensitive); a unit
not listed here is accepted as itself only (e.g. ``"people"``)."""

_NUMBER = re.compile(
    r"(?P<sign>[+\-\u2212]?)\s*(?P<number>\d+(?:[.,]\d*)?|[.,]\d+)(?P<exponent>[eE][+\-]?\d+)?"
    r"\s*(?P<unit>[^\d\s.,+\-\u2212][^\d]*)?",
)


@dataclass(frozen=True)
class Answer:
    """A computed answer: ``value`` (a number, or one of ``choices``) and why.

    ``source`` says who gives the answer when it is not the lab's model: author and
    year, e.g. ``"Vigotsky et al. 2016"``; empty for an answer the model computes.
    """

    value: float | str
    explanation: str
    choices: tuple[str, ...] = ()
    source: str = ""

    @property
    def shown(self) -> str:
        """The answer as a student would write it."""
        return self.value if isinstance(self.value, str) else f"{self.value:.3g}"


Solver = Callable[[Lifter, Client], Answer]


@dataclass(frozen=True)
class Question:
    """A question about the lessons' cases, and how to answer it.

    Attributes
    ----------
    key, lesson
        E.g. ``"03-onset"``, ``"03"``.
    ask
        The question's text, or a function of the lifter and the client giving it.
    solve
        A function of the lifter and the client computing the :class:`Answer`.
    tolerance, unit
        How far a numeric response may be from the answer, in ``unit``.
    lifter, client
        The cases the question is asked about (default: the lessons' own).
    """

    key: str
    lesson: str
    ask: str | Callable[[Lifter, Client], str]
    solve: Solver
    tolerance: float = 0.0
    unit: str = ""
    lifter: Lifter = LIFTER
    client: Client = CLIENT

    @property
    def text(self) -> str:
        """The question as the student reads it."""
        return self.ask if isinstance(self.ask, str) else self.ask(self.lifter, self.client)

    def answer(self) -> Answer:
        """Compute the answer for this question's lifter and client."""
        return self.solve(self.lifter, self.client)


@dataclass(frozen=True)
class Feedback:
    """The result of :func:`check`: right or not, and an explanation either way.

    ``answered`` is False when there was nothing to judge (no answer yet, or a number
    that could not be read): the message then says what to type, and a widget can show
    it as a hint rather than as a wrong answer.
    """

    correct: bool
    message: str
    answered: bool = True


def _unit_words(unit: str) -> tuple[str, ...]:
    return UNIT_WORDS.get(unit, (unit,)) if unit else ()


def read_number(response: object, unit: str = "") -> float:
    """Read a student's typed number: one number, optionally signed and with a unit.

    Parameters
    ----------
    response
        A number, or text holding one number: an optional sign (``+``, ``-`` or the
        minus sign), digits with ``.`` or ``,`` as the decimal separator (``"26.7"``,
        ``"26,7"``), optionally an exponent, then optionally a unit, with or without
        a space (``"26.7 deg"``, ``"26.7°"``, ``"-5 °"``). Case and surrounding
        spaces are ignored. No thousands separators: ``"1,000"`` is 1.0.
    unit
        The question's unit (e.g. ``"deg"``); the unit typed, if any, must be one of
        its words (:data:`UNIT_WORDS`). ``""``: the answer has no unit, so none may
        be typed.

    Returns
    -------
    float
        The number, finite.

    Raises
    ------
    ValueError
        If ``response`` is not one finite number, or carries a unit that is not one
        of ``unit``'s words; the message names the value and the valid units.

    Examples
    --------
    >>> read_number("26.7°", "deg"), read_number("-5 °", "deg"), read_number("+3")
    (26.7, -5.0, 3.0)
    >>> read_number("26.7 mm", "deg")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: 'response' must be a number in deg, optionally followed by one of {...}; got '26.7 mm' (unit 'mm').
    """
    words = _unit_words(unit)
    if words:
        expected = (
            f"'response' must be a number in {unit}, optionally followed by one of "
            "{" + ", ".join(repr(w) for w in words) + "}"
        )
    else:
        expected = "'response' must be a number without a unit"
    value: float | None = None
    if isinstance(response, numbers.Real) and not isinstance(response, bool):
        value = float(response)
    elif isinstance(response, str):
        match = _NUMBER.fullmatch(response.strip())
        if match is None:
            raise ValueError(f"{expected}, e.g. 12.5 or 12,5; got {response!r}.")
        typed = (match["unit"] or "").strip()
        if typed and typed.casefold() not in {w.casefold() for w in words}:
            raise ValueError(f"{expected}; got {response!r} (unit {typed!r}).")
        sign = "-" if match["sign"] in ("-", "\u2212") else ""
        value = float(sign + match["number"].replace(",", ".") + (match["exponent"] or ""))
    if value is None:
        raise ValueError(f"{expected}, e.g. 12.5; got {response!r}.")
    if not math.isfinite(value):
        raise ValueError(f"{expected}, and finite; got {response!r}.")
    return value


def check(q: Question, response: object) -> Feedback:
    """Compare a response with the computed answer; the feedback always explains.

    Parameters
    ----------
    q
        The question.
    response
        For a question with choices, one of them. Otherwise a number, or text holding
        one, as :func:`read_number` reads it with ``q.unit`` (``"26,7 deg"``).
        ``None`` or blank text: no answer yet.

    Returns
    -------
    Feedback
        Correct or not, with the explanation; an unreadable number or a wrong unit
        gets a message saying what to type instead (never an exception).
    """
    a = q.answer()
    if response is None or (isinstance(response, str) and not response.strip()):
        return Feedback(False, "No answer yet: " + ("choose one." if a.choices else "type a number."), answered=False)
    if a.choices:
        correct = response == a.value
    else:
        try:
            number = read_number(response, q.unit)
        except ValueError as error:
            return Feedback(False, f"Could not read this answer: {error}", answered=False)
        correct = abs(number - float(a.value)) <= q.tolerance + 1e-9
    unit = f" {q.unit}" if q.unit and not a.choices else ""
    if correct:
        head = "Correct."
    elif a.source:
        head = f"Not quite: {a.shown}{unit}, according to {a.source}."
    else:
        head = f"Not quite: the model gives {a.shown}{unit}."
    return Feedback(correct, f"{head} {a.explanation}")
