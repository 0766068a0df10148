"""A client's modified Thomas test, read as clinicians read it, and what it predicts at lockout.

The test
--------
The client lies supine at the end of the plinth holding the other knee to the chest (low
back and sacrum flat); the tested leg hangs. Two readings are taken (degrees):

1. **The hanging leg**: ``thigh_angle``, the thigh to horizontal (+ *above* the table: the
   hip stays flexed; - below), ``knee_flexion`` of the hanging leg, and
   ``thigh_abduction``, the thigh's drift from the midline (+ away from it).
2. **The thigh held down** (optional): ``knee_flexion_thigh_held``, the knee flexion when
   the examiner holds the thigh down towards the table and lets the knee flex.

What each source says, and how this module reads it
---------------------------------------------------
*Kendall* (hip flexor length testing; excerpt read, see References), with the low back
and sacrum flat:

- K1 normal length: the thigh touches the table and the knee flexes about 80 deg;
- K2 the two-joint flexors are read by holding the thigh on the table and letting the
  knee flex: each degree under 80 is a degree of shortness;
- K3 a subject "in whom the hip joint can be extended if the knee joint is allowed to
  extend" has normal one-joint flexors and a short rectus femoris;
- K4 if the hip stays at 15 deg of flexion with the knee extended, the one-joint flexors
  lack 15 deg; if the knee then flexes only to 70, the two-joint muscles lack 25 deg
  (15 at the hip plus 10 at the knee);
- K5 with short one-joint flexors alone, the knee flexes as many degrees beyond 80 as the
  hip is flexed (thigh 15, knee 95);
- K6 a thigh below table level (knee straight) means excess length of the one-joint flexors;
- K7 abduction of the thigh as the hip extends indicates a short tensor fasciae latae but
  is not a length test for it (Kendall gives no number: the cut-off "abduction > 0" is the
  project's own).

This module's reading (an interpretation of K1-K7, not Kendall's words):

- A raised thigh is read from the hanging leg, where a short rectus femoris can lift it
  (the knee is bent). If the knee rule also fires and the thigh was not held down, the
  result is **confounded**: short one-joint flexors (iliopsoas) or a rectus femoris
  lifting the thigh; both are reported and predicted.
- Held down, if the knee extends (``knee_flexion_thigh_held < knee_flexion``), the thigh
  came down as the knee extended (K3): the one-joint reading becomes the table (0) and the
  knee is read there. If the knee does not extend, the thigh stayed up, held by the
  one-joint flexors (K4): the knee is read at that hip flexion. A thigh that comes only
  part of the way down cannot be told from these angles.
- Under Kendall the knee's cut-off is 80 plus the hip's flexion where the knee was read
  (K4, K5), so his combined deficit (25 in K4) is reported. Below the table the cut-off
  stays 80 (Kendall gives no rule there) and a note says the reading overstates the
  rectus femoris' shortness.

Other rule sets (:data:`CRITERIA`) apply their cut-offs to the same readings:
``"execp2021"``, the reference values of the EXECP trial protocol for children and young
adults with cerebral palsy (Valadão et al. 2021, Table 4; hip > 0, knee < 67, abduction > 0,
quoted from typically developing controls of other studies), and ``"harvey1998"``, the
means of 117 elite athletes (Harvey 1998), which are not cut-offs. Comparisons are strict,
as the sources write them: a value equal to the cut-off is not short. A finding closer to
its cut-off than 1.96 x the reading's SEM lies within the 95% measurement band of one
reading (Weir 2005; one SEM is only a 68% band); a real change between two readings needs
MDC95 = 2.77 x SEM.

The lockout prediction
----------------------
Each suspected tissue is calibrated where the test found it and solved at lockout with the
knee straight on gait2392's muscle geometry
(``compensate(..., mechanism="geometry")``): one-joint flexors -> ``"Iliopsoas"`` at the
hip flexion read (the knee is irrelevant to it); rectus femoris -> ``"Rectus femoris"`` at
the hip and knee angles of the knee reading; TFL/ITB -> ``"Tensor fasciae latae"`` at the
hanging knee and at the hip flexion where the tensor fasciae latae, held at the midline,
would be as long as it was in the abducted test posture (the geometry's lockout has no
abduction). That TFL prediction is :data:`TFL_ASSUMPTION`: the hanging leg's resting
abduction is read as the tensor fasciae latae's end-range length, which it need not be
(Harvey's average elite athlete would then have a tensor fasciae latae stopping the thigh
at about 13 deg of hip flexion).

If the pelvis was not controlled on the plinth, holding the other knee to the chest tilts
it back (posterior; Vigotsky et al. 2016). With ``hip_flexion = pelvic_tilt -
thigh_inclination`` (anterior tilt +), a posterior tilt under a thigh that stays where it
is *extends* the hip: a thigh ``t`` deg above the table with the pelvis tilted back ``T``
deg is a hip flexed ``t - T`` deg. The thigh angle then understates the hip's extension and
overstates the restriction; the true restriction may be smaller by up to the tilt. The
tilt was not measured, so the prediction is given with none and with ``mtt_pelvic_tilt``
(an illustrative value): the tilted prediction's deficit is never larger.
The test is weakly valid (:data:`VALIDITY`): treat its answer as a hypothesis.

The sources' data (the rule sets, each reading's measurement error, the test's validity and
Kendall's examples) live in :mod:`biomech.model.thomas_sources` and are re-exported here;
:mod:`biomech.model.thomas_tables` shows results as Markdown tables for the lesson.

References
----------
Kendall FP, McCreary EK, Provance PG, et al. Muscles: Testing and Function, hip flexor
length testing (excerpt read at mitchmedical.us/muscles/info-hlj.html; edition not checked).
Valadão P, et al. (2021). Exercise intervention protocol in children and young adults with
cerebral palsy (EXECP). BMC Sports Sci Med Rehabil 13:17, Table 4 (table read).
Harvey D (1998). Assessment of the flexibility of elite athletes using the modified Thomas
test. Br J Sports Med 32:68-70.
Vigotsky AD, Lehman GJ, Beardsley C, et al. (2016). PeerJ 4:e2325 (abstract).
Peeler J, Anderson JE (2007). Reliability of the Thomas test for assessing range of motion
about the hip. Phys Ther Sport 8:14-21 (abstract).
Peeler J, Anderson JE (2008). Reliability limits of the modified Thomas test for assessing
rectus femoris muscle flexibility about the knee joint. J Athl Train 43(5):470-476 (abstract).
Weir JP (2005). Quantifying test-retest reliability using the intraclass correlation
coefficient and the SEM. J Strength Cond Res 19(1):231-240.

Length: The test's reading logic, its result and its printed report stay together so that what
is printed is exactly what was decided; the sourced data are in
:mod:`biomech.model.thomas_sources`, the lesson's tables in :mod:`biomech.model.thomas_tables`.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from biomech._validation import check_choice, check_range
from biomech.anatomy.geometry import path_length
from biomech.anatomy.tissues import tissue_parts
from biomech.formatting import format_degrees
from biomech.model.lockout import CUES, Compensation, compensate
from biomech.model.thomas_sources import (
    BAND_WORDS,
    BAND_Z,
    CRITERIA,
    ERRORS,
    KENDALL_EXAMPLES,
    MDC_Z,
    MODEL_TISSUE,
    PROJECT_ABDUCTION_CUT_OFF,
    TEST_TISSUES,
    VALIDITY,
    WEIR,
    Criteria,
    MeasurementError,
    Readings,
    Rule,
    Validity,
    WorkedExample,
)
from biomech.parameters import PARAMETERS

__all__ = [
    "BAND_WORDS",
    "BAND_Z",
    "CRITERIA",
    "Criteria",
    "ERRORS",
    "Finding",
    "KENDALL_EXAMPLES",
    "MDC_Z",
    "MODEL_TISSUE",
    "MeasurementError",
    "PROJECT_ABDUCTION_CUT_OFF",
    "Prediction",
    "Readings",
    "Rule",
    "TEST_TISSUES",
    "TFL_ASSUMPTION",
    "ThomasResult",
    "VALIDITY",
    "Validity",
    "WEIR",
    "WorkedExample",
    "hip_flexion_on_plinth",
    "modified_thomas_test",
]

CUE_WORDS: Mapping[str, str] = MappingProxyType({"stand_tall": "stand tall", "squeeze_glutes": "squeeze glutes"})
"""The cues as a sentence names them."""
TFL_ASSUMPTION = "an upper bound from an assumption (resting abduction read as TFL's end range)"
"""The label of every TFL/ITB prediction: the hanging leg's resting abduction is taken as the tensor
fasciae latae's end-range length; if it had more length to give, the real restriction is smaller."""

_WIDTH = 100  # characters per printed line; words are never broken


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
class Finding:
    """One rule applied to the client: did it fire, and by how much (degrees)?

    Attributes
    ----------
    rule
        The rule.
    value
        The reading the rule was applied to.
    threshold
        The cut-off used: the rule's, or under Kendall for the knee, 80 plus the hip's
        flexion where the knee was read.
    fired
        True when the value lies strictly on the short side of the cut-off.
    margin
        How far the value lies on the short side (negative = on the normal side); for
        Kendall's knee, his two-joint deficit (hip plus knee).
    read_as
        Which reading, in words (e.g. ``"knee, thigh held on the table"``).
    error
        The reading's measurement error, from the paper that measured it.
    within_error
        True when the value lies within the 95% measurement band of one reading around the
        cut-off, ``abs(margin) < error.band`` (1.96 x SEM, Weir 2005): the same examiner
        could read it on the other side. ``None`` where no error is published.
    """

    rule: Rule
    value: float
    threshold: float
    fired: bool
    margin: float
    read_as: str
    error: MeasurementError
    within_error: bool | None

    def claim(self) -> str:
        """The rule's claim with this client's numbers (meaningful when it fired)."""
        return self.rule.claim.format(
            value=format_degrees(self.value),
            threshold=format_degrees(self.threshold),
            margin=format_degrees(self.margin),
        )


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


@dataclass(frozen=True)
class ThomasResult:
    """A client's modified Thomas test and its lockout predictions (degrees).

    Attributes
    ----------
    criteria
        The rule set used (a key of :data:`CRITERIA`).
    readings
        The readings as given: ``thigh_angle``, ``knee_flexion``, ``thigh_abduction``,
        ``knee_flexion_thigh_held`` (``None`` if not read).
    thigh_held
        What holding the thigh down showed: ``"not read"``, ``"came down"`` (the knee
        extended), ``"stayed up"`` or ``"on the table"`` (the thigh was not raised).
    findings
        One :class:`Finding` per rule, fired or not.
    tissues
        Test tissues whose rule fired, in order, or ``("none",)``.
    confounded
        True when the raised thigh may be either short one-joint flexors or a rectus
        femoris lifting it (both rules fired on the hanging leg alone).
    pelvic_tilt_controlled
        Whether the pelvis was controlled on the plinth.
    predictions
        One :class:`Prediction` per suspected tissue.
    notes
        Caveats that apply to this client.
    """

    criteria: str
    readings: Mapping[str, float | None]
    thigh_held: str
    findings: tuple[Finding, ...]
    tissues: tuple[str, ...]
    confounded: bool
    pelvic_tilt_controlled: bool
    predictions: tuple[Prediction, ...]
    notes: tuple[str, ...]

    @property
    def fired(self) -> tuple[Finding, ...]:
        """The findings whose rule fired."""
        return tuple(f for f in self.findings if f.fired)

    def prediction(self, tissue: str) -> Prediction:
        """The prediction for one test tissue (e.g. ``"rectus femoris"``)."""
        check_choice("tissue", tissue, [p.tissue for p in self.predictions])
        return next(p for p in self.predictions if p.tissue == tissue)

    def _sections(self) -> list[tuple[str, list[str]]]:
        """(heading, items) in reading order; items are unwrapped sentences."""
        c = CRITERIA[self.criteria]
        sections: list[tuple[str, list[str]]] = [
            (f"Modified Thomas test read with {c.title}", [f"Source: {c.source}.", _readings_text(self)])
        ]
        fired = []
        for f in self.fired:
            error = f"{f.error.reading}: {f.error.source}"
            if f.error.band is not None:
                where = "within" if f.within_error else "beyond"
                error += (
                    f"; {format_degrees(f.margin)} deg from the cut-off, this finding is {where} {BAND_WORDS} of one "
                    f"reading: {format_degrees(f.error.band)} deg ({WEIR})"
                )
            fired.append(f"{f.rule.tissue}: {f.claim()} ({f.read_as}; {c.cite}). Measurement error of the {error}.")
        sections.append(("Rules that fired", fired or ["none: no rule points to a short tissue."]))
        if self.predictions:
            items = []
            for p in self.predictions:
                lines = [f"{p.tissue} (model: {p.model_tissue}), found at {p.found_at}:"]
                for cue in CUES:
                    if cue in p.compensation:
                        lines.append(f"{CUE_WORDS[cue]}, pelvis neutral on the plinth: {p.describe(cue)}")
                    if cue in p.tilted and p.tilted_hip_flexion is not None:
                        tilted = (
                            f"pelvis tilted back {format_degrees(p.tilt)} deg on the plinth (calibrated at "
                            f"{_hip_words(p.tilted_hip_flexion)})"
                        )
                        lines.append(f"{CUE_WORDS[cue]}, {tilted}: {p.describe(cue, tilted=True)}")
                items.append("\n".join(lines))
            sections.append(("Lockout prediction (gait2392 geometry, knee straight at lockout)", items))
        sections.append(("Notes", [*self.notes, c.caveat]))
        return sections

    def __str__(self) -> str:
        out = []
        for heading, items in self._sections():
            out += _wrap(heading + ":", "", "  ")
            for item in items:
                first, *rest = item.split("\n")
                out += _wrap(first, "  - ", "    ")
                for line in rest:
                    out += _wrap(line, "      ", "        ")
        return "\n".join(out)

    def _repr_markdown_(self) -> str:
        out = []
        for heading, items in self._sections():
            out.append(f"**{heading}**\n")
            for item in items:
                first, *rest = item.split("\n")
                out.append(f"- {first}")
                out += [f"    - {line}" for line in rest]
            out.append("")
        return "\n".join(out)


def _wrap(text: str, first: str, rest: str) -> list[str]:
    """Wrap at word boundaries only: never inside a word or at a hyphen."""
    return textwrap.wrap(
        text,
        width=_WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [first.rstrip()]


def _hip_words(flexion: float) -> str:
    if flexion > 0:
        return f"hip flexion {format_degrees(flexion)} deg"
    if flexion < 0:
        return f"hip extension {format_degrees(-flexion)} deg"
    return "hip at 0 deg (thigh on the table)"


def _side(angle: float) -> str:
    if angle > 0:
        return f"{format_degrees(angle)} deg above the table"
    if angle < 0:
        return f"{format_degrees(-angle)} deg below the table"
    return "on the table"


def _readings_text(r: ThomasResult) -> str:
    v = r.readings
    held = v["knee_flexion_thigh_held"]
    text = (
        f"Readings: thigh {_side(float(v['thigh_angle'] or 0.0))}, knee {format_degrees(float(v['knee_flexion'] or 0))}"
        f" deg (hanging leg), thigh abduction {format_degrees(float(v['thigh_abduction'] or 0))} deg; "
    )
    if held is None:
        text += "the thigh was not held down; "
    else:
        text += f"knee {format_degrees(held)} deg with the thigh held down; "
    return text + ("pelvic tilt controlled." if r.pelvic_tilt_controlled else "pelvic tilt not controlled.")


def _single(name: str, value: object, bounds: str) -> float:
    p = PARAMETERS[bounds]
    arr = check_range(name, value, p.min, p.max)  # type: ignore[arg-type]
    if arr.ndim:
        raise ValueError(f"{name!r} must be a single number of degrees (one client); got shape {arr.shape}.")
    return float(arr)


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


def _predict(
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
        found_at += f"; held at the midline it would stop the thigh at {_hip_words(hips[0])}, {TFL_ASSUMPTION}"
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


def modified_thomas_test(
    thigh_angle: float,
    knee_flexion: float,
    thigh_abduction: float,
    *,
    knee_flexion_thigh_held: float | None = None,
    pelvic_tilt_controlled: bool = False,
    criteria: str = "kendall",
    external_rotation: float | None = None,
    internal_rotation: float | None = None,
) -> ThomasResult:
    """Read a client's modified Thomas test and predict their lockout compensation.

    Parameters
    ----------
    thigh_angle
        Hanging leg: thigh to horizontal, degrees, + above the table / - below (-40 to 60).
    knee_flexion
        Hanging leg: knee flexion, degrees (0 to 150).
    thigh_abduction
        Hanging leg: thigh abduction as the hip extends, degrees, + away from the
        midline (-30 to 45).
    knee_flexion_thigh_held
        Knee flexion with the examiner holding the thigh down towards the table and
        letting the knee flex, degrees (0 to 150); ``None`` if not read (the two-joint
        reading then comes from the hanging leg, and a raised thigh is confounded).
    pelvic_tilt_controlled
        True if the pelvis was controlled on the plinth, so that the thigh angle is the
        hip angle; False (default) gives the prediction with no tilt and with the
        illustrative posterior tilt ``mtt_pelvic_tilt``, which extends the hip under the
        thigh: the thigh angle overstates the restriction, so the tilted prediction's
        deficit is never larger.
    criteria
        ``"kendall"`` (default), ``"execp2021"`` or ``"harvey1998"``; see :data:`CRITERIA`.
    external_rotation, internal_rotation
        Measured passive hip rotation ranges with the hip extended, degrees (0 to 60);
        if omitted, the table's norms.

    Returns
    -------
    ThomasResult
        ``print()`` it, or show it in a notebook (Markdown), to read the rules that
        fired, their sources and errors, and the lockout predictions.

    Raises
    ------
    ValueError
        For NaN, arrays, implausible angles (outside the ranges above), a non-boolean
        ``pelvic_tilt_controlled``, or an unknown criteria; the message names the
        argument, the allowed range or choices, and the value received.

    Examples
    --------
    The hanging leg alone cannot tell a short iliopsoas from a rectus femoris lifting the
    thigh; holding the thigh down can (the knee extends: rectus femoris):

    >>> r = modified_thomas_test(5.0, 70.0, 0.0)
    >>> r.tissues, r.confounded
    (('one-joint hip flexors', 'rectus femoris'), True)
    >>> r = modified_thomas_test(5.0, 70.0, 0.0, knee_flexion_thigh_held=65.0, pelvic_tilt_controlled=True)
    >>> r.tissues, r.thigh_held, r.fired[0].margin
    (('rectus femoris',), 'came down', 15.0)
    >>> r.predictions[0].compensation["squeeze_glutes"].deficit
    0.0
    """
    check_choice("criteria", criteria, CRITERIA)
    if not isinstance(pelvic_tilt_controlled, (bool, np.bool_)):
        raise ValueError(f"'pelvic_tilt_controlled' must be True or False; got {pelvic_tilt_controlled!r}.")
    controlled = bool(pelvic_tilt_controlled)
    t = _single("thigh_angle", thigh_angle, "mtt_thigh_angle")
    k = _single("knee_flexion", knee_flexion, "mtt_knee_flexion")
    a = _single("thigh_abduction", thigh_abduction, "mtt_thigh_abduction")
    kh = (
        None
        if knee_flexion_thigh_held is None
        else _single("knee_flexion_thigh_held", knee_flexion_thigh_held, "mtt_knee_flexion")
    )
    overrides = {}
    for name, value, row in (
        ("external_rotation", external_rotation, "external_rotation_range"),
        ("internal_rotation", internal_rotation, "internal_rotation_range"),
    ):
        if value is not None:
            overrides[row] = _single(name, value, row)
    c = CRITERIA[criteria]
    notes: list[str] = []

    # Which hip angle each reading was taken at (see the module docstring).
    if kh is None:
        held = "not read"
        hip_reading, hip_words = t, "thigh, hanging leg"
        knee_reading, knee_hip, knee_words = k, t, f"knee, hanging leg, thigh {_side(t)}"
    elif t > 0 and kh < k:
        held = "came down"
        hip_reading, hip_words = 0.0, "thigh held down: it came to the table as the knee extended"
        knee_reading, knee_hip, knee_words = kh, 0.0, "knee, thigh held on the table"
        notes.append(
            f"Holding the thigh down let the knee extend ({format_degrees(k)} -> {format_degrees(kh)} deg): the thigh "
            "came down as the knee extended, which Kendall reads as normal one-joint flexors and a short rectus "
            "femoris. The thigh is taken to reach the table; one that comes only part of the way down would mean "
            "both groups are short, which these angles cannot show."
        )
    elif t > 0:
        held = "stayed up"
        hip_reading, hip_words = t, "thigh held down: it stayed up, the knee did not extend"
        knee_reading, knee_hip, knee_words = kh, t, f"knee, thigh held down but still {_side(t)}"
        notes.append(
            f"Holding the thigh down did not extend the knee ({format_degrees(k)} -> {format_degrees(kh)} deg): the "
            "thigh stays up, held by the one-joint flexors (Kendall: the hip remains flexed with the knee extended); "
            "the knee is read at that hip flexion."
        )
    else:
        held = "on the table"
        hip_reading, hip_words = t, "thigh, hanging leg"
        knee_reading, knee_hip, knee_words = kh, 0.0, "knee, thigh held on the table"
    values = {"thigh_angle": hip_reading, "knee_flexion": knee_reading, "thigh_abduction": a}
    words = {"thigh_angle": hip_words, "knee_flexion": knee_words, "thigh_abduction": "thigh abduction, hanging leg"}

    findings = []
    for rule in c.rules:
        value, threshold = values[rule.measurement], rule.threshold
        if rule.measurement == "knee_flexion" and c.knee_adds_hip_flexion:
            threshold += max(knee_hip, 0.0)
        margin = value - threshold if rule.short_if == ">" else threshold - value
        error = ERRORS[rule.measurement]
        within = None if error.band is None else bool(abs(margin) < error.band)
        findings.append(
            Finding(rule, value, threshold, bool(margin > 0), float(margin), words[rule.measurement], error, within)
        )
    fired = tuple(f.rule.tissue for f in findings if f.fired)
    hip_fired, knee_fired = findings[0].fired, findings[1].fired
    confounded = kh is None and hip_fired and knee_fired
    if confounded:
        notes.append(
            f"Confounded: from the hanging leg alone, the raised thigh ({_side(t)}) may be short one-joint flexors "
            "(iliopsoas) or a short rectus femoris lifting the thigh, because the knee is bent. Hold the thigh down "
            "and read the knee (knee_flexion_thigh_held=): if the knee extends as the thigh comes down, Kendall reads "
            "normal one-joint flexors and a short rectus femoris. Both are predicted; one may not be real."
        )
    if c.knee_adds_hip_flexion and knee_fired and knee_hip > 0:
        notes.append(
            f"Kendall counts the hip's flexion in the two-joint deficit: the knee may flex as many degrees beyond 80 "
            f"as the hip is flexed, so here the cut-off is {format_degrees(findings[1].threshold)} deg (his example: "
            "hip 15, knee 70, the two-joint muscles lack 25)."
        )
    if knee_fired and kh is None and t < 0:
        notes.append(
            f"The knee was read with the thigh {_side(t)}, which stretches rectus femoris further than Kendall's "
            "table-level reading: the knee reading may overstate its shortness. Hold the thigh at table level."
        )
    if criteria == "kendall" and t < 0:
        notes.append(
            "Thigh below the table: Kendall reads this (knee straight) as excess length of the one-joint flexors."
        )
    if findings[2].fired:
        cut = (
            f" ({PROJECT_ABDUCTION_CUT_OFF})"
            if findings[2].rule.project_cut_off
            else f" (cut-off: {findings[2].rule.source})"
        )
        notes.append(
            f"TFL/ITB{cut}: Kendall calls abduction a sign of a short tensor fasciae latae, not a length test for it. "
            "The lockout model has no abduction, so the prediction holds the thigh at the midline and asks the "
            "geometry where the tensor fasciae latae, as long as in the abducted test posture, would stop the hip: "
            f"{TFL_ASSUMPTION}. Harvey's athletes abducted "
            f"{format_degrees(PARAMETERS['mtt_thigh_abduction'].default)} deg on average, so some abduction is "
            "usual and need not be the tensor fasciae latae's end range."
        )

    tilt = 0.0 if controlled else PARAMETERS["mtt_pelvic_tilt"].default
    if not controlled:
        notes.append(
            "Pelvic tilt not controlled: holding the other knee to the chest tilts the pelvis back, and with the "
            "thigh where it is a posterior tilt extends the hip, so the hip is more extended than the thigh angle "
            "says. The thigh angle overstates the restriction when the pelvis tilts back; the true restriction may be "
            "smaller by up to mtt_pelvic_tilt. Vigotsky et al. 2016 (abstract): the thigh angle is a valid measure of "
            "hip extension only when pelvic tilt is controlled (pelvic tilt accounted for the error, r = 0.98). The "
            f"tilt was not measured: the prediction is shown with none and with {format_degrees(tilt)} deg "
            "(mtt_pelvic_tilt, illustrative), which never makes the deficit larger."
        )

    predictions = []
    for f in findings:
        if not f.fired:
            continue
        if f.rule.tissue == "one-joint hip flexors":
            predictions.append(
                _predict(f.rule.tissue, hip_reading, None, _hip_words(hip_reading), tilt, a, overrides, notes)
            )
        elif f.rule.tissue == "rectus femoris":
            place = f"{_hip_words(knee_hip)}, knee {format_degrees(knee_reading)} deg"
            predictions.append(_predict(f.rule.tissue, knee_hip, knee_reading, place, tilt, a, overrides, notes))
            notes.append(
                f"Rectus femoris was found with the knee flexed {format_degrees(knee_reading)} deg; at lockout the "
                "knee is straight, which slackens it (gait2392): the prediction is solved with the knee straight."
            )
        else:
            place = f"{_hip_words(t)}, abduction {format_degrees(a)} deg, knee {format_degrees(k)} deg (hanging leg)"
            predictions.append(_predict(f.rule.tissue, t, k, place, tilt, a, overrides, notes))
    if not fired:
        notes.append("No rule fired: no tissue to calibrate, so no lockout prediction.")
    return ThomasResult(
        criteria=criteria,
        readings=MappingProxyType(
            {"thigh_angle": t, "knee_flexion": k, "thigh_abduction": a, "knee_flexion_thigh_held": kh}
        ),
        thigh_held=held,
        findings=tuple(findings),
        tissues=fired or ("none",),
        confounded=confounded,
        pelvic_tilt_controlled=controlled,
        predictions=tuple(predictions),
        notes=tuple(notes),
    )
