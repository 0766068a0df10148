"""Hypothesis: the lockout solved on the muscle geometry keeps every tight tissue within its
limit, uses no rotation that does not lower the tilt, and behaves as a restriction should."""

from __future__ import annotations

import numpy as np
import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from biomech.anatomy.geometry import path_length  # noqa: E402
from biomech.anatomy.tissues import tissue_parts  # noqa: E402
from biomech.model.geometry_lockout import length_limits  # noqa: E402
from biomech.model.lockout import CUES, compensate, tissues  # noqa: E402
from biomech.parameters import PARAMETERS  # noqa: E402

LENGTH_TOL_M = 1e-6  # the limit may be exceeded by at most this (issue of floating point only)
TILT_TOL_DEG = 1e-3  # the solver's rotation grid is refined to below 1e-3 deg
SHORTEST_TOL_DEG = 0.25  # the test finds a part's shortest posture on a 0.25 deg grid


def in_range(name: str) -> st.SearchStrategy[float]:
    p = PARAMETERS[name]
    return st.floats(p.min, p.max, allow_nan=False)


single = st.sampled_from(tissues("geometry"))
several = st.lists(st.sampled_from(tissues("geometry")[1:]), min_size=2, max_size=3, unique=True).map(tuple)
states = st.fixed_dictionaries(
    {
        "available": in_range("hip_extension_available"),
        "cue": st.sampled_from(CUES),
        "tissue": st.one_of(single, several),
        "test_knee_flexion": in_range("test_knee_flexion"),
        "lockout_knee_flexion": in_range("lockout_knee_flexion"),
        "squeeze_demand": in_range("squeeze_demand"),
        "external_rotation_range": in_range("external_rotation_range"),
        "internal_rotation_range": in_range("internal_rotation_range"),
    }
)


def _solve(s: dict) -> object:
    options = {k: v for k, v in s.items() if k not in ("available", "cue", "tissue")}
    return compensate(s["available"], cue=s["cue"], tissue=s["tissue"], **options)


def _parts(tissue: str | tuple[str, ...]) -> tuple[str, ...]:
    labels = (tissue,) if isinstance(tissue, str) else tissue
    return tuple(dict.fromkeys(p for label in labels for p in tissue_parts(label)))


def _limits_and_where(s: dict) -> tuple[np.ndarray, np.ndarray]:
    """The limits as the model defines them, and where each was reached: for a part that still
    shortens as the hip flexes into the test posture (every part but adductor brevis beyond
    25 deg), its length there; otherwise its shortest length on the way."""
    parts = _parts(s["tissue"])
    limit, at = length_limits(parts, np.array([s["available"]]), np.array([s["test_knee_flexion"]]))
    test = path_length(parts, hip_flexion=-s["available"], knee_flexion=s["test_knee_flexion"])
    assert np.all(limit[0] <= test + 1e-12)
    flexors = at[0] == -s["available"]
    np.testing.assert_allclose(limit[0][flexors], test[flexors], rtol=0, atol=1e-12)
    return limit[0], at[0]


def _limits(s: dict) -> np.ndarray:
    return _limits_and_where(s)[0]


def _lengths_at(s: dict, hip_flexion: float, rotation_external: float) -> np.ndarray:
    return path_length(
        _parts(s["tissue"]),
        hip_flexion=hip_flexion,
        hip_rotation=-rotation_external,
        knee_flexion=s["lockout_knee_flexion"],
    )


@given(states)
def test_every_tight_part_stays_within_its_limit(s):
    r = _solve(s)
    assert r.hip_flexion == pytest.approx(r.pelvic_tilt - r.thigh_inclination, abs=1e-12)
    assert -s["internal_rotation_range"] - 1e-9 <= r.rotation_used <= s["external_rotation_range"] + 1e-9
    lengths = _lengths_at(s, r.hip_flexion, r.rotation_used)
    limits, at = _limits_and_where(s)
    # a tight part restricts extension: it may be longer than its limit only on the flexion
    # side of its own shortest posture (adductor brevis turns extensor beyond about 25 deg)
    past = r.hip_flexion >= _shortest_posture(s, np.array([r.rotation_used]))[0] - SHORTEST_TOL_DEG
    assert np.all((lengths <= limits + LENGTH_TOL_M) | past)
    assert np.all(at <= -s["available"])
    assert r.pelvic_tilt >= 0.0 and r.lumbar_extension == r.pelvic_tilt + r.trunk_lean  # was: == tilt


def _shortest_posture(s: dict, rotation: np.ndarray) -> np.ndarray:
    """Per rotation and part, the hip flexion (deg) where the part is shortest, ``(R, P)``."""
    hips = np.arange(-40.0, 100.0 + 1e-9, 0.25)
    parts = _parts(s["tissue"])
    grid_h, grid_r = np.meshgrid(hips, rotation, indexing="ij")  # (H, R)
    lengths = path_length(
        parts,
        hip_flexion=grid_h.ravel(),
        hip_rotation=-grid_r.ravel(),
        knee_flexion=np.full(grid_h.size, s["lockout_knee_flexion"]),
    )
    lengths = lengths.reshape(hips.size, rotation.size, len(parts))
    return hips[np.argmin(lengths, axis=0)]


def _feasible(s: dict, hip: np.ndarray, rotation: np.ndarray, shortest_at: np.ndarray) -> np.ndarray:
    """Whether every part is within its limit (as in the constraint test above)."""
    limits, _ = _limits_and_where(s)
    knee = np.full(hip.shape, s["lockout_knee_flexion"])
    lengths = path_length(_parts(s["tissue"]), hip_flexion=hip, hip_rotation=-rotation, knee_flexion=knee)
    return np.all((lengths <= limits + 1e-12) | (hip[:, None] >= shortest_at - SHORTEST_TOL_DEG), axis=-1)


@settings(max_examples=150)
@given(states)
def test_no_rotation_in_range_needs_less_tilt(s):
    """Brute force: 241 rotations, each with the least tilt found by bisection (all at once)."""
    r = _solve(s)
    theta = r.thigh_inclination
    grid = np.linspace(-s["internal_rotation_range"], s["external_rotation_range"], 241)
    low, high = np.zeros_like(grid), np.full_like(grid, 100.0)
    shortest_at = _shortest_posture(s, grid)
    free = _feasible(s, low - theta, grid, shortest_at)
    for _ in range(40):
        mid = (low + high) / 2.0
        ok = _feasible(s, mid - theta, grid, shortest_at)
        low, high = np.where(ok, low, mid), np.where(ok, mid, high)
    best = np.min(np.where(free, 0.0, high))
    assert r.pelvic_tilt <= best + TILT_TOL_DEG


@settings(max_examples=2000)
@given(states, st.floats(0.5, 20.0))
def test_tighter_needs_no_less_tilt_and_stand_tall_no_more_than_squeeze(s, tighter):
    r = _solve(s)
    s2 = {**s, "available": max(PARAMETERS["hip_extension_available"].min, s["available"] - tighter)}
    assert _solve(s2).pelvic_tilt >= r.pelvic_tilt - TILT_TOL_DEG
    tall, squeeze = (_solve({**s, "cue": c}) for c in CUES)
    assert tall.pelvic_tilt <= squeeze.pelvic_tilt + TILT_TOL_DEG


@settings(max_examples=2000)
@given(states)
def test_rotation_is_used_only_where_it_lowers_the_tilt(s):
    r = _solve(s)
    if r.rotation_used != 0.0:
        assert r.pelvic_tilt < r.deficit, "the rotation saved no tilt"
        neutral = _lengths_at(s, r.hip_flexion, 0.0)
        assert np.any(neutral >= _limits(s) - 1e-12), "the same tilt without rotation would do"
    if r.deficit == 0.0:
        assert r.rotation_used == 0.0 and r.pelvic_tilt == 0.0 and r.stage == "none"
