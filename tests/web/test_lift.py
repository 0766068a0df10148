"""The browser's lift draws what the lift's scenes hold and what the matplotlib lift figure draws (biomech.web.lift)."""

from __future__ import annotations

import json
from functools import cache

import numpy as np
import pytest

from biomech.formatting import format_degrees
from biomech.model.lift import lift_compensation, lift_posture
from biomech.scene.lift import PLATE_RADIUS, lift_scene, lift_scenes
from biomech.views import LiftFigure
from biomech.web import lift as web_lift
from biomech.web import payload as web
from biomech.web.page import renderer_files

SETTINGS = [(-8.0, "hip flexors (all)"), (-12.0, "Tensor fasciae latae"), (5.0, "Rectus femoris")]
PHASES = (0, 37, 80, 90, 100)  # indices of the grid: floor, mid-pull, where compensation starts, near and at lockout
TOL = 1.5 / web.SCALE  # H: the payload's rounding (whole 1/SCALE H)


@cache
def sent(available: float, tissue: str) -> tuple:
    lift = lift_scenes(available, tissue=tissue)
    return lift, web_lift.lift_payload(lift)


def pts(flat) -> np.ndarray:
    return np.asarray(flat, dtype=float).reshape(-1, 2) / web.SCALE


def moved(outline: list, motion) -> list[np.ndarray]:
    if isinstance(motion, dict):
        return [pts(r) for r in motion["rings"]]
    angle, x, y = np.radians(motion[0]), motion[1] / web.SCALE, motion[2] / web.SCALE
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    return [pts(r) @ rot.T + [x, y] for r in outline]


def close(a, b, tol=TOL) -> bool:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    return a.shape == b.shape and bool(np.all(np.abs(a - b) <= tol))


def cases():
    """(payload, state, cue's position, cue, the scene computed alone by lift_scene) at several phases."""
    for available, tissue in SETTINGS:
        lift, p = sent(available, tissue)
        for i in PHASES:
            state = p["states"][i]
            for k, (cue, _) in enumerate(p["cues"]):
                yield p, state, k, cue, lift_scene(float(lift.phases[i]), available, cue=cue, tissue=tissue)


def test_the_payload_is_plain_json_with_every_phase_of_both_cues():
    lift, p = sent(-8.0, "hip flexors (all)")
    text = web.to_json(p)
    assert json.loads(text) == json.loads(json.dumps(p))  # lists, numbers and strings only; no NaN
    assert p["kind"] == "lift" and [c for c, _ in p["cues"]] == ["stand_tall", "squeeze_glutes"]
    assert len(p["states"]) == len(lift.phases) == 101
    assert [s["label"] for s in p["states"]][::25] == ["0.00", "0.25", "0.50", "0.75", "1.00"]
    assert p["slider"] == [0.0, 1.0, 0.01, 0.0]
    assert all(len(s["poses"]) == 2 for s in p["states"])
    assert p["plate"] == round(PLATE_RADIUS * web.SCALE)


def test_every_bone_and_point_is_where_the_scene_at_that_phase_poses_it():
    for p, state, k, _, scene in cases():
        pose = p["poses"][state["poses"][k]]
        reference = web.reference_outlines(scene)
        for view in ("side", "top"):
            for name, rings in reference[view].items():
                drawn = moved(p["outlines"][view][name], pose[view]["bones"][name])
                assert len(drawn) == len(rings)
                for d, r in zip(drawn, rings, strict=True):
                    assert close(d, r, 4 * TOL), (state["label"], view, name, float(np.abs(d - r).max()))
        s, sp, b = pose["side"], scene.sagittal, scene.bones_side
        assert close(pts(s["lumbar"]), sp.lumbar) and close(pts(s["trunk"]), sp.trunk) and close(pts(s["arm"]), sp.arm)
        assert close(pts(s["hip"])[0], b.hip) and close(pts(s["bar"])[0], sp.bar)
        assert close(pts(s["head"][:2])[0], sp.head_center)
        assert close(pts(pose["neutral"]["lumbar"]), scene.sagittal_neutral.lumbar)
        for role, parts in scene.muscles_side.items():
            got = dict(pose["muscles"][role])
            assert list(got) == list(parts)
            for part, line in parts.items():
                assert close(pts(got[part]), line)


def test_labels_and_plates_are_what_the_matplotlib_lift_figure_draws():
    figure = LiftFigure()
    for available, tissue in SETTINGS:
        lift, p = sent(available, tissue)
        for i in PHASES:
            figure.update(lift, float(lift.phases[i]))
            state = p["states"][i]
            for k, (cue, _) in enumerate(p["cues"]):
                pose = p["poses"][state["poses"][k]]
                assert pose["labels"]["feet"]["text"] == figure.top[cue].feet_label.get_text()
                assert pose["labels"]["hip"]["text"] == figure.top[cue].hip_label.get_text()
                assert close(pts(pose["side"]["bar"])[0], figure.plates[cue].get_center())
                assert figure.plates[cue].get_radius() == pytest.approx(p["plate"] / web.SCALE, abs=TOL)
            assert state["phase"] == pytest.approx(figure.curves._now.get_xdata()[0])


def test_the_plate_stands_on_the_floor_at_the_start_and_the_region_holds_everything_drawn():
    for available, tissue in SETTINGS:
        _, p = sent(available, tissue)
        (x0, x1), (y0, y1) = p["region"]
        for state in p["states"]:
            for index in state["poses"]:
                side = p["poses"][index]["side"]
                xs, ys = pts(side["trunk"] + side["arm"] + side["lumbar"]).T * web.SCALE
                assert x0 <= xs.min() and xs.max() <= x1 and y0 <= ys.min() and ys.max() <= y1
                bar = side["bar"]
                assert x0 <= bar[0] - p["plate"] and bar[0] + p["plate"] <= x1 and y0 <= bar[1] - p["plate"]
        first = p["poses"][p["states"][0]["poses"][0]]["side"]["bar"]
        assert abs(first[1] - p["plate"]) <= 1  # touching the floor, to the payload's rounding


def test_curves_and_numbers_are_the_lift_models_through_the_one_formatter():
    for available, tissue in SETTINGS:
        lift, p = sent(available, tissue)
        grid = np.asarray(p["curves"]["x"])
        assert close(grid, lift.phases, 1e-12)
        for k, (cue, _) in enumerate(p["cues"]):
            model = lift_compensation(grid, available, cue=cue, tissue=tissue)
            for name in web_lift.LIFT_CURVES:
                assert close(p["curves"][cue][name], getattr(model, name), 0.005), (cue, name)
            for i in PHASES:
                one = lift_compensation(float(grid[i]), available, cue=cue, tissue=tissue)
                words, numbers = p["states"][i]["readout"][k]
                assert words == one.describe(balanced=False, stance=False)
                assert format_degrees(one.rotation_used, display=True) in numbers
                assert format_degrees(one.pelvic_tilt, display=True) in numbers
                assert p["states"][i]["at"][k] == [round(one.rotation_used, 2), round(one.pelvic_tilt, 2)]
        for i in PHASES:
            angles = lift_posture(float(grid[i]))
            assert format_degrees(angles.hip_flexion, display=True) in p["states"][i]["posture"]
            assert format_degrees(angles.trunk_inclination, display=True) in p["states"][i]["posture"]


def test_the_lift_renderer_is_the_labs_module_with_the_lift_registered():
    lab_js, lab_css = renderer_files()
    js, css = web_lift.lift_renderer_files()
    assert js.startswith(lab_js) and css.startswith(lab_css)  # lab.js's views, not a copy of them
    assert js.count("export default") == 1 and "RENDERERS.lift = renderLift" in js
    assert "class SideView" in lab_js and "class SideView" not in js[len(lab_js) :]
    assert "extends SideView" in js


def test_the_stance_in_the_readout_and_the_top_view_is_the_lockouts_set_before_the_pull():
    """The feet are planted in a pull: at every phase the readout and the top view's label say the stance the
    lockout needs (one value per cue), set before the pull; the rotation is the phase's, with free feet."""
    from biomech.model.lift import CUE_TITLES
    from biomech.scene.labels import feet_label, hip_rotation_label

    for available, tissue in SETTINGS:
        _, p = sent(available, tissue)
        assert [title for _, title in p["cues"]][0] == CUE_TITLES["stand_tall"] == "Stand tall"
        for k, (cue, _) in enumerate(p["cues"]):
            lockout = lift_compensation(1.0, available, cue=cue, tissue=tissue)
            label = feet_label(lockout.foot_progression, set_before_pull=True)
            hip = hip_rotation_label(lockout.rotation_used, set_before_pull=True)
            assert hip.startswith("lockout's hip rotation ")
            assert label.startswith("stance set before the pull:\nfeet ")
            for state in p["states"]:
                numbers = state["readout"][k][1]
                assert label.replace("\n", " ") in numbers
                assert p["poses"][state["poses"][k]]["labels"]["feet"]["text"] == label
                assert p["poses"][state["poses"][k]]["labels"]["hip"]["text"] == hip  # drawn with the feet
                assert "(external +, needed at this phase with free feet)" in numbers
                assert "stance needed" not in state["readout"][k][0]  # the words name no stance of the phase
                assert "feet out -" not in numbers and "feet in -" not in numbers  # the way in words, the size unsigned
        assert p["rotation"] == "hip rotation needed, external + (free feet)"
        assert p["pelvis"] == "anterior pelvic tilt on the trunk"


def test_the_knee_note_is_computed_for_a_tissue_crossing_the_knee_only():
    """Rectus femoris: the lift model reads the hip only; the note gives the claim's phase, not a typed one."""
    from biomech.lessons.claims import claims
    from biomech.lessons.claims_rectus import hip_only_deficit_phase, lift_limit_phase

    lift = lift_scenes(-8.0, tissue="Rectus femoris", phases=11)
    note = web_lift.lift_payload(lift)["note"]
    at = lift_limit_phase(-8.0, "Rectus femoris")
    assert note.startswith("Hip only: the knee is ignored. With the knee as bent as in the pull, rectus femoris")
    alone = {c: hip_only_deficit_phase(-8.0, "Rectus femoris", c) for c in ("stand_tall", "squeeze_glutes")}
    assert (
        f"would have to be longer than its limit from phase {at:.2f} (geometry; the hip alone: from phase "
        f"{alone['stand_tall']:.2f} standing tall, from phase {alone['squeeze_glutes']:.2f} squeezing the glutes)"
    ) in note
    assert at < min(alone.values())  # the knee brings the limit earlier than the hip alone
    claim = next(c for c in claims() if c.id == "rectus_femoris_lift")
    assert f"bites from phase {at:.2f} on" in claim.sentence  # the claim's own number
    assert 0.0 < at < 0.8  # earlier than the hip alone would say (its limit at 8 deg of hip flexion: phase 0.82)
    assert web_lift.lift_payload(lift_scenes(-8.0, tissue="Iliopsoas", phases=11))["note"] == ""
    assert web_lift.lift_payload(lift_scenes(-8.0, phases=11))["note"] == ""  # the group: no single limit
    assert (
        "would not reach its limit"
        in web_lift.lift_payload(lift_scenes(10.0, tissue="Rectus femoris", phases=11))["note"]
    )


def test_a_stance_turned_in_reads_in():
    """Tensor fasciae latae under the blog's hypothesis turns the hip in: the readout's feet are in, as the model's."""
    lift = lift_scenes(-8.0, tissue="Tensor fasciae latae")
    scene = lift.at(1.0)["squeeze_glutes"]
    _, numbers = web_lift.lift_readout(scene)
    assert scene.state.foot_progression < 0
    assert f"feet in {format_degrees(abs(scene.state.foot_progression), display=True)}" in numbers
