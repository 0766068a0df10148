"""The live deadlift (biomech.apps.lift_lab): the kernel sends the whole pull; the phase moves in the browser."""

from __future__ import annotations

import pytest

from biomech.model.lift import lift_compensation


def test_a_new_setting_sends_the_whole_pull_in_one_payload():
    from biomech.apps.lift_lab import LiftLab

    lab = LiftLab()
    first = lab.drawing.payload
    assert len(first["states"]) == 101 and lab.drawing.renderer == "lift"
    sent = []
    lab.drawing.observe(lambda change: sent.append(change["new"]), names="payload")
    lab.set(phase=1.0, hip_extension_available=-12.0, tissue="Tensor fasciae latae")
    assert len(sent) == 2  # tissue, then available extension: one message each, none for the phase
    assert lab.drawing.payload["tissue"] == "Tensor fasciae latae" and lab.drawing.payload is not first
    squeeze = lift_compensation(1.0, -12.0, tissue="Tensor fasciae latae")
    k = [c for c, _ in lab.drawing.payload["cues"]].index("squeeze_glutes")
    assert lab.drawing.payload["states"][-1]["readout"][k][0] == squeeze.describe(balanced=False, stance=False)
    assert "Tensor fasciae latae" in lab.readout.value
    assert lab.errors.outputs == ()
    lab.reset()
    assert (lab.phase, lab.available.value, lab.tissue.value) == (0.0, -8.0, "hip flexors (all)")
    assert lab.drawing.payload is first  # a setting seen before: its payload is kept, not computed again


def test_the_knee_note_is_shown_once_under_the_phase_not_in_the_caption():
    from biomech.apps.lift_lab import LiftLab
    from biomech.lessons.claims_rectus import lift_limit_phase

    lab = LiftLab(tissue="Rectus femoris")
    at = lift_limit_phase(-8.0, "Rectus femoris")
    assert f"would have to be longer than its limit from phase {at:.2f}" in lab.drawing.payload["note"]
    assert "knee" not in lab.readout.value and "set before the pull" in lab.readout.value
    lab.set(tissue="Iliopsoas")
    assert lab.drawing.payload["note"] == "" and lab.errors.outputs == ()


def test_the_phase_goes_to_the_grid_and_no_image_is_drawn_per_move():
    from biomech.apps.lift_lab import LiftLab

    lab = LiftLab()
    lab.set(phase=0.333)
    assert lab.phase == pytest.approx(0.33)
    assert not hasattr(lab, "image")  # the PNG-per-move path is gone
    assert lab._figure is None  # matplotlib draws only when a frame is asked for


def test_the_saved_frame_has_the_plate_on_the_floor_at_the_start_and_rising_with_the_bar():
    from biomech.apps.lift_lab import LiftLab
    from biomech.scene.lift import PLATE_RADIUS, lift_scene

    lab = LiftLab()
    lab.figure  # noqa: B018 - drawn at phase 0
    plates = lab._figure.plates
    for cue, plate in plates.items():
        x, y = plate.get_center()
        assert y - plate.get_radius() == pytest.approx(0.0, abs=1e-9)  # touching the floor
        assert (x, y) == pytest.approx(tuple(lift_scene(0.0, -8.0, cue=cue).sagittal.bar))
        assert plate.get_radius() == PLATE_RADIUS
    lab.set(phase=1.0)
    lab.figure  # noqa: B018
    for cue, plate in plates.items():
        assert plate.get_center() == pytest.approx(tuple(lift_scene(1.0, -8.0, cue=cue).sagittal.bar))
        assert plate.get_center()[1] > 3 * PLATE_RADIUS


def test_the_theme_reaches_the_drawing_and_the_saved_frame():
    from biomech.apps.lift_lab import LiftLab
    from biomech.style import get_theme

    lab = LiftLab()
    lab.set(theme="dark")
    assert lab.drawing.theme == "dark"
    assert lab.figure.get_facecolor()[:3] == pytest.approx(_rgb(get_theme("dark").background))


def _rgb(colour: str) -> tuple[float, ...]:
    from matplotlib.colors import to_rgb

    return to_rgb(colour)


def test_every_tissue_offered_can_be_chosen():
    from biomech.apps.lift_lab import LiftLab

    lab = LiftLab()
    for tissue in lab.tissue.options:
        lab.set(phase=0.95, tissue=tissue)
        assert lab.errors.outputs == (), tissue
        assert lab.drawing.payload["tissue"] == tissue
    assert "Iliofemoral ligament" not in lab.tissue.options  # the lift's blog mechanism has no ligament
