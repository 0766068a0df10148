"""The assumption variants and the band they make (biomech.model.variants)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biomech.model.lockout import compensate
from biomech.model.variants import (
    HELPS_BELOW_DEG,
    SLACK_DRAWS,
    SLACK_MAX_DEG,
    assumption_variants,
    compensation_band,
)
from biomech.parameters import PARAMETERS

X = np.linspace(-30.0, 40.0, 141)


def test_the_required_variants_are_there_for_a_combined_tissue():
    names = [v.name for v in assumption_variants(cue="squeeze_glutes", tissue="hip flexors (all)")]
    assert names[0] == "as set"
    for expected in (
        "rotation gain floor halved",
        "rotation gain floor doubled",
        "squeeze 5 deg",
        "squeeze 12 deg",
        "knee 5 deg, thigh unchanged",
        "knee 10 deg, thigh unchanged",
    ):
        assert expected in names
    assert sum(n.startswith("parts not all at their limit") for n in names) == SLACK_DRAWS


def test_variants_change_what_they_say_relative_to_the_settings():
    floor = PARAMETERS["rotation_gain_floor"].default
    by_name = {v.name: v for v in assumption_variants(tissue="Sartorius", rotation_gain_floor=floor)}
    assert by_name["rotation gain floor halved"].overrides["rotation_gain_floor"] == pytest.approx(floor / 2)
    assert by_name["rotation gain floor doubled"].overrides["rotation_gain_floor"] == pytest.approx(floor * 2)
    assert by_name["squeeze 12 deg"].overrides["squeeze_demand"] == 12.0
    assert not any(v.slack for v in by_name.values())  # one part: nothing to leave slack


def test_slack_draws_stay_in_the_stated_range_and_are_reproducible():
    one = assumption_variants(tissue="hip flexors (all)")
    two = assumption_variants(tissue="hip flexors (all)")
    slacks = [v.slack for v in one if v.slack]
    assert slacks == [v.slack for v in two if v.slack]
    values = np.array([s for d in slacks for s in d.values()])
    assert np.all((values >= 0) & (values <= SLACK_MAX_DEG))
    assert len({len(d) for d in slacks}) == 1 and len(slacks[0]) > 1


def test_stand_tall_has_no_squeeze_variants_and_the_blog_no_geometry_ones():
    names = [v.name for v in assumption_variants(cue="stand_tall", tissue="hip flexors (all)", mechanism="blog")]
    assert names == ["as set", "blog's k halved", "blog's k doubled", "bar 0.5 x body mass", "bar 2 x body mass"]


def test_each_row_of_the_band_equals_compensate_under_its_variant():
    band = compensation_band(X[::10], cue="squeeze_glutes", tissue="hip flexors (all)")
    for i, variant in enumerate(band.variants):
        alone = compensate(
            X[::10],
            cue="squeeze_glutes",
            tissue="hip flexors (all)",
            slack=dict(variant.slack) or None,
            **variant.overrides,
        )
        np.testing.assert_allclose(band.curves.pelvic_tilt[i], alone.pelvic_tilt, atol=1e-9)
        np.testing.assert_allclose(band.curves.rotation_used[i], alone.rotation_used, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(
    available=st.floats(-30.0, 40.0),
    cue=st.sampled_from(["stand_tall", "squeeze_glutes"]),
    tissue=st.sampled_from(["hip flexors (all)", "Iliopsoas", "Sartorius", "Rectus femoris", "Tensor fasciae latae"]),
    mechanism=st.sampled_from(["geometry", "blog"]),
)
def test_the_band_contains_the_default_answer(available, cue, tissue, mechanism):
    band = compensation_band(np.array([available]), cue=cue, tissue=tissue, mechanism=mechanism)
    default = compensate(available, cue=cue, tissue=tissue, mechanism=mechanism)
    for field in ("pelvic_tilt", "lumbar_extension", "rotation_used"):
        value = getattr(default, field)
        assert band.low(field)[0] - 1e-9 <= value <= band.high(field)[0] + 1e-9


def test_the_sentence_counts_what_it_says():
    band = compensation_band(X, cue="squeeze_glutes", tissue="hip flexors (all)")
    j = band.column(-10.0)
    gain = band.curves.deficit[:, j] - band.curves.pelvic_tilt[:, j] - band.curves.shortfall[:, j]
    n = int(np.sum(gain < HELPS_BELOW_DEG))
    beyond = int(np.sum(band.curves.shortfall[:, j] > 0))
    sentence = band.sentence(-10.0)
    assert f"less than 1 deg in {n} of {len(band.variants)}" in sentence
    assert f"beyond the voluntary range in {beyond} of {len(band.variants)}" in sentence and beyond > 0
    assert "-10 deg available" in sentence


def test_the_bar_load_variants_move_only_the_balance():
    band = compensation_band(X[::20], cue="squeeze_glutes", tissue="hip flexors (all)")
    names = [v.name for v in band.variants]
    base, light, heavy = (names.index(n) for n in ("as set", "bar 0.5 x body mass", "bar 2 x body mass"))
    for field in ("deficit", "rotation_used", "pelvic_tilt", "lumbar_extension", "shortfall"):
        values = getattr(band.curves, field)
        np.testing.assert_array_equal(values[light], values[base])
        np.testing.assert_array_equal(values[heavy], values[base])
    lean = band.curves.trunk_lean
    assert np.all(lean[light] < lean[base]) and np.all(lean[base] < lean[heavy])  # a heavier bar: further back


def test_bad_input_names_the_parameter():
    with pytest.raises(ValueError, match="hip_extension_available"):
        compensation_band(np.array([99.0]))
    with pytest.raises(ValueError, match="override"):
        compensation_band(X, not_a_parameter=1.0)


def test_each_variant_says_what_it_changes_and_nothing_it_keeps():
    variants = assumption_variants(cue="squeeze_glutes", tissue="hip flexors (all)", squeeze_demand=7.0)
    words = {v.name: v.describe() for v in variants}
    assert words["as set"] == "as set: the settings given"
    assert words["squeeze 12 deg"] == "squeeze 12 deg: squeeze_demand 12 deg"
    assert "squeeze_demand" not in words["knee 10 deg, thigh unchanged"]  # kept at 7 deg, not changed by it
    assert words["rotation gain floor doubled"].endswith(f"{2 * PARAMETERS['rotation_gain_floor'].default:.3g}")
    slack = [w for n, w in words.items() if n.startswith("parts not all")]
    assert len(slack) == SLACK_DRAWS and all("parts reaches its limit" in w for w in slack)


def test_the_band_is_public():
    import biomech as bm

    assert bm.compensation_band is compensation_band and bm.model.assumption_variants is assumption_variants
