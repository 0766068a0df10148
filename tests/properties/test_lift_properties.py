"""Invariants of the lift-phase model on generated inputs (hypothesis).

Inputs span every lift and model parameter's valid range, every cue and every tissue.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from biomech.model.lift import LIFT_PARAMETERS, lift_compensation, lift_posture
from biomech.model.lockout import CUES, MODEL_PARAMETERS, STAGES
from biomech.model.lockout import compensate as compensate_any
from biomech.parameters import PARAMETERS
from tests.models import blog_tissues as tissues

TOL = 1e-9  # degrees; closed-form model, rounding error only


def in_range(name: str) -> st.SearchStrategy[float]:
    p = PARAMETERS[name]
    return st.floats(p.min, p.max, allow_nan=False, allow_infinity=False)


phases = st.floats(0.0, 1.0, allow_nan=False)
overrides = st.fixed_dictionaries(
    {},
    optional={name: in_range(name) for name in MODEL_PARAMETERS + LIFT_PARAMETERS if name != "moment_arm_floor"},
)
cases = st.tuples(in_range("hip_extension_available"), st.sampled_from(CUES), st.sampled_from(tissues()), overrides)


@given(cases)
def test_no_compensation_with_the_bar_on_the_floor(case):
    available, cue, tissue, extra = case
    s = lift_compensation(0.0, available, cue=cue, tissue=tissue, **extra)
    assert (s.deficit, s.rotation_used, s.pelvic_tilt, s.lumbar_extension, s.stage) == (
        0.0,
        0.0,
        0.0,
        0.0,
        "none",
    )


@given(cases, phases, phases)
def test_compensation_never_decreases_with_phase(case, p, q):
    available, cue, tissue, extra = case
    early, late = min(p, q), max(p, q)
    a = lift_compensation(early, available, cue=cue, tissue=tissue, **extra)
    b = lift_compensation(late, available, cue=cue, tissue=tissue, **extra)
    assert b.demand >= a.demand - TOL
    assert b.deficit >= a.deficit - TOL
    assert abs(b.rotation_used) >= abs(a.rotation_used) - TOL
    assert b.pelvic_tilt >= a.pelvic_tilt - TOL
    assert b.lumbar_extension >= a.lumbar_extension - TOL
    assert STAGES.index(b.stage) >= STAGES.index(a.stage)


@given(cases, phases)
def test_conservation_of_the_deficit(case, phase):
    available, cue, tissue, extra = case
    s = lift_compensation(phase, available, cue=cue, tissue=tissue, **extra)  # with the range cap
    assert abs(s.rotation_benefit * abs(s.rotation_used) + s.pelvic_tilt + s.shortfall - s.deficit) <= TOL
    assert abs(s.deficit - max(0.0, s.demand - available)) <= TOL
    assert s.hip_extension_available == available


@given(cases)
def test_lockout_equals_the_lockout_model(case):
    available, cue, tissue, extra = case
    model = {k: v for k, v in extra.items() if k in MODEL_PARAMETERS}
    a = lift_compensation(1.0, available, cue=cue, tissue=tissue, **extra)
    b = compensate_any(available, cue=cue, tissue=tissue, mechanism="blog", **model)  # both with the range cap
    for field in ("demand", "deficit", "rotation_used", "pelvic_tilt", "foot_progression", "stage"):
        assert getattr(a, field) == getattr(b, field), field


@given(cases, phases)
def test_the_lift_never_asks_more_than_lockout(case, phase):
    available, cue, tissue, extra = case
    a = lift_compensation(phase, available, cue=cue, tissue=tissue, **extra)
    b = lift_compensation(1.0, available, cue=cue, tissue=tissue, **extra)
    assert a.deficit <= b.deficit + TOL


@given(st.lists(phases, min_size=1, max_size=8), cases)  # 8: broadcasting needs no longer arrays
def test_vector_equals_scalar_loop(values, case):
    available, cue, tissue, extra = case
    many = lift_compensation(np.array(values), available, cue=cue, tissue=tissue, **extra)
    pose = lift_posture(np.array(values), **{k: v for k, v in extra.items() if k in LIFT_PARAMETERS[:3]})
    for i, p in enumerate(values):
        one = lift_compensation(p, available, cue=cue, tissue=tissue, **extra)
        for field in ("demand", "deficit", "rotation_used", "pelvic_tilt", "foot_progression"):
            assert getattr(many, field)[i] == getattr(one, field), field
        assert many.stage[i] == one.stage
        assert (
            pose.hip_flexion[i]
            == lift_posture(p, **{k: v for k, v in extra.items() if k in LIFT_PARAMETERS[:3]}).hip_flexion
        )
