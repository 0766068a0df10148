"""A client's modified Thomas test: the likely restricting tissue, and what it predicts at lockout.

The client lies supine at the end of the plinth holding the other knee to the chest
(low back flat); the tested leg hangs. Three angles are read (degrees):

- ``thigh_angle``: thigh to horizontal, positive *above* (the thigh does not reach
  the table: hip flexed), negative *below* (hip extended);
- ``knee_flexion``: knee flexion of the hanging leg;
- ``thigh_abduction``: how far the thigh drifts away from the midline, positive =
  abduction.

Each published rule set (:data:`CRITERIA`) compares one angle with a cut-off and
names a tissue: the one-joint hip flexors (thigh), rectus femoris (knee), tensor
fasciae latae with the iliotibial band (abduction). The sources disagree on the knee,
so the rule set is an argument, ``criteria``: ``"kendall"`` (Kendall; short when
thigh > 0, knee < 80, abduction > 0), ``"bmc2021"`` (the 2021 BMC table: thigh > 0,
knee < 67, abduction > 0) or ``"harvey1998"`` (beyond the means of 117 elite athletes:
thigh > -11.9, knee < 52.5, abduction > 15.6; means, not cut-offs). Comparisons are
strict, as the sources write them: a value equal to the cut-off is not short.

The prediction feeds :func:`biomech.model.lockout.compensate`: available extension is the
measured hip extension if given, else ``-thigh_angle`` (a thigh 10 deg below
horizontal = 10 deg of extension), which assumes the pelvis stays neutral on the
table. The test is weakly valid (:data:`VALIDITY`): treat its answer as a hypothesis.

References
----------
Kendall FP, McCreary EK, Provance PG, et al. Muscles: Testing and Function (edition
of the excerpt read not checked).
Harvey D (1998). Assessment of the flexibility of elite athletes using the modified
Thomas test. Br J Sports Med 32:68-70.
BMC Sports Sci Med Rehabil (2021), s13102-021-00242-y, Table 4.
Vigotsky AD, Lehman GJ, Beardsley C, et al. (2016). PeerJ 4:e2325.
Peeler J, Anderson JE (2008). J Athl Train 43(5):470-476.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

import numpy as np

from biomech._validation import check_choice, check_range
from biomech.anatomy.tissues import ALL_FLEXORS
from biomech.formatting import format_degrees
from biomech.model.lockout import CUES, Compensation, compensate, tissues
from biomech.parameters import PARAMETERS

__all__ = [
    "CRITERIA",
    "MODEL_TISSUE",
    "TEST_TISSUES",
    "VALIDITY",
    "Criteria",
    "Finding",
    "Rule",
    "ThomasResult",
    "Validity",
    "modified_thomas_test",
]

TEST_TISSUES: tuple[str, ...] = ("one-joint hip flexors", "rectus femoris", "TFL/ITB")
"""Tissues the test can point to, in the order of its three angles."""
MODEL_TISSUE: Mapping[str, str] = MappingProxyType(
    {
        "one-joint hip flexors": "Iliopsoas",
        "rectus femoris": "Rectus femoris",
        "TFL/ITB": "Tensor fasciae latae",
    }
)
"""Test tissue -> the restricting tissue of :func:`biomech.model.lockout.compensate`."""


@dataclass(frozen=True)
class Rule:
    """One published rule: ``measurement`` beyond ``threshold`` points to ``tissue``.

    ``short_if`` is ``">"`` or ``"<"``, strict as the source writes it: a value equal
    to the threshold is *not* short.
    """

    measurement: str
    short_if: str
    threshold: float
    tissue: str
    text: str


@dataclass(frozen=True)
class Criteria:
    """A rule set: one rule per angle, its source and its caveat."""

    name: str
    rules: tuple[Rule, ...]
    source: str
    caveat: str


def _rules(hip: float, knee: float, abduction: float, words: tuple[str, str, str]) -> tuple[Rule, ...]:
    return (
        Rule("thigh_angle", ">", hip, TEST_TISSUES[0], words[0]),
        Rule("knee_flexion", "<", knee, TEST_TISSUES[1], words[1]),
        Rule("thigh_abduction", ">", abduction, TEST_TISSUES[2], words[2]),
    )


_HARVEY_MEANS = tuple(PARAMETERS[f"mtt_{n}"].default for n in ("thigh_angle", "knee_flexion", "thigh_abduction"))
CRITERIA: Mapping[str, Criteria] = MappingProxyType(
    {
        "kendall": Criteria(
            "kendall",
            _rules(
                0.0,
                80.0,
                0.0,
                (
                    "thigh does not touch the table: the one-joint hip flexors are short",
                    "knee flexes less than 80 deg: each degree under 80 counts as shortness of the two-joint flexors",
                    "thigh abducts as the hip extends: the tensor fasciae latae is short",
                ),
            ),
            "Kendall, Muscles: Testing and Function (excerpt at mitchmedical.us; verified text)",
            "Kendall's reading needs the low back and sacrum flat on the table.",
        ),
        "bmc2021": Criteria(
            "bmc2021",
            _rules(
                0.0,
                67.0,
                0.0,
                (
                    "hip > 0 deg: short one-joint hip flexors",
                    "knee < 67 deg: short two-joint hip flexors (rectus femoris; also TFL and sartorius)",
                    "hip abduction > 0 deg: short abductors (TFL/ITB)",
                ),
            ),
            "BMC Sports Sci Med Rehabil 2021, s13102-021-00242-y, Table 4 (verified text)",
            "The table adds that the anterior capsule and ligaments may also limit the test.",
        ),
        "harvey1998": Criteria(
            "harvey1998",
            _rules(
                *_HARVEY_MEANS,
                (
                    "less hip extension than the athletes' mean thigh angle (-11.9 deg)",
                    "less knee flexion than the athletes' mean (52.5 deg)",
                    "more abduction than the athletes' mean (15.6 deg)",
                ),
            ),
            "Harvey 1998, Br J Sports Med 32:68-70, 117 elite athletes (verified text)",
            "These are means of healthy athletes, not cut-offs: roughly half of them lie beyond each.",
        ),
    }
)
"""The rule sets by name (see the module docstring)."""


@dataclass(frozen=True)
class Validity:
    """How far to trust the test: Vigotsky 2016's sensitivity and specificity
    (proportions), Peeler & Anderson 2008's inter-rater kappa, and cited notes."""

    sensitivity: float
    specificity: float
    kappa_inter: float
    notes: tuple[str, ...]


VALIDITY = Validity(
    sensitivity=0.318,
    specificity=0.571,
    kappa_inter=0.33,
    notes=(
        "Vigotsky et al. 2016, PeerJ 4:e2325 (abstract only): for a hip extension deficit, "
        "sensitivity 31.8% (95% CI 13.9-54.9) and specificity 57.1% (18.4-90.1) in 29 "
        "students; pelvic tilt explained the error, and the thigh angle correlated only "
        "0.50 with true hip extension.",
        "Peeler & Anderson 2008, J Athl Train 43(5):470-476 (abstract only): pass/fail "
        "kappa 0.40 within and 0.33 between raters; goniometer SEM 7 deg.",
        "Harvey 1998, Br J Sports Med 32:68-70 (verified text): trial-to-trial ICC "
        "0.91-0.94: repeatable in experienced hands, which is not the same as valid.",
    ),
)
"""The test's published limits of validity and reliability."""


@dataclass(frozen=True)
class Finding:
    """One rule applied to the client: did it fire, and by how much (degrees)?

    ``margin`` is how far the value lies on the short side of the threshold
    (negative = on the normal side); ``within_error`` is true when ``|margin|`` is
    smaller than the test's standard error of measurement.
    """

    rule: Rule
    value: float
    fired: bool
    margin: float
    within_error: bool


@dataclass(frozen=True)
class ThomasResult:
    """A client's modified Thomas test and its lockout prediction (degrees).

    Attributes
    ----------
    criteria
        The rule set used (a key of :data:`CRITERIA`).
    findings
        One :class:`Finding` per rule.
    tissues
        Test tissues whose rule fired, in order, or ``("none",)``.
    model_tissue
        Tissue used for the prediction: the first that fired (via
        :data:`MODEL_TISSUE`), the ``tissue`` argument, or ``"hip flexors (all)"``.
    hip_extension_available, hip_extension_from
        Extension fed to the model, and ``"measured"`` or ``"thigh angle"``.
    compensation
        Cue -> :class:`~biomech.model.lockout.Compensation` at lockout; empty when the
        estimate lies outside the model's range (see ``notes``).
    notes
        Caveats that apply to this client.
    """

    criteria: str
    findings: tuple[Finding, ...]
    tissues: tuple[str, ...]
    model_tissue: str
    hip_extension_available: float
    hip_extension_from: str
    compensation: Mapping[str, Compensation]
    notes: tuple[str, ...]

    def __str__(self) -> str:
        c = CRITERIA[self.criteria]
        lines = [f"Modified Thomas test, criteria {self.criteria!r} ({c.source})"]
        for f in self.findings:
            mark = "SHORT" if f.fired else "ok"
            doubt = " (within measurement error)" if f.within_error else ""
            lines.append(
                f"  {f.rule.measurement:<16}{format_degrees(f.value):>7}  {f.rule.short_if} {f.rule.threshold:g}"
                f"  {mark:<5} {f.rule.text}{doubt}"
            )
        lines.append(f"  likely restricting: {', '.join(self.tissues)}")
        lines.append(
            f"  lockout prediction for {self.model_tissue!r}, "
            f"{format_degrees(self.hip_extension_available)} deg available ({self.hip_extension_from}):"
        )
        lines += [f"    {cue:<15}{s.describe()}" for cue, s in self.compensation.items()]
        lines += [f"  note: {n}" for n in self.notes + (c.caveat,)]
        return "\n".join(lines)


def _single(name: str, value: float, bounds: str) -> float:
    p = PARAMETERS[bounds]
    arr = check_range(name, value, p.min, p.max)
    if arr.ndim:
        raise ValueError(f"{name!r} must be a single number of degrees (one client); got shape {arr.shape}.")
    return float(arr)


def modified_thomas_test(
    thigh_angle: float,
    knee_flexion: float,
    thigh_abduction: float,
    *,
    hip_extension: float | None = None,
    external_rotation: float | None = None,
    internal_rotation: float | None = None,
    criteria: str = "kendall",
    tissue: str | None = None,
) -> ThomasResult:
    """Read a client's modified Thomas test and predict their lockout compensation.

    Parameters
    ----------
    thigh_angle
        Thigh to horizontal, degrees, + above / - below (-40 to 60).
    knee_flexion
        Knee flexion of the hanging leg, degrees (0 to 150).
    thigh_abduction
        Thigh abduction as the hip extends, degrees, + away from the midline (-30 to 45).
    hip_extension
        Measured passive hip extension, degrees (-30 to 40); if omitted,
        ``-thigh_angle`` is used (pelvis assumed neutral).
    external_rotation, internal_rotation
        Measured passive hip rotation ranges with the hip extended, degrees (0 to
        60); if omitted, the table's norms.
    criteria
        ``"kendall"`` (default), ``"bmc2021"`` or ``"harvey1998"``; see :data:`CRITERIA`.
    tissue
        Restricting tissue for the prediction, one of :func:`biomech.model.lockout.tissues`;
        default: the first tissue the test points to.

    Returns
    -------
    ThomasResult

    Raises
    ------
    ValueError
        For NaN, arrays, implausible angles (outside the ranges above), or an
        unknown criteria or tissue; the message names the argument, the allowed
        range or choices, and the value received.

    The three angles may be passed by name, which reads well in a lesson:
    ``modified_thomas_test(thigh_angle=5, knee_flexion=70, thigh_abduction=0)``.

    Examples
    --------
    >>> r = modified_thomas_test(5.0, 70.0, 0.0)
    >>> r.tissues, r.model_tissue, r.hip_extension_available
    (('one-joint hip flexors', 'rectus femoris'), 'Iliopsoas', -5.0)
    >>> modified_thomas_test(0.0, 67.0, 0.0, criteria="bmc2021").tissues
    ('none',)
    """
    check_choice("criteria", criteria, CRITERIA)
    values = {
        "thigh_angle": _single("thigh_angle", thigh_angle, "mtt_thigh_angle"),
        "knee_flexion": _single("knee_flexion", knee_flexion, "mtt_knee_flexion"),
        "thigh_abduction": _single("thigh_abduction", thigh_abduction, "mtt_thigh_abduction"),
    }
    overrides = {}
    for name, value, row in (
        ("external_rotation", external_rotation, "external_rotation_range"),
        ("internal_rotation", internal_rotation, "internal_rotation_range"),
    ):
        if value is not None:
            overrides[row] = _single(name, value, row)
    if tissue is not None:
        check_choice("tissue", tissue, tissues("blog"))
    sem = PARAMETERS["mtt_standard_error"].default
    findings = []
    for rule in CRITERIA[criteria].rules:
        value = values[rule.measurement]
        margin = value - rule.threshold if rule.short_if == ">" else rule.threshold - value
        findings.append(Finding(rule, value, bool(margin > 0), float(margin), bool(abs(margin) < sem)))
    fired = tuple(f.rule.tissue for f in findings if f.fired)
    model_tissue = tissue or (MODEL_TISSUE[fired[0]] if fired else ALL_FLEXORS)

    notes = []
    estimate = 0.0 - values["thigh_angle"]
    if hip_extension is not None:
        available, source = _single("hip_extension", hip_extension, "hip_extension_available"), "measured"
        if abs(available - estimate) > sem:
            notes.append(
                f"Measured hip extension ({available:g}) and the thigh angle's estimate "
                f"({estimate:g}) differ by more than the test's error ({sem:g} deg): "
                "pelvic tilt on the plinth changes the thigh angle (Vigotsky et al. 2016)."
            )
    else:
        available, source = estimate, "thigh angle"
        notes.append(
            "Available extension estimated as -thigh_angle, assuming the pelvis stays neutral "
            "on the table; the thigh angle correlated only 0.50 with true hip extension "
            "(Vigotsky et al. 2016)."
        )
    if model_tissue == "Rectus femoris":
        notes.append(
            "The test bends the knee, which stretches rectus femoris; at lockout the knee is "
            "straight, so the prediction overstates this tissue's restriction."
        )
    if not fired and tissue is None:
        notes.append("No rule fired; the prediction uses the blog's hypothesis, 'hip flexors (all)'.")
    if criteria == "kendall" and values["thigh_angle"] < 0:
        notes.append("Thigh below table level: Kendall reads this as excess length of the one-joint flexors.")
    p = PARAMETERS["hip_extension_available"]
    if p.min <= available <= p.max:
        predictions = {
            cue: compensate(available, cue=cue, tissue=model_tissue, mechanism="blog", **overrides) for cue in CUES
        }
    else:
        predictions = {}
        notes.append(
            f"Estimated extension {available:g} deg lies outside the lockout model's range "
            f"[{p.min:g}, {p.max:g}]: no prediction; measure hip extension and pass hip_extension=."
        )
    return ThomasResult(
        criteria=criteria,
        findings=tuple(findings),
        tissues=fired or ("none",),
        model_tissue=model_tissue,
        hip_extension_available=float(np.float64(available)),
        hip_extension_from=source,
        compensation=MappingProxyType(predictions),
        notes=tuple(notes),
    )
