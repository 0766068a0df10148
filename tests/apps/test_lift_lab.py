"""The live deadlift (biomech.apps.lift_lab)."""

from __future__ import annotations

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
