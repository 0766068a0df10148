"""Scenes as JSON for the browser's renderer: bone outlines once, then numbers per state (numpy only).

The browser draws what :class:`~biomech.scene.scene.Scene` holds, and nothing else: this
module turns scenes into plain dicts of lists, numbers and strings (``json.dumps`` takes
them as they are). Nothing here computes biomechanics; angles people read are formatted
here, by :func:`biomech.formatting.format_degrees`, so the page prints the digits the
lab, the slides and the model's text print.

Coordinates are whole numbers of :data:`SCALE` ths of standing height H (1/10,000 H,
about 0.2 mm of a 1.75 m lifter; far below a pixel), y up. A bone's outline is sent
once, as posed in a reference scene; each state sends, per bone, the rigid motion
``[angle_deg, x, y]`` that carries the reference outline to the scene's, fitted to the
scene's posed rings (:func:`rigid_fit`). The fit is checked: a bone the scene does not
pose rigidly (or a change in how it poses them) is sent as its points instead
(``{"rings": ...}``), so whatever the scene draws, the browser draws.

Settings (cue, tissue, mechanism and the Advanced values) share nothing but the
outlines; within one setting, states with the same drawing (every state with no
deficit, for one) share one entry of the ``poses`` pool.

Examples
--------
>>> from biomech.scene.scene import build_scene
>>> frame = scene_frame(build_scene(-10.0, mechanism="blog"), reference_outlines(build_scene(0.0)))
>>> frame["labels"]["tilt"]["text"]
'pelvis in room\\n9.8° (−0.2°) =\\n+7.5° on trunk\\n− 7.7° back'
>>> frame["labels"]["feet"]["text"]
'stance: feet out 52.5°'
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np

from biomech.anatomy.textbook import ACTIONS, EMPTY_CELLS, FOOTNOTE, GROUP_NAMES, ROLES, TITLE, muscles_for, source_note
from biomech.anatomy.tissues import ALL_FLEXORS, LIGAMENT
from biomech.formatting import format_degrees
from biomech.model.lockout import CUE_WORDS, STAGES, Compensation
from biomech.model.stages import STAGE_LABELS
from biomech.parameters import PARAMETERS
from biomech.scene.labels import lordosis_label, tilt_label
from biomech.scene.scene import HIGHLIGHT_ROLES, Scene, build_scene, build_scenes
from biomech.web.bone_motion import (
    FIT_TOLERANCE_H,
    SCALE,
    outlines_json,
    posed_rings,
    reference_outlines,
    rigid_fit,
    ring_motions,
    whole_numbers,
)
from biomech.web.guides import AHEAD_H, GUIDE_H, TILT_ARC_H, TOP_ARC_H, tilt_guides, top_guides

__all__ = [
    "AHEAD_H",
    "BAND_FIELDS",
    "CUE_WORDS",
    "CURVE_FIELDS",
    "FIT_TOLERANCE_H",
    "GUIDE_H",
    "SCALE",
    "TILT_ARC_H",
    "TOP_ARC_H",
    "VALUE_FIELDS",
    "lab_payload",
    "band_sentence",
    "readout_lines",
    "reference_outlines",
    "rigid_fit",
    "scene_frame",
    "setting_payload",
    "to_json",
]

CURVE_FIELDS: tuple[str, ...] = ("rotation_used", "rotation_needed", "pelvic_tilt", "lumbar_extension")
"""The curves the renderer plots against available extension (as the curves view)."""
BAND_FIELDS: tuple[str, ...] = ("pelvic_tilt", "rotation_used")
"""The curves shaded with their range over the assumption variants (as :data:`biomech.views.curves.BAND_FIELDS`)."""
_DEGREE_FIELDS = tuple(
    f.name
    for f in dataclasses.fields(Compensation)
    if f.name not in ("stage", "binding", "cue", "tissue", "mechanism", "rotation_benefit")
)
VALUE_FIELDS: tuple[str, ...] = _DEGREE_FIELDS
"""Every angle of a :class:`Compensation` (degrees), in field order: the ``values`` of a
state, formatted for display (a field added to the model appears here by itself)."""


def readout_lines(scene: Scene) -> tuple[str, str, str]:
    """The state in words, a note on the mechanism, and the drawn angles (one line each).

    The first line is :meth:`Compensation.describe`; the second says when the state is the
    blog's hypothesis, or that the ligament is a sketch; the third prints the angles the side and top views draw (pelvic
    tilt and lordosis with their change from standing, the feet and the hip rotation),
    through :func:`~biomech.formatting.format_degrees`.
    """
    p, t = scene.sagittal, scene.transverse
    lordosis = p.lumbar_lordosis - scene.standing_lumbar_lordosis
    feet = "out" if t.foot_progression >= 0 else "in"
    rotation = "external" if t.hip_rotation >= 0 else "internal"
    angles = (
        f"Pelvic tilt {' '.join(tilt_label(scene).splitlines()[1:])}, in the room \u00b7 "
        f"lordosis {format_degrees(p.lumbar_lordosis, display=True)} "
        f"({format_degrees(lordosis, signed=True, display=True)}) \u00b7 "
        f"stance: feet {feet} {format_degrees(abs(t.foot_progression), display=True)} \u00b7 "
        f"hip rotation {format_degrees(abs(t.hip_rotation), display=True)} {rotation}"
    )
    claim = "(the blog's hypothesis, unproven)" if scene.state.mechanism == "blog" else ""
    if LIGAMENT in scene.state.tissues:  # straight bands through the head: no direction of rotation is claimed
        claim = "(the ligament is a sketch; see the note)"
    return scene.state.describe(), claim, angles


def band_sentence(scene: Scene) -> str:
    """How sure the answer is, in one sentence: :meth:`CompensationBand.sentence` at the scene's state.

    The lab's readout and the page print it under the state in words (the sentence of
    :attr:`Scene.band <biomech.scene.scene.Scene.band>`, :mod:`biomech.model.variants`).
    """
    return scene.band.sentence(float(scene.state.hip_extension_available))


def _side_labels(scene: Scene) -> dict[str, Any]:
    b = scene.bones_side
    a = -np.radians(b.pelvic_tilt)
    lordosis = lordosis_label(scene)
    return {
        "tilt": {
            "text": tilt_label(scene),
            "at": whole_numbers(b.psis + GUIDE_H * np.array([np.cos(a / 2), np.sin(a / 2)])),
        },
        "lordosis": {"text": lordosis.text, "at": whole_numbers(lordosis.at), "behind": lordosis.behind},
        "asis": {"text": "ASIS", "at": whole_numbers(b.asis)},
        "psis": {"text": "PSIS", "at": whole_numbers(b.psis)},
    }


def scene_frame(scene: Scene, reference: Mapping[str, Mapping[str, Sequence[np.ndarray]]]) -> dict[str, Any]:
    """What the renderer draws for one scene, apart from the text of the readout and the values.

    Parameters
    ----------
    scene
        The state to draw.
    reference
        The reference rings (:func:`reference_outlines`) the bone motions start from.

    Returns
    -------
    dict
        ``side``: bone motions, hip joint, ASIS and PSIS, lumbar curve, trunk, head
        (centre and radius), arm, bar, tilt guides and arc; ``muscles``: role -> list of
        ``[part, flat points]``; ``top``: bone motions, guides, kneecap sticks;
        ``labels``: the side view's and top view's labels (text, and where);
        ``highlights``: table label -> roles; ``tight``: ``[parts, deficit > 0]``
        (how the side view styles the tight tissue).
    """
    p, b = scene.sagittal, scene.bones_side
    side_rings, top_rings = posed_rings(scene)
    guides, arc = tilt_guides(scene)
    top = top_guides(scene)
    labels = _side_labels(scene)
    labels["feet"], labels["hip"] = top.pop("feet"), top.pop("hip")
    return {
        "side": {
            "bones": ring_motions(reference["side"], side_rings),
            "hip": whole_numbers(b.hip),
            "landmarks": whole_numbers([b.asis, b.psis]),
            "lumbar": whole_numbers(p.lumbar),
            "trunk": whole_numbers(p.trunk),
            "head": whole_numbers(p.head_center) + [int(round(p.head_radius * SCALE))],
            "arm": whole_numbers(p.arm),
            "bar": whole_numbers(p.bar),
            "guides": guides,
            "arc": arc,
        },
        "muscles": {
            role: [[part, whole_numbers(points)] for part, points in scene.muscles_side[role].items()]
            for role in HIGHLIGHT_ROLES
        },
        "top": {
            "bones": ring_motions(reference["top"], top_rings),
            **top,
        },
        "labels": labels,
        "highlights": {label: list(roles) for label, roles in sorted(scene.highlights.items())},
        "tight": [len(scene.muscles_side["restricting"]), bool(scene.state.deficit > 0)],
    }


def _number(value: float, digits: int = 2) -> float | None:
    return round(float(value), digits) if np.isfinite(value) else None


def setting_payload(
    scenes: Sequence[Scene],
    reference: Mapping[str, Mapping[str, Sequence[np.ndarray]]],
    poses: list[dict[str, Any]],
    pose_index: dict[str, int],
    overrides: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """One setting's curves, stage bands, variant bands and states; new drawings are appended to ``poses``.

    ``variants`` holds the names of the assumption variants and, for each of
    :data:`BAND_FIELDS`, ``[low, high]`` over them at the points of the curves; each
    state's ``sure`` is :func:`band_sentence`.

    Parameters
    ----------
    scenes
        The setting's scenes over the whole range (:func:`~biomech.scene.scene.build_scenes`).
    reference
        The reference rings (:func:`reference_outlines`).
    poses, pose_index
        The payload's pool of drawings and its index (JSON text -> position); a state
        whose drawing is already in the pool refers to it.
    overrides
        The Advanced values the scenes were built with (for the record).
    """
    first = scenes[0]
    curve, state = first.curve, first.state
    states = []
    by_pose: dict[int, int] = {}  # scenes sharing their posed bones share their drawing
    for scene in scenes:
        known = by_pose.get(id(scene.bones_side))
        if known is None:
            frame = scene_frame(scene, reference)
            key = json.dumps(frame, separators=(",", ":"), sort_keys=True)
            if key not in pose_index:
                pose_index[key] = len(poses)
                poses.append(frame)
            known = by_pose[id(scene.bones_side)] = pose_index[key]
        s = scene.state
        states.append(
            {
                "x": float(s.hip_extension_available),
                "avail": format_degrees(float(s.hip_extension_available)),
                "pose": known,
                "stage": str(s.stage),
                "values": [format_degrees(float(getattr(s, name)), display=True) for name in VALUE_FIELDS],
                "at": [_number(float(getattr(s, name))) for name in CURVE_FIELDS],
                "readout": list(readout_lines(scene)),
                "sure": band_sentence(scene),
            }
        )
    neutral = first.bones_side_neutral
    return {
        "cue": state.cue,
        "tissue": state.tissue,
        "mechanism": state.mechanism,
        "overrides": dict(overrides or {}),
        "curves": {
            "x": [float(v) for v in np.asarray(curve.hip_extension_available)],
            **{name: [_number(v) for v in np.asarray(getattr(curve, name), dtype=float)] for name in CURVE_FIELDS},
        },
        "bands": [[span.stage, float(span.low), float(span.high)] for span in first.stage_spans],
        "variants": {
            "names": [v.name for v in first.band.variants],
            **{
                name: [[_number(v) for v in first.band.low(name)], [_number(v) for v in first.band.high(name)]]
                for name in BAND_FIELDS
            },
        },
        "neutral": {
            "pelvis": [whole_numbers(neutral.pelvis[0])],
            "lumbar": whole_numbers(first.sagittal_neutral.lumbar),
        },
        "states": states,
    }


def _table() -> dict[str, Any]:
    """Neumann's table as the renderer lays it out: title, actions with their cells, footnote, source."""
    return {
        "title": TITLE,
        "roles": list(ROLES),
        "groups": [
            {
                "name": GROUP_NAMES[action],
                "cells": [list(muscles_for(action, role)) or [EMPTY_CELLS[(action, role)]] for role in ROLES],
            }
            for action in ACTIONS
        ],
        "empty": sorted(EMPTY_CELLS.values()),
        "footnote": FOOTNOTE,
        "source": source_note(),
    }


def _setting(
    options: Mapping[str, Any], reference: Mapping[str, Mapping[str, Sequence[np.ndarray]]]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One setting's payload with its own pool of drawings (run in a worker process for many settings)."""
    options = dict(options)
    overrides = {k: float(v) for k, v in options.items() if k not in ("cue", "tissue", "mechanism")}
    poses: list[dict[str, Any]] = []
    return setting_payload(build_scenes(**options), reference, poses, {}, overrides), poses


@functools.cache
def _reference() -> dict[str, dict[str, tuple[np.ndarray, ...]]]:
    """The reference rings of every payload (made once; read-only).

    They are posed in the lab's starting setting (the blog's hypothesis, "squeeze glutes", all
    the hip flexors) at the least available extension: every payload carries the same
    outlines, so the browser keeps the drawing it has when a new setting arrives.
    """
    p = PARAMETERS["hip_extension_available"]
    reference = reference_outlines(build_scene(p.min, cue="squeeze_glutes", tissue=ALL_FLEXORS, mechanism="blog"))
    for bones in reference.values():
        for rings in bones.values():
            for ring in rings:
                ring.flags.writeable = False
    return reference


def lab_payload(settings: Iterable[Mapping[str, Any]], *, workers: int = 1) -> dict[str, Any]:
    """Everything the renderer needs for a list of settings, bone outlines once.

    Parameters
    ----------
    settings
        Each a mapping of keywords of :func:`~biomech.scene.scene.build_scenes`:
        ``cue``, ``tissue``, ``mechanism`` and any Advanced values.
    workers
        Processes computing the settings side by side (1: in this process).

    Returns
    -------
    dict
        ``format``, ``scale`` (coordinates in 1/scale H), ``outlines`` (side and top
        view, reference rings: the same in every payload), ``poses`` (the pool of drawings), ``settings`` (one per
        input, its states in order of available extension), ``value_names``
        (:data:`VALUE_FIELDS`), ``curve_names``, ``stages`` (each stage's name on its band,
        line by line: :data:`~biomech.model.stages.STAGE_LABELS`), ``roles``, ``cue_words``,
        ``slider`` (min, max, step, default of available extension) and ``table``.

    Raises
    ------
    ValueError
        For no settings, or a setting :func:`~biomech.scene.scene.build_scene` refuses.

    Examples
    --------
    >>> p = lab_payload([{"cue": "stand_tall", "mechanism": "blog"}])
    >>> len(p["settings"][0]["states"]), p["slider"]
    (141, [-30.0, 40.0, 0.5, 17.0])
    """
    settings = [dict(s) for s in settings]
    if not settings:
        raise ValueError("'settings' must name at least one setting; got none.")
    p = PARAMETERS["hip_extension_available"]
    reference = _reference()
    if workers > 1 and len(settings) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(_setting, settings, [reference] * len(settings)))
    else:
        parts = [_setting(s, reference) for s in settings]
    poses: list[dict[str, Any]] = []
    out = []
    for setting, own in parts:
        for state in setting["states"]:
            state["pose"] += len(poses)
        poses.extend(own)
        out.append(setting)
    curve_x = out[0]["curves"]["x"]
    return {
        "format": 1,
        "scale": SCALE,
        "outlines": outlines_json(reference),
        "poses": poses,
        "settings": out,
        "value_names": list(VALUE_FIELDS),
        "curve_names": list(CURVE_FIELDS),
        "stages": {stage: list(STAGE_LABELS[stage]) for stage in STAGES},
        "roles": list(HIGHLIGHT_ROLES),
        "cue_words": dict(CUE_WORDS),
        "slider": [p.min, p.max, round(curve_x[1] - curve_x[0], 6), p.default],
        "table": _table(),
    }


def to_json(payload: Mapping[str, Any]) -> str:
    """Compact JSON text of a payload (no spaces; safe inside an HTML ``<script>`` element)."""
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.replace("</", "<\\/")
