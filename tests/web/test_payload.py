"""The browser's payload draws what the Scene holds and what the matplotlib views draw (biomech.web.payload)."""

from __future__ import annotations

import json
import re
from functools import cache

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from biomech.formatting import format_degrees
from biomech.model.lockout import compensate
from biomech.scene.scene import build_scene, build_scenes
from biomech.style.palette import THEMES
from biomech.views import curves as curves_view
from biomech.views import sagittal, transverse
from biomech.views._base import join_lines
from biomech.views.curves import CurvesView, band_outline
from biomech.views.sagittal import SagittalView
from biomech.views.transverse import TransverseView
from biomech.web import payload as web
from biomech.web.bone_motion import ring_motion, ring_motions
from biomech.web.page import page_settings, renderer_files

SETTINGS = [
    {"cue": "squeeze_glutes", "tissue": "hip flexors (all)", "mechanism": "blog"},
    {"cue": "stand_tall", "tissue": "Iliopsoas", "mechanism": "geometry"},
    {"cue": "squeeze_glutes", "tissue": "Tensor fasciae latae", "mechanism": "blog"},
    {"cue": "squeeze_glutes", "tissue": "Iliofemoral ligament", "mechanism": "geometry"},
]
STATES = (0, 20, 60, 80, 94, 140)  # indices of the curve: -30, -20, 0, 10, 17 and 40 deg available
TOL = 1.5 / web.SCALE  # H: the payload's rounding (whole 1/SCALE H), with room for the motion's


@cache
def payload() -> dict:
    return web.lab_payload(SETTINGS)


def pts(flat) -> np.ndarray:
    return np.asarray(flat, dtype=float).reshape(-1, 2) / web.SCALE


def moved(outline: list, motion) -> list[np.ndarray]:
    """Rings of a bone as the renderer draws them: the reference moved rigidly, or the sent rings."""
    if isinstance(motion, dict):
        return [pts(r) for r in motion["rings"]]
    angle, x, y = np.radians(motion[0]), motion[1] / web.SCALE, motion[2] / web.SCALE
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    return [pts(r) @ rot.T + [x, y] for r in outline]


def cases():
    p = payload()
    for setting in p["settings"]:
        for i in STATES:
            state = setting["states"][i]
            options = {k: setting[k] for k in ("cue", "tissue", "mechanism")}
            yield p, setting, state, p["poses"][state["pose"]], build_scene(state["x"], **options)


def close(a, b, tol=TOL) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.all(np.abs(a - b) <= tol))


def test_the_payload_is_plain_json_and_the_outlines_are_sent_once():
    p = payload()
    text = web.to_json(p)
    assert json.loads(text) == json.loads(json.dumps(p))  # lists, numbers and strings only; no NaN
    assert "</" not in text
    assert set(p["outlines"]) == {"side", "top"}
    assert all("rings" not in json.dumps(pose["side"]["bones"]) for pose in p["poses"])  # all moved rigidly
    assert [len(s["states"]) for s in p["settings"]] == [141] * len(SETTINGS)


def test_every_bone_the_renderer_draws_is_where_the_scene_poses_it():
    for p, _, _, pose, scene in cases():
        side, top = web.reference_outlines(scene)["side"], web.reference_outlines(scene)["top"]
        for view, bones in (("side", side), ("top", top)):
            for name, rings in bones.items():
                drawn = moved(p["outlines"][view][name], pose[view]["bones"][name])
                assert len(drawn) == len(rings)
                for d, r in zip(drawn, rings, strict=True):
                    assert close(d, r, 4 * TOL), (view, name, float(np.abs(d - r).max()))


def test_points_muscles_and_highlights_are_the_scenes():
    for _, _, _, pose, scene in cases():
        s, p, b = pose["side"], scene.sagittal, scene.bones_side
        assert close(pts(s["lumbar"]), p.lumbar) and close(pts(s["trunk"]), p.trunk) and close(pts(s["arm"]), p.arm)
        assert close(pts(s["hip"])[0], b.hip) and close(pts(s["landmarks"]), [b.asis, b.psis])
        assert close(pts(s["head"][:2])[0], p.head_center) and close(pts(s["bar"])[0], p.bar)
        for role, parts in scene.muscles_side.items():
            sent = dict(pose["muscles"][role])
            assert list(sent) == list(parts)
            for part, line in parts.items():
                assert close(pts(sent[part]), line)
        assert pose["highlights"] == {k: list(v) for k, v in scene.highlights.items()}
        assert close(pts(sum(pose["top"]["kneecaps"], [])), np.vstack(scene.bones_top.kneecaps))


def test_labels_and_guides_are_what_the_matplotlib_views_draw():
    assert (web.GUIDE_H, web.TILT_ARC_H) == (sagittal.GUIDE_H, sagittal.ARC_H)
    assert (web.AHEAD_H, web.TOP_ARC_H) == (transverse.AHEAD_H, transverse.ARC_H)
    fig = Figure()
    side, top = SagittalView(fig.add_subplot(121)), TransverseView(fig.add_subplot(122))
    for _, _, _, pose, scene in cases():
        side.update(scene)
        top.update(scene)
        labels = pose["labels"]
        assert labels["tilt"]["text"] == side.tilt_label.get_text()
        assert labels["lordosis"]["text"] == side.lordosis_label.get_text()
        assert labels["feet"]["text"] == top.feet_label.get_text()
        assert labels["hip"]["text"] == top.hip_label.get_text()
        for key, text in (("tilt", side.tilt_label), ("lordosis", side.lordosis_label), ("asis", side.asis_label)):
            assert close(pts(labels[key]["at"])[0], text.xy), key
        assert close(pts(pose["side"]["guides"]), np.column_stack(side.guides.get_data()))
        assert close(pts(pose["side"]["arc"]), np.column_stack(side.arc.get_data()))
        for name, line in (("arcs", top.arcs), ("ahead", top.ahead), ("stance", top.stance)):
            x, y = join_lines(pts(flat) for flat in pose["top"][name])
            ok = np.isfinite(x)
            assert close(np.column_stack([x, y])[ok], np.column_stack(line.get_data())[ok]), name
        tight = side.muscles["restricting"]
        assert pose["tight"][1] == (tight.get_alpha() == 1.0)


def test_numbers_are_the_models_through_the_one_formatter():
    p = payload()
    names = p["value_names"]
    for _, setting, state, _, _ in cases():
        options = {k: setting[k] for k in ("cue", "tissue", "mechanism")}
        model = compensate(state["x"], **options)
        for name, text in zip(names, state["values"], strict=True):
            assert text == format_degrees(getattr(model, name), display=True), name
        assert state["readout"][0] == model.describe()
        assert state["avail"] == format_degrees(state["x"])
        assert state["stage"] == model.stage


def test_scenes_over_the_range_are_the_single_scenes():
    scenes = build_scenes(cue="stand_tall", tissue="Sartorius", mechanism="blog")
    for i in (0, 50, 100, 140):
        one = build_scene(
            float(scenes[i].state.hip_extension_available), cue="stand_tall", tissue="Sartorius", mechanism="blog"
        )
        assert scenes[i].state == one.state
        assert close(scenes[i].bones_side.pelvis[0], one.bones_side.pelvis[0], 1e-12)
        assert web.readout_lines(scenes[i]) == web.readout_lines(one)


def test_a_bone_posed_other_than_rigidly_is_sent_as_its_points():
    rings = (np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]]),)
    stretched = (rings[0] * [2.0, 1.0],)
    assert "rings" in ring_motion(rings, stretched)
    assert isinstance(ring_motion(rings, (rings[0] + 0.1,)), list)


@given(
    angle=st.floats(-179.0, 179.0),
    shift=st.tuples(st.floats(-1.0, 1.0), st.floats(-1.0, 1.0)),
    seed=st.integers(0, 2**16),
)
def test_rigid_fit_recovers_any_rotation_and_translation(angle, shift, seed):
    ref = np.random.default_rng(seed).uniform(-0.3, 0.3, size=(12, 2))
    a = np.radians(angle)
    target = ref @ np.array([[np.cos(a), np.sin(a)], [-np.sin(a), np.cos(a)]]) + shift
    got, x, y, error = web.rigid_fit(ref, target)
    assert error < 1e-9
    assert abs((got - angle + 180.0) % 360.0 - 180.0) < 1e-6 and abs(x - shift[0]) < 1e-9 and abs(y - shift[1]) < 1e-9


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_style_sheet_uses_the_palettes_colours(theme):
    _, css = renderer_files()
    block = css.split('.hiplab-web[data-theme="dark"]')[1 if theme == "dark" else 0]
    block = block.split("}", 1)[0]
    colours = dict(re.findall(r"--hl-([\w-]+):\s*(#[0-9A-Fa-f]{6})", block))
    t = THEMES[theme]
    expected = {
        "bg": t.background,
        "fg": t.foreground,
        "muted": t.muted,
        "restricting": t.restricting,
        "rotation": t.rotation,
        "rotation-needed": t.rotation_needed,
        "pelvis": t.pelvis,
        "lumbar": t.lumbar,
        "cue": t.cue_target,
        "bone": t.bone,
        "stage-none": t.none_stage,
        "stage-rotational": t.rotational_stage,
        "stage-lumbopelvic": t.lumbopelvic_stage,
        "stage-beyond_range": t.beyond_range_stage,
    }
    assert {k: colours.get(k, "").upper() for k in expected} == {k: v.upper() for k, v in expected.items()}
    alpha = re.search(r"--hl-variant-alpha:\s*([\d.]+)", block)
    assert alpha and float(alpha.group(1)) == t.variant_alpha


def test_the_page_offers_every_tissue_cue_and_mechanism():
    got = {(s["mechanism"], s["cue"], s["tissue"]) for s in page_settings()}
    assert ("geometry", "stand_tall", "Iliofemoral ligament") in got
    assert ("blog", "stand_tall", "Iliofemoral ligament") not in got
    assert len(got) == len(page_settings()) == 34


def test_no_settings_is_an_error_naming_the_parameter():
    with pytest.raises(ValueError, match="'settings'"):
        web.lab_payload([])


def test_the_variant_bands_are_the_scenes_and_the_matplotlib_views():
    fig = Figure()
    view = CurvesView(fig.add_subplot(111))
    for setting in payload()["settings"]:
        options = {k: setting[k] for k in ("cue", "tissue", "mechanism")}
        scene = build_scene(0.0, **options)
        sent = setting["variants"]
        assert sent["names"] == [v.name for v in scene.band.variants]
        view.update(scene)
        for name in web.BAND_FIELDS:
            low, high = (np.array([np.nan if v is None else v for v in side]) for side in sent[name])
            np.testing.assert_allclose(low, scene.band.low(name), atol=0.006)
            np.testing.assert_allclose(high, scene.band.high(name), atol=0.006)
            assert np.all(low <= high)
            # the matplotlib view's polygon runs along the same lows and back along the highs
            drawn = view.variant_bands[name].get_paths()[0].vertices
            x = np.asarray(setting["curves"]["x"])
            expected = band_outline(x, low, high)
            np.testing.assert_allclose(drawn[: len(expected)], expected, atol=0.006)
    assert web.BAND_FIELDS == curves_view.BAND_FIELDS


def test_the_readout_says_how_sure_the_answer_is_per_state():
    for _, _, state, _, scene in cases():
        assert state["sure"] == scene.band.sentence(state["x"]) == web.band_sentence(scene)
        n = len(scene.band.variants)
        assert state["sure"].startswith(f"Across {n} assumption variants at {state['avail']} deg")
    sentences = {s["sure"] for s in payload()["settings"][0]["states"]}
    assert len(sentences) > 10  # it changes with the slider


def test_every_payload_carries_the_same_outlines_so_the_renderer_keeps_its_drawing():
    one = web.lab_payload([SETTINGS[1]])
    other = web.lab_payload([{"cue": "stand_tall", "tissue": "Pectineus", "mechanism": "blog", "squeeze_demand": 14.0}])
    assert one["outlines"] == other["outlines"] == payload()["outlines"]
    assert (one["table"], one["slider"]) == (other["table"], other["slider"])


@given(
    sizes=st.lists(st.integers(1, 9), min_size=1, max_size=5),
    angles=st.lists(st.floats(-179.0, 179.0), min_size=5, max_size=5),
    seed=st.integers(0, 2**16),
)
def test_the_bones_fitted_together_move_as_each_fitted_alone(sizes, angles, seed):
    rng = np.random.default_rng(seed)
    reference, bones = {}, {}
    for i, n in enumerate(sizes):
        rings = tuple(rng.uniform(-0.3, 0.3, size=(rng.integers(3, 12), 2)) for _ in range(n % 3 + 1))
        a = np.radians(angles[i])
        rot = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
        shift = rng.uniform(-1.0, 1.0, size=2)
        reference[f"b{i}"] = rings
        bones[f"b{i}"] = tuple(r @ rot.T + shift for r in rings)
    if len(sizes) > 1:  # one bone stretched: sent as its points
        bones["b0"] = tuple(r * [2.0, 1.0] for r in bones["b0"])
    together = ring_motions(reference, bones)
    for name in bones:
        alone = ring_motion(reference[name], bones[name])
        assert type(together[name]) is type(alone)
        if isinstance(alone, dict):
            assert together[name] == alone
        else:
            angle, x, y, _ = web.rigid_fit(np.vstack(reference[name]), np.vstack(bones[name]))
            assert np.allclose(together[name], [angle, x * web.SCALE, y * web.SCALE], atol=0.051)
