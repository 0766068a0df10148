"""The live deadlift (biomech.apps.lift_lab)."""

from __future__ import annotations

import pytest

from biomech.model.lift import lift_compensation


def test_lift_lab_moves_with_its_controls():
    from biomech.apps.lift_lab import LiftLab

    lab = LiftLab()
    first = lab.image.value
    lab.set(phase=1.0, hip_extension_available=-12.0, tissue="Tensor fasciae latae")
    assert lab.image.value != first and lab.image.value[:4] == b"\x89PNG"
    assert "Tensor fasciae latae" in lab.readout.value
    squeeze = lift_compensation(1.0, -12.0, tissue="Tensor fasciae latae")
    assert f"{squeeze.rotation_used:.1f}" in lab.readout.value  # internal rotation: negative
    assert lab.errors.outputs == ()
    lab.reset()
    assert (lab.phase.value, lab.available.value, lab.tissue.value) == (0.0, -8.0, "hip flexors (all)")


def test_the_plate_stands_on_the_floor_at_the_start_and_rises_with_the_bar():
    from biomech.apps.lift_lab import LiftLab
    from biomech.scene.lift import PLATE_RADIUS, lift_scene

    lab = LiftLab()
    for cue, plate in lab.plates.items():
        x, y = plate.get_center()
        assert y - plate.get_radius() == pytest.approx(0.0, abs=1e-9)  # touching the floor
        assert (x, y) == pytest.approx(tuple(lift_scene(0.0, -8.0, cue=cue).sagittal.bar))
        assert plate.get_radius() == PLATE_RADIUS
    lab.set(phase=1.0)
    for cue, plate in lab.plates.items():
        assert plate.get_center() == pytest.approx(tuple(lift_scene(1.0, -8.0, cue=cue).sagittal.bar))
        assert plate.get_center()[1] > 3 * PLATE_RADIUS


def test_every_tissue_offered_can_be_chosen():
    from biomech.apps.lift_lab import LiftLab

    lab = LiftLab()
    for tissue in lab.tissue.options:
        lab.set(phase=0.95, tissue=tissue)
        assert lab.errors.outputs == (), tissue
    assert "Iliofemoral ligament" not in lab.tissue.options  # the lift's blog mechanism has no ligament
