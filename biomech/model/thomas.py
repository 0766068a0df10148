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

Holding the other knee to the chest is the control: it flattens the low back (Kendall). If
the pelvis is not controlled, it can tilt either way. If the other knee is pulled past a
flat back, the pelvis tilts back (posterior). With ``hip_flexion = pelvic_tilt -
thigh_inclination`` (anterior tilt +), a posterior tilt under a thigh that stays where it
is *extends* the hip: a thigh ``t`` deg above the table with the pelvis tilted back ``T``
deg is a hip flexed ``t - T`` deg. The thigh angle then understates the hip's extension and
overstates the restriction; the true restriction may be smaller by up to the tilt. If the
back arches instead, the pelvis tilts forward (anterior) and the thigh angle understates
the restriction. The lab shows only the first: the tilt was not measured, so the
prediction is given with none and with ``mtt_pelvic_tilt`` (an illustrative posterior
tilt), and the tilted prediction's deficit is never larger, because only a posterior tilt
is modelled. Vigotsky et al. 2016 (abstract) found the thigh angle valid only with pelvic
tilt controlled (r = 0.98); the abstract gives no direction of the tilt.
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

The steps live beside it, one job each: :mod:`biomech.model.thomas_readings` (checks, which
hip angle each reading was taken at, the rules' findings), :mod:`biomech.model.thomas_predictions`
(calibrate a tissue at the test posture and solve it at lockout) and
:mod:`biomech.model.thomas_report` (the notes and the printed and Markdown report); their
public names are re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from biomech._validation import check_choice
from biomech.model.lockout import CUE_WORDS as CUE_WORDS  # re-exported: the cues as a sentence names them
from biomech.model.thomas_predictions import (
    TFL_ASSUMPTION,
    Prediction,
    hip_flexion_on_plinth,
    predict_tissues,
)
from biomech.model.thomas_readings import Finding, apply_rules, check_reading, read_at
from biomech.model.thomas_report import NO_RULE_NOTE, reading_notes, report_markdown, report_text, tilt_note
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

    def finding(self, reading: str) -> Finding:
        """The finding on one reading (``"thigh_angle"``, ``"knee_flexion"`` or ``"thigh_abduction"``)."""
        check_choice("reading", reading, [f.rule.measurement for f in self.findings])
        return next(f for f in self.findings if f.rule.measurement == reading)

    def __str__(self) -> str:
        return report_text(self)

    def _repr_markdown_(self) -> str:
        return report_markdown(self)


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
    hanging = (
        check_reading("thigh_angle", thigh_angle, "mtt_thigh_angle"),
        check_reading("knee_flexion", knee_flexion, "mtt_knee_flexion"),
        check_reading("thigh_abduction", thigh_abduction, "mtt_thigh_abduction"),
    )
    t, k, a = hanging
    kh = (
        None
        if knee_flexion_thigh_held is None
        else check_reading("knee_flexion_thigh_held", knee_flexion_thigh_held, "mtt_knee_flexion")
    )
    overrides = _rotation_overrides(external_rotation, internal_rotation)
    c = CRITERIA[criteria]

    at = read_at(t, k, kh)
    findings = apply_rules(c, at, a)
    notes = reading_notes(c, at, findings, hanging, kh)
    tilt = 0.0 if controlled else PARAMETERS["mtt_pelvic_tilt"].default
    if not controlled:
        notes.append(tilt_note(tilt))
    predictions = predict_tissues(findings, at, hanging, tilt, overrides, notes)
    fired = tuple(f.rule.tissue for f in findings.values() if f.fired)
    if not fired:
        notes.append(NO_RULE_NOTE)
    return ThomasResult(
        criteria=criteria,
        readings=MappingProxyType(
            {"thigh_angle": t, "knee_flexion": k, "thigh_abduction": a, "knee_flexion_thigh_held": kh}
        ),
        thigh_held=at.held,
        findings=tuple(findings.values()),
        tissues=fired or ("none",),
        confounded=kh is None and findings["thigh_angle"].fired and findings["knee_flexion"].fired,
        pelvic_tilt_controlled=controlled,
        predictions=predictions,
        notes=tuple(notes),
    )


def _rotation_overrides(external_rotation: float | None, internal_rotation: float | None) -> dict[str, float]:
    """The measured passive rotation ranges as overrides of ``compensate`` (the table's norms if omitted)."""
    overrides = {}
    for name, value, row in (
        ("external_rotation", external_rotation, "external_rotation_range"),
        ("internal_rotation", internal_rotation, "internal_rotation_range"),
    ):
        if value is not None:
            overrides[row] = check_reading(name, value, row)
    return overrides
