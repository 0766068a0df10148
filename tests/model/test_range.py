"""Postures kept within range: the tilt capped at the voluntary limits, the rest a shortfall (model.lockout)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biomech.model.lockout import CUES, STAGES, compensate, tissue_choices
from biomech.parameters import PARAMETERS
from biomech.scene.labels import lordosis_label
from biomech.scene.scene import build_scene
from tests.models import UNCAPPED

TOL = 1e-9


def in_range(name: str) -> st.SearchStrategy[float]:
    p = PARAMETERS[name]
    return st.floats(p.min, p.max, allow_nan=False, allow_infinity=False)


def test_the_limit_is_the_smaller_of_the_two_and_sourced():
    tilt, lumbar = PARAMETERS["max_pelvic_tilt"], PARAMETERS["max_lumbar_extension"]
    assert (tilt.default, lumbar.default) == (11.4, 10.8)
    for p in (tilt, lumbar):
        assert "Levine & Whittle 1996" in p.source and "abstract only" in p.source and "uncertain" in p.source
    s = compensate(-30.0, mechanism="blog")
    assert s.pelvic_tilt == s.lumbar_extension == 10.8 and s.stage == "beyond_range"
    assert compensate(-30.0, mechanism="blog", max_lumbar_extension=20.0).pelvic_tilt == 11.4


def test_hand_worked_blog_cap_after_its_rotation():
    """Blog, squeeze, -15: deficit 24, rotation buys 0.3 x 38.5 = 11.55, tilt needed 12.45; capped at 10.8,
    so the lockout stays 1.65 deg short and the hip ends 1.65 deg flexed more than asked: 10.8 + 1.65 - 9."""
    s = compensate(-15.0, mechanism="blog")
    assert (s.deficit, s.rotation_used, s.pelvic_tilt) == (24.0, 38.5, 10.8)
    assert s.shortfall == pytest.approx(1.65, abs=1e-12)
    assert s.hip_flexion == pytest.approx(10.8 + 1.65 - 9.0, abs=1e-12)
    assert "beyond the voluntary range" in s.describe() and "stays 1.7 deg short" in s.describe()


def test_geometry_first_uses_the_rotation_that_lowers_the_tilt_beyond_the_limit():
    """Iliopsoas with both floors 0: with no cap it turns in 29.6 deg for 2 deg of tilt (17 instead of 19);
    with the cap that is also the least tilt beyond the limit, so it turns the same and is 6.2 deg short."""
    free = {"rotation_gain_floor": 0.0, "moment_arm_floor": 0.0}
    capped = compensate(-10.0, tissue="Iliopsoas", **free)
    open_ = compensate(-10.0, tissue="Iliopsoas", **free, **UNCAPPED)
    assert capped.rotation_used == pytest.approx(open_.rotation_used, abs=1e-3)
    assert capped.pelvic_tilt == 10.8 and capped.shortfall == pytest.approx(open_.pelvic_tilt - 10.8, abs=1e-9)
    # with a price the uncapped answer need not turn; the cap makes the rotation worth it (lexicographic)
    priced = compensate(-10.0, tissue="Sartorius", rotation_gain_floor=0.6)
    priced_open = compensate(-10.0, tissue="Sartorius", rotation_gain_floor=0.6, **UNCAPPED)
    assert priced.pelvic_tilt + priced.shortfall <= priced_open.pelvic_tilt + 1e-3


@settings(max_examples=60)
@given(
    in_range("hip_extension_available"),
    st.sampled_from(CUES),
    st.sampled_from(["blog", "geometry"]),
    st.sampled_from(list(tissue_choices("blog"))),
    in_range("max_pelvic_tilt"),
    in_range("max_lumbar_extension"),
    in_range("squeeze_demand"),
)
def test_the_cap_holds_and_the_deficit_is_conserved(available, cue, mechanism, tissue, max_tilt, max_lumbar, demand):
    limits = {"max_pelvic_tilt": max_tilt, "max_lumbar_extension": max_lumbar}
    s = compensate(available, cue=cue, mechanism=mechanism, tissue=tissue, squeeze_demand=demand, **limits)
    limit = min(max_tilt, max_lumbar)
    assert 0.0 <= s.pelvic_tilt <= limit + TOL and s.lumbar_extension == s.pelvic_tilt
    assert s.shortfall >= 0.0
    assert s.shortfall == 0.0 or s.pelvic_tilt == pytest.approx(limit, abs=TOL)
    assert (s.stage == "beyond_range") == (s.shortfall > 0)
    assert s.hip_flexion == pytest.approx(s.pelvic_tilt + s.shortfall - s.demand, abs=1e-9)
    assert s.thigh_inclination + s.trunk_lean == pytest.approx(s.demand - s.shortfall, abs=1e-9)
    if mechanism == "blog":  # rotation gain + tilt + shortfall = deficit
        assert s.rotation_benefit * abs(s.rotation_used) + s.pelvic_tilt + s.shortfall == pytest.approx(s.deficit)
    else:  # the tilt needed at the rotation used, capped: never more than with no cap
        open_ = compensate(available, cue=cue, mechanism=mechanism, tissue=tissue, squeeze_demand=demand, **UNCAPPED)
        assert s.pelvic_tilt + s.shortfall <= open_.pelvic_tilt + 2e-3
        assert s.deficit == open_.deficit
    if s.shortfall == 0.0 and mechanism == "blog":  # within range: the old answer
        open_ = compensate(available, cue=cue, mechanism=mechanism, tissue=tissue, squeeze_demand=demand, **UNCAPPED)
        assert (s.pelvic_tilt, s.rotation_used) == (open_.pelvic_tilt, open_.rotation_used)


@pytest.mark.parametrize("mechanism", ["blog", "geometry"])
def test_with_the_limits_at_their_maximum_the_old_answers_come_back(mechanism):
    x = np.linspace(-30.0, 40.0, 29)
    s = compensate(x, mechanism=mechanism, **UNCAPPED)
    assert np.all(s.shortfall == 0.0) and "beyond_range" not in set(s.stage)
    # -30, squeeze: the deficit 39 less what rotation buys (blog: 0.3 x 38.5; geometry, all flexors: none)
    assert float(np.max(s.pelvic_tilt)) == pytest.approx(39.0 - (11.55 if mechanism == "blog" else 0.0), abs=1e-6)
    np.testing.assert_array_equal(s.lumbar_extension, s.pelvic_tilt)


def test_the_side_view_draws_the_capped_posture_and_says_out_of_range():
    s = build_scene(-20.0)
    assert s.state.stage == STAGES[3]
    assert s.sagittal.lumbar_lordosis == pytest.approx(s.standing_lumbar_lordosis + 10.8, abs=1e-9)
    assert f"at its limit;\nlockout short\nby {s.state.shortfall:.1f}°" in lordosis_label(s).text
    assert "at its limit" not in lordosis_label(build_scene(2.0)).text
