"""Lesson 02's self-check questions (the muscle-action table and its footnote), beside their solvers.

Each solver computes its answer from the table (:mod:`biomech.anatomy.textbook`) or the gait2392
geometry at run time; none is typed in. Asked through :func:`biomech.lessons.questions.questions`.
"""

from __future__ import annotations

from biomech.anatomy.actions_by_posture import label_moment_arms
from biomech.anatomy.textbook import ACTIONS, EMPTY_CELLS, actions_of, muscles_for
from biomech.lessons.cases import Client, Lifter
from biomech.lessons.checking import GEOMETRY_SOURCE, TABLE_SOURCE, Answer, Question
from biomech.lessons.flexion_examples import FLEXION_EXAMPLES, acts, flip_angle

__all__ = ["QUESTIONS"]


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


QUESTIONS: tuple[Question, ...] = (
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
)
"""The lesson's questions, in the order the notebook asks them."""
