"""Unit tests of the lockout compensation model: analytic anchors, directions, errors."""

from __future__ import annotations

import math
import subprocess
import sys

import numpy as np
import pytest

from biomech.anatomy.tissues import ALL_FLEXORS, tissue_moment_arms
from biomech.model.blog_lockout import blog_rotation_benefit
from biomech.model.lockout import MODEL_PARAMETERS, STAGES
from biomech.model.lockout import compensate as compensate_any
from biomech.parameters import PARAMETERS
from tests.models import blog_tissues as tissues

# these tests hold the blog's mechanism without the range cap (tests/model/test_range.py tests the cap)
from tests.models import blog_uncapped as compensate

DEFAULT = {name: p.default for name, p in PARAMETERS.items()}


def test_stand_tall_with_normal_range_is_neutral():
    state = compensate(DEFAULT["hip_extension_available"], cue="stand_tall")
    assert (state.deficit, state.rotation_used, state.pelvic_tilt, state.stage) == (0.0, 0.0, 0.0, "none")
    assert state.foot_progression == DEFAULT["foot_progression_baseline"]


def test_hand_worked_example_for_the_blogs_hypothesis():
    """-10 deg available, squeeze cue: D = 9 + 10 = 19; rotation saturates at the ER range."""
    s = compensate(-10.0)
    k, er = DEFAULT["flexors_rotation_benefit"], DEFAULT["external_rotation_range"]
    assert s.deficit == pytest.approx(DEFAULT["squeeze_demand"] + 10.0)
    assert s.rotation_used == pytest.approx(er)
    assert s.rotation_needed == pytest.approx(s.deficit / k)
    assert s.pelvic_tilt == pytest.approx(s.deficit - k * er)
    assert s.foot_progression == pytest.approx(DEFAULT["foot_progression_baseline"] + er)
    assert s.stage == "lumbopelvic"


def test_small_deficit_is_absorbed_by_rotation_alone():
    s = compensate(DEFAULT["squeeze_demand"] - 3.0)
    assert s.stage == "rotational"
    assert s.pelvic_tilt == 0.0
    assert s.rotation_used == pytest.approx(3.0 / DEFAULT["flexors_rotation_benefit"])


def test_stages_appear_in_order_along_a_sweep():
    sweep = compensate_any(np.linspace(40, -30, 701), mechanism="blog")  # with the range cap: all four stages
    order = [STAGES.index(s) for s in sweep.stage]
    assert order == sorted(order)
    assert set(sweep.stage) == set(STAGES)


@pytest.mark.parametrize("tissue", [t for t in tissues() if t != ALL_FLEXORS])
def test_tissue_direction_follows_its_rotation_moment_arm(tissue):
    arms = tissue_moment_arms()[tissue]
    s = compensate(-10.0, tissue=tissue)
    k, direction = blog_rotation_benefit(tissue)
    floor = DEFAULT["moment_arm_floor"]
    if abs(arms.rotation_mm) < floor:
        assert (k, direction, s.rotation_used) == (0.0, 0.0, 0.0)
        assert s.stage == "lumbopelvic" and s.pelvic_tilt == s.deficit
        assert math.isinf(s.rotation_needed)
    else:
        assert k == pytest.approx(abs(arms.rotation_mm) / arms.flexion_mm)
        assert np.sign(s.rotation_used) == np.sign(arms.rotation_mm) == direction


def test_the_duck_feet_story_does_not_hold_for_every_tissue():
    """Internal rotators turn the feet in; tissues without a rotation action get none."""
    directions = {t: float(blog_rotation_benefit(t)[1]) for t in tissues()}
    assert directions[ALL_FLEXORS] == 1.0
    assert -1.0 in directions.values() and 0.0 in directions.values()
    internal = next(t for t, d in directions.items() if d < 0)
    s = compensate(-10.0, tissue=internal)
    assert s.rotation_used < 0 and s.foot_progression < DEFAULT["foot_progression_baseline"]


def test_rotation_floor_override_removes_the_rotation_action():
    tissue = next(t for t in tissues() if float(blog_rotation_benefit(t)[1]) != 0 and t != ALL_FLEXORS)
    arms = tissue_moment_arms()[tissue]
    s = compensate(-10.0, tissue=tissue, moment_arm_floor=abs(arms.rotation_mm) + 0.01)
    assert s.rotation_used == 0.0 and s.pelvic_tilt == s.deficit


def test_tissue_that_cannot_restrict_extension_is_explained():
    weak = [t for t, a in tissue_moment_arms().items() if a.flexion_mm < DEFAULT["moment_arm_floor"]]
    for tissue in weak:
        with pytest.raises(ValueError, match=r"'tissue' .* cannot restrict hip extension at lockout"):
            compensate(0.0, tissue=tissue)


def test_scalar_inputs_give_plain_python_values():
    s = compensate(0.0)
    assert type(s.deficit) is float and type(s.stage) is str
    assert "deg short of extension" in str(s)


def test_describe_numbers_add_up():
    s = compensate(-10.0)
    text = s.describe()
    assert text.startswith("19 deg short of extension")
    assert "external rotation" in text and "feet out" in text


# --- bad input: every case names the parameter, the value and the valid range ----------


@pytest.mark.parametrize(
    "value, shown",
    [(float("nan"), "nan"), (float("inf"), "inf"), (-float("inf"), "-inf"), (41.0, "41"), (-30.5, "-30.5")],
)
def test_bad_available_extension(value, shown):
    with pytest.raises(
        ValueError, match=rf"'hip_extension_available' must be a finite number of degrees in \[-30, 40\]; got {shown}\."
    ):
        compensate(value)


def test_bad_value_inside_an_array_names_its_index():
    with pytest.raises(ValueError, match=r"got nan at index 2\."):
        compensate([0.0, 1.0, float("nan")])


@pytest.mark.parametrize("bad", ["4", None, [[1.0, 2.0]]])
def test_non_numbers_are_rejected(bad):
    with pytest.raises(ValueError, match="'hip_extension_available' must be a finite number"):
        compensate(bad)


@pytest.mark.parametrize("name", MODEL_PARAMETERS)
@pytest.mark.parametrize("where", ["below", "above", "nan"])
def test_bad_override_values(name, where):
    p = PARAMETERS[name]
    value = {"below": p.min - 1, "above": p.max + 1, "nan": float("nan")}[where]
    with pytest.raises(ValueError, match=rf"'{name}' must be a finite number of .* in \[{p.min:g}, {p.max:g}\]; got"):
        compensate(0.0, **{name: value})


def test_unknown_cue_suggests_the_closest():
    with pytest.raises(
        ValueError,
        match=r"'cue' must be one of \{'squeeze_glutes', 'stand_tall'\}; got 'squeeze' "
        r"\(did you mean 'squeeze_glutes'\?\)",
    ):
        compensate(0.0, cue="squeeze")


def test_unknown_tissue_lists_choices():
    with pytest.raises(
        ValueError,
        match=r"'tissue' must be one of .*'Rectus femoris'.*; got 'rectus femoris' \(did you mean 'Rectus femoris'\?\)",
    ):
        compensate(0.0, tissue="rectus femoris")


def test_unknown_override_name():
    with pytest.raises(
        ValueError,
        match=r"'override' must be one of .*'squeeze_demand'.*; got 'squeeze_demnd' "
        r"\(did you mean 'squeeze_demand'\?\)",
    ):
        compensate(0.0, squeeze_demnd=5)


def test_parameters_that_are_not_model_inputs_are_not_overrides():
    with pytest.raises(ValueError, match="'override' must be one of"):
        compensate(0.0, lift_hip_flexion_start=100)
    with pytest.raises(ValueError, match="'override' must be one of"):
        compensate(0.0, mtt_thigh_angle=0)


def test_the_standing_posture_changes_only_the_lean():
    """The standing tilt and lordosis shape the lifter for the balance, nothing else."""
    a, b = compensate(-10.0), compensate(-10.0, standing_pelvic_tilt=20, standing_lumbar_lordosis=60)
    assert (a.deficit, a.rotation_used, a.pelvic_tilt, a.stage) == (b.deficit, b.rotation_used, b.pelvic_tilt, b.stage)
    assert a.trunk_lean != b.trunk_lean


def test_mismatched_array_lengths():
    with pytest.raises(ValueError, match="array inputs must have the same length"):
        compensate([0.0, 1.0, 2.0], squeeze_demand=[5.0, 6.0])


def test_model_and_table_import_without_matplotlib():
    code = (
        "import sys, biomech.model.lockout, biomech.anatomy.textbook, biomech.parameters;"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'ipywidgets', 'IPython')];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
