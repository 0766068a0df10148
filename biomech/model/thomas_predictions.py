"""The modified Thomas test's lockout predictions: each suspected tissue calibrated at the test posture.

A step of :func:`biomech.model.thomas.modified_thomas_test`: every tissue whose rule fired is
calibrated where the test found it (:func:`predict`) and solved at lockout with the knee straight
on gait2392's muscle geometry, with the pelvis neutral on the plinth and, when the pelvis was not
controlled, tilted back by ``mtt_pelvic_tilt`` (illustrative). The reasoning, and the assumption
behind the TFL/ITB prediction (:data:`TFL_ASSUMPTION`), are in :mod:`biomech.model.thomas`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from biomech._validation import check_choice
from biomech.anatomy.geometry import path_length
from biomech.anatomy.tissues import tissue_parts
from biomech.formatting import format_degrees
from biomech.model.lockout import CUES, Compensation, compensate
from biomech.model.thomas_readings import Finding, ReadAt, hip_words
from biomech.model.thomas_sources import MODEL_TISSUE
from biomech.parameters import PARAMETERS

__all__ = ["TFL_ASSUMPTION", "Prediction", "hip_flexion_on_plinth", "predict", "predict_tissues"]

TFL_ASSUMPTION = "an upper bound from an assumption (resting abduction read as TFL's end range)"
"""The label of every TFL/ITB prediction: the hanging leg's resting abduction is taken as the tensor
fasciae latae's end-range length; if it had more length to give, the real restriction is smaller."""


def hip_flexion_on_plinth(thigh_angle: float, pelvic_tilt: float) -> float:
    """The hip's flexion on the plinth from the thigh angle and the pelvis (degrees).

    The project's convention, ``hip_flexion = pelvic_tilt - thigh_inclination`` (anterior
    tilt +), lying supine: a thigh above the table inclines towards flexion,
    ``thigh_inclination = -thigh_angle``, so ``hip_flexion = thigh_angle + pelvic_tilt``.
    A posterior tilt (negative) with the thigh where it is extends the hip: the thigh angle
    then overstates the restriction, by up to the tilt.

    Parameters
    ----------
    thigh_angle
        The thigh to horizontal, + above the table.
    pelvic_tilt
        The pelvis's tilt on the plinth, anterior +, posterior - (holding the other knee
        to the chest tilts it back).

    Returns
    -------
    float
        Hip flexion (negative: extension).

    Examples
    --------
    The thigh 8 deg above the table; the pelvis neutral, then tilted back 10 deg:

    >>> hip_flexion_on_plinth(8.0, 0.0), hip_flexion_on_plinth(8.0, -10.0)
    (8.0, -2.0)
    """
    return float(thigh_angle) + float(pelvic_tilt)


@dataclass(frozen=True)
class Prediction:
    """One suspected tissue, calibrated where the test found it, solved at lockout (degrees).

    Attributes
    ----------
    tissue, model_tissue
        The test's tissue and :data:`MODEL_TISSUE`'s name for it.
    hip_flexion
        Hip flexion where the tissue reached its length limit in the test, with the pelvis
        neutral (the thigh angle read as the hip angle); for TFL/ITB, the hip flexion at
        which it would reach that length held at the midline (see the module docstring;
        :data:`TFL_ASSUMPTION`). ``hip_extension_available = -hip_flexion``.
    knee_flexion
        Knee flexion where it was found (``test_knee_flexion``); ``None`` for the one-joint
        flexors, which do not cross the knee.
    found_at
        Where it was found, in words.
    compensation
        Cue -> :class:`~biomech.model.lockout.Compensation` with the pelvis neutral on the
        plinth; empty if the calibration lies outside the model's range.
    tilted
        The same with the pelvis tilted back by the uncontrolled tilt: a posterior tilt under
        the thigh extends the hip, so the hip was *less* flexed in the test than the thigh
        angle says (see ``tilted_hip_flexion``) and the deficit is never larger (a property
        test checks it); empty when the tilt was controlled or out of range.
    tilt
        The posterior pelvic tilt of ``tilted`` (0 when controlled).
    tilted_hip_flexion
        The calibration of ``tilted``: ``hip_flexion`` less the tilt (for TFL/ITB, the midline
        flexion of the tilted test posture); ``None`` when controlled.
    """

    tissue: str
    model_tissue: str
    hip_flexion: float
    knee_flexion: float | None
    found_at: str
    compensation: Mapping[str, Compensation]
    tilted: Mapping[str, Compensation]
    tilt: float
    tilted_hip_flexion: float | None = None

    def describe(self, cue: str, *, tilted: bool = False) -> str:
        """One cue's lockout in a sentence (``tilted``: with the pelvis tilted back in the test).

        A state without deficit is said without the calibration's available extension,
        which holds at the test's knee angle, not at the straight-knee lockout.
        """
        check_choice("cue", cue, CUES)
        states = self.tilted if tilted else self.compensation
        if cue not in states:
            return "no prediction: the calibration lies outside the model's range (see the notes)."
        s = states[cue]
        if s.deficit > 0:
            return s.describe()
        demand = format_degrees(float(s.demand))
        return f"no deficit: the tissue allows the {demand} deg of hip extension the cue asks for."


_HIP_GRID = np.linspace(-40.0, 60.0, 1001)  # hip flexion, 0.1 deg steps


def _midline_flexion(hip_flexion: float, abduction: float, knee_flexion: float) -> float:
    """Hip flexion at which the tensor fasciae latae, held at the midline, is as long as in the test.

    The test posture: hip flexed ``hip_flexion``, abducted ``abduction``, knee at
    ``knee_flexion``, no rotation (gait2392 lengths). Returns ``inf`` if the midline never
    gets that short within the grid's range, i.e. the thigh would stay up further.
    """
    parts = tissue_parts(MODEL_TISSUE["TFL/ITB"])
    taut = np.atleast_1d(path_length(parts, hip_flexion, -abduction, 0.0, knee_flexion))
    grid = path_length(parts, hip_flexion=_HIP_GRID, knee_flexion=knee_flexion).reshape(_HIP_GRID.size, len(parts))
    flexion = -np.inf
    for j in range(len(parts)):
        within = np.flatnonzero(grid[:, j] <= taut[j])
        if within.size == 0:
            return float("inf")
        i = int(within[0])
        if i == 0:
            continue
        lo, hi = grid[i - 1, j], grid[i, j]  # the length falls through taut between these two
        at = _HIP_GRID[i - 1] + (lo - taut[j]) / (lo - hi) * (_HIP_GRID[i] - _HIP_GRID[i - 1])
        flexion = max(flexion, float(at))
    return float(max(flexion, _HIP_GRID[0]))


def predict(
    tissue: str,
    hip_flexion: float,
    knee_flexion: float | None,
    found_at: str,
    tilt: float,
    abduction: float,
    overrides: Mapping[str, float],
    notes: list[str],
) -> Prediction:
    """Calibrate one tissue at the test posture (and tilted back by ``tilt``), solve both cues.

    A posterior tilt ``tilt`` under the thigh extends the hip: the tilted calibration is
    ``hip_flexion - tilt`` (the hip less flexed than the thigh angle says).
    """
    model_tissue = MODEL_TISSUE[tissue]
    knee = 0.0 if knee_flexion is None else knee_flexion
    p_ext, p_knee = PARAMETERS["hip_extension_available"], PARAMETERS["test_knee_flexion"]
    results: list[dict[str, Compensation]] = []
    hips = []
    for extra in (0.0, tilt) if tilt else (0.0,):
        hip = hip_flexion_on_plinth(hip_flexion, -extra)  # a posterior tilt, thigh still: hip extension
        if tissue == "TFL/ITB":
            hip = _midline_flexion(hip, abduction, knee)
        hips.append(hip)
        solved: dict[str, Compensation] = {}
        if not p_knee.min <= knee <= p_knee.max:
            notes.append(
                f"{tissue}: found at knee flexion {format_degrees(knee)} deg, outside the geometry's knee range "
                f"[{p_knee.min:g}, {p_knee.max:g}]: no lockout prediction."
            )
        elif not p_ext.min <= -hip <= p_ext.max:
            notes.append(
                f"{tissue}: found at hip flexion {format_degrees(hip)} deg"
                + (f" (pelvis tilted back {format_degrees(extra)} deg)" if extra else "")
                + f", outside the lockout model's range of available extension [{p_ext.min:g}, {p_ext.max:g}]: "
                "no lockout prediction there."
            )
        else:
            for cue in CUES:
                solved[cue] = compensate(
                    -hip,
                    cue=cue,
                    tissue=model_tissue,
                    mechanism="geometry",
                    test_knee_flexion=knee,
                    **overrides,
                )
        results.append(solved)
    if tissue == "TFL/ITB":
        found_at += f"; held at the midline it would stop the thigh at {hip_words(hips[0])}, {TFL_ASSUMPTION}"
    return Prediction(
        tissue=tissue,
        model_tissue=model_tissue,
        hip_flexion=float(hips[0]),
        knee_flexion=knee_flexion,
        found_at=found_at,
        compensation=MappingProxyType(results[0]),
        tilted=MappingProxyType(results[1] if len(results) > 1 else {}),
        tilt=float(tilt),
        tilted_hip_flexion=float(hips[1]) if len(hips) > 1 else None,
    )


def predict_tissues(
    findings: Mapping[str, Finding],
    at: ReadAt,
    hanging: tuple[float, float, float],
    tilt: float,
    overrides: Mapping[str, float],
    notes: list[str],
) -> tuple[Prediction, ...]:
    """One :class:`Prediction` per rule that fired, in the rule set's order (notes are appended to ``notes``).

    ``hanging`` is the hanging leg's ``(thigh_angle, knee_flexion, thigh_abduction)``. The
    one-joint flexors are calibrated at the hip reading; rectus femoris at the hip and knee
    of the knee reading; TFL/ITB at the hanging leg's posture, held at the midline.
    """
    t, k, a = hanging
    predictions = []
    for f in findings.values():
        if not f.fired:
            continue
        if f.rule.tissue == "one-joint hip flexors":
            predictions.append(predict(f.rule.tissue, at.hip, None, hip_words(at.hip), tilt, a, overrides, notes))
        elif f.rule.tissue == "rectus femoris":
            place = f"{hip_words(at.knee_hip)}, knee {format_degrees(at.knee)} deg"
            predictions.append(predict(f.rule.tissue, at.knee_hip, at.knee, place, tilt, a, overrides, notes))
            notes.append(
                f"Rectus femoris was found with the knee flexed {format_degrees(at.knee)} deg; at lockout the "
                "knee is straight, which slackens it (gait2392): the prediction is solved with the knee straight."
            )
        else:
            place = f"{hip_words(t)}, abduction {format_degrees(a)} deg, knee {format_degrees(k)} deg (hanging leg)"
            predictions.append(predict(f.rule.tissue, t, k, place, tilt, a, overrides, notes))
    return tuple(predictions)
