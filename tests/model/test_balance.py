"""The lockout in balance (biomech.model.balance) and its segment table (biomech.anatomy.segments)."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from biomech.anatomy.segments import SEGMENT_MASSES, SEGMENTS, TRUNK_LENGTH, mid_foot
from biomech.model.balance import bar_from_mid_foot, centre_of_mass, leg_lean, lockout_points, trunk_lean
from biomech.model.lockout import CUES, compensate
from biomech.parameters import PARAMETERS
from biomech.scene.scene import build_scene
from tests.models import UNCAPPED

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
    assert leg_lean(0.0, 0.0) < 0 < trunk_lean(0.0, 0.0)  # so the lifter leans back, straight, about the ankle


def test_the_lean_leaves_the_lumbar_curve_as_the_tilt_set_it():
    """Anterior tilt + adds lordosis; the lean, taken at the hip, adds none: lumbar = tilt.

    Standing: tilt 10, lordosis 49.8, so S1's tangent in the pelvis is 39.8 deg. With 14 deg of
    added tilt and the pelvis turned back with the trunk by L, the pelvis in the room is at
    10 + 14 - L and S1 points 39.8 + 24 - L = 63.8 - L deg forward; the trunk leaning back by L
    has its T12 tangent at -L, so the lumbar curve turns 63.8 - L + L = 63.8 = 49.8 + 14.
    """
    s = compensate(-5.0, cue="squeeze_glutes", mechanism="geometry", **UNCAPPED)
    assert s.pelvic_tilt == pytest.approx(14.0, abs=1e-9)
    lean = s.trunk_lean
    assert lean > 0 and s.lumbar_extension == s.pelvic_tilt
    p = build_scene(-5.0, cue="squeeze_glutes", mechanism="geometry", **UNCAPPED).sagittal
    assert p.pelvic_tilt == pytest.approx(24.0 - lean, abs=1e-9)
    assert p.sacrum_angle == pytest.approx(63.8 - lean, abs=1e-9)
    assert p.lumbar_lordosis == pytest.approx(63.8, abs=1e-9)
    assert p.t12_angle == pytest.approx(-lean, abs=1e-9)


@pytest.mark.parametrize("mechanism", ["blog", "geometry"])
@pytest.mark.parametrize("cue", CUES)
def test_balance_at_every_restriction(cue, mechanism):
    """One call over the whole range: lifter and bar over the mid-foot, and the fields broadcast."""
    s = compensate(VALID, cue=cue, mechanism=mechanism)
    assert np.shape(s.trunk_lean) == np.shape(s.thigh_inclination) == VALID.shape
    room_tilt = np.asarray(s.pelvic_tilt) - np.asarray(s.trunk_lean)
    ahead = centre_of_mass(s.thigh_inclination, room_tilt, s.trunk_lean)
    assert np.all(np.abs(ahead) <= BALANCE_TOL_H)
    assert np.all(np.abs(ahead) <= EXACT_H)
    np.testing.assert_array_equal(s.lumbar_extension, s.pelvic_tilt)
    reached = np.asarray(s.demand) - np.asarray(s.shortfall)  # the balance shares the extension reached
    np.testing.assert_allclose(np.asarray(s.thigh_inclination) + np.asarray(s.trunk_lean), reached, atol=1e-12)
    for i in (0, 40, 140):
        one = compensate(float(VALID[i]), cue=cue, mechanism=mechanism)
        assert one.trunk_lean == pytest.approx(s.trunk_lean[i], abs=1e-9)


def test_the_deficit_rotation_and_tilt_do_not_change():
    """The balance shares the demand between leg and trunk and nothing else: the README's numbers before it."""
    s = compensate(-15.0, cue="squeeze_glutes", mechanism="blog", **UNCAPPED)
    assert (s.deficit, s.rotation_used, round(s.pelvic_tilt, 2), s.shortfall) == (24.0, 38.5, 12.45, 0.0)
    assert s.hip_flexion == pytest.approx(s.pelvic_tilt - s.demand, abs=1e-12)


def test_squeeze_with_no_deficit_hand_numbers():
    """Squeeze glutes, no deficit, defaults: the leg 2.15 deg forward, pelvis and trunk 6.85 deg back
    (computed once; the bisection's answer), none of it lumbar; most of the squeeze's 9 deg is the pelvis
    and trunk going back, as in a maximal posterior pelvic tilt (Levine & Whittle 1996: 8.7 deg)."""
    s = compensate(17.0, cue="squeeze_glutes")
    assert s.thigh_inclination == pytest.approx(2.15, abs=0.01)
    assert s.trunk_lean == pytest.approx(6.85, abs=0.01)
    assert s.lumbar_extension == 0.0 and s.hip_flexion == -9.0


def test_the_lean_is_what_the_bar_needs():
    """No bar: the lifter's own centre of mass is behind the mid-foot and the straight body leans forward
    about the ankle; a bar of half the body mass or more makes it lean back even standing tall."""
    assert leg_lean(0.0, 0.0, bar_load=0.0) > 0 and trunk_lean(0.0, 0.0, bar_load=0.0) < 0
    assert leg_lean(0.0, 0.0, bar_load=0.5) < 0 < trunk_lean(0.0, 0.0, bar_load=0.5)
    stand, squeeze = compensate(17.0, cue="stand_tall"), compensate(17.0, cue="squeeze_glutes")
    assert 0 < stand.trunk_lean < squeeze.trunk_lean  # hips through: the shoulders go back
    assert stand.thigh_inclination < 0 < squeeze.thigh_inclination < squeeze.trunk_lean
    # with the whole 9 deg at the leg and the trunk upright, the bar would hang beyond the toes
    toe = SEGMENTS["foot_length"] - SEGMENTS["heel_to_ankle"]
    assert bar_from_mid_foot(squeeze.demand, 0.0, 0.0) + mid_foot() > toe


def test_bad_bar_load_names_the_parameter_and_range():
    with pytest.raises(ValueError, match=r"'bar_load' must be a finite number of body masses in \[0, 3\]; got 4"):
        compensate(0.0, bar_load=4)
    with pytest.raises(ValueError, match="'bar_load'"):
        trunk_lean(0.0, 0.0, bar_load=float("nan"))
    with pytest.raises(ValueError, match="'demand'"):
        leg_lean(50.0, 0.0)


def test_trunk_length_keeps_winters_shoulder_height():
    p = lockout_points(0.0, 0.0, 0.0)
    assert p["c7"][1] == pytest.approx(SEGMENTS["shoulder_height"])
    assert np.linalg.norm(p["c7"] - p["t12"]) == pytest.approx(TRUNK_LENGTH)


@given(
    in_range("hip_extension_available"),
    st.sampled_from(CUES),
    st.sampled_from(["blog", "geometry"]),
    in_range("bar_load"),
    in_range("squeeze_demand"),
    in_range("standing_pelvic_tilt"),
    in_range("standing_lumbar_lordosis"),
)
def test_every_state_balances(available, cue, mechanism, load, demand, tilt0, lordosis0):
    """Every valid state balances to within 1e-9 H, the leg and the trunk share the demand, the lumbar
    spine keeps only the tilt, and the leg's lean stays well inside the searched -30 to 30 deg."""
    posture = {"standing_pelvic_tilt": tilt0, "standing_lumbar_lordosis": lordosis0}
    s = compensate(available, cue=cue, mechanism=mechanism, bar_load=load, squeeze_demand=demand, **posture)
    room_tilt = s.pelvic_tilt - s.trunk_lean
    ahead = centre_of_mass(s.thigh_inclination, room_tilt, s.trunk_lean, bar_load=load, **posture)
    assert abs(ahead) <= 1e-9
    assert s.lumbar_extension == s.pelvic_tilt
    assert s.thigh_inclination + s.trunk_lean == pytest.approx(s.demand - s.shortfall, abs=1e-12)
    assert s.hip_flexion == pytest.approx(s.pelvic_tilt + s.shortfall - s.demand, abs=1e-12)
    assert -30.0 < s.thigh_inclination < 30.0


@given(
    st.floats(5.0, 20.0),
    st.floats(0.0, 50.0),
    in_range("bar_load"),
    in_range("standing_pelvic_tilt"),
    in_range("standing_lumbar_lordosis"),
)
def test_hips_through_always_leans_back(theta, tilt, load, tilt0, lordosis0):
    """Under "squeeze glutes" with a demand of 5 deg or more (the default is 9) the pelvis and trunk lean
    back (lean > 0) at every tilt, bar load and standing posture."""
    posture = {"standing_pelvic_tilt": tilt0, "standing_lumbar_lordosis": lordosis0}
    assert trunk_lean(theta, tilt, bar_load=load, **posture) > 0


@given(
    st.floats(0.0, 19.0),
    st.floats(0.0, 49.0),
    st.floats(0.0, 1.0),
    in_range("bar_load"),
    in_range("standing_pelvic_tilt"),
    in_range("standing_lumbar_lordosis"),
)
def test_more_tilt_or_more_demand_needs_more_lean(theta, tilt, more, load, tilt0, lordosis0):
    """Tilt carries the trunk forward, so the lean back grows with it (and the leg leans less forward);
    more demand is shared: both the leg's lean and the trunk's grow."""
    posture = {"standing_pelvic_tilt": tilt0, "standing_lumbar_lordosis": lordosis0}
    base, leg = trunk_lean(theta, tilt, bar_load=load, **posture), leg_lean(theta, tilt, bar_load=load, **posture)
    assert trunk_lean(theta, tilt + more, bar_load=load, **posture) >= base - 1e-9
    assert leg_lean(theta, tilt + more, bar_load=load, **posture) <= leg + 1e-9
    assert trunk_lean(theta + more, tilt, bar_load=load, **posture) >= base - 1e-9
    assert leg_lean(theta + more, tilt, bar_load=load, **posture) >= leg - 1e-9


def _pelvis_on_thigh(points: dict[str, np.ndarray]) -> np.ndarray:
    """Angle of the hip-to-sacrum line from the hip-to-knee line in the drawn chain, degrees (counterclockwise +)."""
    sacrum, knee = points["sacrum"] - points["hip"], points["knee"] - points["hip"]
    return np.degrees(np.arctan2(sacrum[..., 1], sacrum[..., 0]) - np.arctan2(knee[..., 1], knee[..., 0]))


@given(
    in_range("hip_extension_available"),
    st.sampled_from(CUES),
    st.sampled_from(["blog", "geometry"]),
    in_range("bar_load"),
    in_range("squeeze_demand"),
    in_range("standing_pelvic_tilt"),
    in_range("standing_lumbar_lordosis"),
)
def test_room_angles_follow_the_convention(available, cue, mechanism, load, demand, tilt0, lordosis0):
    """The project's convention on room angles, hip flexion = pelvic tilt - thigh inclination, holds with
    the pelvis's tilt in the room (``pelvic_tilt_in_room``), not with the compensation's tilt on the trunk;
    and the drawn chain's pelvis-to-thigh angle changes from standing by exactly the hip flexion."""
    posture = {"standing_pelvic_tilt": tilt0, "standing_lumbar_lordosis": lordosis0}
    s = compensate(available, cue=cue, mechanism=mechanism, bar_load=load, squeeze_demand=demand, **posture)
    assert s.pelvic_tilt_in_room == pytest.approx(s.pelvic_tilt - s.trunk_lean, abs=1e-12)
    assert s.hip_flexion == pytest.approx(s.pelvic_tilt_in_room - s.thigh_inclination, abs=1e-9)
    drawn = lockout_points(s.thigh_inclination, s.pelvic_tilt_in_room, s.trunk_lean, **posture)
    standing = lockout_points(0.0, 0.0, 0.0, **posture)
    flexion = _pelvis_on_thigh(standing) - _pelvis_on_thigh(drawn)  # the pelvis turning forward onto the thigh
    assert float(flexion) == pytest.approx(s.hip_flexion, abs=1e-9)
