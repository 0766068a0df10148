"""Lesson 03's self-check questions (the deadlift), beside their solvers.

Each solver computes its answer from the lockout and lift models at run time for the lesson's
lifter; none is typed in. Asked through :func:`biomech.lessons.questions.questions`.
"""

from __future__ import annotations

import math

import numpy as np

from biomech.anatomy.tissues import tissue_moment_arms
from biomech.formatting import format_degrees
from biomech.lessons.cases import Client, Lifter
from biomech.lessons.checking import BLOG_SOURCE, GEOMETRY_SOURCE, NONE_HELPS, TABLE_SOURCE, Answer, Question
from biomech.model.blog_lockout import blog_rotation_benefit
from biomech.model.lift import lift_compensation, lift_posture
from biomech.model.lockout import compensate
from biomech.parameters import PARAMETERS

__all__ = ["QUESTIONS"]


def _blog_rotation(lifter: Lifter, client: Client) -> Answer:
    s = compensate(lifter.hip_extension_available, cue="stand_tall", mechanism="blog")
    return Answer(
        float(s.rotation_needed),
        (
            f"Deficit {format_degrees(float(s.deficit))} deg; the blog's 'hip flexors (all)' buy "
            f"{s.rotation_benefit:g} deg of extension per degree of rotation (illustrative), so "
            f"{format_degrees(float(s.deficit))} / {s.rotation_benefit:g} = "
            f"{format_degrees(float(s.rotation_needed))} deg, within the "
            f"{format_degrees(PARAMETERS['external_rotation_range'].default)} deg available (Kouyoumdjian et al. 2012)."
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
                f"{floor:g} mm floor, so turning the hip does not slacken it: all "
                f"{format_degrees(float(s.deficit))} deg go "
                "to pelvic tilt and lumbar extension. The blog's 'the quads restrict, so the feet turn "
                "out' is not what this geometry supports."
            ),
        )
    else:
        value, why = f"{format_degrees(float(s.rotation_needed))} deg", f"its rotation moment arm is {arm:+.1f} mm."
    choices = tuple(
        dict.fromkeys(
            (f"{format_degrees(float(blog.rotation_needed))} deg", f"{format_degrees(float(s.deficit))} deg", value)
        )
    )
    g = compensate(lifter.hip_extension_available, cue="stand_tall", tissue=lifter.tissue, mechanism="geometry")
    saved = float(g.deficit - g.pelvic_tilt)
    other = (
        f" The 3-D geometry with the knee (mechanism 'geometry') finds a little more: turning out "
        f"{format_degrees(float(g.rotation_used))} deg saves {format_degrees(saved)} deg of tilt."
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
            f"{format_degrees(float(squeeze.demand))} deg more extension (Levine & Whittle 1996's maximal "
            "voluntary posterior tilt)."
        ),
        source=BLOG_SOURCE,
    )


def _tfl_feet(lifter: Lifter, client: Client) -> Answer:
    _, direction = blog_rotation_benefit("Tensor fasciae latae")
    arm = tissue_moment_arms()["Tensor fasciae latae"].rotation_mm
    choices = ("out (external rotation)", "in (internal rotation)", "neither")
    value = choices[0] if direction > 0 else choices[1] if direction < 0 else choices[2]
    return Answer(
        value,
        (
            f"gait2392 gives TFL a rotation moment arm of {arm:+.1f} mm with the thigh vertical "
            "(+ = external); rotating the hip the way the muscle pulls slackens it, so the model turns "
            f"the hip {value.split()[0]} (near neutral: a little way into extension the arm changes sign), and "
            "with it the stance the feet would need if set before the pull. The table, too, lists TFL among the "
            "secondary internal rotators: a "
            "tight TFL does not explain 'duck feet'."
        ),
        choices,
        source=f"{GEOMETRY_SOURCE} and {TABLE_SOURCE}",
    )


QUESTIONS: tuple[Question, ...] = (
    Question(
        "03-blog-rotation",
        "03",
        lambda lifter, _: (
            f"A lifter has {format_degrees(-lifter.hip_extension_available)} deg too little hip extension "
            "and is cued to "
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
        "If the tensor fasciae latae were the restricting tissue, which way would the model turn the hip (and the "
        "stance the feet would need)?",
        _tfl_feet,
    ),
)
"""The lesson's questions, in the order the notebook asks them."""
