"""Posture geometry: a model state drawn as 2-D points (biomech.scene.scene)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from biomech.anatomy.segments import SEGMENT_MASSES
from biomech.anatomy.textbook import flexors, muscles_for
from biomech.model.lockout import STAGES
from biomech.model.lockout import compensate as compensate_any
from biomech.model.variants import compensation_band
from biomech.parameters import PARAMETERS
from biomech.scene.pose import SEGMENT_LENGTHS, SEGMENTS, SagittalPose, TransversePose
from biomech.scene.scene import CURVE_POINTS, build_scenes
from biomech.scene.scene import build_scene as build_scene_any
from tests.models import blog as compensate
from tests.models import blog_scene as build_scene

ANGLE_TOL_DEG = 0.1  # the tolerance for drawn vs model angles
LENGTH_TOL_H = 1e-9  # rigid segments: exact up to rounding
# The lumbar curve is drawn as 24 chords of a circular arc; a chord is shorter than
# its arc by (k ds)^2 / 24. The drawn lordosis is at most 80 (standing) + 50 (tilt) + 89
# (the balancing lean's bound) = 219 deg, a chord of 219/24 deg = 0.159 rad: at most 0.106 %.
ARC_REL_TOL = 1.1e-3

STATES = [
    (17.0, "squeeze_glutes", "hip flexors (all)"),
    (2.0, "squeeze_glutes", "hip flexors (all)"),
    (-10.0, "squeeze_glutes", "hip flexors (all)"),
    (-30.0, "squeeze_glutes", "Rectus femoris"),
    (-10.0, "stand_tall", "Tensor fasciae latae"),
    (0.0, "squeeze_glutes", "Sartorius"),
    (40.0, "stand_tall", "Iliopsoas"),
]


def tilt_of(p: SagittalPose) -> float:
    """Angle of the ASIS-PSIS line below horizontal, degrees (anterior +)."""
    dx, dy = p.asis - p.psis
    return float(np.degrees(np.arctan2(-dy, dx)))


def drawn_mid_foot(p: SagittalPose) -> float:
    """Half the drawn foot's length from the drawn heel (x, in H)."""
    heel, toe = p.foot[1], p.foot[2]
    return float((heel[0] + toe[0]) / 2)


def drawn_centre_of_mass(p: SagittalPose, bar_load: float) -> float:
    """Horizontal centre of mass (H) of the drawn segments and the bar, from Winter's masses.

    Measured on the drawn points only: feet at the drawn mid-foot, leg and thigh along the
    drawn leg, the trunk at the middle of hip to shoulder, the head at the drawn head's
    centre, each arm segment along the drawn arm, the bar where it is drawn.
    """
    m = SEGMENT_MASSES
    ankle, knee, hip = p.leg
    _, shoulder, elbow, wrist, fingertips = p.arm
    along = lambda part, a, b: a[0] + m[part].com_from_proximal * (b[0] - a[0])  # noqa: E731
    moments = [
        (2 * m["foot"].mass, drawn_mid_foot(p)),
        (2 * m["leg"].mass, along("leg", knee, ankle)),
        (2 * m["thigh"].mass, along("thigh", hip, knee)),
        (m["trunk"].mass, along("trunk", hip, shoulder)),
        (m["head_neck"].mass, p.head_center[0]),
        (2 * m["upper_arm"].mass, along("upper_arm", shoulder, elbow)),
        (2 * m["forearm"].mass, along("forearm", elbow, wrist)),
        (2 * m["hand"].mass, along("hand", wrist, fingertips)),
        (bar_load, p.bar[0]),
    ]
    return sum(mass * x for mass, x in moments) / sum(mass for mass, _ in moments)


def lengths_of(p: SagittalPose) -> dict[str, float]:
    """Measure every rigid segment on the drawn points."""
    d = lambda a, b: float(np.linalg.norm(np.asarray(a) - np.asarray(b)))  # noqa: E731
    return {
        "foot": d(p.foot[1], p.foot[2]),
        "shank": d(p.leg[0], p.leg[1]),
        "thigh": d(p.leg[1], p.leg[2]),
        "asis_psis": d(p.asis, p.psis),
        "hip_asis": d(p.hip, p.asis),
        "hip_psis": d(p.hip, p.psis),
        "hip_sacrum": d(p.hip, p.sacrum),
        "trunk": d(p.trunk[0], p.trunk[1]),
        "upper_arm": d(p.arm[1], p.arm[2]),
        "forearm": d(p.arm[2], p.arm[3]),
    }


def foot_angles(p: TransversePose) -> tuple[float, float]:
    """Foot-progression angle of (right, left) feet, toe-out +."""
    out = []
    for side, (heel, toe) in zip((1.0, -1.0), p.foot_axes, strict=False):
        dx, dy = toe - heel
        out.append(float(np.degrees(np.arctan2(side * dx, dy))))
    return out[0], out[1]


def test_segments_table_is_sourced_and_gives_winter_leg_lengths():
    assert SEGMENT_LENGTHS["shank"] == pytest.approx(0.246)
    assert SEGMENT_LENGTHS["thigh"] == pytest.approx(0.245)
    assert SEGMENTS["foot_length"] == 0.152
    assert all(v > 0 for v in SEGMENTS.values())


@pytest.mark.parametrize(("available", "cue", "tissue"), STATES)
def test_drawn_angles_equal_the_model(available, cue, tissue):
    s = build_scene(available, cue=cue, tissue=tissue)
    # the pelvis in the room: the compensation's tilt, turned back with the trunk by the balance's lean
    room = s.state.pelvic_tilt - s.state.trunk_lean
    assert tilt_of(s.sagittal) == pytest.approx(10.0 + room, abs=ANGLE_TOL_DEG)
    assert tilt_of(s.sagittal) - tilt_of(s.sagittal_neutral) == pytest.approx(room, abs=ANGLE_TOL_DEG)
    hip, knee = s.sagittal.leg[2], s.sagittal.leg[1]
    thigh = np.degrees(np.arctan2(hip[0] - knee[0], hip[1] - knee[1]))  # forward of vertical
    assert thigh == pytest.approx(s.state.thigh_inclination, abs=ANGLE_TOL_DEG)
    # the drawn hip angle (pelvis against thigh, from standing) is the model's
    drawn_hip = (tilt_of(s.sagittal) - tilt_of(s.sagittal_neutral)) - thigh
    assert drawn_hip == pytest.approx(s.state.hip_flexion, abs=ANGLE_TOL_DEG)
    right, left = foot_angles(s.transverse)
    assert right == pytest.approx(s.state.foot_progression, abs=ANGLE_TOL_DEG)
    assert left == pytest.approx(s.state.foot_progression, abs=ANGLE_TOL_DEG)
    knee = s.transverse.knees[0, 1] - s.transverse.knees[0, 0]
    assert np.degrees(np.arctan2(knee[0], knee[1])) == pytest.approx(s.state.rotation_used, abs=ANGLE_TOL_DEG)


@pytest.mark.parametrize(("available", "cue", "tissue"), STATES)
def test_segment_lengths_are_preserved(available, cue, tissue):
    p = build_scene(available, cue=cue, tissue=tissue).sagittal
    for name, length in lengths_of(p).items():
        assert length == pytest.approx(SEGMENT_LENGTHS[name], abs=LENGTH_TOL_H), name
    arc = float(np.sum(np.linalg.norm(np.diff(p.lumbar, axis=0), axis=1)))
    assert arc == pytest.approx(SEGMENT_LENGTHS["lumbar"], rel=ARC_REL_TOL)


def test_lumbar_curve_turns_by_the_tilt_and_the_trunk_leans_by_the_lean():
    s = build_scene(-20.0)
    p = s.sagittal
    assert p.lumbar_lordosis == pytest.approx(49.8 + s.state.lumbar_extension)
    first, last = np.diff(p.lumbar[:2], axis=0)[0], np.diff(p.lumbar[-2:], axis=0)[0]
    turn = np.degrees(np.arctan2(first[0], first[1]) - np.arctan2(last[0], last[1]))
    chord_share = (len(p.lumbar) - 2) / (len(p.lumbar) - 1)  # chords' mid-tangents
    assert turn == pytest.approx(p.lumbar_lordosis * chord_share, abs=ANGLE_TOL_DEG)
    assert p.t12_angle == pytest.approx(-s.state.trunk_lean, abs=1e-9)  # the trunk leans back by the lean
    up = p.trunk[1] - p.trunk[0]  # T12 -> C7
    drawn = np.degrees(np.arctan2(-up[0], up[1]))  # from vertical, back +
    assert drawn == pytest.approx(s.state.trunk_lean, abs=ANGLE_TOL_DEG)


def test_standing_figure_has_winters_heights():
    p = build_scene(20.0, cue="stand_tall").sagittal_neutral  # the standing pose: trunk upright, no lean
    assert p.hip[1] == pytest.approx(0.530)
    assert p.trunk[1, 1] == pytest.approx(0.818)  # shoulder height in standing
    assert p.head_center[1] + p.head_radius == pytest.approx(1.0)
    assert np.all(p.foot[:, 1] >= 0.0)


def test_standing_overrides_move_the_neutral_pose_and_reach_the_model():
    s = build_scene(-10.0, standing_pelvic_tilt=20.0, standing_lumbar_lordosis=60.0)
    assert tilt_of(s.sagittal_neutral) == pytest.approx(20.0, abs=ANGLE_TOL_DEG)
    assert s.sagittal_neutral.t12_angle == pytest.approx(0.0, abs=1e-9)  # standing: trunk upright
    assert s.sagittal.lumbar_lordosis == pytest.approx(60.0 + s.state.lumbar_extension)
    assert s.sagittal.t12_angle == pytest.approx(-s.state.trunk_lean, abs=1e-9)
    assert s.state == compensate(-10.0, standing_pelvic_tilt=20.0, standing_lumbar_lordosis=60.0)


def test_curve_spans_the_valid_range_and_matches_the_model():
    s = build_scene(-10.0, cue="stand_tall", tissue="Sartorius", squeeze_demand=12.0)
    p = PARAMETERS["hip_extension_available"]
    x = np.asarray(s.curve.hip_extension_available)
    assert x.shape == (CURVE_POINTS,) and x[0] == p.min and x[-1] == p.max
    expected = compensate(x, cue="stand_tall", tissue="Sartorius", squeeze_demand=12.0)
    np.testing.assert_array_equal(s.curve.pelvic_tilt, expected.pelvic_tilt)


@pytest.mark.parametrize(
    ("cue", "tissue"),
    [
        ("squeeze_glutes", "hip flexors (all)"),
        ("stand_tall", "Rectus femoris"),
        ("squeeze_glutes", "Tensor fasciae latae"),
    ],
)
def test_stage_spans_hold_the_curve_stages(cue, tissue):
    s = build_scene(0.0, cue=cue, tissue=tissue)
    assert [span.stage for span in s.stage_spans] == list(STAGES)
    x, stages = np.asarray(s.curve.hip_extension_available), np.asarray(s.curve.stage)
    for span in s.stage_spans:
        inside = x[stages == span.stage]
        if inside.size:
            assert span.low - 1e-9 <= inside.min() and inside.max() <= span.high + 1e-9


def test_highlights_name_tissue_compensators_and_cue_target():
    s = build_scene(-10.0)
    for label in flexors():
        assert "restricting" in s.highlights[label]
    assert s.highlights["Gluteus maximus"] == ("compensating", "cue target")
    assert all("compensating" in s.highlights[m] for m in muscles_for("external rotation"))
    internal = build_scene(-10.0, cue="stand_tall", tissue="Tensor fasciae latae")
    assert internal.highlights["Tensor fasciae latae"] == ("restricting", "compensating")
    assert "Gluteus maximus" not in internal.highlights
    assert set(internal.highlights) == {"Tensor fasciae latae", *muscles_for("internal rotation")}
    relaxed = build_scene(30.0, tissue="Rectus femoris")
    assert dict(relaxed.highlights) == {"Rectus femoris": ("restricting",), "Gluteus maximus": ("cue target",)}


@pytest.mark.parametrize(
    ("args", "kwargs", "match"),
    [
        (([1.0, 2.0],), {}, "'hip_extension_available' must be a single number"),
        ((float("nan"),), {}, "'hip_extension_available' must be a finite number"),
        ((0.0,), {"cue": "squeeze"}, "did you mean 'squeeze_glutes'"),
        ((0.0,), {"tissue": "quads"}, "'tissue' must be one of"),
        ((0.0,), {"standing_tilt": 3.0}, "'override' must be one of"),
        ((0.0,), {"standing_pelvic_tilt": 99.0}, "'standing_pelvic_tilt' must be a finite number"),
    ],
)
def test_errors_name_the_argument(args, kwargs, match):
    with pytest.raises(ValueError, match=match):
        build_scene(*args, **kwargs)


def test_posture_imports_no_matplotlib():
    code = "import sys, biomech.scene.scene; sys.exit('matplotlib' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


BALANCE_TOL_H = 0.017  # 3 cm at 1.75 m; the model balances to rounding


@pytest.mark.parametrize("mechanism", ["blog", "geometry"])
@pytest.mark.parametrize(("available", "cue", "tissue"), STATES)
def test_drawn_lifter_and_bar_stand_over_the_drawn_mid_foot(available, cue, tissue, mechanism):
    """The drawn posture is the balanced one, and its angles are the model's numbers."""
    s = build_scene_any(available, cue=cue, tissue=tissue, mechanism=mechanism)
    p, n = s.sagittal, s.sagittal_neutral
    ahead = drawn_centre_of_mass(p, PARAMETERS["bar_load"].default) - drawn_mid_foot(p)
    assert abs(ahead) <= BALANCE_TOL_H
    assert abs(ahead) <= 1e-9  # in fact exact up to rounding
    up = p.trunk[1] - p.trunk[0]  # T12 -> C7
    assert np.degrees(np.arctan2(-up[0], up[1])) == pytest.approx(s.state.trunk_lean, abs=ANGLE_TOL_DEG)
    assert tilt_of(p) - tilt_of(n) == pytest.approx(s.state.pelvic_tilt - s.state.trunk_lean, abs=ANGLE_TOL_DEG)
    assert p.lumbar_lordosis - n.lumbar_lordosis == pytest.approx(s.state.lumbar_extension, abs=1e-9)
    assert s.state.lumbar_extension == s.state.pelvic_tilt  # the lean is at the hip, not in the lumbar curve
    assert (
        p.arm[1, 0] == pytest.approx(p.arm[2, 0]) == pytest.approx(p.arm[4, 0]) == pytest.approx(p.bar[0])
    )  # arms hang
    np.testing.assert_allclose(p.bar, (p.arm[3] + p.arm[4]) / 2)  # the bar at mid-hand


def test_heavier_bar_and_overrides_reach_the_drawing():
    s = build_scene_any(-5.0, cue="stand_tall", bar_load=2.5, standing_pelvic_tilt=0.0, standing_lumbar_lordosis=30.0)
    assert abs(drawn_centre_of_mass(s.sagittal, 2.5) - drawn_mid_foot(s.sagittal)) <= 1e-9
    assert s.state == compensate_any(
        -5.0, cue="stand_tall", bar_load=2.5, standing_pelvic_tilt=0.0, standing_lumbar_lordosis=30.0
    )


@pytest.mark.parametrize(
    ("cue", "tissue", "mechanism", "overrides"),
    [
        ("squeeze_glutes", "hip flexors (all)", "blog", {}),
        ("stand_tall", "Sartorius", "geometry", {"squeeze_demand": 12.0}),
        ("squeeze_glutes", "Iliopsoas", "geometry", {"standing_pelvic_tilt": 15.0}),
    ],
)
def test_the_scenes_band_is_the_compensation_band_over_the_curve(cue, tissue, mechanism, overrides):
    s = build_scene_any(-10.0, cue=cue, tissue=tissue, mechanism=mechanism, **overrides)
    x = np.asarray(s.curve.hip_extension_available, dtype=float)
    expected = compensation_band(x, cue=cue, tissue=tissue, mechanism=mechanism, **overrides)
    assert [v.name for v in s.band.variants] == [v.name for v in expected.variants]
    np.testing.assert_array_equal(s.band.x, x)
    for field in ("pelvic_tilt", "rotation_used", "lumbar_extension", "deficit"):
        np.testing.assert_allclose(getattr(s.band.curves, field), getattr(expected.curves, field), atol=1e-9)
    np.testing.assert_allclose(s.band.curves.pelvic_tilt[0], s.curve.pelvic_tilt, atol=1e-9)  # "as set" first


def test_the_band_is_computed_once_per_setting_and_shared_by_its_states():
    scenes = build_scenes(cue="stand_tall", tissue="Sartorius", mechanism="blog")
    assert all(s.band is scenes[0].band for s in scenes)
    again = build_scene_any(3.0, cue="stand_tall", tissue="Sartorius", mechanism="blog")
    assert again.band is scenes[0].band  # a slider move reuses it
    other = build_scene_any(3.0, cue="squeeze_glutes", tissue="Sartorius", mechanism="blog")
    assert other.band is not scenes[0].band
    with pytest.raises(ValueError):
        scenes[0].band.curves.pelvic_tilt[0, 0] = 1.0  # shared: read-only


def test_a_scene_carries_the_settings_it_was_built_with():
    s = build_scene_any(-10.0, cue="stand_tall", tissue="Sartorius", mechanism="geometry", squeeze_demand=12.0)
    assert (s.settings.cue, s.settings.tissue, s.settings.mechanism) == ("stand_tall", "Sartorius", "geometry")
    assert s.settings.overrides == (("squeeze_demand", 12.0),)
    assert s.settings.value("squeeze_demand") == 12.0
    assert s.settings.value("bar_load") == PARAMETERS["bar_load"].default
    again = build_scene_any(-10.0, **s.settings.keywords())  # rebuilds the same state
    assert again.state == s.state and again.settings == s.settings
    # a value equal to its default is no override: the same model, the same settings
    default = PARAMETERS["squeeze_demand"].default
    assert build_scene(5.0, squeeze_demand=default).settings == build_scene(-20.0).settings
    assert build_scene(5.0, squeeze_demand=12.0).settings != build_scene(5.0).settings
    scenes = build_scenes(cue="stand_tall", tissue="Sartorius", mechanism="blog", standing_pelvic_tilt=15.0)
    assert {sc.settings for sc in scenes} == {scenes[0].settings}
    assert scenes[0].settings.standing_pelvic_tilt == scenes[0].standing_pelvic_tilt == 15.0


def test_the_standing_pose_and_its_bones_are_posed_once_and_shared():
    a = build_scene(-10.0)
    b = build_scene_any(12.0, cue="stand_tall", tissue="Sartorius", mechanism="geometry", squeeze_demand=12.0)
    assert a.sagittal_neutral is b.sagittal_neutral and a.bones_side_neutral is b.bones_side_neutral
    tilted = build_scene(-10.0, standing_pelvic_tilt=15.0)  # another standing posture: its own
    assert tilted.sagittal_neutral is not a.sagittal_neutral
    assert tilt_of(tilted.sagittal_neutral) == pytest.approx(15.0, abs=ANGLE_TOL_DEG)
    with pytest.raises(ValueError):
        a.sagittal_neutral.pelvis[0, 0] = 1.0  # shared: read-only
    with pytest.raises(ValueError):
        a.bones_side_neutral.hip[0] = 1.0
