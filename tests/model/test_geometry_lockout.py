"""The lockout solved on the muscle geometry (biomech.model.geometry_lockout) beside the blog's."""

from __future__ import annotations

import numpy as np
import pytest

from biomech.anatomy.geometry import path_length
from biomech.model.blog_lockout import rotation_benefit
from biomech.model.compare import disagreement, rotation_effect
from biomech.model.lockout import CUES, compensate, tissues

FIRST_ORDER_REL = 0.10  # the tolerance: the geometry's slope equals the blog's k within 10%


@pytest.mark.parametrize("tissue", [t for t in tissues("blog")[1:] if float(rotation_benefit(t)[1]) != 0])
def test_small_deficits_buy_extension_at_the_blogs_k(tissue):
    k, direction = (float(v) for v in rotation_benefit(tissue))
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


@pytest.mark.parametrize("tissue", tissues("geometry"))
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
    assert "tightens iliacus, psoas" in disagreement(blog, g) and "turns the hip neither way" in disagreement(blog, g)


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
    np.testing.assert_allclose(curve.hip_flexion, curve.pelvic_tilt - curve.thigh_inclination, atol=1e-12)
    assert np.all(curve.thigh_inclination == 9.0)
    assert set(np.unique(curve.stage)) <= {"none", "rotational", "lumbopelvic"}


def test_bad_mechanism_and_knee_angles_are_named():
    with pytest.raises(ValueError, match=r"^'mechanism' must be one of \{'blog', 'geometry'\}; got 'blgo'"):
        compensate(0.0, mechanism="blgo")
    with pytest.raises(ValueError, match=r"^'test_knee_flexion' must be a finite number of degrees in \[0, 120\]"):
        compensate(0.0, test_knee_flexion=130.0)
    with pytest.raises(ValueError, match=r"^'lockout_knee_flexion' must be a finite number of degrees in \[0, 30\]"):
        compensate(0.0, lockout_knee_flexion=-5.0)
