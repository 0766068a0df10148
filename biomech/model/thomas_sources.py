"""The modified Thomas test's sources as data: rule sets, measurement errors, validity, worked examples.

Every number here carries its source (author, year, table; how it was read). How the
readings are combined, and what they predict at lockout, is :mod:`biomech.model.thomas`.

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

Length: It is data with its citations (each rule set, measurement error and worked example
quotes its source), which is why it runs past 300 lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TypedDict

from biomech.formatting import format_degrees
from biomech.parameters import PARAMETERS

__all__ = [
    "BAND_WORDS",
    "BAND_Z",
    "CRITERIA",
    "ERRORS",
    "KENDALL_EXAMPLES",
    "MDC_Z",
    "MODEL_TISSUE",
    "PROJECT_ABDUCTION_CUT_OFF",
    "TEST_TISSUES",
    "VALIDITY",
    "WEIR",
    "Criteria",
    "MeasurementError",
    "Readings",
    "Rule",
    "Validity",
    "WorkedExample",
]

TEST_TISSUES: tuple[str, ...] = ("one-joint hip flexors", "rectus femoris", "TFL/ITB")
"""Tissues the test can point to, in the order of its three readings."""
MODEL_TISSUE: Mapping[str, str] = MappingProxyType(
    {
        "one-joint hip flexors": "Iliopsoas",
        "rectus femoris": "Rectus femoris",
        "TFL/ITB": "Tensor fasciae latae",
    }
)
"""Test tissue -> the restricting tissue of :func:`biomech.model.lockout.compensate`."""

WEIR = "Weir 2005, J Strength Cond Res 19(1):231-240"
"""The source of the measurement bands below."""
BAND_Z = 1.96
"""One reading's 95% measurement band is this many SEMs either side of it (Weir 2005; one SEM is a 68% band)."""
MDC_Z = 2.77
"""A real change between two readings needs this many SEMs, MDC95 = 1.96 x sqrt(2) x SEM (Weir 2005)."""
BAND_WORDS = f"the 95% measurement band ({BAND_Z:g} x SEM)"
"""How the text names :data:`BAND_Z`'s band."""


class Readings(TypedDict):
    """A client's readings, as keywords of :func:`modified_thomas_test` (degrees; the thigh
    held down: ``None`` if not read)."""

    thigh_angle: float
    knee_flexion: float
    thigh_abduction: float
    knee_flexion_thigh_held: float | None


@dataclass(frozen=True)
class Rule:
    """One rule: ``measurement`` beyond ``threshold`` points to ``tissue``.

    ``short_if`` is ``">"`` or ``"<"``, strict as the source writes it: a value equal to
    the threshold is *not* short. ``claim`` is printed only when the rule fires; its
    ``{value}``, ``{threshold}`` and ``{margin}`` are filled in (degrees). ``source`` says
    where the cut-off comes from; ``project_cut_off`` is True when the source gives no
    number and the cut-off is the project's own.
    """

    measurement: str
    short_if: str
    threshold: float
    tissue: str
    claim: str
    source: str
    project_cut_off: bool = False


@dataclass(frozen=True)
class Criteria:
    """A rule set: what it is, one rule per reading, its full source and its caveat.

    ``cite`` is the short citation printed with each rule that fires.
    ``knee_adds_hip_flexion``: the knee's cut-off grows by the hip's flexion where the knee
    was read (Kendall's K4 and K5); the other rule sets compare the knee with a fixed number.
    """

    name: str
    title: str
    rules: tuple[Rule, ...]
    source: str
    cite: str
    caveat: str
    knee_adds_hip_flexion: bool = False


def _rules(
    hip: float,
    knee: float,
    abduction: float,
    claims: tuple[str, str, str],
    sources: tuple[str, str, str],
    project_cut_off: tuple[bool, bool, bool] = (False, False, False),
) -> tuple[Rule, ...]:
    return (
        Rule("thigh_angle", ">", hip, TEST_TISSUES[0], claims[0], sources[0], project_cut_off[0]),
        Rule("knee_flexion", "<", knee, TEST_TISSUES[1], claims[1], sources[1], project_cut_off[1]),
        Rule("thigh_abduction", ">", abduction, TEST_TISSUES[2], claims[2], sources[2], project_cut_off[2]),
    )


PROJECT_ABDUCTION_CUT_OFF = "abduction > 0 is the project's own cut-off: Kendall gives no number"
"""Kendall's abduction rule's label: K7 names abduction as a sign, with no number."""
_EXECP_CUT_OFF = "Valadão et al. 2021, Table 4"
_HARVEY_MEAN = "Harvey 1998, the athletes' mean (not a cut-off)"


_HARVEY = {n: PARAMETERS[f"mtt_{n}"].default for n in ("thigh_angle", "knee_flexion", "thigh_abduction")}
CRITERIA: Mapping[str, Criteria] = MappingProxyType(
    {
        "kendall": Criteria(
            "kendall",
            "Kendall's hip flexor length test",
            _rules(
                0.0,
                80.0,
                0.0,
                (
                    "the thigh stays {value} deg above the table: the one-joint hip flexors lack {margin} deg of "
                    "length",
                    "the knee flexes only to {value} deg, under {threshold} deg: the two-joint hip flexors (rectus "
                    "femoris) lack {margin} deg of length",
                    "the thigh abducts {value} deg as the hip extends (" + PROJECT_ABDUCTION_CUT_OFF + "): Kendall "
                    "calls abduction a sign of a short tensor fasciae latae, not a length test for it",
                ),
                (
                    "Kendall K1: a normal thigh touches the table",
                    "Kendall K1, K2: the knee flexes about 80; K4, K5: plus the hip's flexion",
                    "the project's own cut-off: Kendall (K7) names abduction as a sign of a short tensor fasciae "
                    "latae but gives no number",
                ),
                (False, False, True),
            ),
            "Kendall FP, McCreary EK, Provance PG, et al., Muscles: Testing and Function, hip flexor length testing "
            "(excerpt at mitchmedical.us; verified text; edition not checked); the abduction cut-off (> 0) is the "
            "project's own, as Kendall gives no number for it",
            "Kendall, hip flexor length testing",
            "Kendall's readings need the low back and sacrum flat on the table.",
            knee_adds_hip_flexion=True,
        ),
        "execp2021": Criteria(
            "execp2021",
            "EXECP protocol reference values (children and young adults with cerebral palsy)",
            _rules(
                0.0,
                67.0,
                0.0,
                (
                    "hip angle {value} deg > {threshold}: short and/or stiff one-joint hip flexors (the table names "
                    "iliopsoas and the hip adductors)",
                    "knee angle {value} deg < {threshold}: short and/or stiff two-joint hip flexors (the table names "
                    "rectus femoris, tensor fasciae latae and sartorius)",
                    "abduction {value} deg > {threshold}: short and/or stiff hip abductors",
                ),
                (_EXECP_CUT_OFF, _EXECP_CUT_OFF, _EXECP_CUT_OFF),
            ),
            "Valadão P, et al. 2021, Exercise intervention protocol in children and young adults with cerebral palsy "
            "(EXECP), BMC Sports Sci Med Rehabil 13:17, Table 4 (verified text): reference values from typically "
            "developing controls of other studies, for a trial in children and young adults with spastic cerebral "
            "palsy",
            "Valadão et al. 2021 (EXECP, cerebral palsy), Table 4",
            "A paediatric cerebral-palsy protocol's reference values, not a rule set validated for adult lifters; "
            "the table adds that the anterior capsule and ligaments may also limit the test.",
        ),
        "harvey1998": Criteria(
            "harvey1998",
            "Harvey's means of elite athletes (not cut-offs)",
            _rules(
                _HARVEY["thigh_angle"],
                _HARVEY["knee_flexion"],
                _HARVEY["thigh_abduction"],
                (
                    "thigh {value} deg: less hip extension than the athletes' mean thigh angle ({threshold} deg)",
                    "knee {value} deg: less knee flexion than the athletes' mean ({threshold} deg)",
                    "abduction {value} deg: more than the athletes' mean ({threshold} deg)",
                ),
                (_HARVEY_MEAN, _HARVEY_MEAN, _HARVEY_MEAN),
            ),
            "Harvey 1998, Br J Sports Med 32:68-70, means of 117 elite tennis, basketball, rowing and running "
            "athletes, hanging leg (verified text)",
            "Harvey 1998, athletes' means",
            "These are means of healthy athletes, not cut-offs: roughly half of them lie beyond each.",
        ),
    }
)
"""The rule sets by name (see the module docstring)."""


@dataclass(frozen=True)
class MeasurementError:
    """How precisely one reading is measured: its standard error (degrees) and source.

    ``sem`` is ``None`` where the project has no published figure for the reading.
    ``between_raters`` says what the source reports for two different examiners (it gives
    no SEM between them).
    """

    reading: str
    sem: float | None
    source: str
    between_raters: str = ""

    @property
    def band(self) -> float | None:
        """The 95% measurement band of one reading, ``BAND_Z x sem`` (degrees; Weir 2005)."""
        return None if self.sem is None else BAND_Z * self.sem

    @property
    def mdc(self) -> float | None:
        """The smallest real change between two readings, MDC95 = ``MDC_Z x sem`` (degrees; Weir 2005)."""
        return None if self.sem is None else MDC_Z * self.sem


_HIP_ICC_WITHIN, _HIP_ICC_BETWEEN = 0.52, 0.60  # Peeler & Anderson 2007 (abstract): intra- and inter-rater ICC
_HIP_SEM = PARAMETERS["mtt_hip_standard_error"].default
_HIP_SPREAD = _HIP_SEM / (1.0 - _HIP_ICC_WITHIN) ** 0.5  # the spread between people that SEM and ICC imply (Weir 2005)

ERRORS: Mapping[str, MeasurementError] = MappingProxyType(
    {
        "thigh_angle": MeasurementError(
            "hip (thigh) angle",
            PARAMETERS["mtt_hip_standard_error"].default,
            f"SEM {format_degrees(_HIP_SEM)} deg within one examiner, as printed in the abstract (check the full "
            f"text: with SEM = SD x sqrt(1 - ICC), an SEM of {format_degrees(_HIP_SEM)} deg and an ICC of "
            f"{_HIP_ICC_WITHIN:.2f} imply a spread between people of only about {_HIP_SPREAD:.1f} deg); goniometer ICC "
            f"{_HIP_ICC_WITHIN:.2f} within and {_HIP_ICC_BETWEEN:.2f} between examiners (Peeler & Anderson 2007, hip "
            "angle, abstract only)",
            "pass/fail kappa 0.39 between raters vs 0.47 within (Peeler & Anderson 2007, abstract only); no SEM "
            "between raters is given",
        ),
        "knee_flexion": MeasurementError(
            "knee angle",
            PARAMETERS["mtt_knee_standard_error"].default,
            f"SEM {format_degrees(PARAMETERS['mtt_knee_standard_error'].default)} deg (Peeler & Anderson 2008, rectus "
            "femoris length about the knee, abstract only)",
            "pass/fail kappa 0.33 between raters vs 0.40 within (Peeler & Anderson 2008, abstract only); no SEM "
            "between raters is given",
        ),
        "thigh_abduction": MeasurementError(
            "thigh abduction",
            None,
            "no published figure in the project's sources",
        ),
    }
)
"""The measurement error of each reading, from the paper that measured that angle."""


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
        "students; controlling pelvic tilt accounted for much of the error (r = 0.98): the test "
        "is valid for peak hip extension only when pelvic tilt is controlled. A summary of the "
        "paper (secondary) gives r = 0.50 between the thigh angle and true hip extension.",
        "Peeler & Anderson 2007, Phys Ther Sport 8:14-21 (abstract only), hip angle in 54 adults: "
        f"pass/fail kappa 0.47 within and 0.39 between raters; goniometer ICC {_HIP_ICC_WITHIN:.2f} within and "
        f"{_HIP_ICC_BETWEEN:.2f} between raters.",
        "Peeler & Anderson 2008, J Athl Train 43(5):470-476 (abstract only), rectus femoris "
        "length about the knee in 54 adults: pass/fail kappa 0.40 within and 0.33 between "
        "raters; knee goniometer SEM 7 deg.",
        "Harvey 1998, Br J Sports Med 32:68-70 (verified text): trial-to-trial ICC "
        "0.91-0.94: repeatable in experienced hands, which is not the same as valid.",
    ),
)
"""The test's published limits of validity and reliability."""


@dataclass(frozen=True)
class WorkedExample:
    """A source's own example of the test, and what the source says it shows.

    Attributes
    ----------
    source
        Who says it, and what (paraphrased; see the module docstring's K1-K7).
    readings
        Keywords of :func:`modified_thomas_test` (degrees).
    tissues
        The tissues the source calls short, as :data:`TEST_TISSUES` (``("none",)`` if none).
    deficits
        The source's deficit for each of ``tissues`` (degrees), or ``()`` where it gives none.
    constructed
        True when the source gives no numbers and these were chosen to match its words.
    """

    source: str
    readings: Readings
    tissues: tuple[str, ...]
    deficits: tuple[float, ...]
    constructed: bool = False


KENDALL_EXAMPLES: tuple[WorkedExample, ...] = (
    WorkedExample(
        "Kendall K1, normal length: the thigh touches the table, the knee flexes about 80",
        Readings(thigh_angle=0.0, knee_flexion=80.0, thigh_abduction=0.0, knee_flexion_thigh_held=80.0),
        ("none",),
        (),
    ),
    WorkedExample(
        "Kendall K4, both groups short: the hip stays at 15 of flexion, the knee flexes only to 70; the one-joint "
        "flexors lack 15, the two-joint muscles 25 (15 at the hip plus 10 at the knee)",
        Readings(thigh_angle=15.0, knee_flexion=70.0, thigh_abduction=0.0, knee_flexion_thigh_held=70.0),
        ("one-joint hip flexors", "rectus femoris"),
        (15.0, 25.0),
    ),
    WorkedExample(
        "Kendall K5, one-joint flexors short: the thigh is flexed 15, the knee flexes to 95 (as many degrees beyond 80 "
        "as the hip is flexed)",
        Readings(thigh_angle=15.0, knee_flexion=95.0, thigh_abduction=0.0, knee_flexion_thigh_held=None),
        ("one-joint hip flexors",),
        (15.0,),
    ),
    WorkedExample(
        "Kendall K3 with K2, rectus femoris short: the hip extends when the knee is allowed to extend; held on the "
        "table, each degree of knee flexion under 80 is a degree of shortness",
        Readings(thigh_angle=10.0, knee_flexion=75.0, thigh_abduction=0.0, knee_flexion_thigh_held=60.0),
        ("rectus femoris",),
        (20.0,),
        constructed=True,
    ),
    WorkedExample(
        "Kendall K6 and K7: the thigh below table level (excess length of the one-joint flexors) and abducting as the "
        "hip extends (a sign of a short tensor fasciae latae)",
        Readings(thigh_angle=-5.0, knee_flexion=85.0, thigh_abduction=10.0, knee_flexion_thigh_held=None),
        ("TFL/ITB",),
        (),
        constructed=True,
    ),
)
"""Kendall's hip flexor length examples (the excerpt cited in the module docstring), as readings."""
