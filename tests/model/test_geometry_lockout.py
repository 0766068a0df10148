"""The lockout solved on the muscle geometry (biomech.model.geometry_lockout) beside the blog's."""

from __future__ import annotations

import numpy as np
import pytest

from biomech.anatomy.action_rule import action_from_moment_arm
from biomech.anatomy.geometry import moment_arms, path_length
from biomech.anatomy.tissues import tissue_moment_arms, tissue_parts
from biomech.model.blog_lockout import blog_rotation_benefit
from biomech.model.compare import disagreement, rotation_effect
from biomech.model.length_limits import length_limits, rotation_moment_arms
from biomech.model.lockout import CUES, tissue_choices
from biomech.parameters import PARAMETERS
from tests.models import uncapped as compensate

FIRST_ORDER_REL = 0.10  # the tolerance: the geometry's slope equals the blog's k within 10%


@pytest.mark.parametrize("tissue", [t for t in tissue_choices("blog")[1:] if float(blog_rotation_benefit(t)[1]) != 0])
def test_small_deficits_buy_extension_at_the_blogs_k(tissue):
    k, direction = (float(v) for v in blog_rotation_benefit(tissue))
    g = compensate(-0.2, cue="stand_tall", tissue=tissue)
    assert g.stage == "rotational" and np.sign(g.rotation_used) == direction
    assert g.deficit / abs(g.rotation_used) == pytest.approx(k, rel=FIRST_ORDER_REL)
    assert g.rotation_benefit == pytest.approx(k, rel=FIRST_ORDER_REL)


@pytest.mark.parametrize("available", [-20.0, -10.0, -1.0])
@pytest.mark.parametrize("cue", CUES)
def test_a_thomas_test_rectus_femoris_hardly_restricts_the_straight_knee_lockout(available, cue):
    """Found at 80 deg of knee flexion, read at lockout with the knee straight."""
    rf = compensate(available, cue=cue, tissue="Rectus femoris", test_knee_flexion=80.0)
    as_iliopsoas = compensate(available, cue=cue, tissue="Iliopsoas", test_knee_flexion=80.0)
    assert as_iliopsoas.deficit > 0
    assert rf.deficit <= as_iliopsoas.deficit / 3.0


def test_straightening_the_knee_shortens_rectus_femoris_more_than_hip_extension_lengthens_it():
    knee80, knee0 = path_length("rect_fem_r", knee_flexion=[80.0, 0.0])
    hip0, hip_ext = path_length("rect_fem_r", hip_flexion=[0.0, -20.0])
    assert 1000 * (knee80 - knee0) == pytest.approx(61.8, abs=0.5)
    assert 1000 * (hip_ext - hip0) < (knee80 - knee0) * 1000 / 4


@pytest.mark.parametrize("tissue", tissue_choices("geometry"))
@pytest.mark.parametrize("cue", CUES)
def test_no_restriction_no_compensation(tissue, cue):
    s = compensate(17.0, cue=cue, tissue=tissue)
    assert (s.deficit, s.rotation_used, s.pelvic_tilt, s.stage, s.binding) == (0.0, 0.0, 0.0, "none", "")


def test_turning_out_tightens_the_one_joint_flexors_and_slackens_sartorius_and_rectus_femoris():
    """What the geometry says against the blog's illustrative k for 'hip flexors (all)'."""
    effect = rotation_effect("hip flexors (all)")
    assert {p for p, mm in effect.items() if mm < 0} == {"sar_r", "rect_fem_r"}
    assert all(effect[p] > 0 for p in ("iliacus_r", "psoas_r", "tfl_r", "add_long_r"))
    g = compensate(-10.0, tissue="hip flexors (all)")
    assert g.rotation_used == 0.0 and g.pelvic_tilt == g.deficit == pytest.approx(19.0, abs=1e-9)
    blog = compensate(-10.0, tissue="hip flexors (all)", mechanism="blog")
    assert blog.rotation_used > 0
    text = disagreement(blog, g)
    assert "tightens tensor fasciae latae and adductor longus" in text and "turns the hip neither way" in text
    assert "iliacus, psoas, rectus femoris, pectineus and adductor brevis are below the model's 5 mm floor" in text


def test_the_capsule_makes_turning_out_cost_extension():
    effect = rotation_effect("Iliofemoral ligament")
    assert all(mm > 0 for mm in effect.values())  # external rotation lengthens both bands
    s = compensate(-5.0, cue="stand_tall", tissue="Iliofemoral ligament")
    assert s.rotation_used < 0  # the hip turns in, not out


def test_several_tissues_at_once_need_at_least_the_tilt_of_each():
    both = compensate(-10.0, tissue=("Iliopsoas", "Rectus femoris"))
    for one in ("Iliopsoas", "Rectus femoris"):
        assert both.pelvic_tilt >= compensate(-10.0, tissue=one).pelvic_tilt - 1e-9
    assert both.tissue == "Iliopsoas + Rectus femoris" and both.tissues == ("Iliopsoas", "Rectus femoris")
    with pytest.raises(ValueError, match=r"several tissues: the blog's mechanism takes one"):
        compensate(-10.0, tissue=("Iliopsoas", "Rectus femoris"), mechanism="blog")
    with pytest.raises(ValueError, match=r"'Iliofemoral ligament' has no rotation benefit in the blog"):
        compensate(-10.0, tissue="Iliofemoral ligament", mechanism="blog")


def test_lockout_posture_fields_and_broadcasting():
    x = np.linspace(-30.0, 40.0, 15)
    curve = compensate(x, tissue="Sartorius", test_knee_flexion=30.0)
    for i, v in enumerate(x):
        one = compensate(float(v), tissue="Sartorius", test_knee_flexion=30.0)
        assert curve.pelvic_tilt[i] == pytest.approx(one.pelvic_tilt, abs=1e-9)
        assert curve.binding[i] == one.binding
    np.testing.assert_allclose(curve.hip_flexion, curve.pelvic_tilt - curve.demand, atol=1e-12)
    assert np.all(curve.demand == 9.0)
    np.testing.assert_allclose(curve.thigh_inclination + curve.trunk_lean, 9.0, atol=1e-12)
    assert set(np.unique(curve.stage)) <= {"none", "rotational", "lumbopelvic"}


def test_bad_mechanism_and_knee_angles_are_named():
    with pytest.raises(ValueError, match=r"^'mechanism' must be one of \{'blog', 'geometry'\}; got 'blgo'"):
        compensate(0.0, mechanism="blgo")
    with pytest.raises(ValueError, match=r"^'test_knee_flexion' must be a finite number of degrees in \[0, 120\]"):
        compensate(0.0, test_knee_flexion=130.0)
    with pytest.raises(ValueError, match=r"^'lockout_knee_flexion' must be a finite number of degrees in \[0, 30\]"):
        compensate(0.0, lockout_knee_flexion=-5.0)


FULL_RANGE = np.linspace(-30.0, 40.0, 141)


@pytest.mark.parametrize("tissue", ["Iliopsoas", "Rectus femoris", "Adductor brevis"])
@pytest.mark.parametrize("cue", CUES)
def test_no_pigeon_toes_for_a_degree_or_two_of_tilt(tissue, cue):
    """With defaults these tissues never turn the hip, over the whole range; without the price
    and the moment-arm floor the solver turned each of them (Iliopsoas 29.6 deg in)."""
    s = compensate(FULL_RANGE, cue=cue, tissue=tissue)
    assert np.all(np.abs(s.rotation_used) < 1.0)
    free = compensate(FULL_RANGE, cue=cue, tissue=tissue, rotation_gain_floor=0.0, moment_arm_floor=0.0)
    assert np.max(np.abs(free.rotation_used)) > 10.0


@pytest.mark.parametrize("tissue", ["Sartorius", "Tensor fasciae latae", "Adductor longus"])
def test_tissues_with_a_rotation_action_still_turn_the_way_they_pull(tissue):
    k, direction = (float(v) for v in blog_rotation_benefit(tissue))
    s = compensate(-10.0, tissue=tissue)
    assert np.sign(s.rotation_used) == direction and abs(s.rotation_used) > 10.0
    assert s.deficit - s.pelvic_tilt >= 0.1 * abs(s.rotation_used)  # each degree bought at least the floor


def test_the_gain_floor_alone_excludes_iliopsoas_and_rectus_femoris_but_not_adductor_brevis():
    """Why the solver also follows moment_arm_floor: a gain is a ratio of two moment arms, and
    adductor brevis' small flexion moment arm makes its 3 mm of rotation buy a lot."""
    for tissue in ("Iliopsoas", "Rectus femoris"):
        assert compensate(FULL_RANGE, tissue=tissue, moment_arm_floor=0.0).rotation_used.tolist() == [0.0] * 141
    brevis = compensate(-10.0, tissue="Adductor brevis", moment_arm_floor=0.0)
    assert brevis.rotation_used < -20.0 and (brevis.deficit - brevis.pelvic_tilt) / -brevis.rotation_used > 0.5


@pytest.mark.parametrize("tissue", [t for t in tissue_choices("blog")[1:]])
def test_a_tissue_with_no_rotation_action_in_the_table_is_not_turned(tissue):
    """The table's rule (anatomy.action_rule) and the solver agree: a rotation moment arm under
    moment_arm_floor gives no action in the table and no rotation (nor benefit) in the geometry."""
    arms = tissue_moment_arms()[tissue]
    part_arms = rotation_moment_arms(tissue_parts(tissue), np.zeros(1))[0]
    s = compensate(FULL_RANGE, tissue=tissue, rotation_gain_floor=0.0)
    if action_from_moment_arm("rotation", arms.rotation_mm) == "":
        assert np.all(np.abs(part_arms) < PARAMETERS["moment_arm_floor"].default)
        assert np.all(s.rotation_used == 0.0) and np.all(s.rotation_benefit == 0.0)
    else:
        assert np.any(s.rotation_used != 0.0)


def test_rotation_moment_arms_are_the_geometrys():
    parts = tissue_parts("hip flexors (all)")
    for knee in (0.0, 30.0):
        mine = rotation_moment_arms(parts, np.array([knee]))[0]
        theirs = [float(moment_arms(knee_flexion=knee).of(part)[2]) for part in parts]
        np.testing.assert_allclose(mine, 1000.0 * np.asarray(theirs), atol=1e-3)


@pytest.mark.parametrize("tissue", tissue_choices("geometry"))
def test_no_price_and_no_moment_arm_floor_is_the_least_tilt_solver(tissue):
    """Floors 0: the rotation that needs the least tilt, the least rotation where none is needed."""
    for cue in CUES:
        free = compensate(FULL_RANGE, cue=cue, tissue=tissue, rotation_gain_floor=0.0, moment_arm_floor=0.0)
        priced = compensate(FULL_RANGE, cue=cue, tissue=tissue)
        assert np.all(free.pelvic_tilt <= priced.pelvic_tilt + 1e-9)
        np.testing.assert_array_equal(free.deficit, priced.deficit)
        done = (free.pelvic_tilt == 0.0) & (free.rotation_used != 0.0)
        np.testing.assert_array_equal(free.rotation_used[done], free.rotation_needed[done])


def test_slack_zero_is_no_slack_and_one_part_slack_is_more_available_extension():
    x = np.linspace(-30.0, 10.0, 41)
    none = compensate(x, tissue="Iliopsoas")
    zero = compensate(x, tissue="Iliopsoas", slack={"psoas_r": 0.0, "iliacus_r": np.zeros(41)})
    for field in ("deficit", "rotation_used", "pelvic_tilt", "rotation_needed", "binding"):
        np.testing.assert_array_equal(getattr(zero, field), getattr(none, field))
    for tissue, part in (("Sartorius", "sar_r"), ("Tensor fasciae latae", "tfl_r"), ("Adductor brevis", "add_brev_r")):
        slack = compensate(x, tissue=tissue, slack={part: 7.5})
        shifted = compensate(x + 7.5, tissue=tissue)
        for field in ("deficit", "rotation_used", "pelvic_tilt"):
            np.testing.assert_allclose(getattr(slack, field), getattr(shifted, field), atol=1e-9)


@pytest.mark.parametrize("part", tissue_parts("hip flexors (all)"))
def test_a_part_given_slack_never_binds_earlier(part):
    """Along the restriction, a slackened part starts binding no sooner, and nothing needs more."""
    x = np.linspace(-30.0, 40.0, 71)
    before = compensate(x, tissue="hip flexors (all)")
    after = compensate(x, tissue="hip flexors (all)", slack={part: 10.0})
    binds = [np.array([part in b.split(", ") for b in s.binding]) for s in (before, after)]
    assert not np.any(binds[1] & ~binds[0]) or x[binds[1]].max() <= x[binds[0]].max()
    assert np.all(after.deficit <= before.deficit + 1e-9)
    assert np.all(after.pelvic_tilt + 0.1 * np.abs(after.rotation_used) <= before.pelvic_tilt + 1e-9)
    assert np.all(compensate(x, tissue="hip flexors (all)", slack={part: 30.0}).deficit <= after.deficit + 1e-9)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"slack": {"psoas": 3.0}}, r"^'slack' must name parts of the tight tissue, one of \['iliacus_r', 'psoas_r'\]"),
        ({"slack": {"rect_fem_r": 3.0}}, r"one of \['iliacus_r', 'psoas_r'\]; got 'rect_fem_r'"),
        ({"slack": {"psoas_r": 31.0}}, r"^'slack' of 'psoas_r': 'part_slack' must be .* in \[0, 30\]; got 31"),
        ({"slack": {"psoas_r": -1.0}}, r"in \[0, 30\]; got -1"),
        ({"slack": {"psoas_r": float("nan")}}, r"got nan"),
        ({"slack": 5.0}, r"^'slack' must map part names to degrees"),
        ({"slack": {"psoas_r": 3.0}, "mechanism": "blog"}, r"^'slack' .* acts on the geometry mechanism only"),
        ({"slack": {"psoas_r": [1.0, 2.0, 3.0]}}, r"array inputs must have the same length"),
        (
            {"rotation_gain_floor": 1.5},
            r"^'rotation_gain_floor' must be a finite number of degrees per degree in \[0, 1\]",
        ),
    ],
)
def test_bad_slack_and_gain_floor_are_named(kwargs, message):
    with pytest.raises(ValueError, match=message):
        compensate(np.array([0.0, 1.0]), tissue="Iliopsoas", **kwargs)


def test_the_blog_is_unchanged_by_the_price_of_rotation():
    x = np.linspace(-30.0, 40.0, 141)
    for tissue in tissue_choices("blog"):
        blog = compensate(x, tissue=tissue, mechanism="blog")
        priced = compensate(x, tissue=tissue, mechanism="blog", rotation_gain_floor=1.0)
        np.testing.assert_array_equal(blog.rotation_used, priced.rotation_used)
        np.testing.assert_array_equal(blog.pelvic_tilt, priced.pelvic_tilt)


@pytest.mark.parametrize("tissue", ["hip flexors (all)", "Sartorius", "Tensor fasciae latae", "Rectus femoris"])
def test_states_left_out_of_the_rotation_searches_get_the_answer_the_searches_give(tissue, monkeypatch):
    # the band's settings: the price of rotation, the squeeze, soft knees, parts not all at their limit
    from biomech.model import geometry_lockout
    from biomech.model.variants import compensation_band

    x = np.linspace(-30.0, 40.0, 71)
    quick = compensation_band(x, cue="squeeze_glutes", tissue=tissue)
    monkeypatch.setattr(geometry_lockout, "_frozen_tilt", lambda problem, theta, *_: np.full(theta.shape, -np.inf))
    searched = compensation_band(x, cue="squeeze_glutes", tissue=tissue)
    for field in ("rotation_used", "rotation_needed", "pelvic_tilt", "deficit", "lumbar_extension"):
        np.testing.assert_array_equal(getattr(quick.curves, field), getattr(searched.curves, field), err_msg=field)
    np.testing.assert_array_equal(quick.curves.binding, searched.curves.binding)


def test_past_its_shortest_posture_a_part_costs_the_same_whatever_the_reading():
    """Adductor brevis shortens until about 25 deg of hip flexion: any reading past that gives it the
    same limit (its shortest length) and the same deficit, to 1e-9 deg (with the limit's rounding
    taken at face value, -25 and -26.7 deg gave deficits 1.5e-6 deg apart, the tighter the smaller)."""
    readings = np.array([-25.0, -26.6875, -27.3, -29.1, -30.0])
    limit, at = length_limits(("add_brev_r",), readings, np.zeros(readings.size))
    assert np.ptp(limit) < 1e-15 and np.ptp(at) < 1e-5
    assert 24.0 < at[0, 0] < 25.0  # short of every reading: the shortest posture, not the reading
    hips = at[0, 0] + np.linspace(-0.5, 0.5, 201)
    assert path_length(("add_brev_r",), hip_flexion=hips).min() >= limit[0, 0] - 1e-15
    solved = (compensate(a, tissue="Adductor brevis", cue="stand_tall", mechanism="geometry") for a in readings)
    deficits = [s.deficit for s in solved]
    assert np.ptp(deficits) < 1e-9
    assert deficits[0] == pytest.approx(at[0, 0], abs=1e-5)  # the deficit is the hip at the part's shortest
