"""Other explanations of what the blog blames on tight hip flexors, with their evidence (numpy only).

The blog explains "duck feet" and an arched back at lockout by one mechanism: a tight
front of the hip, made up by turning out and then by tipping the pelvis. Lessons 01 and
03 end by weighing simpler or different explanations. Each :class:`Rival` says what it
claims, what the lab computes about it (numbers from the model, the geometry and the
parameter table, never typed in) and how good its evidence is, citing only sources the
repository holds: the muscle-action table (``data/hip_muscle_actions.csv``), the gait2392
geometry, the parameter table (``data/parameters.csv``) and the test criteria of
:mod:`biomech.model.thomas`.

Evidence levels, weakest last: ``textbook table`` (Neumann 2017, as the clinic blog
prints it: not checked against the book); ``model geometry`` (gait2392, one generic
adult); ``abstract only`` (a study whose abstract, not full text, was read);
``illustrative, no study`` (geometry or reasoning the lab can show, with no study behind
it); ``no study found`` (nothing the project read tested it in lifters).

Examples
--------
>>> [r.name for r in rival_explanations()][:2]
['The squeeze itself twists the hips outwards', 'The stance chosen before the lift']
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from biomech.anatomy.actions_by_posture import label_moment_arms
from biomech.anatomy.geometry import moment_arms, path_length
from biomech.anatomy.textbook import actions_of
from biomech.formatting import format_degrees
from biomech.lessons.cases import LIFTER, Lifter
from biomech.model.lockout import compensate
from biomech.model.thomas import CRITERIA
from biomech.parameters import PARAMETERS

__all__ = ["EVIDENCE_LEVELS", "Rival", "rival_explanations", "rivals_markdown"]

EVIDENCE_LEVELS: tuple[str, ...] = (
    "textbook table (Neumann 2017, as the blog prints it)",
    "model geometry (gait2392, Delp et al. 1990)",
    "abstract only",
    "illustrative, no study",
    "no study found",
)
"""The words each :class:`Rival`'s evidence is made of, strongest first."""

_ABDUCTION_DEG = 10.0  # abduction for the TFL example: illustrative


@dataclass(frozen=True)
class Rival:
    """One other explanation.

    Attributes
    ----------
    name
        A short title.
    claim
        What it says, in one or two sentences.
    lab
        What the lab computes about it, with the numbers.
    evidence
        Its evidence, each part starting with one of :data:`EVIDENCE_LEVELS`.
    sources
        The citations it rests on (author and year), for the lesson's references.
    """

    name: str
    claim: str
    lab: str
    evidence: tuple[str, ...]
    sources: tuple[str, ...]


def rival_explanations(lifter: Lifter = LIFTER) -> tuple[Rival, ...]:
    """Return the other explanations, with numbers for ``lifter`` (default: the lessons')."""
    deg = format_degrees
    short = -float(lifter.hip_extension_available)  # deg short of neutral extension
    table, geometry, abstract, illustrative, none = EVIDENCE_LEVELS

    glute = 1000.0 * float(label_moment_arms("Gluteus maximus")[2])  # + internal
    glute_roles = ", ".join(f"{a} ({r})" for a, r in actions_of("Gluteus maximus"))

    stance = PARAMETERS["foot_progression_baseline"]
    blog = compensate(lifter.hip_extension_available, cue="stand_tall", mechanism="blog")
    turned = float(blog.foot_progression)

    # Soft knees: the shanks stay vertical and the knees bend, so the thighs lean back (the knees in front of
    # the hips) and, with the pelvis and trunk upright, the hip flexes as much as the knee: hip = knee = short.
    soft = max(short, 0.0)
    rf_mm = 1000.0 * float(path_length("rect_fem_r", hip_flexion=soft, knee_flexion=soft) - path_length("rect_fem_r"))
    rf_arm = 1000.0 * float(moment_arms(0.0).of("rect_fem_r")[0])  # flexion moment arm, mm per rad
    rf_deg = float(np.degrees(abs(rf_mm) / rf_arm))

    tfl_roles = ", ".join(f"{a} ({r})" for a, r in actions_of("Tensor fasciae latae"))
    tfl = 1000.0 * float(path_length("tfl_r", hip_adduction=-_ABDUCTION_DEG) - path_length("tfl_r"))
    tfl_rule = next(r for r in CRITERIA["kendall"].rules if r.measurement == "thigh_abduction")

    return (
        Rival(
            "The squeeze itself twists the hips outwards",
            "Gluteus maximus, the muscle the cue targets, is itself an external rotator. With the feet planted "
            "under a loaded bar the feet cannot turn: squeezing it makes an external-rotation torque at the hip, "
            "not a rotation, whether or not anything at the front of the hip is tight.",
            f"The table lists gluteus maximus for {glute_roles}; in gait2392 its parts have an "
            f"{'external' if glute < 0 else 'internal'} rotation moment arm of {abs(glute):.0f} mm on average with "
            "the thigh vertical. The lab models rotations, not torques: whether a lockout squeeze changes where a "
            "loaded lifter's feet point was not measured.",
            (table, geometry, f"{none} in lifters"),
            ("Neumann 2017", "Delp et al. 1990"),
        ),
        Rival(
            "The stance chosen before the lift",
            "Most of the toe-out seen at lockout was there before the pull: lifters set their feet turned out, "
            "and a foot pressed to the floor under a loaded bar is unlikely to turn during the pull (reasoning, "
            "not measured).",
            f"The lab's feet start turned out {deg(stance.default)} deg, the conventional deadlift stance; of the "
            f"{deg(turned)} deg the blog's hypothesis shows for this lifter standing tall, "
            f"{deg(stance.default)} deg come from the stance.",
            (
                f"{abstract} (Escamilla et al. 2000: {deg(stance.default)} deg on average; {stance.measured})",
                f"{none} on feet turning during a lift",
            ),
            ("Escamilla et al. 2000",),
        ),
        Rival(
            "Soft knees",
            "Finishing with the knees a little bent, the shanks vertical, puts the knees in front of the hips: the "
            "thighs lean back, so the hip stays flexed while the pelvis and trunk stay upright (trunk lean = hip "
            "flexion - knee flexion + shank lean).",
            f"With the shanks vertical, {deg(soft)} deg of knee bend flexes this lifter's hip {deg(soft)} deg with "
            "no pelvic tilt: enough for the one-joint hip flexors. It does not help a tight rectus femoris, which "
            f"crosses both joints: in the lab's geometry that posture makes it {abs(rf_mm):.1f} mm "
            f"{'longer' if rf_mm > 0 else 'shorter'} than at a straight-knee lockout (about {deg(rf_deg)} deg of "
            f"hip extension at its {rf_arm:.0f} mm flexion moment arm), because the knee bend lengthens it more "
            "than the hip flexion shortens it. The lab's lockout never leans the thigh back, so it does not show "
            "this posture.",
            (illustrative, geometry),
            ("Delp et al. 1990",),
        ),
        Rival(
            "Trunk lean",
            "Finishing with the trunk leaning forward, short of upright, keeps the hip flexed without tipping "
            "the pelvis on the thigh or arching the lower back.",
            f"With straight knees the trunk leans as far as the hip stays flexed: {deg(short)} deg for this "
            "lifter standing tall. The lab's lockout is upright by definition, so it does not show this.",
            (illustrative,),
            (),
        ),
        Rival(
            "Hip abduction for a tight TFL",
            "Tensor fasciae latae is an abductor and, near neutral, an internal rotator: a lifter with a tight TFL "
            "can slacken it by a wider stance (the hips abducted, feet and knees pointing the same way) or by "
            "turning the hips in, not out.",
            f"The table lists TFL for {tfl_roles}; in gait2392 abducting the hip "
            f"{deg(_ABDUCTION_DEG)} deg shortens it by {abs(tfl):.0f} mm. In the modified Thomas test the thigh "
            f"drifting into abduction (Kendall: abduction {tfl_rule.short_if} {tfl_rule.threshold:g} deg) points to "
            "TFL/ITB. The lab's compensation "
            "turns the hip only (for TFL: inwards); it does not abduct it.",
            (table, geometry, f"test criteria (Kendall), {none} in lifters"),
            ("Neumann 2017", "Delp et al. 1990", "Kendall"),
        ),
    )


def rivals_markdown(lifter: Lifter = LIFTER) -> str:
    """Return the other explanations as a Markdown table (explanation, what the lab shows, evidence)."""
    lines = ["| explanation | what the lab shows | evidence |", "|---|---|---|"]
    for r in rival_explanations(lifter):
        lines.append(f"| **{r.name}.** {r.claim} | {r.lab} | {'; '.join(r.evidence)} |")
    return "\n".join(lines)
