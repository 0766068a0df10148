"""Unit tests of the lift-phase model: cited start angles, lockout, when compensation starts."""

from __future__ import annotations

import re

import numpy as np
import pytest

from biomech.formatting import format_degrees
from biomech.model.lift import LIFT_PARAMETERS, lift_compensation, lift_posture
from biomech.model.lockout import CUES, MODEL_PARAMETERS
from biomech.parameters import PARAMETERS
from tests.models import blog as compensate
from tests.models import blog_tissues as tissues

FIELDS = (
    "deficit",
    "rotation_used",
    "rotation_needed",
    "pelvic_tilt",
    "lumbar_extension",
    "foot_progression",
    "rotation_benefit",
)
VALID = np.linspace(PARAMETERS["hip_extension_available"].min, PARAMETERS["hip_extension_available"].max, 141)
PHASES = np.linspace(0.0, 1.0, 401)


def test_start_angles_are_the_cited_values():
    """Schellenberg et al. 2013 (25% body weight): hip 103.2, knee 107.8 deg."""
    start = lift_posture(0.0)
    assert start.hip_flexion == 103.2
    assert start.knee_flexion == 107.8
    for name in ("lift_hip_flexion_start", "lift_knee_flexion_start"):
        assert "Schellenberg et al. 2013" in PARAMETERS[name].source
        assert "verified text" in PARAMETERS[name].source


def test_start_trunk_follows_from_hip_knee_and_shank():
    start = lift_posture(0.0)
    assert start.trunk_inclination == pytest.approx(103.2 - 107.8 + start.shank_inclination)
    assert start.thigh_inclination == pytest.approx(107.8 - start.shank_inclination)


def test_lockout_is_the_models_upright_posture():
    end = lift_posture(1.0)
    assert (end.hip_flexion, end.knee_flexion, end.shank_inclination, end.trunk_inclination) == (
        0.0,
        0.0,
        0.0,
        0.0,
    )


def test_unverified_lift_parameters_are_marked_illustrative():
    assert PARAMETERS["lift_shank_inclination_start"].illustrative
    assert PARAMETERS["lift_cue_onset_hip_flexion"].illustrative


def test_lift_parameters_stay_out_of_the_lockout_model():
    assert not set(LIFT_PARAMETERS) & set(MODEL_PARAMETERS)
    assert set(LIFT_PARAMETERS) <= set(PARAMETERS)


def test_angles_fall_steadily_from_floor_to_lockout():
    pose = lift_posture(PHASES)
    for name in ("hip_flexion", "knee_flexion", "shank_inclination"):
        assert np.all(np.diff(getattr(pose, name)) <= 0), name


@pytest.mark.parametrize("cue", CUES)
@pytest.mark.parametrize("tissue", tissues())
def test_no_compensation_with_the_bar_on_the_floor(cue, tissue):
    s = lift_compensation(0.0, VALID, cue=cue, tissue=tissue)
    assert np.all(s.deficit == 0) and np.all(s.pelvic_tilt == 0)
    assert np.all(s.rotation_used == 0) and set(s.stage) == {"none"}


@pytest.mark.parametrize("cue", CUES)
@pytest.mark.parametrize("tissue", tissues())
@pytest.mark.parametrize("available", [-30.0, -8.0, 0.0, 5.0, 17.0])
def test_at_lockout_the_lift_equals_the_lockout_model(cue, tissue, available):
    a = lift_compensation(1.0, available, cue=cue, tissue=tissue)
    b = compensate(available, cue=cue, tissue=tissue)
    for field in set(FIELDS + ("demand", "hip_extension_available", "stage", "hip_flexion")):
        assert getattr(a, field) == getattr(b, field), field
    # the lift leaves out the lockout's balance: the leg takes the cue's whole demand, no trunk lean
    assert a.trunk_lean == 0.0 and b.trunk_lean != 0.0  # back, or forward where the lockout stays short
    assert a.thigh_inclination == pytest.approx(b.thigh_inclination + b.trunk_lean, abs=1e-12)
    assert a.thigh_inclination == a.demand - a.shortfall
    assert a.lumbar_extension == a.pelvic_tilt == b.lumbar_extension


@pytest.mark.parametrize("cue", CUES)
@pytest.mark.parametrize("available", [-30.0, -12.0, -3.0, 2.0])
def test_compensation_never_decreases_towards_lockout(cue, available):
    s = lift_compensation(PHASES, available, cue=cue)
    for field in ("deficit", "rotation_used", "pelvic_tilt", "lumbar_extension"):
        assert np.all(np.diff(getattr(s, field)) >= 0), field


@pytest.mark.parametrize("available", [-30.0, -12.0, -3.0])
def test_stand_tall_bites_only_once_the_hip_is_within_the_restriction(available):
    """Without a cue the deficit appears exactly where hip flexion falls below -E_a."""
    hip = lift_posture(PHASES).hip_flexion
    s = lift_compensation(PHASES, available, cue="stand_tall")
    np.testing.assert_array_equal(s.deficit > 0, hip < -available)
    assert np.all(s.deficit[hip > 30.0] == 0)  # the whole first part of the pull


def test_the_cue_acts_only_over_its_last_degrees():
    onset = PARAMETERS["lift_cue_onset_hip_flexion"].default
    hip = lift_posture(PHASES).hip_flexion
    tall = lift_compensation(PHASES, 0.0, cue="stand_tall")
    squeeze = lift_compensation(PHASES, 0.0, cue="squeeze_glutes")
    early = hip >= onset
    np.testing.assert_array_equal(squeeze.demand[early], tall.demand[early])
    assert np.all(squeeze.demand[~early] > tall.demand[~early])
    assert squeeze.demand[-1] - tall.demand[-1] == PARAMETERS["squeeze_demand"].default


def test_deficit_is_demand_minus_available():
    s = lift_compensation(PHASES, -8.0)
    np.testing.assert_allclose(s.deficit, np.maximum(0.0, s.demand + 8.0), atol=1e-9)
    assert np.all(s.hip_extension_available == -8.0)


def test_overrides_reach_both_models():
    s = lift_compensation(1.0, -10.0, squeeze_demand=0.0, external_rotation_range=10.0)
    assert s.deficit == 10.0 and s.rotation_used == 10.0
    assert lift_posture(0.0, lift_hip_flexion_start=120.0).hip_flexion == 120.0
    late = lift_compensation(0.9, 0.0, lift_cue_onset_hip_flexion=2.0)  # hip 2.5 deg
    assert late.deficit == 0.0  # the hip is still flexed more than 2 deg: no cue yet


def test_vector_equals_scalar_loop():
    many = lift_compensation(PHASES[::40], -8.0)
    for i, p in enumerate(PHASES[::40]):
        one = lift_compensation(float(p), -8.0)
        for field in FIELDS:
            assert getattr(many, field)[i] == getattr(one, field)


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: lift_posture(1.5), r"^'phase' must be a finite number of lift phase .* in \[0, 1\]; got 1.5\."),
        (lambda: lift_posture([0.0, np.nan]), r"^'phase' must be .*; got nan at index 1\."),
        (lambda: lift_posture("top"), r"^'phase' must be .*; got 'top'\."),
        (lambda: lift_compensation(0.5, -31.0), r"^'hip_extension_available' must be .* \[-30, 40\]; got -31\."),
        (lambda: lift_compensation(0.5, 0.0, cue="squeeze"), r"^'cue' must be one of"),
        (lambda: lift_compensation(0.5, 0.0, tissue="psoas"), r"^'tissue' must be one of"),
        (lambda: lift_compensation(0.5, 0.0, lift_hip_start=90.0), r"^'override' must be one of"),
        (lambda: lift_posture(0.5, squeeze_demand=5.0), r"^'override' must be one of"),
        (
            lambda: lift_posture(0.5, lift_hip_flexion_start=40.0),
            r"^'lift_hip_flexion_start' must be .* \[80, 130\]; got 40\.",
        ),
        (lambda: lift_compensation(0.5, 0.0, lift_cue_onset_hip_flexion=0.0), r"^'lift_cue_onset_hip_flexion' must be"),
    ],
)
def test_invalid_inputs_raise_clear_errors(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_the_cue_tables_report_both_cues_from_the_model():
    from biomech.model.lift import lift_cues_html, lift_cues_markdown

    text = lift_cues_markdown(1.0, -8.0)
    tall, squeeze = (lift_compensation(1.0, -8.0, cue=c) for c in CUES)
    d = format_degrees
    assert f"| anterior pelvic tilt on the trunk | {d(tall.pelvic_tilt)} | {d(squeeze.pelvic_tilt)} |" in text
    assert f"| stage | {tall.stage} | {squeeze.stage} |" in text
    page = lift_cues_html(1.0, -8.0)
    assert "<table>" in page
    assert f"<td style='padding:2px 10px;text-align:right'>{d(squeeze.pelvic_tilt)}</td>" in page
    with pytest.raises(ValueError, match=r"^'override' must be one of"):
        lift_cues_html(0.5, -8.0, fmt="pdf")


def test_a_posture_reads_as_degrees_not_as_a_repr():
    """Lessons show a posture as a table of rounded degrees, never a dataclass repr."""
    start = lift_posture(0.0)
    text, table = str(start), start._repr_markdown_()
    assert "LiftPosture(" not in text + table
    assert "20.400000000000006" not in text + table
    for label, field in (("hip flexion", "hip_flexion"), ("trunk lean from vertical", "trunk_inclination")):
        value = format_degrees(getattr(start, field))
        assert f"| {label} | {value} |" in table and label in text and value in text
    assert "over 3 phases" in str(lift_posture([0.0, 0.5, 1.0]))


def test_the_lifts_words_can_leave_out_the_stance_of_the_phase():
    """In the lift the feet are set before the pull: describe(stance=False) drops only the stance's words."""
    state = lift_compensation(0.9, -8.0, cue="stand_tall")
    full, short = state.describe(balanced=False), state.describe(balanced=False, stance=False)
    assert "stance needed: feet out" in full and "stance" not in short
    assert short == re.sub(r"; stance needed: feet out [0-9.]+ deg\)", ")", full)
