"""The deadlift as JSON for the browser's renderer: a lifter's whole pull, both cues, in one payload (numpy only).

:func:`lift_payload` turns a :class:`~biomech.scene.lift.LiftScene` (every phase of the
grid, both cues, computed by :func:`~biomech.scene.lift.lift_scenes`) into plain dicts
of lists, numbers and strings, as :mod:`biomech.web.payload` does for the lab's scenes:
bone outlines once, then per phase and cue the drawing (:func:`~biomech.web.payload.scene_frame`:
the bones' rigid motions, the lifter's points, the muscles), and the numbers people read,
formatted by :func:`biomech.formatting.format_degrees`. Nothing here computes biomechanics.
The renderer (``static/lab.js`` with ``static/lift.js``, :func:`lift_renderer_files`)
draws it; its phase slider repaints from these states with no kernel round trip.

Examples
--------
>>> from biomech.scene.lift import lift_scenes
>>> p = lift_payload(lift_scenes(-8.0, phases=11))
>>> len(p["states"]), p["states"][5]["label"], p["slider"]
(11, '0.50', [0.0, 1.0, 0.1, 0.0])
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import numpy as np

from biomech.formatting import format_degrees
from biomech.lessons.claims_rectus import knee_note
from biomech.scene.labels import feet_label
from biomech.scene.lift import CUE_TITLES, PELVIS_CURVE, PLATE_RADIUS, ROTATION_CURVE, LiftScene
from biomech.scene.scene import Scene
from biomech.web.bone_motion import SCALE, outlines_json, posed_rings, reference_outlines, whole_numbers
from biomech.web.payload import scene_frame

__all__ = ["LIFT_CURVES", "lift_payload", "lift_readout", "lift_renderer_files", "posture_line"]

LIFT_CURVES: tuple[str, ...] = ("rotation_used", "pelvic_tilt")
"""The curves the renderer plots against phase, per cue (as :class:`~biomech.views.LiftCurvesView`)."""
MARGIN_H = 0.03
"""Room around the drawn lifter and plate in the side views, H."""


def posture_line(lift: LiftScene, i: int) -> str:
    """The joint angles at phase ``i`` of the grid, in one line (the same for both cues)."""
    a = lift.postures
    hip, knee, trunk = (float(np.asarray(v)[i]) for v in (a.hip_flexion, a.knee_flexion, a.trunk_inclination))
    return (
        f"Phase {lift.phases[i]:.2f}: hip flexion {format_degrees(hip, display=True)} \u00b7 knee flexion "
        f"{format_degrees(knee, display=True)} \u00b7 trunk lean from vertical {format_degrees(trunk, display=True)}"
    )


def lift_readout(scene: Scene) -> tuple[str, str]:
    """One cue's state in words (:meth:`Compensation.describe`, without its stance) and its numbers (rotation, stance,
    tilt).

    The rotation is this phase's: what the hip would need with free feet. The stance is the
    one drawn, the lockout's, set before the pull (planted under a loaded bar, the feet do
    not turn during it), in the top view's words (:func:`~biomech.scene.labels.feet_label`).
    """
    s = scene.state
    feet = feet_label(scene.bones_top.foot_progression, set_before_pull=scene.stance_set_before_pull).replace("\n", " ")
    numbers = (
        f"hip rotation {format_degrees(float(s.rotation_used), display=True)} "
        "(external +, needed at this phase with free feet) \u00b7 "
        f"{feet} \u00b7 anterior pelvic tilt on the trunk {format_degrees(float(s.pelvic_tilt), display=True)}"
    )
    return s.describe(balanced=False, stance=False), numbers


def _neutral(scene: Scene) -> dict[str, Any]:
    """The standing pelvis and lumbar spine moved to the phase's joint angles (the dashed ghost)."""
    return {
        "pelvis": [whole_numbers(scene.bones_side_neutral.pelvis[0])],
        "lumbar": whole_numbers(scene.sagittal_neutral.lumbar),
    }


def _extent(scene: Scene) -> np.ndarray:
    """The side view's drawn points of a scene (bones, trunk, arm, head and the plate's box), shape (K, 2), H."""
    p = scene.sagittal
    rings = [r for bone in posed_rings(scene)[0].values() for r in bone]
    head = p.head_center + p.head_radius * np.array([[-1.0, -1.0], [1.0, 1.0]])
    plate = p.bar + PLATE_RADIUS * np.array([[-1.0, -1.0], [1.0, 1.0]])
    return np.vstack([*rings, p.trunk, p.arm, p.lumbar, head, plate])


def _number(value: float) -> float | None:
    return round(float(value), 2) if np.isfinite(value) else None


def lift_payload(lift: LiftScene) -> dict[str, Any]:
    """Everything the renderer needs to play a lifter's pull, both cues, at every phase of the grid.

    Parameters
    ----------
    lift
        From :func:`~biomech.scene.lift.lift_scenes`.

    Returns
    -------
    dict
        ``format``, ``kind`` (``"lift"``), ``scale`` (coordinates in 1/scale H),
        ``outlines`` (reference rings, sent once), ``poses`` (the pool of drawings: a
        :func:`~biomech.web.payload.scene_frame`, without the table's highlights, with the
        phase's ``neutral`` ghost; both cues share one where their scenes share their poses),
        ``cues`` (``[cue, title]`` in drawing order), ``plate`` (the plate's radius,
        1/scale H), ``region`` (``[[x0, x1], [y0, y1]]``, 1/scale H: the side views'
        limits, the same at every phase and for both cues, around everything drawn),
        ``curves`` (``x``: the phases; per cue, each of :data:`LIFT_CURVES`),
        ``slider`` (min, max, step, start phase), ``tissue``, ``available``, ``note``
        (:func:`~biomech.lessons.claims_rectus.knee_note`: for a tissue that crosses the knee, where
        the knee would bring its limit; else empty), ``rotation`` (the rotation curve's name,
        :data:`~biomech.scene.lift.ROTATION_CURVE`), ``pelvis`` (the pelvis curve's name,
        :data:`~biomech.scene.lift.PELVIS_CURVE`) and ``states``:
        per phase its ``phase``, ``label`` (two decimals), ``poses`` (one per cue),
        ``at`` (per cue, the curves' values), ``posture`` (:func:`posture_line`) and
        ``readout`` (per cue, :func:`lift_readout`).
    """
    cues = list(lift.scenes)
    first = lift.scenes[cues[0]][0]
    reference = reference_outlines(first)
    poses: list[dict[str, Any]] = []
    # scenes sharing their side view (both cues before the cue acts) and their stance share a drawing
    by_pose: dict[tuple[int, float, float], int] = {}
    states = []
    for i, phase in enumerate(lift.phases):
        indices, readouts = [], []
        for cue in cues:
            scene = lift.scenes[cue][i]
            key = (id(scene.bones_side), scene.bones_top.foot_progression, scene.bones_top.hip_rotation)
            if key not in by_pose:
                frame = scene_frame(scene, reference)
                del frame["highlights"]  # the lift draws no table
                frame["neutral"] = _neutral(scene)
                by_pose[key] = len(poses)
                poses.append(frame)
            indices.append(by_pose[key])
            readouts.append(list(lift_readout(scene)))
        states.append(
            {
                "phase": float(phase),
                "label": f"{phase:.2f}",
                "poses": indices,
                "at": [[_number(getattr(lift.curves[c], q)[i]) for q in LIFT_CURVES] for c in cues],
                "posture": posture_line(lift, i),
                "readout": readouts,
            }
        )
    step = round(float(lift.phases[1] - lift.phases[0]), 6)
    every = np.vstack([_extent(scene) for scenes in lift.scenes.values() for scene in scenes])
    low, high = every.min(axis=0) - MARGIN_H, every.max(axis=0) + MARGIN_H
    return {
        "format": 1,
        "kind": "lift",
        "scale": SCALE,
        "outlines": outlines_json(reference),
        "poses": poses,
        "cues": [[c, CUE_TITLES[c]] for c in cues],
        "plate": int(round(PLATE_RADIUS * SCALE)),
        "region": [whole_numbers([low[0], high[0]]), whole_numbers([min(low[1], -MARGIN_H), high[1]])],
        "curves": {
            "x": [float(p) for p in lift.phases],
            **{c: {q: [_number(v) for v in getattr(lift.curves[c], q)] for q in LIFT_CURVES} for c in cues},
        },
        "slider": [0.0, 1.0, step, 0.0],
        "tissue": lift.tissue,
        "available": format_degrees(lift.hip_extension_available),
        "note": knee_note(lift.hip_extension_available, lift.tissue),
        "rotation": ROTATION_CURVE,
        "pelvis": PELVIS_CURVE,
        "states": states,
    }


def lift_renderer_files() -> tuple[str, str]:
    """The lift's renderer, as text: ``lab.js`` followed by ``lift.js`` (one ES module), and the style sheets.

    ``lift.js`` draws with ``lab.js``'s side and top views (its classes, in the same module
    scope) and registers the lift with ``lab.js``'s ``render`` (``RENDERERS.lift``): the
    same anywidget entry point draws the lab or the lift, by the widget's ``renderer``.
    """
    static = resources.files("biomech.web").joinpath("static")
    text = [static.joinpath(name).read_text("utf-8") for name in ("lab.js", "lift.js", "lab.css", "lift.css")]
    return text[0] + "\n" + text[1], text[2] + "\n" + text[3]
