"""The lockout in balance (biomech.model.balance) and its segment table (biomech.anatomy.segments)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from biomech.anatomy.segments import SEGMENT_MASSES, SEGMENTS, TRUNK_LENGTH, mid_foot
from biomech.model.balance import bar_from_mid_foot, centre_of_mass, lockout_points, trunk_lean
from biomech.model.lockout import CUES, compensate
from biomech.parameters import PARAMETERS
from biomech.scene.scene import build_scene

HEIGHT_M = 1.75  # the drawing's assumed standing height, for centimetres
BALANCE_TOL_H = 0.017  # 3 cm at 1.75 m
EXACT_H = 1e-12
VALID = np.linspace(PARAMETERS["hip_extension_available"].min, PARAMETERS["hip_extension_available"].max, 141)


def in_range(name: str) -> st.SearchStrategy[float]:
    p = PARAMETERS[name]
    return st.floats(p.min, p.max, allow_nan=False, allow_infinity=False)


def test_segment_masses_add_up_and_carry_their_sources():
    assert sum(s.mass * s.count for s in SEGMENT_MASSES.values()) == pytest.approx(1.0, abs=1e-12)
    hat = SEGMENT_MASSES["trunk"].mass + SEGMENT_MASSES["head_neck"].mass
    hat += 2 * sum(SEGMENT_MASSES[n].mass for n in ("upper_arm", "forearm", "hand"))
    assert hat == pytest.approx(0.678)  # Winter's head-arms-trunk
    for s in SEGMENT_MASSES.values():
        assert "Winter" in s.source or "illustrative" in s.source, s.name
        assert "secondary" in s.source or "illustrative" in s.source, s.name  # never claimed as read in the book
        assert 0.0 < s.mass < 0.5 and 0.0 <= s.com_from_proximal <= 1.0


def test_head_arms_trunk_centre_of_mass_is_near_winters():
    """Standing, the table's head, arms and trunk have their centre of mass near Winter's HAT:
    0.626 of the way from hip to shoulder (secondary); the arm and head placements are illustrative."""
    p = build_scene(20.0, cue="stand_tall").sagittal_neutral
    m = SEGMENT_MASSES
    hip, shoulder = p.leg[2], p.arm[1]
    heights = [
        (m["trunk"].mass, hip[1] + 0.5 * (shoulder[1] - hip[1])),
        (m["head_neck"].mass, p.head_center[1]),
        (2 * m["upper_arm"].mass, (p.arm[1][1] + p.arm[2][1]) / 2),
        (2 * m["forearm"].mass, (p.arm[2][1] + p.arm[3][1]) / 2),
        (2 * m["hand"].mass, (p.arm[3][1] + p.arm[4][1]) / 2),
    ]
    y = sum(w * h for w, h in heights) / sum(w for w, _ in heights)
    assert y == pytest.approx(hip[1] + 0.626 * (shoulder[1] - hip[1]), abs=0.02)


def test_mid_foot_is_half_the_foot_from_the_heel():
    assert mid_foot() == pytest.approx(SEGMENTS["foot_length"] / 2 - SEGMENTS["heel_to_ankle"])
    heel, toe = -SEGMENTS["heel_to_ankle"], SEGMENTS["foot_length"] - SEGMENTS["heel_to_ankle"]
    assert heel < 0 < mid_foot() < toe


def test_hand_worked_bar_with_the_trunk_upright():
    """Stand tall, no tilt, trunk upright, default standing posture (tilt 10, lordosis 49.8 deg).

    Hip above the ankle (x = 0). S1: (-0.025, 0.055) H turned forward 10 deg about the hip:
    x = -0.025 cos 10 + 0.055 sin 10 = -0.02462 + 0.00955 = -0.01507. The lumbar arc
    leaves S1 at 49.8 deg forward of vertical and turns 49.8 deg (T12 vertical): with
    k = 49.8 deg / 0.100 H = 8.692 rad/H, T12 is (1 - cos 49.8) / k = 0.04079 further
    forward, x = 0.02572. The shoulder is 0.045 in front of the vertical trunk, x = 0.07072,
    and the bar hangs under it; the mid-foot is 0.152 / 2 - 0.035 = 0.041: the bar is
    0.02972 H (5.2 cm at 1.75 m) in front of the mid-foot, so the lifter must lean back.
    """
    sacrum_x = -0.025 * np.cos(np.radians(10)) + 0.055 * np.sin(np.radians(10))
    k = np.radians(49.8) / 0.100
    t12_x = sacrum_x + (1 - np.cos(np.radians(49.8))) / k
    assert sacrum_x == pytest.approx(-0.01507, abs=1e-5) and t12_x == pytest.approx(0.02572, abs=1e-5)
    bar_x = t12_x + 0.045
    points = lockout_points(0.0, 0.0, 0.0)
    assert points["t12"][0] == pytest.approx(t12_x, abs=1e-12)
    assert points["bar"][0] == pytest.approx(bar_x, abs=1e-12)
    assert bar_from_mid_foot(0.0, 0.0, 0.0) == pytest.approx(bar_x - 0.041, abs=1e-12)
    assert bar_x - 0.041 == pytest.approx(0.02972, abs=1e-5)
    assert centre_of_mass(0.0, 0.0, 0.0) > 0  # ahead of the mid-foot: it would tip forward
    assert trunk_lean(0.0, 0.0) > 0  # so the trunk leans back


def test_hand_worked_sign_of_the_lumbar_extension():
    """Lean back + and anterior tilt + both add lordosis: lumbar = tilt + lean.

    Standing: tilt 10, lordosis 49.8, so S1's tangent in the pelvis is 39.8 deg. With 14 deg of
    added tilt S1 points 39.8 + 24 = 63.8 deg forward; a trunk leaning back by L has its T12
    tangent at -L, so the lumbar curve turns 63.8 + L = 49.8 + (14 + L): it added 14 + L.
    """
    s = compensate(-5.0, cue="squeeze_glutes", mechanism="geometry")
    assert s.pelvic_tilt == pytest.approx(14.0, abs=1e-9)
    lean = s.trunk_lean
    assert s.lumbar_extension == pytest.approx(14.0 + lean, abs=1e-9)
    p = build_scene(-5.0, cue="squeeze_glutes", mechanism="geometry").sagittal
    assert p.sacrum_angle == pytest.approx(63.8, abs=1e-9)
    assert p.lumbar_lordosis == pytest.approx(63.8 + lean, abs=1e-9)
    assert p.t12_angle == pytest.approx(-lean, abs=1e-9)


@pytest.mark.parametrize("mechanism", ["blog", "geometry"])
@pytest.mark.parametrize("cue", CUES)
def test_balance_at_every_restriction(cue, mechanism):
    """One call over the whole range: lifter and bar over the mid-foot, and the field broadcasts."""
    s = compensate(VALID, cue=cue, mechanism=mechanism)
    assert np.shape(s.trunk_lean) == VALID.shape
    ahead = centre_of_mass(s.thigh_inclination, s.pelvic_tilt, s.trunk_lean)
    assert np.all(np.abs(ahead) <= BALANCE_TOL_H)
    assert np.all(np.abs(ahead) <= EXACT_H)
    np.testing.assert_array_equal(s.lumbar_extension, np.asarray(s.pelvic_tilt) + np.asarray(s.trunk_lean))
    for i in (0, 40, 140):
        one = compensate(float(VALID[i]), cue=cue, mechanism=mechanism)
        assert one.trunk_lean == pytest.approx(s.trunk_lean[i], abs=1e-9)


def test_the_deficit_rotation_and_tilt_do_not_change():
    """The balance adds a lean and nothing else: these are the README's numbers before the balance."""
    s = compensate(-15.0, cue="squeeze_glutes", mechanism="blog")
    assert (s.deficit, s.rotation_used, round(s.pelvic_tilt, 2)) == (24.0, 38.5, 12.45)
    assert s.hip_flexion == pytest.approx(s.pelvic_tilt - s.thigh_inclination)


def test_the_lean_is_what_the_bar_needs():
    """No bar: the lifter's own centre of mass is behind the mid-foot and the trunk leans forward;
    a bar of half the body mass or more needs a backward lean even standing tall."""
    assert trunk_lean(0.0, 0.0, bar_load=0.0) < 0
    assert trunk_lean(0.0, 0.0, bar_load=0.5) > 0
    stand, squeeze = compensate(17.0, cue="stand_tall"), compensate(17.0, cue="squeeze_glutes")
    assert 0 < stand.trunk_lean < squeeze.trunk_lean  # hips through: the shoulders go back
    # with the trunk upright, the hips-through bar hangs beyond the toes
    toe = SEGMENTS["foot_length"] - SEGMENTS["heel_to_ankle"]
    assert bar_from_mid_foot(squeeze.thigh_inclination, 0.0, 0.0) + mid_foot() > toe


def test_bad_bar_load_names_the_parameter_and_range():
    with pytest.raises(ValueError, match=r"'bar_load' must be a finite number of body masses in \[0, 3\]; got 4"):
        compensate(0.0, bar_load=4)
    with pytest.raises(ValueError, match="'bar_load'"):
        trunk_lean(0.0, 0.0, bar_load=float("nan"))


def test_trunk_length_keeps_winters_shoulder_height():
    p = lockout_points(0.0, 0.0, 0.0)
    assert p["c7"][1] == pytest.approx(SEGMENTS["shoulder_height"])
    assert np.linalg.norm(p["c7"] - p["t12"]) == pytest.approx(TRUNK_LENGTH)


@given(
    in_range("hip_extension_available"),
    st.sampled_from(CUES),
    st.sampled_from(["blog", "geometry"]),
    in_range("bar_load"),
    st.floats(0.0, 10.0),
    in_range("standing_pelvic_tilt"),
    in_range("standing_lumbar_lordosis"),
)
def test_every_state_balances(available, cue, mechanism, load, demand, tilt0, lordosis0):
    """With squeeze_demand up to 10 deg every valid state balances exactly."""
    posture = {"standing_pelvic_tilt": tilt0, "standing_lumbar_lordosis": lordosis0}
    s = compensate(available, cue=cue, mechanism=mechanism, bar_load=load, squeeze_demand=demand, **posture)
    ahead = centre_of_mass(s.thigh_inclination, s.pelvic_tilt, s.trunk_lean, bar_load=load, **posture)
    assert abs(ahead) <= EXACT_H
    assert s.lumbar_extension == s.pelvic_tilt + s.trunk_lean


@given(
    st.floats(5.0, 10.0),
    st.floats(0.0, 50.0),
    in_range("bar_load"),
    in_range("standing_pelvic_tilt"),
    in_range("standing_lumbar_lordosis"),
)
def test_hips_through_always_leans_back(theta, tilt, load, tilt0, lordosis0):
    """Under "squeeze glutes" with a demand of 5 deg or more (the default is 9) the trunk leans back
    (lean > 0) at every tilt, bar load and standing posture; standing tall it may lean forward
    only with a bar lighter than half the body mass (test_the_lean_is_what_the_bar_needs)."""
    posture = {"standing_pelvic_tilt": tilt0, "standing_lumbar_lordosis": lordosis0}
    assert trunk_lean(theta, tilt, bar_load=load, **posture) > 0


@given(
    st.floats(0.0, 10.0),
    st.floats(0.0, 49.0),
    st.floats(0.0, 1.0),
    in_range("bar_load"),
    in_range("standing_pelvic_tilt"),
    in_range("standing_lumbar_lordosis"),
)
def test_more_tilt_or_more_hips_through_needs_more_lean(theta, tilt, more, load, tilt0, lordosis0):
    """Tilt and the leg's lean carry the trunk forward, so the lean back grows with both."""
    posture = {"standing_pelvic_tilt": tilt0, "standing_lumbar_lordosis": lordosis0}
    base = trunk_lean(theta, tilt, bar_load=load, **posture)
    assert trunk_lean(theta, tilt + more, bar_load=load, **posture) >= base - 1e-9
    assert trunk_lean(theta + more / 2, tilt, bar_load=load, **posture) >= base - 1e-9
