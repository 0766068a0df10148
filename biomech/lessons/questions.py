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

Length: The module is long because each question carries its own computed answer and
explanation (lessons 02, 03 and 05); the checking machinery is short and sits at the top.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType

import numpy as np
from numpy.typing import NDArray

from biomech._validation import check_choice
from biomech.anatomy.actions_by_posture import label_moment_arms
from biomech.anatomy.textbook import ACTIONS, EMPTY_CELLS, actions_of, muscles_for
from biomech.anatomy.tissues import tissue_moment_arms
from biomech.formatting import format_degrees
from biomech.lessons.cases import CLIENT, LIFTER, Client, Lifter
from biomech.lessons.flexion_examples import FLEXION_EXAMPLES, acts, flip_angle
from biomech.model.lift import lift_compensation, lift_posture
from biomech.model.lockout import compensate, rotation_benefit
from biomech.model.thomas import TEST_TISSUES, VALIDITY, ThomasResult, hip_flexion_on_plinth, modified_thomas_test
from biomech.parameters import PARAMETERS

__all__ = [
    "LESSONS",
    "UNIT_WORDS",
    "Answer",
    "Feedback",
    "Question",
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

NONE_HELPS = "no amount: rotation cannot slacken this tissue"
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


def _deg(x: float | NDArray[np.float64]) -> str:
    """Degrees in a sentence: the project's one formatter, plain text (a scalar state's field)."""
    return format_degrees(float(x))


# ----- lesson 02: the muscle-action table and its footnote ---------------------------


def _primary_flexors(lifter: Lifter, client: Client) -> Answer:
    names = muscles_for("flexion", "primary")
    return Answer(float(len(names)), "The table's primary flexors: " + ", ".join(names) + ".", source=TABLE_SOURCE)


def _no_primary(lifter: Lifter, client: Client) -> Answer:
    empty = [a for a in ACTIONS if not muscles_for(a, "primary")][0]
    return Answer(
        empty,
        (
            f"The primary cell for {empty} reads '{EMPTY_CELLS[(empty, 'primary')]}'; its secondary "
            f"movers are {', '.join(muscles_for(empty, 'secondary'))}."
        ),
        ACTIONS,
        source=TABLE_SOURCE,
    )


def _glute_max(lifter: Lifter, client: Client) -> Answer:
    pairs = actions_of("Gluteus maximus")
    return Answer(
        float(len({a for a, _ in pairs})),
        "Gluteus maximus (all parts): " + "; ".join(f"{a} ({r})" for a, r in pairs) + ".",
        source=TABLE_SOURCE,
    )


def _piriformis(lifter: Lifter, client: Client, angle: float = 90.0) -> Answer:
    e = FLEXION_EXAMPLES[0]
    rotation = 1000.0 * float(label_moment_arms(e.label, angle)[2])  # + internal
    choices = ("external rotation", "internal rotation", "no rotation (moment arm below the floor)")
    action = acts("rotation", rotation)
    value = choices[2] if action.startswith("none") else choices[1] if rotation > 0 else choices[0]
    return Answer(
        value,
        (
            f"The geometry (gait2392 paths, Delp et al. 1990) gives piriformis {action} "
            f"at {angle:g} deg of flexion; it changes sign near {flip_angle(e):.0f} deg. Literature: {e.literature} "
            f"({e.source})."
        ),
        choices,
        source=GEOMETRY_SOURCE,
    )


def _adductor_flip(lifter: Lifter, client: Client) -> Answer:
    e = FLEXION_EXAMPLES[3]
    flip = flip_angle(e)
    return Answer(
        flip,
        (
            f"The geometry's flexion moment arm of adductor longus changes sign near {flip:.0f} deg. "
            f"Literature: {e.literature} ({e.source})."
        ),
        source=GEOMETRY_SOURCE,
    )


# ----- lesson 03: the deadlift -------------------------------------------------------


def _blog_rotation(lifter: Lifter, client: Client) -> Answer:
    s = compensate(lifter.hip_extension_available, cue="stand_tall", mechanism="blog")
    return Answer(
        float(s.rotation_needed),
        (
            f"Deficit {_deg(s.deficit)} deg; the blog's 'hip flexors (all)' buy "
            f"{s.rotation_benefit:g} deg of extension per degree of rotation (illustrative), so "
            f"{_deg(s.deficit)} / {s.rotation_benefit:g} = {_deg(s.rotation_needed)} deg, within the "
            f"{_deg(PARAMETERS['external_rotation_range'].default)} deg available (Kouyoumdjian et al. 2012)."
        ),
        source=BLOG_SOURCE,
    )


def _rf_rotation(lifter: Lifter, client: Client) -> Answer:
    s = compensate(lifter.hip_extension_available, cue="stand_tall", tissue=lifter.tissue, mechanism="blog")
    blog = compensate(lifter.hip_extension_available, cue="stand_tall", mechanism="blog")
    arm = tissue_moment_arms()[lifter.tissue].rotation_mm
    floor = PARAMETERS["moment_arm_floor"].default
    if math.isinf(s.rotation_needed):
        value, why = (
            NONE_HELPS,
            (
                f"its rotation moment arm with the thigh vertical is {arm:+.1f} mm, below the model's "
                f"{floor:g} mm floor, so turning the hip does not slacken it: all {_deg(s.deficit)} deg go "
                "to pelvic tilt and lumbar extension. The blog's 'the quads restrict, so the feet turn "
                "out' is not what this geometry supports."
            ),
        )
    else:
        value, why = f"{_deg(s.rotation_needed)} deg", f"its rotation moment arm is {arm:+.1f} mm."
    choices = tuple(dict.fromkeys((f"{_deg(blog.rotation_needed)} deg", f"{_deg(s.deficit)} deg", value)))
    g = compensate(lifter.hip_extension_available, cue="stand_tall", tissue=lifter.tissue, mechanism="geometry")
    saved = float(g.deficit - g.pelvic_tilt)
    other = (
        f" The 3-D geometry with the knee (mechanism 'geometry') finds a little more: turning out "
        f"{_deg(g.rotation_used)} deg saves {_deg(saved)} deg of tilt."
        if g.rotation_used > 0 and saved > 0
        else ""
    )
    return Answer(
        value,
        f"In gait2392 (Delp et al. 1990) {lifter.tissue.lower()}: {why}{other}",
        choices,
        source=f"{GEOMETRY_SOURCE}, as the blog's mechanism uses them",
    )


def _onset_phase(lifter: Lifter, client: Client) -> Answer:
    phase = np.linspace(0.0, 1.0, 2001)
    s = lift_compensation(phase, lifter.hip_extension_available, cue="squeeze_glutes")
    start = float(phase[np.argmax(s.deficit > 0)])
    hip = lift_posture(start).hip_flexion
    return Answer(
        start,
        (
            f"Compensation starts at phase {start:.2f}, with the hip still flexed {hip:.1f} deg. Before "
            "that the hip is flexed enough for the one-joint hip flexors to stay slack; the "
            "restriction bites in the last part of the pull, when the hip nears extension and "
            "the squeeze adds its demand. The lift model follows the hip only: a two-joint muscle "
            "(rectus femoris) is also stretched by the straightening knee, and on this path its length "
            "peaks mid-pull (lesson 03, section 2)."
        ),
        source="the lift model (start angles: Schellenberg et al. 2013; the path between is illustrative)",
    )


def _cue_difference(lifter: Lifter, client: Client) -> Answer:
    tall, squeeze = (
        compensate(lifter.hip_extension_available, cue=c, mechanism="blog") for c in ("stand_tall", "squeeze_glutes")
    )
    return Answer(
        float(squeeze.pelvic_tilt - tall.pelvic_tilt),
        (
            f"Stand tall: {tall.describe()} Squeeze: {squeeze.describe()} The squeeze asks for "
            f"{_deg(squeeze.demand)} deg more extension (Levine & Whittle 1996's maximal voluntary posterior tilt)."
        ),
        source=BLOG_SOURCE,
    )


def _tfl_feet(lifter: Lifter, client: Client) -> Answer:
    _, direction = rotation_benefit("Tensor fasciae latae")
    arm = tissue_moment_arms()["Tensor fasciae latae"].rotation_mm
    choices = ("out (external rotation)", "in (internal rotation)", "neither")
    value = choices[0] if direction > 0 else choices[1] if direction < 0 else choices[2]
    return Answer(
        value,
        (
            f"gait2392 gives TFL a rotation moment arm of {arm:+.1f} mm with the thigh vertical "
            "(+ = external); rotating the hip the way the muscle pulls slackens it, so the model turns "
            f"the feet {value.split()[0]}. The table, too, lists TFL among the secondary internal rotators: a "
            "tight TFL does not explain 'duck feet'."
        ),
        choices,
        source=f"{GEOMETRY_SOURCE} and {TABLE_SOURCE}",
    )


# ----- lesson 05: a client's Thomas test ---------------------------------------------

_EXECP = (
    "the EXECP protocol's reference values (Valadão et al. 2021, Table 4; children and young adults with cerebral "
    "palsy)"
)
_EITHER = "one-joint hip flexors or rectus femoris (hold the thigh down to tell)"
_HELD = {
    "came down": " Held down, the thigh came to the table as the knee extended: a short rectus femoris had lifted it.",
    "stayed up": " Held down, the thigh stayed up and the knee did not extend: the one-joint flexors hold it.",
}


def _client_test(client: Client, criteria: str = "kendall") -> ThomasResult:
    """The client's test with the pelvis controlled (the thigh angle read as the hip angle)."""
    return modified_thomas_test(**client.readings(), criteria=criteria, pelvic_tilt_controlled=True)


def _client_readings(client: Client) -> str:
    held = client.knee_flexion_thigh_held
    side = "above" if client.thigh_angle >= 0 else "below"
    text = (
        f"A client's thigh hangs {_deg(abs(client.thigh_angle))} deg {side} horizontal, knee flexed "
        f"{_deg(client.knee_flexion)} deg, abduction {_deg(client.thigh_abduction)} deg"
    )
    return text + (
        "; the thigh was not held down." if held is None else f"; held down, the knee flexes {_deg(held)} deg."
    )


def _client_tissue(lifter: Lifter, client: Client) -> Answer:
    r = _client_test(client)
    if r.fired:
        why = "Kendall's rules that fired: " + "; ".join(f.claim() for f in r.fired) + "."
    else:
        why = "None of Kendall's rules fired."
    if r.confounded:
        why += (
            " From the hanging leg alone the raised thigh may be either: the knee is bent, so a short rectus femoris "
            "can lift it."
        )
    why += _HELD.get(r.thigh_held, "")
    return Answer(
        _EITHER if r.confounded else r.tissues[0],
        why,
        (*TEST_TISSUES, _EITHER, "none"),
        source="Kendall's criteria (Muscles: Testing and Function)",
    )


def _client_execp(lifter: Lifter, client: Client) -> Answer:
    knee = _client_test(client, "execp2021").findings[1]
    kendall = _client_test(client).findings[1]
    return Answer(
        "yes" if knee.fired else "no",
        (
            f"EXECP flags the knee below {_deg(knee.threshold)} deg; this knee reads {_deg(knee.value)} "
            f"({knee.read_as}). Kendall's cut-off for it is {_deg(kendall.threshold)} deg, so Kendall "
            f"{'flags' if kendall.fired else 'does not flag'} it: here the two sources "
            f"{'agree' if kendall.fired == knee.fired else 'disagree'}. EXECP's values are quoted from typically "
            "developing controls for a cerebral-palsy trial, not from adult lifters."
        ),
        ("yes", "no"),
        source=_EXECP,
    )


def _first_tissue(client: Client) -> str:
    r = _client_test(client)
    return r.predictions[0].tissue if r.predictions else "no tissue"


def _client_tilt(lifter: Lifter, client: Client) -> Answer:
    r = _client_test(client)
    solved = [p for p in r.predictions if "squeeze_glutes" in p.compensation]
    if not solved:
        return Answer(0.0, "No tissue was calibrated inside the model's range, so the model predicts no compensation.")
    p = solved[0]
    knee = "" if p.knee_flexion is None else f" with the knee straight (it was found at {_deg(p.knee_flexion)} deg)"
    return Answer(
        float(p.compensation["squeeze_glutes"].pelvic_tilt),
        f"{p.tissue} (model: {p.model_tissue}), found at {p.found_at}, solved at lockout{knee}: "
        f"{p.describe('squeeze_glutes')}",
    )


_PELVIS_CHOICES = (
    "smaller: the tilt extends the hip under the thigh",
    "larger: the tilt flexes the hip under the thigh",
    "the same: the tilt does not change the hip",
)


def _client_pelvis(lifter: Lifter, client: Client) -> Answer:
    tilt = PARAMETERS["mtt_pelvic_tilt"].default
    neutral = hip_flexion_on_plinth(client.thigh_angle, 0.0)
    tilted = hip_flexion_on_plinth(client.thigh_angle, -tilt)
    choice = _PELVIS_CHOICES[0] if tilted < neutral else _PELVIS_CHOICES[1] if tilted > neutral else _PELVIS_CHOICES[2]
    return Answer(
        choice,
        (
            f"hip flexion = pelvic tilt - thigh inclination (anterior tilt +). The thigh reads {_deg(neutral)} deg of "
            f"hip flexion with the pelvis neutral; tilted back {_deg(tilt)} deg (mtt_pelvic_tilt, illustrative) with "
            f"the thigh where it is, the hip's flexion is {_deg(tilted)} deg (negative: extension). The thigh angle "
            "overstates the restriction when the pelvis tilts back; the true restriction may be smaller by up to the "
            "tilt (Vigotsky et al. 2016: the thigh angle is valid only with pelvic tilt controlled)."
        ),
        _PELVIS_CHOICES,
    )


def _harvey_fires(lifter: Lifter, client: Client) -> Answer:
    mean = tuple(PARAMETERS[f"mtt_{n}"].default for n in ("thigh_angle", "knee_flexion", "thigh_abduction"))
    r = modified_thomas_test(*mean, criteria="execp2021")
    return Answer(
        float(len(r.fired)),
        (
            f"Harvey's athletes averaged thigh {mean[0]:g}, knee {mean[1]:g}, abduction {mean[2]:g} deg; "
            f"the EXECP reference values call them short: {', '.join(r.tissues)}. Reference values and population "
            "means disagree."
        ),
        source=f"{_EXECP} applied to Harvey 1998's means",
    )


def _sensitivity(lifter: Lifter, client: Client) -> Answer:
    return Answer(round(100 * VALIDITY.sensitivity), VALIDITY.notes[0], source="Vigotsky et al. 2016")


_QUESTIONS: tuple[Question, ...] = (
    Question(
        "02-primary-flexors", "02", "How many muscles does the table list as primary hip flexors?", _primary_flexors
    ),
    Question("02-no-primary", "02", "Which action has no primary muscle in the table?", _no_primary),
    Question(
        "02-glute-max", "02", "In how many of the table's actions does gluteus maximus (any part) appear?", _glute_max
    ),
    Question(
        "02-piriformis",
        "02",
        "With the hip flexed to 90 deg, which rotation does piriformis produce in the gait2392 model?",
        _piriformis,
    ),
    Question(
        "02-adductor-longus",
        "02",
        "At about what hip flexion angle does adductor longus turn from a flexor into an extensor (gait2392)?",
        _adductor_flip,
        tolerance=5.0,
        unit="deg",
    ),
    Question(
        "03-blog-rotation",
        "03",
        lambda lifter, _: (
            f"A lifter has {_deg(-lifter.hip_extension_available)} deg too little hip extension and is cued to "
            f"'stand tall'. Under the blog's hypothesis (all hip flexors restrict), how much external rotation "
            f"would make up the deficit alone?"
        ),
        _blog_rotation,
        tolerance=0.5,
        unit="deg",
    ),
    Question(
        "03-rf-rotation",
        "03",
        "Same lifter, but the restricting tissue is rectus femoris. Under the blog's mechanism, with the rotation "
        "benefit from gait2392's moment arms, how much external rotation makes up the deficit alone?",
        _rf_rotation,
    ),
    Question(
        "03-onset",
        "03",
        "Same lifter (all hip flexors, squeeze cue): at what lift phase does any compensation begin? (0 = floor, 1 "
        "= lockout)",
        _onset_phase,
        tolerance=0.02,
    ),
    Question(
        "03-cue-difference",
        "03",
        "For this lifter (all hip flexors), how many more degrees of anterior pelvic tilt does 'squeeze your bum' "
        "give at lockout than 'stand tall'?",
        _cue_difference,
        tolerance=0.5,
        unit="deg",
    ),
    Question(
        "03-tfl-feet",
        "03",
        "If the tensor fasciae latae were the restricting tissue, which way would the model turn the feet?",
        _tfl_feet,
    ),
    Question(
        "05-tissue",
        "05",
        lambda _, client: (
            f"{_client_readings(client)} Under Kendall's reading, which tissue does the test point to first?"
        ),
        _client_tissue,
    ),
    Question(
        "05-execp",
        "05",
        "Same client under the EXECP protocol's reference values (a trial in children and young adults with cerebral "
        "palsy, Table 4): is rectus femoris flagged?",
        _client_execp,
    ),
    Question(
        "05-tilt",
        "05",
        lambda _, client: (
            f"For this client the test points first to {_first_tissue(client)}. Calibrated where the test found it, "
            "with the pelvis controlled on the plinth, how much anterior pelvic tilt does the model predict at "
            "lockout with 'squeeze your bum'?"
        ),
        _client_tilt,
        tolerance=0.5,
        unit="deg",
    ),
    Question(
        "05-pelvis",
        "05",
        "This client's pelvis was not controlled on the plinth: holding the other knee to the chest tilted it back. "
        "Compared with what the thigh angle shows, is the hip's true restriction larger, smaller or the same?",
        _client_pelvis,
    ),
    Question(
        "05-harvey",
        "05",
        "Put Harvey's average elite athlete through the EXECP reference values. How many of the three rules fire?",
        _harvey_fires,
    ),
    Question(
        "05-sensitivity",
        "05",
        "Of 100 people who truly lack hip extension, about how many does the modified Thomas test flag (Vigotsky et "
        "al. 2016)?",
        _sensitivity,
        tolerance=2.0,
        unit="people",
    ),
)


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
