"""Where the blog's hypothesis and the muscle geometry disagree, in one sentence (numpy only).

The blog says a tight front of the hip turns the feet out. The geometry asks each tight
part whether turning out makes it longer (tighter) or shorter (slacker) at the lockout
posture; :func:`rotation_effect` gives the answer in millimetres and :func:`disagreement`
says it in words for the lab's readout and the lessons.
"""

from __future__ import annotations

from collections.abc import Mapping

from biomech.anatomy.geometry import path_length
from biomech.anatomy.tissues import tissue_parts
from biomech.formatting import format_degrees
from biomech.model.compensation import Compensation

__all__ = ["PART_NAMES", "disagreement", "rotation_effect"]

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
    "iliofem_sup_r": "the ligament's superior band",
    "iliofem_inf_r": "the ligament's inferior band",
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


def disagreement(blog: Compensation, geometry: Compensation) -> str:
    """Say in one sentence where the two mechanisms part for the same scalar state.

    Parameters
    ----------
    blog, geometry
        :func:`~biomech.model.lockout.compensate` for the same input with
        ``mechanism="blog"`` and ``"geometry"``.

    Examples
    --------
    >>> from biomech.model.lockout import compensate
    >>> print(disagreement(compensate(-10.0, tissue="Iliopsoas", mechanism="blog"),
    ...                    compensate(-10.0, tissue="Iliopsoas")))  # doctest: +ELLIPSIS
    Turning the feet out makes iliacus and psoas tighter ...
    """
    deg = format_degrees
    lengthen: list[str] = []
    shorten: list[str] = []
    for tissue in geometry.tissues:
        for part, mm in rotation_effect(tissue, float(geometry.hip_flexion)).items():
            (lengthen if mm > 0.05 else shorten if mm < -0.05 else []).append(part)
    if lengthen and not shorten:
        what = f"Turning the feet out makes {_names(lengthen)} tighter"
    elif shorten and not lengthen:
        what = f"Turning the feet out slackens {_names(shorten)}"
    elif lengthen:
        what = f"Turning the feet out slackens {_names(shorten)} but tightens {_names(lengthen)}"
    else:
        what = "Turning the feet barely changes this tissue's length"
    return (
        f"{what} (3-D geometry): the feet turn {_turn(geometry)} and the pelvis tips "
        f"{deg(float(geometry.pelvic_tilt))} deg, where the blog's hypothesis has them turn {_turn(blog)} "
        f"and the pelvis tip {deg(float(blog.pelvic_tilt))} deg."
    )


def _turn(state: Compensation) -> str:
    rotation = float(state.rotation_used)
    if not rotation:
        return "neither way"
    return f"{'out' if rotation > 0 else 'in'} {format_degrees(abs(rotation))} deg"
