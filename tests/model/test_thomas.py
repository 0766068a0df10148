"""The modified Thomas test: the two readings, each rule set, the calibration at the test posture,
the lockout predictions, the printed result and the input errors."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biomech.lessons.cases import CLIENT, CLIENTS
from biomech.model.lockout import CUES, compensate
from biomech.model.thomas import (
    BAND_WORDS,
    BAND_Z,
    CRITERIA,
    ERRORS,
    KENDALL_EXAMPLES,
    MDC_Z,
    MODEL_TISSUE,
    PROJECT_ABDUCTION_CUT_OFF,
    TEST_TISSUES,
    TFL_ASSUMPTION,
    VALIDITY,
    hip_flexion_on_plinth,
    modified_thomas_test,
)
from biomech.model.thomas_predictions import _midline_flexion
from biomech.model.thomas_report import report_sections
from biomech.parameters import PARAMETERS

TILT = PARAMETERS["mtt_pelvic_tilt"].default
# A client well inside every rule set's normal side: thigh well below the table, knee
# well bent, thigh drawn towards the midline.
NORMAL = {"thigh_angle": -20.0, "knee_flexion": 100.0, "thigh_abduction": -5.0}
RULES = [(name, rule) for name, c in CRITERIA.items() for rule in c.rules]
IDS = [f"{name}-{rule.measurement}" for name, rule in RULES]


def run(criteria: str = "kendall", **values: float | bool | None):
    return modified_thomas_test(**(NORMAL | values), criteria=criteria)  # type: ignore[arg-type]


def short_side(rule, by: float) -> float:
    return rule.threshold + by if rule.short_if == ">" else rule.threshold - by


# ----- the rule sets and their sources --------------------------------------------------


def test_the_rule_sets_their_cut_offs_and_sources():
    table = {name: tuple(r.threshold for r in c.rules) for name, c in CRITERIA.items()}
    assert table == {"kendall": (0.0, 80.0, 0.0), "execp2021": (0.0, 67.0, 0.0), "harvey1998": (-11.9, 52.5, 15.6)}
    assert [r.tissue for r in CRITERIA["kendall"].rules] == list(TEST_TISSUES)
    for c in CRITERIA.values():
        assert "verified text" in c.source
    execp = CRITERIA["execp2021"]
    assert "Valadão" in execp.source and "Table 4" in execp.source and "cerebral palsy" in execp.source
    assert "typically developing controls" in execp.source and "adult lifters" in execp.caveat
    assert "hip adductors" in execp.rules[0].claim
    assert "not cut-offs" in CRITERIA["harvey1998"].title
    assert CRITERIA["kendall"].knee_adds_hip_flexion and not CRITERIA["execp2021"].knee_adds_hip_flexion


def test_normal_client_has_no_finding_and_no_prediction():
    for name in CRITERIA:
        result = run(name)
        assert result.tissues == ("none",) and result.predictions == ()
        assert any("No rule fired" in n for n in result.notes)


@pytest.mark.parametrize(("criteria", "rule"), RULES, ids=IDS)
def test_each_rule_maps_to_its_tissue(criteria, rule):
    result = run(criteria, **{rule.measurement: short_side(rule, 3.0)})
    assert result.tissues == (rule.tissue,)
    assert [p.model_tissue for p in result.predictions] == [MODEL_TISSUE[rule.tissue]]
    assert len(result.fired) == 1 and result.fired[0].rule == rule
    assert result.fired[0].margin == pytest.approx(3.0)


@pytest.mark.parametrize(("criteria", "rule"), RULES, ids=IDS)
def test_a_value_exactly_at_the_cut_off_is_not_short(criteria, rule):
    """The sources write strict inequalities ('knee < 67', 'hip > 0', 'less than 80')."""
    assert run(criteria, **{rule.measurement: rule.threshold}).tissues == ("none",)
    assert run(criteria, **{rule.measurement: short_side(rule, 0.1)}).tissues == (rule.tissue,)


# ----- Kendall's worked examples (hip flexor length testing, the excerpt the module cites) ----


@pytest.mark.parametrize("example", KENDALL_EXAMPLES, ids=[e.source.split(",")[0] for e in KENDALL_EXAMPLES])
def test_kendalls_examples_read_as_kendall_says(example):
    """Each of KENDALL_EXAMPLES: the tissues Kendall calls short, with his deficits where he gives them."""
    result = modified_thomas_test(**example.readings)
    assert result.tissues == example.tissues
    if example.deficits:
        assert tuple(f.margin for f in result.fired) == example.deficits


def test_kendall_normal_length():
    """K1: thigh on the table, knee flexed 80: nothing short."""
    assert modified_thomas_test(0.0, 80.0, 0.0, knee_flexion_thigh_held=80.0).tissues == ("none",)


def test_kendall_both_groups_short_the_combined_deficit():
    """K4: the hip stays at 15 deg of flexion, the knee flexes only to 70: the one-joint
    flexors lack 15 deg, the two-joint muscles 25 (15 at the hip plus 10 at the knee)."""
    held = modified_thomas_test(15.0, 70.0, 0.0, knee_flexion_thigh_held=70.0)
    assert held.thigh_held == "stayed up" and not held.confounded
    assert held.tissues == ("one-joint hip flexors", "rectus femoris")
    assert [f.margin for f in held.fired] == [15.0, 25.0]
    assert held.fired[1].threshold == 95.0
    hanging = modified_thomas_test(15.0, 70.0, 0.0)
    assert hanging.confounded and [f.margin for f in hanging.fired] == [15.0, 25.0]


def test_kendall_one_joint_flexors_short_alone():
    """K5: thigh flexed 15 deg, knee 95 (80 + 15): one-joint flexors short, two-joint normal."""
    result = modified_thomas_test(15.0, 95.0, 0.0)
    assert result.tissues == ("one-joint hip flexors",) and not result.confounded
    assert result.findings[1].threshold == 95.0 and not result.findings[1].fired
    assert modified_thomas_test(15.0, 94.9, 0.0).confounded


def test_kendall_rectus_femoris_lifts_the_thigh():
    """K3 (no numbers in the source; constructed): the hip extends when the knee is allowed
    to extend: one-joint flexors normal, rectus femoris short, read with the thigh held on the
    table (K2: each degree under 80)."""
    result = modified_thomas_test(10.0, 75.0, 0.0, knee_flexion_thigh_held=60.0)
    assert result.thigh_held == "came down" and not result.confounded
    assert result.tissues == ("rectus femoris",)
    assert result.fired[0].margin == 20.0 and result.fired[0].threshold == 80.0
    assert result.findings[0].value == 0.0 and not result.findings[0].fired


def test_kendall_thigh_on_the_table_knee_read_held():
    """K2: thigh held on the table, the knee flexes to 70: the two-joint flexors lack 10."""
    result = modified_thomas_test(0.0, 75.0, 0.0, knee_flexion_thigh_held=70.0)
    assert result.thigh_held == "on the table" and result.tissues == ("rectus femoris",)
    assert result.fired[0].margin == 10.0


def test_kendall_thigh_below_the_table_and_abduction():
    """K6: below table level is excess length of the one-joint flexors; K7: abduction as the
    hip extends is a sign of a short tensor fasciae latae, not a length test."""
    result = modified_thomas_test(-5.0, 85.0, 10.0)
    assert result.tissues == ("TFL/ITB",)
    assert any("excess length" in n for n in result.notes)
    assert "not a length test" in result.fired[0].claim()


def test_a_knee_read_below_the_table_is_flagged_as_overstating():
    result = modified_thomas_test(-10.0, 70.0, 0.0)
    assert result.tissues == ("rectus femoris",) and result.fired[0].threshold == 80.0
    assert any("overstate" in n for n in result.notes)


def test_the_harvey_mean_athlete_fails_the_other_rule_sets():
    """The athletes' average knee and abduction are 'short' by both sets of cut-offs."""
    mean = [PARAMETERS[f"mtt_{n}"].default for n in ("thigh_angle", "knee_flexion", "thigh_abduction")]
    for criteria in ("kendall", "execp2021"):
        assert modified_thomas_test(*mean, criteria=criteria).tissues == ("rectus femoris", "TFL/ITB")
    assert modified_thomas_test(*mean, criteria="harvey1998").tissues == ("none",)


@pytest.mark.parametrize(
    ("knee", "short"),
    [(67.0, False), (66.9, True), (70.0, False)],
)
def test_execp_knee_cut_off_with_the_hip_supported(knee, short):
    """EXECP Table 4 (no worked example; constructed from its cut-offs): knee < 67 with the hip
    supported is short, and the cut-off does not grow with the hip's flexion."""
    result = modified_thomas_test(0.0, 90.0, 0.0, knee_flexion_thigh_held=knee, criteria="execp2021")
    assert ("rectus femoris" in result.tissues) is short
    assert result.findings[1].threshold == 67.0


# ----- the lesson's clients -----------------------------------------------------------------


def test_the_lessons_client_is_not_sent_to_iliopsoas_once_the_thigh_is_held_down():
    hanging = modified_thomas_test(CLIENT.thigh_angle, CLIENT.knee_flexion, CLIENT.thigh_abduction)
    assert hanging.confounded and hanging.tissues == ("one-joint hip flexors", "rectus femoris")
    held = modified_thomas_test(**CLIENT.readings())
    assert held.tissues == ("rectus femoris",) and held.thigh_held == "came down"


def test_a_rectus_femoris_client_hardly_restricts_the_straight_knee_lockout():
    """Thigh on the table, knee 45 deg with the thigh held: rectus femoris, found with the knee
    bent; with the knee straight at lockout it leaves little or no deficit."""
    result = modified_thomas_test(0.0, 45.0, 0.0, knee_flexion_thigh_held=45.0, pelvic_tilt_controlled=True)
    assert result.tissues == ("rectus femoris",)
    (p,) = result.predictions
    assert (p.model_tissue, p.hip_flexion, p.knee_flexion) == ("Rectus femoris", 0.0, 45.0)
    as_if_knee_straight = compensate(0.0, cue="squeeze_glutes", tissue="Rectus femoris", test_knee_flexion=0.0)
    assert as_if_knee_straight.deficit > 5.0  # the same reading taken as a straight-knee limit
    for cue in CUES:
        assert p.compensation[cue].deficit <= 1.0 and p.compensation[cue].pelvic_tilt <= 1.0
        assert p.compensation[cue] == compensate(0.0, cue=cue, tissue="Rectus femoris", test_knee_flexion=45.0)


def test_an_iliopsoas_client_predicts_compensation():
    result = modified_thomas_test(**CLIENTS["iliopsoas"].readings(), pelvic_tilt_controlled=True)
    assert result.tissues == ("one-joint hip flexors",)
    (p,) = result.predictions
    assert p.model_tissue == "Iliopsoas" and p.knee_flexion is None
    for cue in CUES:
        s = p.compensation[cue]
        assert s.deficit > 0 and s.pelvic_tilt > 0
        assert s == compensate(-CLIENTS["iliopsoas"].thigh_angle, cue=cue, tissue="Iliopsoas")


def test_the_tfl_prediction_and_the_abduction_cut_off_are_labelled():
    """TFL's prediction reads resting abduction as its end range (an upper bound from an
    assumption); Kendall gives no number for abduction, so '> 0' is the project's own cut-off."""
    result = modified_thomas_test(**CLIENTS["TFL/ITB"].readings())
    for shown in (" ".join(str(result).split()), result._repr_markdown_()):
        assert TFL_ASSUMPTION in shown and PROJECT_ABDUCTION_CUT_OFF in shown
    assert TFL_ASSUMPTION == "an upper bound from an assumption (resting abduction read as TFL's end range)"
    assert TFL_ASSUMPTION in result.prediction("TFL/ITB").found_at
    rule = CRITERIA["kendall"].rules[2]
    assert rule.project_cut_off and "project's own" in rule.source and "no number" in rule.source
    assert PROJECT_ABDUCTION_CUT_OFF in rule.claim and "project's own" in CRITERIA["kendall"].source
    assert [r.project_cut_off for c in CRITERIA.values() for r in c.rules].count(True) == 1
    execp = modified_thomas_test(**CLIENTS["TFL/ITB"].readings(), criteria="execp2021")
    assert PROJECT_ABDUCTION_CUT_OFF not in str(execp) and TFL_ASSUMPTION in " ".join(str(execp).split())


def test_harveys_average_athlete_would_have_a_tfl_stopping_the_thigh_in_flexion():
    """Why the TFL prediction is labelled: reading the mean athlete's 15.6 deg of resting
    abduction as TFL's end range puts the thigh's stop above the table (near 13 deg of flexion)."""
    mean = [PARAMETERS[f"mtt_{n}"].default for n in ("thigh_angle", "knee_flexion", "thigh_abduction")]
    p = modified_thomas_test(*mean, pelvic_tilt_controlled=True).prediction("TFL/ITB")
    assert 10.0 < p.hip_flexion < 16.0 and mean[0] < 0.0  # the module docstring: "about 13 deg"


def test_a_tfl_client_maps_to_tfl_and_is_read_at_the_midline():
    client = CLIENTS["TFL/ITB"]
    result = modified_thomas_test(**client.readings(), pelvic_tilt_controlled=True)
    assert result.tissues == ("TFL/ITB",)
    (p,) = result.predictions
    assert p.model_tissue == "Tensor fasciae latae" and p.knee_flexion == client.knee_flexion
    # abduction slackens the tensor fasciae latae: held at the midline, it stops the thigh higher
    assert p.hip_flexion > client.thigh_angle + client.thigh_abduction / 2
    squeeze = p.compensation["squeeze_glutes"]
    assert squeeze.deficit > 0 and squeeze.rotation_used < 0  # it turns the hip in, not out
    expected = compensate(-p.hip_flexion, tissue="Tensor fasciae latae", test_knee_flexion=client.knee_flexion)
    assert squeeze == expected


def test_the_three_clients_end_at_three_different_lockouts():
    tilts = {}
    for name, client in CLIENTS.items():
        result = modified_thomas_test(**client.readings(), pelvic_tilt_controlled=True)
        assert result.tissues == (name if name != "iliopsoas" else "one-joint hip flexors",)
        p = result.predictions[0]
        tilts[name] = tuple(round(p.compensation[cue].pelvic_tilt, 1) for cue in CUES)
    assert len(set(tilts.values())) == 3
    assert tilts["rectus femoris"] == (0.0, 0.0)


def test_midline_flexion_grows_with_abduction():
    assert _midline_flexion(5.0, 0.0, 80.0) == pytest.approx(5.0, abs=0.05)
    flexions = [_midline_flexion(0.0, a, 80.0) for a in (0.0, 5.0, 10.0, 15.0)]
    assert flexions == sorted(flexions) and flexions[-1] > flexions[0] + 10.0


# ----- the pelvis on the plinth -------------------------------------------------------------


def test_an_uncontrolled_pelvis_gives_the_prediction_with_no_tilt_and_with_the_parameter():
    client = CLIENTS["iliopsoas"]
    loose = modified_thomas_test(**client.readings())
    firm = modified_thomas_test(**client.readings(), pelvic_tilt_controlled=True)
    assert not loose.pelvic_tilt_controlled and firm.pelvic_tilt_controlled
    p, q = loose.predictions[0], firm.predictions[0]
    assert dict(q.tilted) == {} and q.tilt == 0.0 and q.tilted_hip_flexion is None and p.tilt == TILT
    assert dict(p.compensation) == dict(q.compensation)
    # a posterior tilt under the thigh extends the hip: calibrated *less* flexed than the thigh reads
    assert p.tilted_hip_flexion == client.thigh_angle - TILT
    for cue in CUES:
        assert p.tilted[cue] == compensate(-(client.thigh_angle - TILT), cue=cue, tissue="Iliopsoas")
    assert any("Vigotsky" in n and "0.98" in n for n in loose.notes)
    assert not any("Vigotsky" in n for n in firm.notes)


def test_the_tilt_worked_by_hand_for_the_iliopsoas_client():
    """By hand, with the project's convention hip_flexion = pelvic_tilt - thigh_inclination
    (anterior tilt +). The thigh stays 8 deg above the table; read with the pelvis neutral
    (tilt 0), the hip is flexed 8 deg: available extension -8. Holding the other knee to the
    chest tilts the pelvis back 10 deg (tilt -10) with the thigh where it is: the hip is
    flexed 8 - 10 = -2 deg, so 2 deg of extension is available, not -8. At lockout "stand
    tall" asks for 0 deg of extension: deficit 0 - (-8) = 8 neutral, max(0, 0 - 2) = 0 tilted;
    "squeeze glutes" asks for squeeze_demand (9): 9 - (-8) = 17 neutral, 9 - 2 = 7 tilted.
    (Iliopsoas crosses only the hip, calibrated and solved without the knee, so its deficit is
    demand minus available by construction.)"""
    client = CLIENTS["iliopsoas"]
    assert (client.thigh_angle, TILT, PARAMETERS["squeeze_demand"].default) == (8.0, 10.0, 9.0)
    assert hip_flexion_on_plinth(8.0, 0.0) == 8.0 and hip_flexion_on_plinth(8.0, -10.0) == -2.0
    p = modified_thomas_test(**client.readings()).predictions[0]
    assert (p.hip_flexion, p.tilted_hip_flexion) == (8.0, -2.0)
    assert p.compensation["stand_tall"].hip_extension_available == -8.0
    assert p.tilted["stand_tall"].hip_extension_available == 2.0
    expected = {"stand_tall": (8.0, 0.0), "squeeze_glutes": (17.0, 7.0)}
    for cue, (neutral, tilted) in expected.items():
        assert p.compensation[cue].deficit == pytest.approx(neutral, abs=0.05)
        assert p.tilted[cue].deficit == pytest.approx(tilted, abs=0.05)


@pytest.mark.parametrize("name", list(CLIENTS))
def test_an_uncontrolled_tilt_never_enlarges_a_clients_deficit(name):
    """The lesson's three clients, pelvis controlled vs not: the tilted prediction's deficit is
    at most the untilted one under both cues, and strictly smaller where there is a deficit."""
    readings = CLIENTS[name].readings()
    (p,) = modified_thomas_test(**readings).predictions
    (q,) = modified_thomas_test(**readings, pelvic_tilt_controlled=True).predictions
    assert p.tilted_hip_flexion is not None and p.tilted_hip_flexion < p.hip_flexion == q.hip_flexion
    assert set(p.tilted) == set(CUES) == set(q.compensation)
    for cue in CUES:
        controlled, tilted = q.compensation[cue].deficit, p.tilted[cue].deficit
        assert p.compensation[cue] == q.compensation[cue]
        assert tilted <= controlled
        if controlled > 0:
            assert tilted < controlled


def test_the_three_clients_include_deficits_for_the_tilt_to_shrink():
    """The strict half of the test above is exercised: iliopsoas under both cues, TFL under the squeeze."""
    controlled = {
        name: modified_thomas_test(**c.readings(), pelvic_tilt_controlled=True) for name, c in CLIENTS.items()
    }
    with_deficit = {
        (name, cue)
        for name, r in controlled.items()
        for cue, s in r.predictions[0].compensation.items()
        if s.deficit > 0
    }
    assert {("iliopsoas", "stand_tall"), ("iliopsoas", "squeeze_glutes"), ("TFL/ITB", "squeeze_glutes")} <= with_deficit


@settings(max_examples=60)  # each example solves the geometry up to twelve times
@given(
    thigh=st.floats(-20.0, 20.0),
    knee=st.floats(40.0, 100.0),
    abduction=st.floats(-5.0, 20.0),
    held=st.one_of(st.none(), st.floats(40.0, 100.0)),
)
def test_property_the_uncontrolled_tilt_never_enlarges_the_deficit(thigh, knee, abduction, held):
    result = modified_thomas_test(thigh, knee, abduction, knee_flexion_thigh_held=held)
    for p in result.predictions:
        if p.tilted_hip_flexion is not None and np.isfinite(p.hip_flexion):
            assert p.tilted_hip_flexion <= p.hip_flexion
        for cue in set(p.compensation) & set(p.tilted):
            assert p.tilted[cue].deficit <= p.compensation[cue].deficit + 1e-9


def test_the_tilt_note_says_the_thigh_angle_overstates_the_restriction():
    loose = " ".join(modified_thomas_test(**CLIENTS["iliopsoas"].readings()).notes)
    assert "a posterior tilt extends the hip" in loose
    assert "The thigh angle overstates the restriction when the pelvis tilts back" in loose
    assert "the true restriction may be smaller by up to mtt_pelvic_tilt" in loose
    assert "more flexed" not in loose and "hides" not in loose
    assert "overstates the restriction" in PARAMETERS["mtt_pelvic_tilt"].meaning


def test_the_tilt_parameter_is_marked_illustrative():
    p = PARAMETERS["mtt_pelvic_tilt"]
    assert p.illustrative and "Vigotsky" in p.measured


def test_a_calibration_outside_the_model_gives_no_prediction_and_says_so():
    result = modified_thomas_test(45.0, 130.0, 0.0, pelvic_tilt_controlled=True)
    assert result.tissues == ("one-joint hip flexors",)
    assert dict(result.predictions[0].compensation) == {}
    assert any("outside the lockout model's range" in n for n in result.notes)
    assert "no prediction" in result.predictions[0].describe("squeeze_glutes")


# ----- measurement error ----------------------------------------------------------------------


def test_the_bands_are_weirs():
    """Weir 2005: one reading's 95% band is 1.96 x SEM; a real change needs MDC95 = 1.96 x sqrt(2) x SEM."""
    assert BAND_Z == 1.96 and MDC_Z == pytest.approx(1.96 * 2**0.5, abs=0.005)
    assert BAND_WORDS == "the 95% measurement band (1.96 x SEM)"
    knee = ERRORS["knee_flexion"]
    assert knee.band == pytest.approx(1.96 * 7.0) and knee.mdc == pytest.approx(2.77 * 7.0)
    assert ERRORS["thigh_abduction"].band is None and ERRORS["thigh_abduction"].mdc is None


@pytest.mark.parametrize(("times", "within"), [(1.95, True), (1.97, False)])
def test_the_95_percent_band_boundary(times, within):
    """A reading 1.95 x SEM from the cut-off is within the band, 1.97 x SEM is not (knee and hip)."""
    knee_sem, hip_sem = ERRORS["knee_flexion"].sem, ERRORS["thigh_angle"].sem
    assert knee_sem is not None and hip_sem is not None
    knee = modified_thomas_test(0.0, 80.0 - times * knee_sem, 0.0).findings[1]  # thigh on the table: cut-off 80
    hip = modified_thomas_test(times * hip_sem, 120.0, 0.0).findings[0]  # cut-off 0
    for finding, sem in ((knee, knee_sem), (hip, hip_sem)):
        assert finding.fired and finding.margin == pytest.approx(times * sem)
        assert finding.within_error is within
    text = " ".join(str(modified_thomas_test(0.0, 80.0 - times * knee_sem, 0.0)).split())
    assert ("within " if within else "beyond ") + BAND_WORDS in text and "Weir 2005" in text


def test_the_between_raters_figures_are_the_sources():
    assert "kappa 0.39 between raters vs 0.47 within" in ERRORS["thigh_angle"].between_raters
    assert "kappa 0.39 between" in PARAMETERS["mtt_hip_standard_error"].meaning
    assert "0.47 within and 0.39 between raters" in PARAMETERS["mtt_hip_standard_error"].source
    assert "kappa 0.33 between raters vs 0.40 within" in ERRORS["knee_flexion"].between_raters
    assert any("0.40 within and 0.33 between" in n for n in VALIDITY.notes)
    for e in ERRORS.values():
        assert "SEM" not in e.between_raters.replace("no SEM between raters", "")


def test_the_hip_sem_is_quoted_with_both_iccs_and_flagged_as_printed():
    source = ERRORS["thigh_angle"].source
    assert "ICC 0.52 within and 0.60 between" in source and "poorly" not in source
    assert "as printed in the abstract" in source and "check the full text" in source
    # the spread between people that SEM and ICC imply (SEM = SD x sqrt(1 - ICC)) is what makes the SEM odd
    spread = float(source.split("only about ")[1].split(" deg")[0])
    assert abs(spread - ERRORS["thigh_angle"].sem / (1 - 0.52) ** 0.5) < 0.05


def test_each_reading_carries_the_error_of_the_paper_that_measured_it():
    assert ERRORS["knee_flexion"].sem == PARAMETERS["mtt_knee_standard_error"].default == 7.0
    assert "Peeler & Anderson 2008" in ERRORS["knee_flexion"].source
    assert ERRORS["thigh_angle"].sem == PARAMETERS["mtt_hip_standard_error"].default == 1.0
    assert "Peeler & Anderson 2007" in ERRORS["thigh_angle"].source
    assert ERRORS["thigh_abduction"].sem is None
    knee = modified_thomas_test(0.0, 75.0, 0.0).findings[1]
    hip = modified_thomas_test(0.5, 100.0, 0.0).findings[0]
    abduction = modified_thomas_test(0.0, 100.0, 3.0).findings[2]
    assert knee.fired and knee.within_error and knee.error is ERRORS["knee_flexion"]
    assert hip.fired and hip.within_error and hip.error is ERRORS["thigh_angle"]
    assert abduction.fired and abduction.within_error is None
    assert not modified_thomas_test(0.0, 60.0, 0.0).findings[1].within_error


def test_validity_limits_are_the_cited_values():
    assert (VALIDITY.sensitivity, VALIDITY.specificity, VALIDITY.kappa_inter) == (0.318, 0.571, 0.33)
    assert any("Vigotsky et al. 2016" in n and "0.98" in n for n in VALIDITY.notes)
    assert any("Peeler & Anderson 2007" in n for n in VALIDITY.notes)
    assert any("Peeler & Anderson 2008" in n for n in VALIDITY.notes)


# ----- the printed result -----------------------------------------------------------------------

CASES = [modified_thomas_test(**c.readings(), criteria=k) for c in CLIENTS.values() for k in CRITERIA] + [
    modified_thomas_test(5.0, 70.0, 0.0),
    modified_thomas_test(15.0, 70.0, 12.0, knee_flexion_thigh_held=70.0),
    run(),
]


@pytest.mark.parametrize("result", CASES)
def test_only_rules_that_fired_are_printed(result):
    text, markdown = str(result), result._repr_markdown_()
    for f in result.findings:
        assert (f.claim() in " ".join(text.split())) is f.fired
        assert (f.claim() in markdown) is f.fired


@pytest.mark.parametrize("result", CASES)
def test_no_printed_line_breaks_a_word(result):
    expected = []
    for heading, items in report_sections(result):
        expected += (heading + ":").split()
        for item in items:
            expected += ["-", *item.split()]
    printed = str(result)
    assert printed.split() == expected
    for line in printed.splitlines():
        assert len(line) <= 100 or " " not in line.strip()


def test_the_result_prints_sources_errors_and_predictions_without_raw_objects():
    result = modified_thomas_test(**CLIENTS["iliopsoas"].readings())
    for shown in (" ".join(str(result).split()), result._repr_markdown_()):
        assert "Kendall FP" in shown and "Peeler & Anderson 2007" in shown
        assert "stand tall" in shown and "squeeze glutes" in shown and "pelvis tilted back 10 deg" in shown
        assert "Compensation(" not in shown and "Finding(" not in shown and "Rule(" not in shown


# ----- inputs ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        ((70.0, 60.0, 0.0), {}, r"^'thigh_angle' must be a finite number of degrees in \[-40, 60\]; got 70\.$"),
        ((0.0, float("nan"), 0.0), {}, r"^'knee_flexion' must be a finite number of degrees in \[0, 150\]; got nan\.$"),
        ((0.0, -10.0, 0.0), {}, r"^'knee_flexion' must be .*; got -10\.$"),
        ((0.0, 60.0, "ten"), {}, r"^'thigh_abduction' must be .* \[-30, 45\]; got 'ten'\.$"),
        ((0.0, 60.0, 90.0), {}, r"^'thigh_abduction' must be .*; got 90\.$"),
        (
            ([0.0, 5.0], 60.0, 0.0),
            {},
            r"^'thigh_angle' must be a single number of degrees \(one client\); got shape \(2,\)\.$",
        ),
        ((0.0, 60.0, 0.0), {"knee_flexion_thigh_held": 160.0}, r"^'knee_flexion_thigh_held' must be .*; got 160\.$"),
        ((0.0, 60.0, 0.0), {"pelvic_tilt_controlled": "yes"}, r"^'pelvic_tilt_controlled' must be True or False"),
        ((0.0, 60.0, 0.0), {"external_rotation": -5.0}, r"^'external_rotation' must be .* \[0, 60\]; got -5\.$"),
        ((0.0, 60.0, 0.0), {"internal_rotation": 75.0}, r"^'internal_rotation' must be .* \[0, 60\]; got 75\.$"),
        (
            (0.0, 60.0, 0.0),
            {"criteria": "kendal"},
            r"^'criteria' must be one of .*; got 'kendal' \(did you mean 'kendall'\?\)\.$",
        ),
        ((None, 60.0, 0.0), {}, r"^'thigh_angle' must be .*; got None\.$"),
    ],
)
def test_invalid_measurements_raise_clear_errors(args, kwargs, match):
    with pytest.raises(ValueError, match=match):
        modified_thomas_test(*args, **kwargs)


def test_measured_rotation_ranges_reach_the_prediction():
    result = modified_thomas_test(8.0, 95.0, 0.0, pelvic_tilt_controlled=True, internal_rotation=10.0)
    s = result.predictions[0].compensation["stand_tall"]
    assert s == compensate(-8.0, cue="stand_tall", tissue="Iliopsoas", internal_rotation_range=10.0)
    # iliopsoas' rotation moment arm is under moment_arm_floor: it is not turned, whatever the range
    assert s.rotation_used == 0.0 and s.pelvic_tilt == pytest.approx(8.0)


def test_numpy_scalars_are_accepted_and_angles_may_be_named():
    result = modified_thomas_test(np.float64(2.0), np.int64(70), 0, pelvic_tilt_controlled=np.bool_(True))
    assert result.tissues == ("one-joint hip flexors", "rectus femoris")
    named = modified_thomas_test(thigh_angle=5.0, knee_flexion=70.0, thigh_abduction=0.0)
    assert named == modified_thomas_test(5.0, 70.0, 0.0)
