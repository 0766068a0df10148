"""Top-down view of pelvis, thighs and feet: the feet turn out as the hip rotates."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Polygon

from biomech.scene.pose import TransversePose
from biomech.scene.scene import Scene
from biomech.style.palette import Theme
from biomech.views._base import View, add_line, degrees

__all__ = ["TransverseView"]

XLIM_H, YLIM_H = (-0.27, 0.27), (-0.07, 0.27)
"""Fixed limits in body heights H (x to the lifter's right, y forward)."""
AHEAD_H, ARC_H = 0.17, 0.12
"""Length of the straight-ahead guide from each heel, and the angle arcs' radius (H)."""


class TransverseView(View):
    """Looking down on the lifter: pelvis, both thighs (kneecap direction) and feet.

    Each foot's progression angle (toe-out +) is drawn as an arc from a dashed
    straight-ahead line and labelled in degrees; an arrow on each thigh shows where
    the kneecap faces, turned by the hip rotation.

    Parameters
    ----------
    ax
        Axes to draw on; aspect equal, frame hidden.
    theme
        Colours (``"light"``, ``"dark"`` or a Theme).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> from biomech.scene.scene import build_scene
    >>> view = TransverseView(Figure().add_subplot())
    >>> view.update(build_scene(-10.0, mechanism="blog"))
    >>> view.feet_label.get_text()
    'feet turned out 52°'
    """

    def __init__(self, ax: Axes, *, theme: str | Theme = "light") -> None:
        super().__init__(ax, theme=theme)
        t = self.theme
        ax.set_xlim(*XLIM_H)
        ax.set_ylim(*YLIM_H)
        ax.set_aspect("equal", adjustable="box")
        ax.set_axis_off()

        def line(color: str, **kw: object) -> Line2D:
            return add_line(ax, color, **kw)

        self.ahead = line(t.muted, lw=2, ls=(0, (5, 3)))
        self.feet = [ax.add_patch(Polygon(np.zeros((10, 2)), closed=True, fc=t.rotation,
                                          alpha=0.35, ec=t.rotation, lw=3)) for _ in range(2)]
        self.pelvis = ax.add_patch(Polygon(np.zeros((6, 2)), closed=True, fill=False,
                                           ec=t.pelvis, lw=4))
        self.thighs = [ax.add_patch(Circle((0.0, 0.0), 0.03, fc=t.background, ec=t.foreground,
                                           lw=3)) for _ in range(2)]
        self.kneecaps = line(t.foreground, lw=4)
        self.arcs = line(t.rotation, lw=3)
        ax.annotate("", (0.05, 0.62), xytext=(0.05, 0.08), xycoords="axes fraction",
                    arrowprops={"arrowstyle": "-|>", "color": t.muted, "lw": 2})
        ax.text(0.06, 0.1, "forward", transform=ax.transAxes, rotation=90, ha="left",
                va="bottom", color=t.muted)
        self.feet_label = ax.text(0.5, 0.99, "", transform=ax.transAxes, ha="center",
                                  va="top", color=t.rotation, fontweight="bold")
        self.hip_label = ax.text(0.5, 0.87, "", transform=ax.transAxes, ha="center",
                                 va="top", color=t.foreground)
        self.number_labels = (self.feet_label, self.hip_label)
        # In drawing order (blitting draws them in this order, over the background).
        self.animated_artists = (*self.feet, self.pelvis, *self.thighs, self.ahead,
                                 self.kneecaps, self.arcs, self.feet_label, self.hip_label)

    def update(self, scene: Scene) -> None:
        """Set pelvis, thighs, feet and angle labels from ``scene`` (no drawing)."""
        p = scene.transverse
        self.pelvis.set_xy(p.pelvis)
        for foot, outline in zip(self.feet, p.feet):
            foot.set_xy(outline)
        for thigh, hip in zip(self.thighs, p.hips):
            thigh.set_center(tuple(hip))
            thigh.set_radius(float(np.linalg.norm(p.knees[0, 1] - p.knees[0, 0])) / 2)
        self.kneecaps.set_data(*_polyline([k for k in p.knees]))
        self._angles(p)

    def _angles(self, p: TransversePose) -> None:
        ahead, arcs = [], []
        for side, (heel, _) in zip((1.0, -1.0), p.foot_axes):
            ahead.append(np.array([heel, heel + [0.0, AHEAD_H]]))
            a = np.radians(np.linspace(0.0, p.foot_progression, 24))
            arcs.append(heel + ARC_H * np.column_stack([side * np.sin(a), np.cos(a)]))
        self.ahead.set_data(*_polyline(ahead))
        self.arcs.set_data(*_polyline(arcs))
        fp = p.foot_progression
        way = "out" if fp >= 0.5 else ("in" if fp <= -0.5 else "straight")
        self.feet_label.set_text(f"feet turned {way} {degrees(abs(fp))}"
                                 if way != "straight" else "feet straight ahead")
        rot = p.hip_rotation
        kind = "external" if rot > 0 else "internal"
        self.hip_label.set_text(f"hip rotation {degrees(abs(rot))} {kind}" if abs(rot) >= 0.5
                                else "hip rotation 0°")


def _polyline(parts: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Join polylines into one, separated by NaN (one artist draws them all)."""
    gap = np.full((1, 2), np.nan)
    joined = np.vstack([np.vstack([part, gap]) for part in parts])[:-1]
    return joined[:, 0], joined[:, 1]
