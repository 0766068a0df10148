"""Where the blog's hypothesis and the muscle geometry disagree, in one sentence (numpy only).

The blog's hypothesis says a tight front of the hip turns the hip out ("duck feet"). The
geometry asks each tight part whether turning the hip out makes it longer (tighter) or
shorter (slacker) at the lockout posture; :func:`rotation_effect` gives the answer in
millimetres and :func:`disagreement` says it in words for the lab's readout and the
lessons. :func:`mechanisms_markdown` puts the two mechanisms' numbers side by side, for the
lessons.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import numpy as np

from biomech._lazy import resolve
from biomech.anatomy.geometry import path_length
from biomech.anatomy.tissues import ALL_FLEXORS, LIGAMENT, tissue_parts
from biomech.formatting import format_degrees
from biomech.model.compensation import MECHANISMS, Compensation
from biomech.model.length_limits import rotation_moment_arms
from biomech.model.lockout import CUE_WORDS, CUES, Cue, compensate
from biomech.parameters import PARAMETERS

__all__ = ["MECHANISM_NAMES", "PART_NAMES", "disagreement", "mechanisms_markdown", "rotation_effect"]

_RENAMED = {"mechanism_table": "biomech.model.compare.mechanisms_markdown"}
"""Old names kept one release as deprecated aliases (:func:`biomech._lazy.resolve`)."""

MECHANISM_NAMES: Mapping[str, str] = {"blog": "blog's hypothesis", "geometry": "muscle geometry"}
"""The mechanisms as the lab's control names them ("How the hip makes up the deficit")."""

PART_NAMES: Mapping[str, str] = {
    "iliacus_r": "iliacus",
    "psoas_r": "psoas",
    "sar_r": "sartorius",
    "tfl_r": "tensor fasciae latae",
    "rect_fem_r": "rectus femoris",
    "add_long_r": "adductor longus",
    "add_brev_r": "adductor brevis",
    "pect_r": "pectineus",
    "grac_r": "gracilis",
    "glut_min1_r": "gluteus minimus (anterior)",
    "iliofem_sup_r": "the ligament's superior band (a sketch)",
    "iliofem_inf_r": "the ligament's inferior band (a sketch)",
}
"""Plain names of the parts a tight tissue can hold."""

_TURN_DEG = 10.0


def rotation_effect(tissue: str, hip_flexion: float = 0.0, knee_flexion: float = 0.0) -> dict[str, float]:
    """Return how much each part of a tissue lengthens (mm) when the hip turns out 10 deg.

    Positive: turning out makes the part tighter; negative: slacker. At the given hip
    and knee flexion (deg), from neutral rotation.

    Examples
    --------
    >>> {k: round(v, 1) for k, v in rotation_effect("Iliopsoas").items()}
    {'iliacus_r': 0.7, 'psoas_r': 0.5}
    """
    parts = tissue_parts(tissue)
    neutral = path_length(parts, hip_flexion=hip_flexion, knee_flexion=knee_flexion)
    turned = path_length(parts, hip_flexion=hip_flexion, hip_rotation=-_TURN_DEG, knee_flexion=knee_flexion)
    return {p: 1000.0 * float(t - n) for p, n, t in zip(parts, neutral, turned, strict=False)}


def _names(parts: list[str]) -> str:
    words = [PART_NAMES.get(p, p) for p in parts]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def disagreement(
    blog: Compensation,
    geometry: Compensation,
    *,
    moment_arm_floor: float | None = None,
    lockout_knee_flexion: float | None = None,
) -> str:
    """Say in two sentences where the two mechanisms part for the same scalar state.

    The first sentence says which parts of the tight tissue turning the hip out 10 deg
    lengthens or shortens, and where (this lockout's hip flexion, neutral rotation, knee
    straight), and names apart from them the parts that have no rotation action in the model:
    those whose rotation moment arm is under ``moment_arm_floor`` by the solver's own rule
    (:mod:`biomech.model.geometry_lockout`: at hip flexion 0, the thigh vertical, with the
    knee at ``lockout_knee_flexion``), so a part the solver does not turn is never said to
    slacken or tighten. The second gives each mechanism's hip rotation, the feet (the stance's
    toe-out plus that rotation) and the pelvic tilt. For the iliofemoral ligament, whose
    bands are a sketch, no direction of rotation is claimed.

    Parameters
    ----------
    blog, geometry
        :func:`~biomech.model.lockout.compensate` for the same input with
        ``mechanism="blog"`` and ``"geometry"``.
    moment_arm_floor
        The floor (mm) the geometry was solved with; default the parameter's default.
    lockout_knee_flexion
        The lockout knee (deg) the geometry was solved with; default the parameter's default.

    Examples
    --------
    >>> from biomech.model.lockout import compensate
    >>> print(disagreement(compensate(-10.0, tissue="Iliopsoas", mechanism="blog"),
    ...                    compensate(-10.0, tissue="Iliopsoas")))  # doctest: +ELLIPSIS
    Turning the hip out 10 deg neither slackens nor tightens this tissue in the model (...; iliacus and psoas ...
    """
    deg = format_degrees
    lengthen: list[str] = []
    shorten: list[str] = []
    below: list[str] = []  # parts whose rotation moment arm is under moment_arm_floor here
    floor = PARAMETERS["moment_arm_floor"].default if moment_arm_floor is None else float(moment_arm_floor)
    knee = PARAMETERS["lockout_knee_flexion"].default if lockout_knee_flexion is None else float(lockout_knee_flexion)
    for tissue in geometry.tissues:
        effect = rotation_effect(tissue, float(geometry.hip_flexion))
        arms = rotation_moment_arms(tuple(effect), np.array([knee]))[0]  # the solver's rule (hip flexion 0)
        for (part, mm), arm in zip(effect.items(), arms, strict=True):
            if tissue != LIGAMENT and abs(float(arm)) < floor:
                below.append(part)
            else:
                (lengthen if mm > 0.05 else shorten if mm < -0.05 else []).append(part)
    turn = f"Turning the hip out {deg(_TURN_DEG)} deg"
    if LIGAMENT in geometry.tissues:
        what = (
            "The ligament's bands are a sketch (two straight lines from one point, through the femoral head in "
            "extension), so the lab claims no direction of rotation from them"
        )
    elif not lengthen and not shorten and below:
        what = f"{turn} neither slackens nor tightens this tissue in the model"
    elif lengthen and not shorten:
        what = f"{turn} makes {_names(lengthen)} tighter"
    elif shorten and not lengthen:
        what = f"{turn} slackens {_names(shorten)}"
    elif lengthen:
        what = f"{turn} slackens {_names(shorten)} but tightens {_names(lengthen)}"
    else:
        what = f"{turn} barely changes this tissue's length"
    where = f"3-D geometry, at this lockout's hip flexion of {deg(float(geometry.hip_flexion))} deg, knee straight"
    if below:
        are = "is" if len(below) == 1 else "are"
        where += (
            f"; {_names(below)} {are} below the model's {floor:g} mm floor with the thigh vertical: "
            "no rotation action in the model"
        )
    return (
        f"{what} ({where}). {'The sketch' if LIGAMENT in geometry.tissues else 'The geometry'} turns the hip "
        f"{_turn(geometry)} and tips the pelvis "
        f"{deg(float(geometry.pelvic_tilt))} deg; the blog's hypothesis turns it {_turn(blog)} and tips the pelvis "
        f"{deg(float(blog.pelvic_tilt))} deg."
    )


def _turn(state: Compensation) -> str:
    """The hip's rotation, then the stance it would need (stance toe-out + rotation).

    E.g. "in 12.2 deg (a stance of feet out 1.8 deg, if set before the pull)": planted
    under a loaded bar, the feet cannot turn at lockout (:mod:`biomech.lessons.rivals`).
    """
    rotation, feet = float(state.rotation_used), float(state.foot_progression)
    hip = "neither way" if not rotation else f"{'out' if rotation > 0 else 'in'} {format_degrees(abs(rotation))} deg"
    foot = "straight ahead" if not feet else f"{'out' if feet > 0 else 'in'} {format_degrees(abs(feet))} deg"
    return f"{hip} (a stance of feet {foot}, if set before the pull)"


def mechanisms_markdown(
    hip_extension_available: float, /, *, tissue: str = ALL_FLEXORS, cues: tuple[str, ...] = CUES, **overrides: float
) -> str:
    """Return both mechanisms' lockout numbers side by side, as a Markdown table (degrees).

    One row per cue and mechanism, from :func:`~biomech.model.lockout.compensate` (the lumbar
    extension equals the tilt; "trunk back" is the pelvis and trunk leaning back together, at
    the hip, for balance; "stance needed" is the foot progression this hip rotation would need
    if set before the pull); a tissue the blog's mechanism does not take (the ligament,
    several tissues) gets the geometry's rows only.

    Examples
    --------
    >>> print(mechanisms_markdown(-8.0, cues=("stand_tall",)))  # doctest: +NORMALIZE_WHITESPACE
    At lockout, -8 deg of hip extension available, tissue: hip flexors (all) (degrees)
    <BLANKLINE>
    | cue | mechanism | deficit | rotation used (+ out) | stance needed (feet out) | tilt = lumbar extension
    | trunk back | stage |
    |---|---|---|---|---|---|---|---|
    | stand tall | blog's hypothesis | 8 | 26.7 | 40.7 | 0 | 0.7 | rotational |
    | stand tall | muscle geometry | 8 | 0 | 14 | 8 | 1.6 | lumbopelvic |
    """
    deg = format_degrees
    columns: tuple[str, ...] = ("cue", "mechanism", "deficit", "rotation used (+ out)", "stance needed (feet out)")
    columns += ("tilt = lumbar extension", "trunk back", "stage")
    lines = ["| " + " | ".join(columns) + " |", "|---" * len(columns) + "|"]
    for cue in cues:
        for mechanism in MECHANISMS:
            try:
                s = compensate(
                    hip_extension_available, cue=cast(Cue, cue), tissue=tissue, mechanism=mechanism, **overrides
                )
            except ValueError:
                if mechanism == "blog":
                    continue  # a tissue only the geometry takes
                raise
            numbers = (s.deficit, s.rotation_used, s.foot_progression, s.pelvic_tilt, s.trunk_lean)
            cells = [CUE_WORDS[s.cue], MECHANISM_NAMES[mechanism], *(deg(float(v)) for v in numbers), str(s.stage)]
            lines.append("| " + " | ".join(cells) + " |")
    caption = (
        f"At lockout, {deg(hip_extension_available)} deg of hip extension available, tissue: "
        f"{' + '.join((tissue,) if isinstance(tissue, str) else tissue)} (degrees)"
    )
    return caption + "\n\n" + "\n".join(lines)


def __getattr__(name: str) -> Any:
    """The old names, with a ``DeprecationWarning`` naming the new one."""
    return resolve(__name__, name, globals(), renamed=_RENAMED)
