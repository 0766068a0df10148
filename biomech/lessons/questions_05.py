"""Lesson 05's self-check questions (a client's modified Thomas test), beside their solvers.

Each solver computes its answer from :func:`biomech.model.thomas.modified_thomas_test` and its
sourced data at run time for the lesson's client; none is typed in. Asked through
:func:`biomech.lessons.questions.questions`.
"""

from __future__ import annotations

from biomech.formatting import format_degrees
from biomech.lessons.cases import Client, Lifter
from biomech.lessons.checking import Answer, Question
from biomech.model.thomas import TEST_TISSUES, VALIDITY, ThomasResult, hip_flexion_on_plinth, modified_thomas_test
from biomech.parameters import PARAMETERS

__all__ = ["QUESTIONS"]

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
        f"A client's thigh hangs {format_degrees(abs(client.thigh_angle))} deg {side} horizontal, knee flexed "
        f"{format_degrees(client.knee_flexion)} deg, abduction {format_degrees(client.thigh_abduction)} deg"
    )
    return text + (
        "; the thigh was not held down."
        if held is None
        else f"; held down, the knee flexes {format_degrees(held)} deg."
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
            f"EXECP flags the knee below {format_degrees(knee.threshold)} deg; this knee reads "
            f"{format_degrees(knee.value)} "
            f"({knee.read_as}). Kendall's cut-off for it is {format_degrees(kendall.threshold)} deg, so Kendall "
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
    knee = (
        ""
        if p.knee_flexion is None
        else f" with the knee straight (it was found at {format_degrees(p.knee_flexion)} deg)"
    )
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
            "hip flexion = pelvic tilt - thigh inclination (anterior tilt +). The thigh reads "
            f"{format_degrees(neutral)} deg of "
            f"hip flexion with the pelvis neutral; tilted back {format_degrees(tilt)} deg (mtt_pelvic_tilt, "
            "illustrative) with "
            f"the thigh where it is, the hip's flexion is {format_degrees(tilted)} deg (negative: "
            "extension). The thigh angle "
            "overstates the restriction when the pelvis tilts back; the true restriction may be smaller by up to the "
            "tilt (Vigotsky et al. 2016: the thigh angle is valid only with pelvic tilt controlled). An arched back "
            "would tilt the pelvis forward and understate the restriction instead."
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


QUESTIONS: tuple[Question, ...] = (
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
        "This client's pelvis was not controlled on the plinth: the other knee was pulled past a flat back, which "
        "tilted the pelvis back. "
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
"""The lesson's questions, in the order the notebook asks them."""
