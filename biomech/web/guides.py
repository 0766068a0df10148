"""The side and top views' guide lines, arcs and foot-angle words, as the browser draws them (numpy only).

The same lines the matplotlib views draw (:mod:`biomech.views.sagittal`,
:mod:`biomech.views.transverse`); ``tests/web/test_payload.py`` checks the two agree.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from biomech.scene.labels import feet_label, hip_rotation_label
from biomech.scene.scene import Scene
from biomech.web.bone_motion import whole_numbers

__all__ = ["AHEAD_H", "GUIDE_H", "TILT_ARC_H", "TOP_ARC_H", "tilt_guides", "top_guides"]

GUIDE_H, TILT_ARC_H = 0.15, 0.11
"""Side view: the tilt guide lines from the PSIS and the tilt arc's radius, H (as
:mod:`biomech.views.sagittal` draws them; the tests check the two agree)."""
AHEAD_H, TOP_ARC_H = 0.15, 0.11
"""Top view: the straight-ahead guide from each ankle and the foot-angle arcs' radius, H
(as :mod:`biomech.views.transverse`)."""


def tilt_guides(scene: Scene) -> tuple[list[int], list[int]]:
    """The guide lines from the PSIS (level, and along the ASIS) and the tilt arc, as the side view draws them.

    Parameters
    ----------
    scene
        One state's scene (:func:`~biomech.scene.scene.build_scene`).

    Returns
    -------
    tuple of list of int
        The guide's three points (level end, PSIS, end along the tilt) and the arc's 24 points,
        each flattened to whole numbers in 1/:data:`~biomech.web.bone_motion.SCALE` H
        (:func:`~biomech.web.bone_motion.whole_numbers`).
    """
    b = scene.bones_side
    a = -np.radians(b.pelvic_tilt)
    level = b.psis + [GUIDE_H, 0.0]
    along = b.psis + GUIDE_H * np.array([np.cos(a), np.sin(a)])
    angles = np.linspace(0.0, a, 24)
    arc = np.column_stack([b.psis[0] + TILT_ARC_H * np.cos(angles), b.psis[1] + TILT_ARC_H * np.sin(angles)])
    return whole_numbers([level, b.psis, along]), whole_numbers(arc)


def top_guides(scene: Scene) -> dict[str, Any]:
    """Straight-ahead lines, the stance's own foot angle and the foot-angle arcs, as the top view draws them.

    Parameters
    ----------
    scene
        One state's scene (:func:`~biomech.scene.scene.build_scene`).

    Returns
    -------
    dict
        ``ahead``, ``stance``, ``arcs`` and ``kneecaps`` (one line per side, whole numbers in
        1/:data:`~biomech.web.bone_motion.SCALE` H), and the words ``feet`` and ``hip`` (each
        ``{"text": ...}``; angles through :func:`~biomech.formatting.format_degrees`).
    """
    b = scene.bones_top
    baseline = float(scene.state.foot_progression - scene.state.rotation_used)
    ahead, arcs, stance = [], [], []
    for side, ankle in zip((1.0, -1.0), b.ankles, strict=False):
        ahead.append(whole_numbers([ankle, ankle + [0.0, AHEAD_H]]))
        a = np.radians(np.linspace(0.0, b.foot_progression, 24))
        arcs.append(whole_numbers(ankle + TOP_ARC_H * np.column_stack([side * np.sin(a), np.cos(a)])))
        s = np.radians(baseline)
        stance.append(whole_numbers([ankle, ankle + AHEAD_H * np.array([side * np.sin(s), np.cos(s)])]))
    fp, rot = b.foot_progression, b.hip_rotation
    feet = feet_label(fp, set_before_pull=scene.stance_set_before_pull)
    hip = hip_rotation_label(rot, set_before_pull=scene.stance_set_before_pull)
    return {
        "ahead": ahead,
        "stance": stance,
        "arcs": arcs,
        "kneecaps": [whole_numbers(k) for k in b.kneecaps],
        "feet": {"text": feet},
        "hip": {"text": hip},
    }
