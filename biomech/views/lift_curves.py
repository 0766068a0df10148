"""The compensation along the lift: rotation and pelvic tilt against lift phase, both cues."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from biomech.model.lift import lift_compensation
from biomech.model.lockout import CUES, Compensation
from biomech.style.palette import Theme, get_theme

__all__ = ["LiftCurvesView", "PHASE_POINTS"]

PHASE_POINTS = 201
"""Points of the phase curves (phase steps of 0.005)."""
_QUANTITIES = ("rotation_used", "pelvic_tilt")


class LiftCurvesView:
    """Rotation used and added pelvic tilt against lift phase, one line style per cue.

    Unlike the lockout views, which draw one :class:`~biomech.scene.scene.Scene`, this
    view draws a lifter's whole pull: :meth:`set_lifter` computes and draws the curves
    (when the restriction or tissue changes), :meth:`set_phase` only moves the marker.

    Parameters
    ----------
    ax
        The Axes to draw on.
    theme
        ``"light"``, ``"dark"`` or a :class:`~biomech.style.Theme`.

    Attributes
    ----------
    curves
        Cue -> :class:`~biomech.model.lockout.Compensation` over the phase grid, as last set.
    """

    def __init__(self, ax: Axes, *, theme: str | Theme = "light") -> None:
        self.ax, self.theme = ax, get_theme(theme)
        t = self.theme
        ax.set_xlim(0.0, 1.0)
        ax.set_xlabel("lift phase (0 = bar on the floor, 1 = lockout)")
        ax.set_ylabel("degrees")
        styles = {"stand_tall": (0, (4, 2)), "squeeze_glutes": "-"}
        self._lines: dict[tuple[str, str], Line2D] = {
            (c, q): ax.plot(
                [],
                [],
                color=color,
                ls=styles[c],
                lw=2.5,
                label=f"{name}, {'stand tall' if c == 'stand_tall' else 'squeeze'}",
            )[0]
            for q, color, name in (("rotation_used", t.rotation, "rotation"), ("pelvic_tilt", t.pelvis, "pelvic tilt"))
            for c in CUES
        }
        self._now = ax.axvline(0.0, color=t.foreground, lw=1.5)
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, fontsize=11, frameon=False)
        self.curves: Mapping[str, Compensation] = {}

    def set_lifter(self, hip_extension_available: float, tissue: str) -> None:
        """Compute both cues' curves over the pull and draw them; rescale the y axis."""
        grid = np.linspace(0.0, 1.0, PHASE_POINTS)
        self.curves = {c: lift_compensation(grid, hip_extension_available, cue=c, tissue=tissue) for c in CUES}
        for c, s in self.curves.items():
            for q in _QUANTITIES:
                self._lines[(c, q)].set_data(grid, getattr(s, q))
        values = [getattr(s, q) for s in self.curves.values() for q in _QUANTITIES]
        low, high = min(0.0, float(np.min(values))), max(5.0, float(np.max(values)))
        self.ax.set_ylim(low - 2.0, high + 2.0)

    def set_phase(self, phase: float) -> None:
        """Move the marker of the current phase."""
        self._now.set_xdata([phase, phase])
