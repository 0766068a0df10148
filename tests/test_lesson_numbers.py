"""Every number the lessons' prose states is computed by the code, or says where it comes from.

Notebooks 01-04 state numbers in Markdown ("piriformis flips near 57°"). Each one is
either printed by a code cell (``Markdown(f"...")``, so it cannot drift) or listed here:

- :data:`COMPUTED`: the sentence as written, with the number in braces, and the code that
  must produce it (within a tolerance, or as a bound: ``">"``: the code's value exceeds
  the written number). Change the model and the prose must change with it.
- :data:`QUOTED`: numbers from the literature that the code does not hold (with the
  source the lesson cites).
- :data:`FIXED`: numbers the lesson defines (the lift phase runs from 0 to 1) or that
  are not about the hip (a lesson's duration).

Every entry's sentence must be in its notebook's Markdown (so the table cannot drift
either), and every digit in the Markdown must be covered by an entry, except years,
lesson and section numbers, list numbers, "3-D", LaTeX and the References.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

NOTEBOOKS = {p.name[:2]: p for p in (Path(__file__).parents[1] / "notebooks").glob("0[1-4]_*.ipynb")}
WORDS = {"two": 2.0, "three": 3.0, "four": 4.0, "doubles": 2.0}


@dataclass(frozen=True)
class Computed:
    """A number in the prose and the code that gives it."""

    notebook: str
    text: str  # as written, the number in braces: "about {9} degrees more"
    value: Callable[[], float]
    tolerance: float = 0.0
    relation: str = "="  # "=" within tolerance; ">" or "<": the code's value is beyond the written number


@dataclass(frozen=True)
class Quoted:
    """A number the lesson quotes from a source the code does not hold."""

    notebook: str
    text: str
    source: str


@dataclass(frozen=True)
class Fixed:
    """A number the lesson defines, or that is not a claim about the body."""

    notebook: str
    text: str
    why: str


def holds(number: float, condition: bool) -> float:
    """The written number if the claim around it holds, else NaN (so the check fails)."""
    return number if condition else math.nan


# ----- the code each number comes from ------------------------------------------------


def _p(name: str) -> float:
    from biomech.parameters import PARAMETERS

    return PARAMETERS[name].default


def _through_head_from() -> float:
    from biomech.lessons.claims import _through_head_from as computed

    return computed()


def _lifter_short() -> float:
    from biomech.lessons.cases import LIFTER

    return -LIFTER.hip_extension_available


def _squeeze_rotation_starts_below() -> float:
    """Where the blog's rotational stage begins under the squeeze (all hip flexors)."""
    from biomech.model.lockout import compensate, stage_spans

    curve = compensate(np.linspace(-30.0, 40.0, 701), mechanism="blog")
    return next(s for s in stage_spans(curve) if s.stage == "rotational").high


def _tfl_turns_sign() -> float:
    """Hip extension (deg) beyond which TFL's rotation moment arm is external in gait2392 (knee straight)."""
    from biomech.lessons.claims import _rotation_mm

    extension = np.arange(0.0, 30.05, 0.1)
    external = np.array([_rotation_mm("tfl_r", -e) < 0.0 for e in extension])
    return holds(float(extension[np.argmax(external)]), bool(external.any()) and _rotation_mm("tfl_r") > 0.0)


def _tfl_lockout(field: str) -> float:
    """The blog's hypothesis for TFL at the lessons' lifter; the same under either cue, or NaN."""
    from biomech.model.lockout import compensate

    values = {
        float(getattr(compensate(-_lifter_short(), cue=c, tissue="Tensor fasciae latae", mechanism="blog"), field))
        for c in CUES
    }
    return values.pop() if len(values) == 1 else math.nan


def _tfl_feet_in_from() -> float:
    """The deficit (deg) beyond which TFL's inward turn (blog's hypothesis) toes the needed stance in, either cue."""
    from biomech.model.lockout import compensate

    starts = set()
    for cue in CUES:
        s = compensate(np.arange(20.0, -20.0, -0.01), cue=cue, tissue="Tensor fasciae latae", mechanism="blog")
        feet, deficit = np.asarray(s.foot_progression), np.asarray(s.deficit)
        starts.add(round(float(deficit[np.argmax(feet < 0.0)]), 1))
    return starts.pop() if len(starts) == 1 else math.nan


def _brevis(which: str) -> float:
    """Adductor brevis over the pull (gait2392, knee straight): where it is shortest, or where it passes the
    lessons' lifter's limit (deg of hip flexion)."""
    from biomech.anatomy.geometry import path_length
    from biomech.model.length_limits import length_limits

    limit = float(length_limits(("add_brev_r",), np.array([-_lifter_short()]), np.array([0.0]))[0][0, 0])
    flexion = np.arange(0.0, _p("lift_hip_flexion_start") + 0.05, 0.1)
    length = path_length(("add_brev_r",), hip_flexion=flexion, knee_flexion=np.zeros_like(flexion))[:, 0]
    shortest = float(flexion[np.argmin(length)])
    if which == "shortest":
        return shortest
    return float(flexion[(flexion > shortest) & (length > limit)][0])


def _hip_flexed_50_is_slack() -> float:
    from biomech.model.lift import lift_compensation

    phase = float(np.arccos(2 * 50.0 / _p("lift_hip_flexion_start") - 1) / np.pi)  # hip flexion 50 deg
    return holds(50.0, all(lift_compensation(phase, -_lifter_short(), cue=c).deficit == 0 for c in CUES))


def _five_only_the_squeeze() -> float:
    from biomech.model.lift import lift_compensation

    tall, squeeze = (lift_compensation(1.0, 5.0, cue=c).deficit for c in CUES)
    return holds(5.0, tall == 0 < squeeze)


def _stand_tall_rotation_alone() -> float:
    from biomech.model.lockout import compensate

    s = compensate(-_lifter_short(), cue="stand_tall", mechanism="blog")
    return holds(float(s.deficit), s.pelvic_tilt == 0 and s.rotation_used > 0)


def _lockout(field: str) -> float:
    from biomech.model.lift import lift_posture

    return float(getattr(lift_posture(1.0), field))


def _start(field: str) -> float:
    from biomech.model.lift import lift_posture

    return float(getattr(lift_posture(0.0), field))


def _measured(pattern: str) -> float:
    """A number in the Schellenberg rows' ``measured`` text of the parameter table."""
    from biomech.parameters import PARAMETERS

    return float(re.search(pattern, PARAMETERS["lift_hip_flexion_start"].measured)[1])


def _lift_most_ahead() -> float:
    """Near lockout, the most the lift's centre of mass is in front of the mid-foot under the squeeze, cm."""
    from biomech.lessons.claims_balance import _most_ahead

    return _most_ahead()[0]


def _lift_stance(cue: str) -> float:
    """The toe-out the lift draws all pull long for the lessons' lifter: the lockout's foot progression."""
    from biomech.lessons.cases import LIFTER
    from biomech.model.lift import lift_compensation

    return float(lift_compensation(1.0, LIFTER.hip_extension_available, cue=cue).foot_progression)


def _toes_cm() -> float:
    from biomech.lessons.claims_balance import HEIGHT_CM, toes_ahead_of_mid_foot

    return HEIGHT_CM * toes_ahead_of_mid_foot()


def _beyond_toes() -> tuple[float, float, float]:
    """Under the squeeze: from which available extension, and from which phases, the lift's centre of mass
    is in front of the toes."""
    from biomech.lessons.claims_balance import beyond_toes_from

    return beyond_toes_from()


def _tilt_to_lumbar() -> float:
    from biomech.model.lockout import compensate

    s = compensate(-15.0, mechanism="blog")
    return float(s.lumbar_extension / s.pelvic_tilt)  # the balance's lean is at the hip, not the lumbar spine


def _flip(label: str, axis: str = "rotation") -> float:
    from biomech.anatomy.actions_by_posture import TABLE_PARTS, flip_angles

    return float(flip_angles(TABLE_PARTS[label], axis, np.arange(-20.0, 91.0))[0])


def _arm_mm(label: str, axis: int, flexion: float = 0.0) -> float:
    from biomech.anatomy.actions_by_posture import label_moment_arms

    return 1000.0 * float(label_moment_arms(label, flexion)[axis])


def _internal_leverage_ratio() -> float:
    labels = ("Gluteus medius (anterior fibers)", "Gluteus minimus (anterior fibers)")
    return min(_arm_mm(label, 2, 90.0) / _arm_mm(label, 2, 0.0) for label in labels)


def _primary_checks(which: str) -> float:
    from biomech.anatomy.actions_by_posture import check_textbook

    checks = check_textbook(role="primary")
    return float(sum(c.agrees is True for c in checks) if which == "agree" else len(checks))


def _secondary_contradicted() -> float:
    from biomech.anatomy.actions_by_posture import check_textbook

    return float(sum(c.agrees is False for c in check_textbook(role="secondary")))


def _largest_rotation_benefit() -> float:
    from biomech.model.blog_lockout import blog_rotation_benefit
    from biomech.model.lockout import tissue_choices

    return max(blog_rotation_benefit(t)[0] for t in tissue_choices("blog")[1:])


def _iliopsoas_brim() -> float:
    from biomech.anatomy.paths import muscle_paths

    return next(p.active[2] for p in muscle_paths()["iliacus_r"].points if p.active)


def _glute_max_rows() -> float:
    from biomech.anatomy.textbook import actions_of

    return float(len({action for action, _ in actions_of("Gluteus maximus")}))


def _footnote_angles() -> float:
    from biomech.lessons.flexion_examples import flexion_examples_markdown

    return float(len(flexion_examples_markdown.__defaults__[0]))


def _explorer_range(end: int) -> float:
    from biomech.apps.posture_explorer import FLEXION_RANGE_DEG

    return FLEXION_RANGE_DEG[end]


CUES = ("stand_tall", "squeeze_glutes")

COMPUTED: tuple[Computed, ...] = (
    # 01: the lab
    Computed("01", "asks for about {9} degrees more", lambda: _p("squeeze_demand"), 0.5),
    Computed("01", "Start at the default ({17} deg available", lambda: _p("hip_extension_available")),
    Computed("01", "the leg leans about {2} deg forward", lambda: _squeeze_balance("thigh_inclination"), 0.5),
    Computed("01", "(about {11} deg of tilt and of lumbar", lambda: _p("max_lumbar_extension"), 0.5),
    Computed("01", "(about {11} deg of tilt and of lumbar", lambda: _p("max_pelvic_tilt"), 0.5),
    Computed("01", "the pelvis and trunk about {7} deg back", lambda: _squeeze_balance("trunk_lean"), 0.5),
    Computed("01", "tighten the hip below {9} deg: the hip turns out first", _squeeze_rotation_starts_below, 0.05),
    Computed("01", 'The lab\'s "stand tall" is the hip at {0} deg', lambda: _stand_tall_demand()),
    Computed("01", "the lab's cue has the hip at {0} deg and no tuck", lambda: _stand_tall_demand()),
    Computed("01", "puts all {9} deg at the hip", lambda: _p("squeeze_demand"), 0.5),
    Computed("01", "The compensation's tilt is coupled {1}:1", _tilt_to_lumbar),
    Computed("01", "The compensation's tilt is coupled 1:{1}", _tilt_to_lumbar),
    Computed("01", "beyond about {12} deg of extension turning out shortens it", _tfl_turns_sign, 1.0),
    Computed("01", "once the deficit passes about {2.5} deg", _tfl_feet_in_from, 0.05),
    Computed("01", "duck feet ({8} deg short, with either cue", _lifter_short),
    Computed("01", "hip in {29.6} deg, feet in 15.6 deg", lambda: -_tfl_lockout("rotation_used"), 0.05),
    Computed("01", "hip in 29.6 deg, feet in {15.6} deg", lambda: -_tfl_lockout("foot_progression"), 0.05),
    Computed("01", "goniometer norms (about {17} deg; Soucie", lambda: _p("hip_extension_available"), 1.0),
    # 02: muscle actions
    Computed("02", "with the hip flexed about {100} deg (lesson 03)", lambda: _p("lift_hip_flexion_start"), 5.0),
    Computed(
        "02", "at the bottom of a deadlift (hip flexed about {100} deg)", lambda: _p("lift_hip_flexion_start"), 5.0
    ),
    Computed("02", "appears in {three} rows", _glute_max_rows),
    Computed("02", "at {three} hip-flexion angles", _footnote_angles),
    Computed("02", "somewhere between {45} and 90 deg of flexion", lambda: _flip("Piriformis"), relation=">"),
    Computed("02", "somewhere between 45 and {90} deg of flexion", lambda: _flip("Piriformis"), relation="<"),
    Computed("02", "internal rotation more than {doubles}", _internal_leverage_ratio, relation=">"),
    Computed("02", "At lockout the hip is near {0} deg of flexion", lambda: _lockout("hip_flexion")),
    # 03: the deadlift
    Computed("03", "Schellenberg et al. (2013): {13} people", lambda: _measured(r"(\d+) subjects")),
    Computed("03", "a deadlift with {25}% of body weight", lambda: _measured(r"(\d+)% of body weight")),
    Computed("03", "The hip starts flexed about {103} deg", lambda: _start("hip_flexion"), 0.5),
    Computed("03", "the knee about {108} deg", lambda: _start("knee_flexion"), 0.5),
    Computed("03", "the trunk is only about {20} deg from vertical", lambda: _start("trunk_inclination"), 0.5),
    Computed("03", "every angle is {0}: the model's upright posture", lambda: max(map(abs, _all_lockout()))),
    Computed("03", "with the hip at {0} deg of flexion *by definition*", lambda: _lockout("hip_flexion")),
    Computed("03", "a lifter with {8} deg *too little* hip extension", _lifter_short),
    Computed("03", "has no problem with the hip flexed {50} deg", _hip_flexed_50_is_slack),
    Computed("03", "shortest near {25} deg of flexion", lambda: _brevis("shortest"), 0.5),
    Computed("03", "limit from about {42} deg of flexion on", lambda: _brevis("over"), 0.5),
    Computed("03", "the hip turns *in*, {29.6} deg at lockout", lambda: -_tfl_lockout("rotation_used"), 0.05),
    Computed("03", "toed *in* (feet in {15.6} deg)", lambda: -_tfl_lockout("foot_progression"), 0.05),
    Computed("03", '({0} for "stand tall", about 9 deg', lambda: _stand_tall_demand()),
    Computed("03", "about {9} deg for the squeeze", lambda: _p("squeeze_demand"), 0.5),
    Computed("03", "over the last {10} deg of hip flexion", lambda: _p("lift_cue_onset_hip_flexion")),
    Computed("03", "Halfway up, for a lifter {8} deg short", _lifter_short),
    Computed("03", "**Hip extension available** to {5}:", _five_only_the_squeeze),
    Computed("03", "this lifter's {8} deg deficit is met by turning out alone", _stand_tall_rotation_alone),
    Computed("03", "asks for about {9} deg more", lambda: _p("squeeze_demand"), 0.5),
    Computed("03", "hip at {0} deg of flexion by definition", lambda: _lockout("hip_flexion")),
    Computed("03", "lumbar spine about {1}:1", _tilt_to_lumbar),
    Computed("03", "lumbar spine about 1:{1}", _tilt_to_lumbar),
    Computed("03", "the compensation's tilt is coupled {1}:1", _tilt_to_lumbar),
    Computed("03", "the compensation's tilt is coupled 1:{1}", _tilt_to_lumbar),
    Computed("03", "the lift's centre of mass of lifter and bar is up to about {16} cm", _lift_most_ahead, 0.5),
    Computed("03", "that is {40.7}-52.5 deg of toe-out", lambda: _lift_stance("stand_tall"), 0.05),
    Computed("03", "that is 40.7-{52.5} deg of toe-out", lambda: _lift_stance("squeeze_glutes"), 0.05),
    Computed("03", "beyond the toes (about {13} cm in front of it)", _toes_cm, 0.5),
    Computed("03", "from phase about {0.92}-0.96 (only just past", lambda: _beyond_toes()[1], 0.005),
    Computed("03", "from phase about 0.92-{0.96} (only just past", lambda: _beyond_toes()[2], 0.005),
    Computed("03", "per degree of rotation ({0.3})", lambda: _p("flexors_rotation_benefit")),
    Computed("03", "below the model's {5} mm floor", lambda: _p("moment_arm_floor")),
    Computed("03", "femoral head beyond about {4} deg of extension", _through_head_from),
    # 04: actions by posture
    Computed("04", "between {−20}° and 90°", lambda: _explorer_range(0)),
    Computed("04", "between −20° and {90}°", lambda: _explorer_range(1)),
    Computed("04", "smaller than {5} mm are read", lambda: _p("moment_arm_floor")),
    Computed("04", "({24} of 25;", lambda: _primary_checks("agree")),
    Computed("04", "(24 of {25};", lambda: _primary_checks("all")),
    Computed("04", "It contradicts {two} secondary entries", _secondary_contradicted),
    Computed("04", "moment arm of about {20} mm", lambda: -_arm_mm("Piriformis", 1), 0.5),
    Computed(
        "04", "passes {2} mm behind the hip centre", lambda: -_arm_mm("Gluteus minimus (anterior fibers)", 0), 0.5
    ),
    Computed("04", "(near {12}°)", lambda: _flip("Gluteus minimus (posterior fibers)"), 0.5),
    Computed("04", "gluteus medius (near {41}°)", lambda: _flip("Gluteus medius (posterior fibers)"), 0.5),
    Computed("04", "piriformis (near {57}°)", lambda: _flip("Piriformis"), 0.5),
    Computed("04", "gluteus maximus (near {67}°)", lambda: _flip("Gluteus maximus"), 0.5),
    Computed("04", "hip flexion {0}°)", lambda: _lockout("hip_flexion")),
    Computed("04", "above the {5} mm floor", lambda: _p("moment_arm_floor")),
    Computed("04", "at most {0.18}° of extension", _largest_rotation_benefit, 0.005),
    Computed("04", "abruptly at {45}° of flexion", _iliopsoas_brim),
)
"""Numbers in the prose and the code that must give them."""


def _all_lockout() -> list[float]:
    fields = ("hip_flexion", "knee_flexion", "shank_inclination", "thigh_inclination", "trunk_inclination")
    return [_lockout(f) for f in fields]


def _squeeze_balance(field: str) -> float:
    """The balance's split under "squeeze glutes" at the default, no-deficit setting."""
    from biomech.model.lockout import compensate

    return float(getattr(compensate(_p("hip_extension_available"), cue="squeeze_glutes"), field))


def _stand_tall_demand() -> float:
    from biomech.model.lockout import compensate

    return float(compensate(0.0, cue="stand_tall").demand)


QUOTED: tuple[Quoted, ...] = (
    Quoted("01", "changed tilt by about {1} deg only (Preece", "Preece et al. 2021 (abstract): 1.2 deg"),
    Quoted("01", "inclinometer ({6.8} deg in healthy controls", "Roach et al. 2015 (abstract)"),
    Quoted("01", "{-4.2} deg in chronic low back pain", "Roach et al. 2015 (abstract)"),
    Quoted("03", "a minimum of {6.4}-6.8 deg", "Schellenberg et al. 2013, pelvis-lumbar minimum, one bar"),
    Quoted("03", "a minimum of 6.4-{6.8} deg", "Schellenberg et al. 2013, pelvis-lumbar minimum, the other bar"),
    Quoted("03", "a maximum of {25.7}-27.4 deg", "Schellenberg et al. 2013, pelvis-lumbar maximum, one bar"),
    Quoted("03", "a maximum of 25.7-{27.4} deg", "Schellenberg et al. 2013, pelvis-lumbar maximum, the other bar"),
    Quoted("03", "a change of about {19}-21 deg", "Schellenberg et al. 2013: 25.7 - 6.8 = 18.9"),
    Quoted("03", "a change of about 19-{21} deg", "Schellenberg et al. 2013: 27.4 - 6.4 = 21.0"),
    Quoted("03", "knee flexion (about {56} to 69 deg)", "Schellenberg et al. 2013, table of other studies"),
    Quoted("03", "knee flexion (about 56 to {69} deg)", "Schellenberg et al. 2013, table of other studies"),
    Quoted("03", "hip flexion (about {108} to 124 deg)", "Schellenberg et al. 2013, table of other studies"),
    Quoted("03", "hip flexion (about 108 to {124} deg)", "Schellenberg et al. 2013, table of other studies"),
    Quoted("03", "sumo lifters ({42} ± 8 deg)", "Escamilla et al. 2000 (abstract): sumo feet turned out"),
    Quoted("03", "sumo lifters (42 ± {8} deg)", "Escamilla et al. 2000 (abstract): sumo feet turned out, SD"),
    Quoted("03", "conventional ones ({14} ± 6 deg", "Escamilla et al. 2000 (abstract): conventional feet turned out"),
    Quoted("03", "conventional ones (14 ± {6} deg", "Escamilla et al. 2000 (abstract): conventional, SD"),
    Quoted("03", "from {41.5} to 54.4 deg", "Myers et al. 2011 (abstract)"),
    Quoted("03", "from 41.5 to {54.4} deg", "Myers et al. 2011 (abstract)"),
    Quoted("03", "in {15} cadaver hips", "Myers et al. 2011 (abstract)"),
    Quoted("03", "(r = {−0.04})", "Heino et al. 1990 (abstract)"),
    Quoted("03", "(r = {−0.09})", "Heino et al. 1990 (abstract)"),
    Quoted("03", "stretching gained {2.6} deg of extension", "Preece et al. 2021 (abstract)"),
    Quoted("03", "and {1.2} deg less tilt", "Preece et al. 2021 (abstract)"),
    Quoted("03", "after {3} weeks of stretching", "University of Kentucky MS thesis (abstract)"),
)
"""Numbers from the literature that no code holds: present in the prose, with their source."""

FIXED: tuple[Fixed, ...] = (
    Fixed("01", "(the angles are in *What to look for*, step {1})", "a pointer to the lesson's own list"),
    Fixed("02", "About {20} minutes", "a suggested duration"),
    Fixed("03", "About {30} minutes", "a suggested duration"),
    Fixed("03", "runs from **{0}** (bar on the floor) to **{1}** (lockout)", "the lift phase's definition"),
    Fixed("03", "At phase {0} the lab uses", "the lift phase's definition"),
    Fixed("03", "At lockout (phase {1})", "the lift phase's definition"),
    Fixed("03", "Drag **Lift phase** from {0} to {1}", "the lift phase's definition"),
    Fixed("04", "the hip flexed to {90}°, the rotation", "the angle the lesson's cells pass to action_table_cells"),
    Fixed("04", "Flex the hip to {90}°", "the angle the next cell passes to action_table_cells"),
)
"""Numbers the lessons define."""

ENTRIES = COMPUTED + QUOTED + FIXED

# Digits that are structure, not claims.
_NUMBER = re.compile(r"(?<![\w.])[-−+]?\d+(?:\.\d+)?(?![\w])")
_STRUCTURE = (
    re.compile(r"\b(?:19|20)\d\d\b"),  # years
    re.compile(r"\b0[1-5]\b"),  # lesson numbers: 01 ... 05
    re.compile(r"\b(?:lesson|section|notebook) \d\b", re.IGNORECASE),
    re.compile(r"\b3-D\b"),
    re.compile(r"(?m)^\s*\d+\. "),  # numbered list items
    re.compile(r"(?m)^#+ \d+\. "),  # numbered headings
    re.compile(r"\$\$.*?\$\$|\$[^$]*\$", re.DOTALL),  # LaTeX
)


def _markdown(notebook: str) -> list[str]:
    """The notebook's Markdown cells, each cut at its References heading."""
    cells = json.loads(NOTEBOOKS[notebook].read_text("utf-8"))["cells"]
    texts = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    return [text.split("## References")[0] for text in texts]


def _pattern(entry: Computed | Quoted | Fixed) -> re.Pattern[str]:
    """The entry's sentence as a regex (any whitespace between words), each braced number a group."""
    regex = ""
    for part in re.split(r"(\{.+?\})", entry.text):
        if part.startswith("{"):
            regex += "(" + re.escape(part[1:-1]) + ")"
        else:
            regex += r"\s+".join(re.escape(word) for word in part.split(" "))
    return re.compile(regex)


def _number(entry: Computed | Quoted | Fixed) -> str:
    """The (first) number as written."""
    return re.search(r"\{(.+?)\}", entry.text)[1]


def _read(number: str) -> float:
    return WORDS[number] if number in WORDS else float(number.replace("−", "-"))


def test_there_are_four_lessons_to_check():
    assert sorted(NOTEBOOKS) == ["01", "02", "03", "04"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e.notebook}:{e.text[:40]}")
def test_each_sentence_is_in_its_lesson(entry):
    found = any(_pattern(entry).search(cell) for cell in _markdown(entry.notebook))
    assert found, f"notebook {entry.notebook} no longer says {entry.text!r}: update the table"


@pytest.mark.parametrize("entry", COMPUTED, ids=lambda e: f"{e.notebook}:{e.text[:40]}")
def test_each_number_is_what_the_code_gives(entry):
    written, value = _read(_number(entry)), float(entry.value())
    if entry.relation == ">":
        assert value > written, f"{entry.text!r}: the code gives {value}, not more than {written}"
    elif entry.relation == "<":
        assert value < written, f"{entry.text!r}: the code gives {value}, not less than {written}"
    else:
        assert abs(value - written) <= entry.tolerance + 1e-9, f"{entry.text!r}: the code gives {value}"


def test_quoted_numbers_name_a_source():
    for entry in QUOTED:
        assert re.search(r"\b(?:19|20)\d\d\b|thesis", entry.source), entry


@pytest.mark.parametrize("notebook", sorted(NOTEBOOKS))
def test_every_number_in_the_prose_is_accounted_for(notebook):
    """A new number in a lesson's Markdown must be computed in a cell or added to this table."""
    entries = [e for e in ENTRIES if e.notebook == notebook]
    loose = []
    for cell in _markdown(notebook):
        covered = np.zeros(len(cell), dtype=bool)
        for pattern in _STRUCTURE:
            for m in pattern.finditer(cell):
                covered[m.start() : m.end()] = True
        for entry in entries:
            for m in _pattern(entry).finditer(cell):
                for group in range(1, (m.lastindex or 0) + 1):
                    covered[m.start(group) : m.end(group)] = True
        for m in _NUMBER.finditer(cell):
            if not covered[m.start() : m.end()].any():
                loose.append(" ".join(cell[max(0, m.start() - 40) : m.end() + 20].split()))
    assert not loose, f"notebook {notebook}: numbers neither computed nor listed here:\n" + "\n".join(loose)
