"""Invariants of the lockout compensation model, on generated inputs (hypothesis).

Each property runs on the active profile's number of generated cases (10,000 under
the "ci" profile, see tests/conftest.py). Inputs span every parameter's full valid
range and every tissue the model accepts.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from biomech.model.blog_lockout import blog_rotation_benefit
from biomech.model.lockout import CUES, MODEL_PARAMETERS, STAGES
from biomech.parameters import PARAMETERS
from tests.models import blog_tissues as tissues
from tests.models import blog_uncapped as compensate

TOL = 1e-9  # degrees; the model is closed-form, so only rounding error is allowed


def in_range(name: str) -> st.SearchStrategy[float]:
    p = PARAMETERS[name]
    return st.floats(p.min, p.max, allow_nan=False, allow_infinity=False)


overrides = st.fixed_dictionaries(
    {},
    optional={name: in_range(name) for name in MODEL_PARAMETERS if name != "moment_arm_floor"},
)
cases = st.tuples(
    in_range("hip_extension_available"),
    st.sampled_from(CUES),
    st.sampled_from(tissues()),
    overrides,
)


def capacity(tissue, extra) -> float:
    """The rotation range the tissue's direction may use (internal for internal rotators)."""
    internal = float(blog_rotation_benefit(tissue)[1]) < 0
    name = "internal_rotation_range" if internal else "external_rotation_range"
    return extra.get(name, PARAMETERS[name].default)


@given(cases)
def test_zero_deficit_gives_zero_compensation(case):
    available, cue, tissue, extra = case
    state = compensate(available, cue=cue, tissue=tissue, **extra)
    if state.deficit == 0:
        assert state.rotation_used == 0
        assert state.pelvic_tilt == 0
        # no tilt: no lumbar extension (the balance's lean is taken at the hip, model.balance)
        assert state.lumbar_extension == 0.0
        assert state.stage == "none"
        assert state.foot_progression == extra.get(
            "foot_progression_baseline", PARAMETERS["foot_progression_baseline"].default
        )
    else:
        assert state.stage != "none"


@given(cases)
def test_conservation_of_the_deficit(case):
    available, cue, tissue, extra = case
    s = compensate(available, cue=cue, tissue=tissue, **extra)
    assert abs(s.rotation_benefit * abs(s.rotation_used) + s.pelvic_tilt + s.shortfall - s.deficit) <= TOL
    assert s.deficit == max(0.0, s.demand - available)
    assert s.lumbar_extension == s.pelvic_tilt  # the balance adds none: its lean is at the hip
    reached = s.demand - s.shortfall  # leg and trunk share the extension reached (the demand, within range)
    assert abs(s.thigh_inclination + s.trunk_lean - reached) <= 1e-12
    assert abs(s.hip_flexion - (s.pelvic_tilt + s.shortfall - s.demand)) <= 1e-12
    assert -30.0 < s.thigh_inclination < 30.0


@given(cases)
def test_rotation_never_exceeds_capacity(case):
    available, cue, tissue, extra = case
    s = compensate(available, cue=cue, tissue=tissue, **extra)
    assert abs(s.rotation_used) <= capacity(tissue, extra) + TOL
    # and the pelvis only tilts once rotation is used up (or cannot help)
    if s.pelvic_tilt > 0 and s.rotation_benefit > 0:
        assert abs(abs(s.rotation_used) - capacity(tissue, extra)) <= TOL


@given(cases, in_range("hip_extension_available"))
def test_outputs_grow_with_restriction(case, other):
    """Less available extension never means less compensation, or an earlier stage."""
    available, cue, tissue, extra = case
    loose, tight = max(available, other), min(available, other)
    a = compensate(loose, cue=cue, tissue=tissue, **extra)
    b = compensate(tight, cue=cue, tissue=tissue, **extra)
    assert b.deficit >= a.deficit
    assert abs(b.rotation_used) >= abs(a.rotation_used)
    assert abs(b.rotation_needed) >= abs(a.rotation_needed)
    assert b.pelvic_tilt >= a.pelvic_tilt
    assert b.shortfall >= a.shortfall - TOL
    if b.shortfall == 0.0:  # within range: more tilt carries the trunk forward, so more lean back
        assert b.trunk_lean >= a.trunk_lean - TOL
        assert b.thigh_inclination <= a.thigh_inclination + TOL  # and the leg leans less forward
    assert b.lumbar_extension >= a.lumbar_extension - TOL
    direction = np.sign(b.rotation_used) or 1.0
    assert direction * b.foot_progression >= direction * a.foot_progression
    assert STAGES.index(b.stage) >= STAGES.index(a.stage)


@given(cases)
def test_stand_tall_never_demands_more_than_squeeze(case):
    available, _, tissue, extra = case
    tall = compensate(available, cue="stand_tall", tissue=tissue, **extra)
    squeeze = compensate(available, cue="squeeze_glutes", tissue=tissue, **extra)
    assert tall.demand <= squeeze.demand
    assert tall.deficit <= squeeze.deficit
    assert abs(tall.rotation_used) <= abs(squeeze.rotation_used)
    assert tall.pelvic_tilt <= squeeze.pelvic_tilt
    assert STAGES.index(tall.stage) <= STAGES.index(squeeze.stage)


@given(
    st.lists(in_range("hip_extension_available"), min_size=1, max_size=8),  # 8: broadcasting needs no longer arrays
    st.sampled_from(CUES),
    st.sampled_from(tissues()),
    st.lists(in_range("squeeze_demand"), min_size=1, max_size=1),
)
def test_broadcast_equals_scalar_loop(values, cue, tissue, demand):
    """An array of restrictions (and a broadcast override) equals one call per element."""
    demands = np.resize(demand, len(values))
    many = compensate(np.array(values), cue=cue, tissue=tissue, squeeze_demand=demands)
    for i, value in enumerate(values):
        one = compensate(value, cue=cue, tissue=tissue, squeeze_demand=demands[i])
        for field in (
            "deficit",
            "rotation_used",
            "rotation_needed",
            "pelvic_tilt",
            "lumbar_extension",
            "trunk_lean",
            "thigh_inclination",
            "foot_progression",
            "rotation_benefit",
            "demand",
        ):
            assert getattr(many, field)[i] == getattr(one, field), field
        assert many.stage[i] == one.stage
