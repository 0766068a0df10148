"""Compensation curves: rotation, pelvic tilt and lumbar extension against the restriction."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from biomech._validation import check_choice
from biomech.model.lockout import STAGES
from biomech.scene.scene import Scene
from biomech.style.palette import Theme
from biomech.views._base import View

__all__ = ["CurvesView"]

STAGE_LABELS = {"none": "no\ncompensation", "rotational": "rotation", "lumbopelvic": "pelvis\nand back"}
"""Names printed on the stage bands."""


class CurvesView(View):
    """Model outputs (degrees) against available hip extension, stages shaded.

    The x axis runs from the most available extension on the left to the tightest
    hip on the right, so the story reads left to right: no compensation, then hip
    rotation, then anterior pelvic tilt with lumbar extension. The current state is
    a vertical line with a marker on each curve. The lumbar extension is the pelvic tilt
    plus the trunk's lean back that keeps lifter and bar over the mid-foot
    (:mod:`biomech.model.balance`), so its curve runs above the tilt's by the lean.

    Parameters
    ----------
    ax
        Axes to draw on.
    theme
        Colours (``"light"``, ``"dark"`` or a Theme).
    legend
        Where to put the legend: ``"right"`` (outside the axes), ``"below"``
        (under the x label), ``"inside"`` (upper left) or ``"none"``.

    Notes
    -----
    Curves, stage bands and y limits change only when the cue, tissue or a model
    parameter changes; :attr:`animated_artists` (the current-state line and
    markers) change with the restriction.
    """

    def __init__(self, ax: Axes, *, theme: str | Theme = "light", legend: str = "right") -> None:
        super().__init__(ax, theme=theme)
        t = self.theme
        self.bands = {
            s: Rectangle(
                (0.0, 0.0), 0.0, 1.0, fc=t.stage_color(s), ec="none", transform=ax.get_xaxis_transform(), zorder=0
            )
            for s in STAGES
        }
        for band in self.bands.values():
            ax.add_patch(band)
        self.band_labels = {
            s: ax.text(
                0.0,
                0.985,
                STAGE_LABELS[s],
                ha="center",
                va="top",
                transform=ax.get_xaxis_transform(),
                color=t.foreground,
                fontsize="medium",
            )
            for s in STAGES
        }
        ax.axhline(0.0, color=t.muted, lw=1.5)
        series = (
            ("rotation_used", "hip rotation used (external +)", t.rotation, "-"),
            ("rotation_needed", "rotation needed to compensate alone", t.rotation_needed, (0, (1.5, 1.5))),
            ("pelvic_tilt", "anterior pelvic tilt added", t.pelvis, "-"),
            ("lumbar_extension", "lumbar extension added (tilt + lean)", t.lumbar, (0, (4, 3))),
        )
        self.fields = tuple(name for name, *_ in series)
        self.curves = {name: ax.plot([], [], color=c, ls=ls, label=label)[0] for name, label, c, ls in series}
        self.now = ax.axvline(0.0, color=t.foreground, lw=2.5)
        self.markers = Line2D(
            [], [], ls="none", marker="o", ms=13, mfc=t.background, mec=t.foreground, mew=2.5, zorder=5
        )
        ax.add_line(self.markers)
        ax.set_xlabel("hip extension available (°)   \u2190 looser  \u00b7  tighter \u2192")
        ax.set_ylabel("angle (°)")
        ax.xaxis.set_inverted(True)
        for side in ("left", "bottom"):  # keeps the corner tick labels apart
            ax.spines[side].set_position(("outward", 10))
        ax.grid(True, axis="y")
        where = {
            "right": {"loc": "center left", "bbox_to_anchor": (1.01, 0.5)},
            "below": {"loc": "upper center", "bbox_to_anchor": (0.5, -0.2)},
            "inside": {"loc": "upper left", "bbox_to_anchor": (0.0, 0.87)},
        }
        if check_choice("legend", legend, (*where, "none")) != "none":
            ax.legend(**where[legend])
        self.animated_artists = (self.now, self.markers)

    def update(self, scene: Scene) -> None:
        """Set curves, stage bands, limits and the current state from ``scene``."""
        c, s = scene.curve, scene.state
        x = np.asarray(c.hip_extension_available)
        for name, line in self.curves.items():
            y = np.asarray(getattr(c, name), dtype=float)
            line.set_data(x, np.where(np.isfinite(y), y, np.nan))
        for span in scene.stage_spans:
            self.bands[span.stage].set_x(span.low)
            self.bands[span.stage].set_width(span.high - span.low)
            label = self.band_labels[span.stage]
            label.set_x((span.low + span.high) / 2)
            label.set_visible(span.high - span.low >= 6.0)
        shown = np.concatenate([np.ravel(getattr(c, n)) for n in self.fields if n != "rotation_needed"])
        low, high = min(0.0, float(shown.min())), max(10.0, float(shown.max()))
        pad = 0.12 * (high - low)
        self.ax.set_xlim(x.max(), x.min())
        self.ax.set_ylim(low - (pad if low < 0 else 0.04 * (high - low)), high + 2.6 * pad)
        now = float(s.hip_extension_available)  # a scene's state is scalar
        self.now.set_xdata([now] * 2)
        values = np.array([float(getattr(s, n)) for n in self.fields])
        values[~np.isfinite(values)] = np.nan
        self.markers.set_data([now] * len(values), values)
