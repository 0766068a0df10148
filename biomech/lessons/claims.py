"""Every qualitative claim the lab's texts make about what the model shows, in one place (numpy only).

A sentence in the README, the lessons or the docs that says what the model shows is
listed here as a :class:`Claim`: the sentence (computed from the model where it quotes a
number or names muscles), the condition under which it holds, the files it appears in,
and a check that computes whether it is still true. ``tests/lessons/test_claims.py``
runs every check and finds every sentence, word for word (whitespace and Markdown
emphasis aside), in every file it names; so when the model changes, the failing test
names the sentences to rewrite. Several claims follow from how the model was built, not
from anatomy; their sentences say so.

Examples
--------
>>> [c.id for c in claims()][:2]
['flexors_all_no_rotation', 'tfl_near_neutral']
>>> all(c.check() for c in claims())
True
"""

from __future__ import annotations

import functools
import inspect

import numpy as np

from biomech.anatomy.geometry import moment_arms, path_length
from biomech.anatomy.path_lengths import HIP_CENTRE_M
from biomech.anatomy.paths import ligament_paths, muscle_paths
from biomech.anatomy.segments import STANDING_HEIGHT_M
from biomech.anatomy.tissues import ALL_FLEXORS, tissue_parts
from biomech.formatting import format_degrees
from biomech.lessons.claim_text import DATA_README, FIGURES_README, LESSON_01, LESSON_03, README, Claim, normalise
from biomech.lessons.claims_balance import _LW_POSTERIOR_TILT, blog_tuck, cue_lockouts, lift_not_balanced
from biomech.lessons.claims_rectus import rectus_lift, rectus_thomas
from biomech.model.balance import centre_of_mass
from biomech.model.compare import PART_NAMES, rotation_effect
from biomech.model.lockout import CUES, compensate
from biomech.parameters import PARAMETERS

__all__ = ["Claim", "FEMORAL_HEAD_RADIUS_MM", "band_clearance", "claim", "claims", "normalise"]

FEMORAL_HEAD_RADIUS_MM = 23.0
"""Radius of the femoral head on gait2392's femur mesh, about 23 mm (``biomech/data/README.md``)."""
_TFL_FLEXIONS = (30.0, 0.0, -10.0, -20.0)  # hip flexion (deg) at which TFL's rotation moment arm is quoted
_ADDUCTORS = ("add_long_r", "add_brev_r", "pect_r", "grac_r", "add_mag1_r")


_MORE_NAMES = {"add_mag1_r": "adductor magnus' first part"}


def _names(parts: list[str]) -> str:
    words = [{**PART_NAMES, **_MORE_NAMES}.get(p, p) for p in parts]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _rotation_mm(part: str, hip_flexion: float = 0.0) -> float:
    """Rotation moment arm (mm, + internal) of one part, neutral rotation, knee straight."""
    return 1000.0 * float(moment_arms(hip_flexion=hip_flexion).of(part)[2])


def band_clearance(hip_flexion: float, band: str = "iliofem_inf_r") -> float:
    """Closest distance (mm) of a ligament band's straight line to the hip centre.

    A distance below :data:`FEMORAL_HEAD_RADIUS_MM` means the line passes through the
    femoral head. Neutral rotation and adduction.

    Examples
    --------
    >>> band_clearance(0.0) > FEMORAL_HEAD_RADIUS_MM > band_clearance(-10.0)
    True
    """
    pelvis, femur = (np.asarray(p.location, dtype=float) for p in ligament_paths()[band].points)
    f = np.radians(hip_flexion)
    rz = np.array([[np.cos(f), -np.sin(f), 0.0], [np.sin(f), np.cos(f), 0.0], [0.0, 0.0, 1.0]])
    a, b = pelvis - np.asarray(HIP_CENTRE_M), rz @ femur  # relative to the hip centre
    t = float(np.clip(-a @ (b - a) / ((b - a) @ (b - a)), 0.0, 1.0))
    return 1000.0 * float(np.linalg.norm(a + t * (b - a)))


def _through_head_from() -> float:
    """Hip extension (deg, positive) beyond which the inferior band's line passes through the head."""
    extension = np.arange(0.0, 30.5, 1.0)
    inside = [band_clearance(-e) < FEMORAL_HEAD_RADIUS_MM for e in extension]
    return float(extension[int(np.argmax(inside))]) if any(inside) else float("inf")


def _flexors_all() -> Claim:
    parts = tissue_parts(ALL_FLEXORS)

    def check() -> bool:
        effect = rotation_effect(ALL_FLEXORS)
        both_ways = min(effect.values()) < 0.0 < max(effect.values())
        for available in (-15.0, -5.0, 5.0):
            s = compensate(available, cue="squeeze_glutes", tissue=ALL_FLEXORS)
            binding = {b.strip() for b in str(s.binding).split(",")}
            if binding != set(parts) or float(s.rotation_used) != 0.0:
                return False
        return both_ways

    return Claim(
        "flexors_all_no_rotation",
        f"With hip flexors (all) tight, no rotation helps in the geometry if every flexor part is at its limit "
        f"at once, and the model makes them so: it calibrates all {len(parts)} parts at the same posture, so at "
        "zero rotation they bind together and any rotation lengthens at least one of them. This follows from how "
        "the model was built, not from a measurement.",
        "if every flexor part is at its limit at once",
        (README, LESSON_01, LESSON_03, FIGURES_README),
        check,
    )


def _tfl() -> Claim:
    arms = [_rotation_mm("tfl_r", f) for f in _TFL_FLEXIONS]
    flexed, neutral, *extended = arms
    quoted = (
        f"{flexed:+.1f} mm at {format_degrees(_TFL_FLEXIONS[0])} deg of hip flexion, {neutral:+.1f} mm with the thigh "
        f"vertical, {extended[0]:+.1f} mm at {format_degrees(-_TFL_FLEXIONS[2])} deg and {extended[1]:+.1f} mm at "
        f"{format_degrees(-_TFL_FLEXIONS[3])} deg of hip extension"
    )

    def check() -> bool:
        now = [_rotation_mm("tfl_r", f) for f in _TFL_FLEXIONS]
        return now[0] > now[1] > 0.0 > now[-1] and rotation_effect("Tensor fasciae latae")["tfl_r"] > 0.0

    return Claim(
        "tfl_near_neutral",
        "Turning out from neutral rotation lengthens tensor fasciae latae with the hip flexed or near neutral, but "
        f"not {format_degrees(-_TFL_FLEXIONS[3])} deg into extension: gait2392 gives it an internal-rotation moment "
        f"arm of {quoted}, where turning out shortens it.",
        "from neutral rotation, with the hip neutral or flexed (not beyond about 10 deg of extension)",
        (README, LESSON_03),
        check,
    )


def _adductors() -> Claim:
    floor = PARAMETERS["moment_arm_floor"].default
    arms = {p: _rotation_mm(p) for p in _ADDUCTORS}
    above = [p for p in _ADDUCTORS if abs(arms[p]) >= floor]
    below = [p for p in _ADDUCTORS if p not in above]
    inward = [p for p in above if arms[p] > 0.0]
    outward = [p for p in above if arms[p] < 0.0]

    def mm(parts: list[str]) -> str:
        head = ", ".join(f"{arms[p]:+.1f}" for p in parts[:-1])
        return (f"{head} and " if head else "") + f"{arms[parts[-1]]:+.1f} mm"

    def check() -> bool:
        now = {p: _rotation_mm(p) for p in _ADDUCTORS}
        return (
            [p for p in _ADDUCTORS if abs(now[p]) >= floor] == above
            and bool(inward)
            and all(now[p] > 0.0 for p in inward)
            and all(now[p] < 0.0 for p in outward)
        )

    one = len(inward) == 1
    return Claim(
        "adductors_which",
        "Not all the adductors act as internal rotators: with the thigh vertical, only "
        f"{_names(inward)} {'reaches' if one else 'reach'} the model's {floor:g} mm floor with an internal-rotation "
        f"moment arm ({mm(inward)}), so turning out lengthens {'it' if one else 'them'}; "
        f"{_names(below)} ({mm(below)}; + internal, - external) are below the floor: no rotation action in the model.",
        "with the thigh vertical, for the adductors named; the model's moment-arm floor",
        (README, LESSON_03),
        check,
    )


def _psoas() -> Claim:
    def check() -> bool:
        segments = {p.segment for p in muscle_paths()["psoas_r"].points}
        no_lumbar = not any("lumb" in name for name in inspect.signature(path_length).parameters)
        return segments == {"pelvis", "femur"} and no_lumbar

    return Claim(
        "psoas_lumbar",
        "In gait2392 psoas' origin (on the lumbar vertebrae in the body) is fixed to the pelvis, so the lumbar "
        "extension the model predicts never changes psoas' length: by construction, the model cannot show psoas "
        "pulling on the lower back.",
        "in gait2392's geometry, whatever the lumbar angle",
        (README, LESSON_03),
        check,
    )


def _external_shortens() -> Claim:
    floor = PARAMETERS["moment_arm_floor"].default
    effect = rotation_effect(ALL_FLEXORS)
    acting = [p for p in effect if abs(_rotation_mm(p)) >= floor]
    below = [p for p in effect if p not in acting]
    shorter = [p for p in acting if effect[p] < 0.0]
    longer = [p for p in acting if effect[p] > 0.0]

    def listed(parts: list[str]) -> str:
        return _names([f"{PART_NAMES[p]} ({effect[p]:+.1f} mm)" for p in parts])

    def check() -> bool:
        now = rotation_effect(ALL_FLEXORS)
        above = [p for p in now if abs(_rotation_mm(p)) >= floor]
        return (
            above == acting
            and all(now[p] < 0.0 for p in shorter)
            and all(now[p] > 0.0 for p in longer)
            and all(abs(now[p]) < 1.0 for p in below)
        )

    return Claim(
        "external_rotation_shortens",
        f"At the lockout posture (hip flexion 0 deg, knee straight), turning the hip out 10 deg from neutral "
        f"shortens {listed(shorter)} and lengthens {listed(longer)}, the {len(acting)} of the {len(effect)} flexor "
        f"parts whose rotation moment arm reaches the model's {floor:g} mm floor; "
        f"{_names([PART_NAMES[p] for p in below])} change by less than 1 mm and are below the floor: no rotation "
        "action in the model.",
        f"at hip flexion 0 deg, knee straight, 10 deg of external rotation from neutral; the {floor:g} mm floor",
        (README, LESSON_03),
        check,
    )


def _capsule() -> Claim:
    start = _through_head_from()

    def check() -> bool:
        paths = ligament_paths()
        sup, inf = (np.asarray(paths[b].points[0].location, dtype=float) for b in ("iliofem_sup_r", "iliofem_inf_r"))
        shared = np.allclose(sup, inf)
        straight = all(len(p.points) == 2 for p in paths.values())
        return shared and straight and 0.0 < start < 10.0

    return Claim(
        "capsule_sketch",
        "The iliofemoral ligament is only a sketch here: two straight bands from one shared point on the pelvis, "
        f"the inferior one passing through the femoral head beyond about {format_degrees(start)} deg of "
        "extension. The ligament limits both internal and external rotation in extension (D'Ambrosi et al. 2021, "
        "a systematic review), so the lab claims no direction of rotation from it.",
        "the bands as drawn (straight lines, illustrative attachments)",
        (README, LESSON_03, DATA_README),
        check,
    )


def _no_pigeon_toes() -> Claim:
    floor, arm_floor = PARAMETERS["rotation_gain_floor"].default, PARAMETERS["moment_arm_floor"].default
    still = ("Iliopsoas", "Rectus femoris", "Pectineus", "Adductor brevis")
    x = np.linspace(PARAMETERS["hip_extension_available"].min, PARAMETERS["hip_extension_available"].max, 141)

    def check() -> bool:
        return all(
            float(np.max(np.abs(compensate(x, cue=c, tissue=t).rotation_used))) == 0.0 for t in still for c in CUES
        )

    return Claim(
        "no_pigeon_toes",
        f"In the geometry, turning the hip has a price: the body turns it only while each degree buys at least "
        f"{floor:g} deg of hip extension (rotation_gain_floor, illustrative), and a tight part whose rotation moment "
        f"arm is under the {arm_floor:g} mm floor gains nothing from turning (the floor under which the table lists no "
        f"rotation action). With these defaults {_names([t.lower() for t in still])} "
        "never turn the hip, at any restriction, under either cue: by the choice of the two illustrative floors.",
        f"at the default rotation_gain_floor ({floor:g} deg/deg) and moment_arm_floor ({arm_floor:g} mm)",
        (README,),
        check,
    )


_LW_TILT, _LW_LORDOSIS = -_LW_POSTERIOR_TILT, -9.0
"""Levine & Whittle 1996 (JOSPT 24(3):130-135, abstract only): maximal voluntary posterior pelvic tilt,
standing: the pelvis -8.7 deg (the tilt of :mod:`~biomech.lessons.claims_balance`, signed) and the lordosis
-9.0 deg from standing, the thorax left upright."""


def _source_posture(demand: float) -> tuple[float, float, float]:
    """Levine & Whittle's posture in the model's chain with the hip extended ``demand`` deg.

    Returns the leg's forward lean, the trunk's lean back (the lordosis change less the pelvis's)
    and how far the centre of mass of lifter and bar is in front of the mid-foot (mm, 1.75 m lifter).
    """
    leg = _LW_TILT + demand  # hip flexion = pelvic tilt in the room - thigh inclination = -demand
    lean = _LW_LORDOSIS - _LW_TILT  # the drawn lordosis changes by tilt + lean
    return leg, lean, 1000.0 * STANDING_HEIGHT_M * float(centre_of_mass(leg, _LW_TILT, lean))


def _balance_lean() -> Claim:
    demand, load = PARAMETERS["squeeze_demand"].default, PARAMETERS["bar_load"].default
    top = PARAMETERS["hip_extension_available"].max
    s, t = compensate(top, cue="squeeze_glutes"), compensate(top, cue="stand_tall")
    leg, lean, upright = float(s.thigh_inclination), float(s.trunk_lean), float(t.trunk_lean)
    no_bar = float(compensate(top, cue="stand_tall", bar_load=0.0).thigh_inclination)
    lw_leg, lw_lean, lw_ahead = _source_posture(demand)

    def check() -> bool:
        # falsifiable: the source's posture (lumbar flattened, thorax upright) balances too, within 5 mm,
        # with the leg leaning forward less than under the model's posture
        a, _, ahead = _source_posture(demand)
        return abs(ahead) < 5.0 and 0.0 < a < leg and float(s.lumbar_extension) == 0.0

    return Claim(
        "balance_lean",
        f'The model reads "squeeze glutes" as {format_degrees(demand)} deg of hip extension. Holding the lumbar '
        "curve rigid and taking the lean at the hip (the model's assumption, not a measurement of lifters), "
        f"balance over the mid-foot with a bar of {load:g} x body mass (illustrative) puts the straight leg "
        f"{format_degrees(leg)} deg forward about the ankle and the pelvis and trunk {format_degrees(lean)} deg "
        f"back together (standing tall, {format_degrees(upright)} deg back; with no bar the leg leans "
        f"{format_degrees(no_bar)} deg forward). So the squeeze with no deficit adds no lumbar extension, and "
        "balance, solved after the hip angle is fixed, changes neither the hip angle nor the deficit: both by "
        "construction. Balance alone does not force the lean back: Levine & Whittle's (1996) "
        f"maximal posterior tilt, the pelvis {format_degrees(_LW_TILT)} deg and the lordosis "
        f"{format_degrees(_LW_LORDOSIS)} deg with the thorax upright, balances as well (leg "
        f"{format_degrees(lw_leg)} deg forward, centre of mass {abs(lw_ahead):.0f} mm "
        f"{'in front of' if lw_ahead >= 0 else 'behind'} the mid-foot), so the squeeze's lumbar extension is "
        f"{format_degrees(_LW_LORDOSIS)} or 0 deg depending on that one assumption.",
        f"squeeze_demand {format_degrees(demand)} deg, bar_load {load:g}, the lean taken at the hip with a rigid "
        "lumbar curve; the source's posture with the thorax "
        f"{format_degrees(abs(lw_lean))} deg {'back' if lw_lean >= 0 else 'forward'} of upright",
        (README,),
        check,
    )


@functools.cache
def claims() -> tuple[Claim, ...]:
    """Return every claim, its sentence computed from the model now (cached)."""
    return (
        _flexors_all(),
        _tfl(),
        _adductors(),
        _psoas(),
        _external_shortens(),
        rectus_thomas(),
        rectus_lift(),
        _capsule(),
        _no_pigeon_toes(),
        _balance_lean(),
        cue_lockouts(),
        blog_tuck(),
        lift_not_balanced(),
    )


def claim(claim_id: str) -> Claim:
    """Return one claim by its id.

    Raises
    ------
    ValueError
        For an unknown id; the message lists the ids.
    """
    found = {c.id: c for c in claims()}
    if claim_id not in found:
        raise ValueError(f"'claim_id' must be one of {sorted(found)}; got {claim_id!r}.")
    return found[claim_id]
