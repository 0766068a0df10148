"""Side-on stick figure at deadlift lockout: pelvis tilt and lumbar curve in degrees."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Polygon
from matplotlib.text import Annotation

from biomech._validation import check_choice
from biomech.scene.pose import SagittalPose
from biomech.scene.scene import Scene
from biomech.style.palette import Theme
from biomech.views._base import View, add_line, degrees

__all__ = ["SagittalView"]

REGIONS: dict[str, tuple[tuple[float, float], tuple[float, float]]] = {
    "body": ((-0.36, 0.40), (-0.03, 1.03)),
    "hips": ((-0.25, 0.31), (0.35, 0.84)),
}
"""Fixed (x, y) limits in body heights H: the whole lifter, or a close-up of pelvis
and lumbar spine; both wide enough for every valid state."""
GUIDE_H, ARC_H = 0.15, 0.11
"""Length of the tilt guide lines from the PSIS, and radius of the tilt arc (H)."""


class SagittalView(View):
    """Side view of the lifter at lockout: pelvis, lumbar curve, trunk, arms and bar.

    The pelvis (with ASIS and PSIS marks) tips forward and the lumbar curve deepens as
    the model's compensation grows; a dashed outline shows the standing pose. The
    pelvic tilt (ASIS-PSIS line below horizontal) and the lumbar lordosis are
    annotated in degrees, with the change from standing in brackets. A vermillion line
    is the tight front of the hip; a green one is gluteus maximus, drawn solid when
    the cue is "squeeze glutes".

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
    'pelvic tilt\\n17° (+7°)'
    """

    def __init__(
        self, ax: Axes, *, theme: str | Theme = "light", region: str = "body", labels: bool = True
    ) -> None:
        super().__init__(ax, theme=theme)
        t = self.theme
        xlim, ylim = REGIONS[check_choice("region", region, REGIONS)]
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_aspect("equal", adjustable="box")
        ax.set_axis_off()

        def line(color: str, **kw: object) -> Line2D:
            return add_line(ax, color, **kw)

        ax.axhline(0.0, color=t.muted, lw=2)
        self.foot = line(t.foreground)
        self.leg = line(t.foreground)
        self.hip = line(t.foreground, marker="o", ms=10, ls="none")
        self.ghost_pelvis = ax.add_patch(Polygon(np.zeros((5, 2)), closed=True, fill=False,
                                                 ec=t.muted, lw=1.5, ls=(0, (3, 3))))
        self.ghost_lumbar = line(t.muted, lw=1.5, ls=(0, (3, 3)))
        self.pelvis = ax.add_patch(Polygon(np.zeros((5, 2)), closed=True, fc=t.pelvis,
                                           alpha=0.85, ec=t.foreground, lw=2))
        self.flexor = line(t.restricting, lw=6)
        self.glute = line(t.cue_target, lw=6)
        self.lumbar = line(t.lumbar, lw=8)
        self.trunk = line(t.foreground)
        self.head = ax.add_patch(Circle((0.0, 0.0), 0.05, fill=False, ec=t.foreground, lw=4))
        self.arm = line(t.foreground, lw=3)
        self.bar = line(t.foreground, marker="o", ms=18, ls="none")
        self.landmarks = line(t.foreground, marker="o", ms=11, ls="none", mfc=t.background, mew=2.5)
        self.guides = line(t.muted, lw=2, ls=(0, (5, 3)))
        self.arc = line(t.pelvis, lw=3)
        self.tilt_label = self._label("", (10, 0), ha="left", va="center", color=t.pelvis)
        self.lordosis_label = self._label("", (-18, 0), ha="right", va="bottom", color=t.lumbar)
        backing = {"fc": t.background, "ec": "none", "alpha": 0.75, "pad": 1.0}
        self.asis_label = self._label("ASIS", (10, -6), ha="left", va="top", bbox=backing)
        self.psis_label = self._label("PSIS", (-14, 0), ha="right", va="center", bbox=backing)
        self.labels = (self.tilt_label, self.lordosis_label, self.asis_label, self.psis_label)
        self.number_labels = (self.tilt_label, self.lordosis_label) if labels else ()
        for text in self.labels[:2]:
            text.set_fontweight("bold")
        self.show_labels = labels
        for text in self.labels:
            text.set_visible(labels)
        # In drawing order (blitting draws them in this order, over the background);
        # the leg and hip joint never move but are drawn over the pelvis.
        self.animated_artists = (
            self.pelvis, self.head, self.leg, self.hip, self.flexor, self.glute, self.lumbar,
            self.trunk, self.arm, self.bar, self.landmarks, self.guides, self.arc,
        ) + (self.labels if labels else ())

    def _label(self, text: str, offset: tuple[float, float], **kw: object) -> Annotation:
        return self.ax.annotate(text, (0.0, 0.0), xytext=offset, textcoords="offset points",
                                **kw)  # type: ignore[arg-type]

    def update(self, scene: Scene) -> None:
        """Set the figure's points and angle labels from ``scene`` (no drawing)."""
        p, n = scene.sagittal, scene.sagittal_neutral
        self.foot.set_data(*p.foot.T)
        self.leg.set_data(*p.leg.T)
        self.hip.set_data([p.hip[0]], [p.hip[1]])
        self.ghost_pelvis.set_xy(n.pelvis)
        self.ghost_lumbar.set_data(*n.lumbar.T)
        self.pelvis.set_xy(p.pelvis)
        self.flexor.set_data(*p.flexor_line.T)
        self.flexor.set_alpha(1.0 if scene.state.deficit > 0 else 0.45)
        self.glute.set_data(*p.glute_line.T)
        self.glute.set_linestyle("-" if scene.state.cue == "squeeze_glutes" else (0, (2, 2)))
        self.lumbar.set_data(*p.lumbar.T)
        self.trunk.set_data(*p.trunk.T)
        self.head.set_center(tuple(p.head_center))
        self.head.set_radius(p.head_radius)
        self.arm.set_data(*p.arm.T)
        self.bar.set_data([p.bar[0]], [p.bar[1]])
        self.landmarks.set_data([p.asis[0], p.psis[0]], [p.asis[1], p.psis[1]])
        self._tilt(p, scene.standing_pelvic_tilt)
        if not self.show_labels:
            return
        added = p.lumbar_lordosis - scene.standing_lumbar_lordosis
        self.lordosis_label.xy = (float(p.lumbar[:, 0].min()), float(p.lumbar[-1, 1]))
        self.lordosis_label.set_text(f"lordosis\n{degrees(p.lumbar_lordosis)} "
                                     f"({degrees(added, signed=True)})")
        self.asis_label.xy = tuple(p.asis)
        self.psis_label.xy = tuple(p.psis)

    def _tilt(self, p: SagittalPose, standing: float) -> None:
        """Guide lines from the PSIS (level, and along the ASIS), arc and label."""
        a = -np.radians(p.pelvic_tilt)
        level = p.psis + [GUIDE_H, 0.0]
        along = p.psis + GUIDE_H * np.array([np.cos(a), np.sin(a)])
        self.guides.set_data(*np.array([level, p.psis, along]).T)
        angles = np.linspace(0.0, a, 24)
        self.arc.set_data(p.psis[0] + ARC_H * np.cos(angles), p.psis[1] + ARC_H * np.sin(angles))
        if not self.show_labels:
            return
        self.tilt_label.xy = tuple(p.psis + GUIDE_H * np.array([np.cos(a / 2), np.sin(a / 2)]))
        added = degrees(p.pelvic_tilt - standing, signed=True)
        self.tilt_label.set_text(f"pelvic tilt\n{degrees(p.pelvic_tilt)} ({added})")
