"""Compensation curves: rotation, pelvic tilt and lumbar extension against the restriction."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Text
from matplotlib.textpath import TextPath

from biomech._validation import check_choice
from biomech.model.lockout import STAGES
from biomech.model.stages import STAGE_LABELS
from biomech.scene.scene import Scene
from biomech.style.palette import Theme
from biomech.views._base import View

__all__ = ["BAND_FIELDS", "BAND_LABEL", "CurvesView", "band_outline"]

BAND_FIELDS: tuple[str, ...] = ("pelvic_tilt", "rotation_used")
"""The curves shaded with their range over the assumption variants (:attr:`Scene.band`)."""
BAND_LABEL = "range over assumption variants"
"""The key's words for the shaded ranges."""
_LABEL_TOP = 0.985  # the stage names' first row, in axes height
_LABEL_ROW = 0.17  # how far down a second row starts, in axes height (two lines of text)
_LABEL_GAP_PT = 6.0  # the least space between two stage names on one row, points


def _text_width_pt(label: Text) -> float:
    """The width of a text's widest line in points, from its glyph outlines (no renderer needed)."""
    size = float(label.get_fontsize())
    return max(
        TextPath((0.0, 0.0), line, size=size, prop=label.get_fontproperties()).get_extents().width
        for line in label.get_text().split("\n")
    )


def band_outline(x: np.ndarray, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """The polygon from ``low`` to ``high`` over ``x`` (shape (M, 2)): along the lows, back along the highs.

    Points where either bound is not finite are left out.

    Examples
    --------
    >>> band_outline(np.array([0.0, 1.0]), np.array([0.0, 1.0]), np.array([2.0, 3.0])).tolist()
    [[0.0, 0.0], [1.0, 1.0], [1.0, 3.0], [0.0, 2.0]]
    """
    ok = np.isfinite(low) & np.isfinite(high)
    x, low, high = x[ok], low[ok], high[ok]
    return np.vstack([np.column_stack([x, low]), np.column_stack([x, high])[::-1]])


class CurvesView(View):
    """Model outputs (degrees) against available hip extension, stages shaded.

    The x axis runs from the most available extension on the left to the tightest
    hip on the right, so the story reads left to right: no compensation, then hip
    rotation, then anterior pelvic tilt with lumbar extension. The current state is
    a vertical line with a marker on each curve. Behind the pelvic tilt and the rotation
    used, a translucent band in the curve's colour spans their least and greatest value
    over the plausible variants of the assumptions (:attr:`Scene.band`,
    :mod:`biomech.model.variants`): how much the answer depends on them. The lumbar extension equals the pelvic
    tilt (the balance's lean is taken at the hip, :mod:`biomech.model.balance`), so its dashed curve lies on the
    tilt's.

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
                _LABEL_TOP,
                "\n".join(STAGE_LABELS[s]),
                ha="center",
                va="top",
                transform=ax.get_xaxis_transform(),
                color=t.foreground,
                fontsize="medium",
                zorder=6,  # over the curves and the cursor, on a veil of the background: lines never strike it
                bbox={"boxstyle": "round,pad=0.15", "fc": t.background, "ec": "none", "alpha": 0.8},
            )
            for s in STAGES
        }
        ax.axhline(0.0, color=t.muted, lw=1.5)
        series = (
            ("rotation_used", "hip rotation used (external +)", t.rotation, "-"),
            ("rotation_needed", "rotation needed to compensate alone", t.rotation_needed, (0, (1.5, 1.5))),
            ("pelvic_tilt", "anterior pelvic tilt on the trunk", t.pelvis, "-"),
            ("lumbar_extension", "lumbar extension added (= tilt)", t.lumbar, (0, (4, 3))),
        )
        self.fields = tuple(name for name, *_ in series)
        colours = {name: c for name, _, c, _ in series}
        self.variant_bands = {
            name: PolyCollection(
                [],
                facecolors=colours[name],
                edgecolors="none",
                alpha=t.variant_alpha,
                zorder=1,
                label=BAND_LABEL if name == "pelvic_tilt" else f"_{BAND_LABEL} ({name})",
            )
            for name in BAND_FIELDS
        }
        for poly in self.variant_bands.values():
            ax.add_collection(poly, autolim=False)
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
        """Set curves, stage bands, variant bands, limits and the current state from ``scene``."""
        c, s = scene.curve, scene.state
        x = np.asarray(c.hip_extension_available)
        for name, poly in self.variant_bands.items():
            poly.set_verts([band_outline(scene.band.x, scene.band.low(name), scene.band.high(name))])
        for name, line in self.curves.items():
            y = np.asarray(getattr(c, name), dtype=float)
            line.set_data(x, np.where(np.isfinite(y), y, np.nan))
        for span in scene.stage_spans:
            self.bands[span.stage].set_x(span.low)
            self.bands[span.stage].set_width(span.high - span.low)
            label = self.band_labels[span.stage]
            label.set_x((span.low + span.high) / 2)
            label.set_visible(span.high - span.low >= 6.0)
        rows = self._stagger_labels(float(np.max(x) - np.min(x)))
        shown = np.concatenate(
            [np.ravel(getattr(c, n)) for n in self.fields if n != "rotation_needed"]
            + [f(n) for n in BAND_FIELDS for f in (scene.band.low, scene.band.high)]
        )
        shown = shown[np.isfinite(shown)]
        low, high = min(0.0, float(shown.min())), max(10.0, float(shown.max()))
        pad = 0.12 * (high - low)
        self.ax.set_xlim(x.max(), x.min())
        headroom = 2.6 if rows == 1 else 5.6  # above the curves: one or two rows of stage names
        self.ax.set_ylim(low - (pad if low < 0 else 0.04 * (high - low)), high + headroom * pad)
        now = float(s.hip_extension_available)  # a scene's state is scalar
        self.now.set_xdata([now] * 2)
        values = np.array([float(getattr(s, n)) for n in self.fields])
        values[~np.isfinite(values)] = np.nan
        self.markers.set_data([now] * len(values), values)

    def _stagger_labels(self, x_range: float) -> int:
        """Put a stage name that would touch its left neighbour's on a second row below it;
        return the number of rows used (1 or 2)."""
        axes_pt = self.ax.get_window_extent().width * 72.0 / self.ax.figure.dpi
        per_pt = x_range / axes_pt if axes_pt > 0 else 0.0  # degrees per point along the x axis
        shown = [lab for lab in self.band_labels.values() if lab.get_visible()]
        shown.sort(key=lambda lab: -lab.get_position()[0])
        edge = {0: np.inf, 1: np.inf}  # per row: the left edge of the last name (the x axis runs right to left)
        for label in shown:
            half = (_text_width_pt(label) / 2.0 + _LABEL_GAP_PT / 2.0) * per_pt
            x = float(label.get_position()[0])
            row = 0 if x + half <= edge[0] else 1
            label.set_y(_LABEL_TOP - row * _LABEL_ROW)
            edge[row] = x - half
        return 2 if edge[1] < np.inf else 1
