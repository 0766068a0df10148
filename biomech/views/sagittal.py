"""Side-on view at deadlift lockout: the bones (gait2392 outlines), the lumbar curve, the tilt in degrees."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Patch, PathPatch
from matplotlib.path import Path
from matplotlib.text import Annotation

from biomech._validation import check_choice
from biomech.scene.bones import SagittalBones
from biomech.scene.labels import lordosis_label, tilt_label
from biomech.scene.scene import Scene
from biomech.style.palette import Theme
from biomech.views._base import View, add_line, join_lines

__all__ = ["MANY_PARTS", "MUSCLE_LINES", "THIN", "SagittalView", "rings_path"]

REGIONS: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {
    "body": ((-0.36, 0.40), (-0.03, 1.03)),
    "hips": ((-0.25, 0.31), (0.35, 0.84)),
    "lifter": ((-0.24, 0.18), (-0.02, 1.02)),
}
"""(x, y) limits in body heights H: the whole lifter, a close-up of pelvis and lumbar
spine, or the whole lifter in a narrow column. x is relative to the standing pose's hip
joint (over the ankle at lockout; along a lift, where the lift's path puts it), so the
balance's lean moves the lifter within a fixed frame: over the parameters' valid ranges
(``squeeze_demand`` up to 10 deg) the lockout lifter stays within 0.13 H behind and 0.14
H in front of it (the toes)."""
GUIDE_H, ARC_H = 0.15, 0.11
"""Length of the tilt guide lines from the PSIS, and radius of the tilt arc (H)."""
MUSCLE_LINES: dict[str, float] = {"restricting": 5.0, "cue target": 5.0, "compensating": 2.0}
"""Line width (pt) of the muscle lines of each role (:attr:`Scene.muscles_side`), in
drawing order: the tight tissue and gluteus maximus, then the rotators in use, thinner,
over them, so that a part playing two roles (gluteus maximus, the cue's target, when the
hip rotates externally) shows both colours: a thin blue core in a wide line."""
MANY_PARTS, THIN = 3, 2.5
"""A tight tissue of more than ``MANY_PARTS`` parts (all the hip flexors: eight lines)
is drawn ``THIN`` pt wide, so that each line stays readable."""


def rings_path(rings: tuple[np.ndarray, ...]) -> Path:
    """One compound path of closed rings (outer counter-clockwise, holes clockwise: holes stay open)."""
    return Path.make_compound_path(*(Path(np.vstack([r, r[:1]]), closed=True) for r in rings))


class SagittalView(View):
    """Side view of the lifter at lockout: bones, lumbar curve, trunk, arms and bar.

    The pelvis (gait2392's outline, with its ASIS and PSIS marked) tips forward about
    the hip joint and the lumbar curve deepens as the model's compensation grows; a
    dashed outline shows the standing pelvis. The femur lies along the pose's thigh,
    the shank and foot below it. The pelvic tilt (ASIS-PSIS line below horizontal)
    and the lumbar lordosis are annotated in degrees, with the change from standing in
    brackets: the drawn tilt is the compensation's anterior tilt less the lean back of
    pelvis and trunk together, at the hip, that keeps lifter and bar over the mid-foot
    (:mod:`biomech.model.balance`). The muscles are lines along their gait2392 paths, posed with the bones
    (:attr:`~biomech.scene.scene.Scene.muscles_side`): in vermillion every part of the
    tight tissue (paler while it does not limit extension), in blue the rotators the hip
    uses (only while it rotates), in green gluteus maximus, solid when the cue is
    "squeeze glutes", dashed for "stand tall".

    Parameters
    ----------
    ax
        Axes to draw on; its aspect is set equal and its frame hidden.
    theme
        Colours (``"light"``, ``"dark"`` or a Theme).
    region
        ``"body"`` (the whole lifter) or ``"hips"`` (close-up of thighs, pelvis and
        lumbar spine, where the compensation shows).
    labels
        Draw the angle labels and the ASIS/PSIS names (the tilt arc and guides are
        always drawn). Leave them off for a small whole-body panel beside a close-up.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from biomech.scene.scene import build_scene
    >>> view = SagittalView(Figure().add_subplot())
    >>> view.update(build_scene(-10.0, mechanism="blog"))
    >>> view.tilt_label.get_text()
    'pelvis in room\\n9.8° (−0.2°) =\\n+7.5° on trunk\\n− 7.7° back'
    """

    def __init__(self, ax: Axes, *, theme: str | Theme = "light", region: str = "body", labels: bool = True) -> None:
        super().__init__(ax, theme=theme)
        t = self.theme
        xlim, ylim = REGIONS[check_choice("region", region, REGIONS)]
        self._xlim = xlim
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_aspect("equal", adjustable="box")
        ax.set_axis_off()

        def line(color: str, **kw: object) -> Line2D:
            return add_line(ax, color, **kw)

        def bone(**kw: Any) -> PathPatch:
            patch = PathPatch(Path(np.zeros((1, 2))), **kw)
            ax.add_patch(patch)
            return patch

        ax.axhline(0.0, color=t.muted, lw=2)
        self.foot = bone(fc=t.bone, ec=t.foreground, lw=1.5)
        self.shank = bone(fc=t.bone, ec=t.foreground, lw=1.5)
        self.femur = bone(fc=t.bone, ec=t.foreground, lw=1.5)
        self.ghost_pelvis = bone(fill=False, ec=t.muted, lw=1.5, ls=(0, (3, 3)))
        self.ghost_lumbar = line(t.muted, lw=1.5, ls=(0, (3, 3)))
        self.pelvis = bone(fc=t.pelvis, alpha=0.8, ec=t.foreground, lw=1.5)
        self.hip = line(t.foreground, marker="o", ms=9, ls="none")
        self.muscles = {
            role: line(t.role_color(role), lw=width, solid_capstyle="round", dash_capstyle="round")
            for role, width in MUSCLE_LINES.items()
        }
        self.lumbar = line(t.lumbar, lw=8)
        self.trunk = line(t.foreground)
        self.head = Circle((0.0, 0.0), 0.05, fill=False, ec=t.foreground, lw=4)
        ax.add_patch(self.head)
        self.arm = line(t.foreground, lw=3)
        self.bar = line(t.foreground, marker="o", ms=18, ls="none")
        self.landmarks = line(t.foreground, marker="o", ms=11, ls="none", mfc=t.background, mew=2.5)
        self.guides = line(t.muted, lw=2, ls=(0, (5, 3)))
        self.arc = line(t.pelvis, lw=3)
        self.tilt_label = self._label("", (16, 0), ha="left", va="center", color=t.pelvis)
        self.lordosis_label = self._label("", (-18, 0), ha="right", va="bottom", color=t.lumbar)
        backing = {"fc": t.background, "ec": "none", "alpha": 0.75, "pad": 1.0}
        self.asis_label = self._label("ASIS", (2, -12), ha="center", va="top", bbox=backing)
        self.psis_label = self._label("PSIS", (-14, 0), ha="right", va="center", bbox=backing)
        self.labels = (self.tilt_label, self.lordosis_label, self.asis_label, self.psis_label)
        self.number_labels = (self.tilt_label, self.lordosis_label) if labels else ()
        for text in self.labels[:2]:
            text.set_fontweight("bold")
        self.show_labels = labels
        for text in self.labels:
            text.set_visible(labels)
        # In drawing order (blitting draws them in this order, over the background).
        # The leg leans with the balance, so the shank, foot and femur move with every state;
        # the muscles follow pelvis and femur, and the rotators come and go with the rotation.
        self.animated_artists = (
            self.foot,
            self.shank,
            self.femur,
            self.pelvis,
            self.hip,
            self.head,
            *self.muscles.values(),
            self.lumbar,
            self.trunk,
            self.arm,
            self.bar,
            self.landmarks,
            self.guides,
            self.arc,
        ) + (self.labels if labels else ())

    def _label(self, text: str, offset: tuple[float, float], **kw: object) -> Annotation:
        return self.ax.annotate(text, (0.0, 0.0), xytext=offset, textcoords="offset points", **kw)  # type: ignore[arg-type]

    def legend_entries(self) -> list[tuple[object, str]]:
        """Handles and words for a key to everything this view draws."""
        t = self.theme
        return [
            (Patch(fc=t.pelvis, ec=t.foreground, alpha=0.8), "pelvis"),
            (Patch(fc=t.bone, ec=t.foreground), "femur, shank, foot"),
            (Line2D([], [], color=t.restricting, lw=MUSCLE_LINES["restricting"]), "tight tissue (front of hip)"),
            (Line2D([], [], color=t.rotation, lw=MUSCLE_LINES["compensating"]), "hip rotators in use"),
            (Line2D([], [], color=t.cue_target, lw=MUSCLE_LINES["cue target"]), "gluteus maximus"),
            (Line2D([], [], color=t.lumbar, lw=8), "lumbar spine"),
            (Line2D([], [], color=t.foreground, marker="o", ms=9, ls="none"), "hip joint"),
            (Line2D([], [], color=t.foreground, marker="o", ms=11, ls="none", mfc=t.background, mew=2.5), "ASIS, PSIS"),
            (Line2D([], [], color=t.muted, lw=1.5, ls=(0, (3, 3))), "standing posture"),
        ]

    def background_key(self, scene: Scene) -> Hashable:
        """The base key, and where the view is centred (the standing pose's hip, which moves only along a lift)."""
        return (super().background_key(scene), round(float(scene.sagittal_neutral.hip[0]), 9))

    def update(self, scene: Scene) -> None:
        """Set the figure's points and angle labels from ``scene`` (no drawing)."""
        p, n, b = scene.sagittal, scene.sagittal_neutral, scene.bones_side
        # the view is centred on the standing pose's hip (over the ankle at lockout; along a lift it
        # follows the lift's path): the balance's lean moves the lifter in a fixed frame, by blitting
        centre = float(n.hip[0])
        self.ax.set_xlim(self._xlim[0] + centre, self._xlim[1] + centre)
        self.foot.set_path(rings_path(b.foot))
        self.shank.set_path(rings_path(b.shank))
        self.femur.set_path(rings_path(b.femur))
        self.hip.set_data([b.hip[0]], [b.hip[1]])
        self.ghost_pelvis.set_path(rings_path(scene.bones_side_neutral.pelvis[:1]))
        self.ghost_lumbar.set_data(*n.lumbar.T)
        self.pelvis.set_path(rings_path(b.pelvis))
        for role, muscle in self.muscles.items():
            muscle.set_data(*join_lines(scene.muscles_side[role].values()))
        tight = self.muscles["restricting"]
        many = len(scene.muscles_side["restricting"]) > MANY_PARTS
        tight.set_linewidth(THIN if many else MUSCLE_LINES["restricting"])
        tight.set_alpha(1.0 if scene.state.deficit > 0 else 0.45)
        glute = self.muscles["cue target"]
        glute.set_linestyle("-" if scene.state.cue == "squeeze_glutes" else (0, (2, 2)))
        self.lumbar.set_data(*p.lumbar.T)
        self.trunk.set_data(*p.trunk.T)
        self.head.set_center(tuple(p.head_center))
        self.head.set_radius(p.head_radius)
        self.arm.set_data(*p.arm.T)
        self.bar.set_data([p.bar[0]], [p.bar[1]])
        self.landmarks.set_data([b.asis[0], b.psis[0]], [b.asis[1], b.psis[1]])
        self._tilt(b)
        if not self.show_labels:
            return
        label = lordosis_label(scene)
        self.lordosis_label.xy = label.at
        self.lordosis_label.xyann = (-18.0, 0.0) if label.behind else (18.0, 0.0)
        self.lordosis_label.set_horizontalalignment("right" if label.behind else "left")
        self.lordosis_label.set_text(label.text)
        self.tilt_label.set_text(tilt_label(scene))
        self.asis_label.xy = tuple(b.asis)
        self.psis_label.xy = tuple(b.psis)

    def _tilt(self, b: SagittalBones) -> None:
        """Guide lines from the PSIS (level, and along the ASIS), arc and label."""
        a = -np.radians(b.pelvic_tilt)
        level = b.psis + [GUIDE_H, 0.0]
        along = b.psis + GUIDE_H * np.array([np.cos(a), np.sin(a)])
        self.guides.set_data(*np.array([level, b.psis, along]).T)
        angles = np.linspace(0.0, a, 24)
        self.arc.set_data(b.psis[0] + ARC_H * np.cos(angles), b.psis[1] + ARC_H * np.sin(angles))
        if not self.show_labels:
            return
        self.tilt_label.xy = tuple(b.psis + GUIDE_H * np.array([np.cos(a / 2), np.sin(a / 2)]))
