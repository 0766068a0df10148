"""The client function: each published Thomas-test rule, its boundaries, its prediction, its errors."""

from __future__ import annotations

from functools import partial

import numpy as np
import pytest

from biomech.model.lockout import CUES
from biomech.model.lockout import compensate as compensate_any
from biomech.model.lockout import tissues as tissues_of
from biomech.model.thomas import CRITERIA, MODEL_TISSUE, TEST_TISSUES, VALIDITY, modified_thomas_test
from biomech.parameters import PARAMETERS

compensate = partial(compensate_any, mechanism="blog")  # these tests hold the blog's mechanism
tissues = partial(tissues_of, "blog")

# A client well inside every rule set's normal side: thigh well below the table,
# knee well bent, thigh drawn towards the midline.
NORMAL = {"thigh_angle": -20.0, "knee_flexion": 90.0, "thigh_abduction": -5.0}
RULES = [(name, rule) for name, c in CRITERIA.items() for rule in c.rules]
IDS = [f"{name}-{rule.measurement}" for name, rule in RULES]


def run(criteria: str, **values: float):
    v = NORMAL | values
    return modified_thomas_test(v["thigh_angle"], v["knee_flexion"], v["thigh_abduction"], criteria=criteria)


def short_side(rule, by: float) -> float:
    return rule.threshold + by if rule.short_if == ">" else rule.threshold - by


def test_the_published_cut_offs():
    """As SOURCES.md section 8 gives them."""
    table = {name: tuple(r.threshold for r in c.rules) for name, c in CRITERIA.items()}
    assert table == {
        "kendall": (0.0, 80.0, 0.0),
        "bmc2021": (0.0, 67.0, 0.0),
        "harvey1998": (-11.9, 52.5, 15.6),
    }
    assert [r.tissue for r in CRITERIA["kendall"].rules] == list(TEST_TISSUES)
    for c in CRITERIA.values():
        assert "verified text" in c.source


def test_normal_client_has_no_finding():
    for name in CRITERIA:
        result = run(name)
        assert result.tissues == ("none",)
        assert result.model_tissue == "hip flexors (all)"


@pytest.mark.parametrize(("criteria", "rule"), RULES, ids=IDS)
def test_each_rule_maps_to_its_tissue(criteria, rule):
    result = run(criteria, **{rule.measurement: short_side(rule, 3.0)})
    assert result.tissues == (rule.tissue,)
    assert result.model_tissue == MODEL_TISSUE[rule.tissue]
    fired = [f for f in result.findings if f.fired]
    assert len(fired) == 1 and fired[0].rule == rule and fired[0].margin == pytest.approx(3.0)


@pytest.mark.parametrize(("criteria", "rule"), RULES, ids=IDS)
def test_a_value_exactly_at_the_cut_off_is_not_short(criteria, rule):
    """The sources write strict inequalities: 'knee < 67', 'hip > 0', 'under 80'."""
    assert run(criteria, **{rule.measurement: rule.threshold}).tissues == ("none",)
    assert run(criteria, **{rule.measurement: short_side(rule, 0.1)}).tissues == (rule.tissue,)


@pytest.mark.parametrize(
    ("criteria", "knee", "short"),
    [
        ("kendall", 80.0, False),
        ("kendall", 79.9, True),
        ("kendall", 70.0, True),
        ("bmc2021", 67.0, False),
        ("bmc2021", 66.9, True),
        ("bmc2021", 70.0, False),
        ("harvey1998", 52.5, False),
        ("harvey1998", 52.4, True),
    ],
)
def test_knee_boundaries_as_each_source_says(criteria, knee, short):
    assert ("rectus femoris" in run(criteria, knee_flexion=knee).tissues) is short


def test_kendalls_example_client():
    """Kendall: hip stays at 15 deg of flexion, knee reaches only 70: both flexor groups short."""
    result = run("kendall", thigh_angle=15.0, knee_flexion=70.0)
    assert result.tissues == ("one-joint hip flexors", "rectus femoris")
    assert [f.margin for f in result.findings[:2]] == [15.0, 10.0]


def test_harveys_mean_athlete_fails_the_other_rule_sets():
    """The athletes' average knee and abduction are 'short' by both published cut-offs."""
    mean = tuple(PARAMETERS[f"mtt_{n}"].default for n in ("thigh_angle", "knee_flexion", "thigh_abduction"))
    for criteria in ("kendall", "bmc2021"):
        assert modified_thomas_test(*mean, criteria=criteria).tissues == ("rectus femoris", "TFL/ITB")
    assert modified_thomas_test(*mean, criteria="harvey1998").tissues == ("none",)


def test_model_tissues_are_tissues_of_the_model():
    assert set(MODEL_TISSUE) == set(TEST_TISSUES)
    assert set(MODEL_TISSUE.values()) <= set(tissues())


def test_available_extension_from_the_thigh_angle():
    result = modified_thomas_test(-8.0, 90.0, 0.0)
    assert (result.hip_extension_available, result.hip_extension_from) == (8.0, "thigh angle")
    above = modified_thomas_test(6.0, 90.0, 0.0)
    assert above.hip_extension_available == -6.0
    assert above.compensation["squeeze_glutes"] == compensate(-6.0, cue="squeeze_glutes", tissue="Iliopsoas")


def test_measured_ranges_are_used_for_the_prediction():
    result = modified_thomas_test(
        5.0,
        90.0,
        0.0,
        hip_extension=-4.0,
        external_rotation=20.0,
        internal_rotation=10.0,
        tissue="hip flexors (all)",
    )
    assert (result.hip_extension_available, result.hip_extension_from) == (-4.0, "measured")
    for cue in CUES:
        expected = compensate(
            -4.0, cue=cue, tissue="hip flexors (all)", external_rotation_range=20.0, internal_rotation_range=10.0
        )
        assert result.compensation[cue] == expected
    assert result.compensation["squeeze_glutes"].rotation_used == 20.0  # capped by the measured ER


def test_rectus_femoris_prediction_carries_the_knee_caveat():
    result = modified_thomas_test(-5.0, 50.0, 0.0)
    assert result.model_tissue == "Rectus femoris"
    assert any("knee" in note and "rectus femoris" in note for note in result.notes)


def test_measurement_error_is_flagged_near_a_cut_off():
    sem = PARAMETERS["mtt_standard_error"].default
    near = modified_thomas_test(sem - 1.0, 90.0, -20.0).findings[0]
    far = modified_thomas_test(sem + 1.0, 90.0, -20.0).findings[0]
    assert near.fired and near.within_error
    assert far.fired and not far.within_error


def test_large_contracture_estimate_is_outside_the_model():
    result = modified_thomas_test(45.0, 90.0, 0.0)
    assert result.tissues == ("one-joint hip flexors",)
    assert dict(result.compensation) == {}
    assert any("outside the lockout model's range" in n for n in result.notes)
    assert set(modified_thomas_test(45.0, 90.0, 0.0, hip_extension=-20.0).compensation) == set(CUES)


def test_validity_limits_are_the_cited_values():
    assert (VALIDITY.sensitivity, VALIDITY.specificity, VALIDITY.kappa_inter) == (0.318, 0.571, 0.33)
    assert any("Vigotsky et al. 2016" in n for n in VALIDITY.notes)
    assert any("Peeler & Anderson 2008" in n for n in VALIDITY.notes)


def test_summary_names_rules_and_prediction():
    text = str(modified_thomas_test(5.0, 70.0, 0.0))
    assert "SHORT" in text and "Iliopsoas" in text and "squeeze_glutes" in text


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
        ((0.0, 60.0, 0.0), {"hip_extension": 50.0}, r"^'hip_extension' must be .* \[-30, 40\]; got 50\.$"),
        ((0.0, 60.0, 0.0), {"external_rotation": -5.0}, r"^'external_rotation' must be .* \[0, 60\]; got -5\.$"),
        ((0.0, 60.0, 0.0), {"internal_rotation": 75.0}, r"^'internal_rotation' must be .* \[0, 60\]; got 75\.$"),
        (
            (0.0, 60.0, 0.0),
            {"criteria": "kendal"},
            r"^'criteria' must be one of .*; got 'kendal' \(did you mean 'kendall'\?\)\.$",
        ),
        ((0.0, 60.0, 0.0), {"tissue": "quads"}, r"^'tissue' must be one of"),
        ((None, 60.0, 0.0), {}, r"^'thigh_angle' must be .*; got None\.$"),
    ],
)
def test_invalid_measurements_raise_clear_errors(args, kwargs, match):
    with pytest.raises(ValueError, match=match):
        modified_thomas_test(*args, **kwargs)


def test_numpy_scalars_are_accepted():
    result = modified_thomas_test(np.float64(2.0), np.int64(70), 0)
    assert result.tissues == ("one-joint hip flexors", "rectus femoris")


def test_angles_may_be_named():
    named = modified_thomas_test(thigh_angle=5.0, knee_flexion=70.0, thigh_abduction=0.0)
    assert named == modified_thomas_test(5.0, 70.0, 0.0)
