"""Top-down view of pelvis, thigh bones and feet: the feet turn as the hip rotates."""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path
from matplotlib.transforms import offset_copy

from biomech.scene.bones import TransverseBones
from biomech.scene.labels import feet_label, hip_rotation_label
from biomech.scene.scene import Scene
from biomech.style.palette import Theme
from biomech.views._base import View, add_line, join_lines
from biomech.views.sagittal import rings_path

__all__ = ["TransverseView"]

XLIM_H, YLIM_H = (-0.25, 0.25), (-0.075, 0.165)
"""Fixed limits in body heights H (x to the lifter's right, y forward)."""
AHEAD_H, ARC_H = 0.15, 0.11
"""Length of the straight-ahead guide from each ankle, and the angle arcs' radius (H)."""


class TransverseView(View):
    """Looking down on the lifter: pelvis, both thigh bones (kneecap direction) and feet.

    Each foot's angle (toe-out +) is drawn as an arc from a dashed straight-ahead line
    on the floor, beside a dotted line at the stance's own foot angle (no hip
    rotation), and labelled in degrees; a stick on each thigh bone shows where the
    kneecap faces, turned by the hip rotation. The lifter's left and right and the
    forward direction are written on the floor.

    Parameters
    ----------
    ax
        Axes to draw on; aspect equal, frame hidden.
    theme
        Colours (``"light"``, ``"dark"`` or a Theme).
    labels_above
        Print the foot angle and hip rotation above the Axes (a panel with a title
        over it) instead of inside its top edge.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from biomech.scene.scene import build_scene
    >>> view = TransverseView(Figure().add_subplot())
    >>> view.update(build_scene(-10.0, mechanism="blog"))
    >>> view.feet_label.get_text()
    'stance: feet out 52.5°'
    """

    def __init__(self, ax: Axes, *, theme: str | Theme = "light", labels_above: bool = False) -> None:
        super().__init__(ax, theme=theme)
        t = self.theme
        ax.set_xlim(*XLIM_H)
        ax.set_ylim(*YLIM_H)
        ax.set_aspect("equal", adjustable="box")
        ax.set_axis_off()

        def line(color: str, **kw: object) -> Line2D:
            return add_line(ax, color, **kw)

        def bone(**kw: Any) -> PathPatch:
            patch = PathPatch(Path(np.zeros((1, 2))), **kw)
            ax.add_patch(patch)
            return patch

        self.stance = line(t.muted, lw=2, ls=(0, (1, 2)))
        self.ahead = line(t.muted, lw=2, ls=(0, (5, 3)))
        self.feet = [bone(fc=t.rotation, alpha=0.4, ec=t.rotation, lw=2) for _ in range(2)]
        self.pelvis = bone(fc=t.pelvis, alpha=0.45, ec=t.pelvis, lw=2)
        self.thighs = [bone(fc=t.bone, ec=t.foreground, lw=1.5) for _ in range(2)]
        self.kneecaps = line(t.foreground, lw=4)
        self.arcs = line(t.rotation, lw=3)
        ax.annotate(
            "",
            (0.02, 0.75),
            xytext=(0.02, 0.3),
            xycoords="axes fraction",
            arrowprops={"arrowstyle": "-|>", "color": t.muted, "lw": 2},
        )
        ax.text(0.035, 0.32, "forward", transform=ax.transAxes, rotation=90, ha="left", va="bottom", color=t.muted)
        ax.text(1.0, 0.0, "lifter's\nright", transform=ax.transAxes, ha="right", va="bottom", color=t.muted)
        ax.text(0.0, 0.0, "lifter's\nleft", transform=ax.transAxes, ha="left", va="bottom", color=t.muted)
        y, va = ((1.02, 1.12), "bottom") if labels_above else ((0.99, 0.88), "top")
        self.feet_label = ax.text(
            0.5, y[0], "", transform=ax.transAxes, ha="center", va=va, color=t.rotation, fontweight="bold"
        )
        self.hip_label = ax.text(0.5, y[1], "", transform=ax.transAxes, ha="center", va=va, color=t.foreground)
        self._below, self._feet_lines = y[1] < y[0], 0  # the hip's label under the feet's (else over it)
        self.number_labels = (self.feet_label, self.hip_label)
        # In drawing order (blitting draws them in this order, over the background).
        self.animated_artists = (
            self.stance,
            self.ahead,
            *self.feet,
            *self.thighs,
            self.kneecaps,
            self.arcs,
            self.feet_label,
            self.hip_label,
        )

    def legend_entries(self) -> list[tuple[object, str]]:
        """Handles and words for a key to everything this view draws."""
        t = self.theme
        return [
            (Patch(fc=t.rotation, alpha=0.35, ec=t.rotation, lw=3), "feet"),
            (Patch(fc=t.bone, ec=t.foreground), "thigh bones"),
            (Line2D([], [], color=t.foreground, lw=4), "kneecap faces"),
            (Line2D([], [], color=t.rotation, lw=3), "foot angle"),
            (Line2D([], [], color=t.muted, lw=2, ls=(0, (5, 3))), "straight ahead"),
            (Line2D([], [], color=t.muted, lw=2, ls=(0, (1, 2))), "stance, hip not rotated"),
        ]

    def update(self, scene: Scene) -> None:
        """Set pelvis, thigh bones, feet and angle labels from ``scene`` (no drawing)."""
        b = scene.bones_top
        self.pelvis.set_path(rings_path(b.pelvis))
        for foot, rings in zip(self.feet, b.feet, strict=False):
            foot.set_path(rings_path(rings))
        for thigh, rings in zip(self.thighs, b.femurs, strict=False):
            thigh.set_path(rings_path(rings))
        self.kneecaps.set_data(*join_lines(list(b.kneecaps)))
        self._angles(b, float(scene.state.foot_progression - scene.state.rotation_used))  # a scene is scalar
        self.feet_label.set_text(feet_label(b.foot_progression, set_before_pull=scene.stance_set_before_pull))
        self.hip_label.set_text(hip_rotation_label(b.hip_rotation, set_before_pull=scene.stance_set_before_pull))
        lines = self.feet_label.get_text().count("\n")
        if lines != self._feet_lines:  # keep the hip's label clear of a two-line feet label
            extra = lines * 1.4 * float(self.feet_label.get_fontsize())  # points: a line and a little
            figure = self.ax.get_figure(root=True)
            shift = -extra if self._below else extra
            self.hip_label.set_transform(offset_copy(self.ax.transAxes, fig=figure, y=shift, units="points"))
            self._feet_lines = lines

    def _angles(self, b: TransverseBones, baseline: float) -> None:
        ahead, arcs, stance = [], [], []
        for side, ankle in zip((1.0, -1.0), b.ankles, strict=False):
            ahead.append(np.array([ankle, ankle + [0.0, AHEAD_H]]))
            a = np.radians(np.linspace(0.0, b.foot_progression, 24))
            arcs.append(ankle + ARC_H * np.column_stack([side * np.sin(a), np.cos(a)]))
            s = np.radians(baseline)
            stance.append(np.array([ankle, ankle + AHEAD_H * np.array([side * np.sin(s), np.cos(s)])]))
        self.ahead.set_data(*join_lines(ahead))
        self.arcs.set_data(*join_lines(arcs))
        self.stance.set_data(*join_lines(stance))
