"""The compensation along the lift: rotation and pelvic tilt against lift phase, both cues.

The view draws the curves of a :class:`~biomech.scene.lift.LiftScene` (computed in the
scene layer by :func:`~biomech.scene.lift.lift_scenes`); it runs no model.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from biomech.scene.lift import CUE_TITLES, CUES, PELVIS_CURVE, ROTATION_CURVE, LiftScene
from biomech.style.palette import Theme, get_theme

__all__ = ["LiftCurvesView"]

QUANTITIES = ("rotation_used", "pelvic_tilt")
"""The curves drawn, per cue (fields of the lift's :class:`~biomech.model.lockout.Compensation`)."""
CUE_STYLES = {"stand_tall": (0, (4, 2)), "squeeze_glutes": "-"}
"""Line style per cue: dashed "stand tall", solid "squeeze"."""


class LiftCurvesView:
    """Rotation used and added pelvic tilt against lift phase, one line style per cue.

    The rotation is what the hip would need at each phase with free feet
    (:data:`~biomech.scene.lift.ROTATION_CURVE`); the top views draw the lockout's stance, set
    before the pull. The cues are named as over the side views (:data:`~biomech.scene.lift.CUE_TITLES`).

    Unlike the lockout views, which draw one :class:`~biomech.scene.scene.Scene`, this
    view draws a lifter's whole pull: :meth:`set_lift` draws the curves of a
    :class:`~biomech.scene.lift.LiftScene` (when the restriction or tissue changes),
    :meth:`set_phase` only moves the marker.

    Parameters
    ----------
    ax
        The Axes to draw on.
    theme
        ``"light"``, ``"dark"`` or a :class:`~biomech.style.Theme`.

    Attributes
    ----------
    lift
        The :class:`~biomech.scene.lift.LiftScene` drawn, as last set (``None`` before).
    """

    def __init__(self, ax: Axes, *, theme: str | Theme = "light") -> None:
        self.ax, self.theme = ax, get_theme(theme)
        t = self.theme
        ax.set_xlim(0.0, 1.0)
        ax.set_xlabel("lift phase (0 = bar on the floor, 1 = lockout)")
        ax.set_ylabel("degrees")
        self._lines: dict[tuple[str, str], Line2D] = {
            (c, q): ax.plot(
                [],
                [],
                color=color,
                ls=CUE_STYLES[c],
                lw=2.5,
            )[0]
            for q, color in (("rotation_used", t.rotation), ("pelvic_tilt", t.pelvis))
            for c in CUES
        }
        self._now = ax.axvline(0.0, color=t.foreground, lw=1.5)
        # the key: colour is the quantity, line style the cue (named as over the side views)
        quantities = ((t.rotation, "-", ROTATION_CURVE), (t.pelvis, "-", PELVIS_CURVE))
        cues = tuple((t.foreground, CUE_STYLES[c], CUE_TITLES[c]) for c in CUES)
        # two columns (filled down): the quantities by colour, the cues by line style
        key = [Line2D([], [], color=color, ls=ls, lw=2.5, label=name) for color, ls, name in quantities + cues]
        ax.legend(
            handles=key,
            loc="lower left",
            bbox_to_anchor=(0.0, 1.0),
            ncol=2,
            fontsize=10,
            frameon=False,
            handlelength=1.6,
            columnspacing=1.0,
        )
        self.lift: LiftScene | None = None

    def set_lift(self, lift: LiftScene) -> None:
        """Draw both cues' curves of ``lift`` over its phase grid; rescale the y axis."""
        self.lift = lift
        for c, s in lift.curves.items():
            for q in QUANTITIES:
                self._lines[(c, q)].set_data(lift.phases, getattr(s, q))
        values = [getattr(s, q) for s in lift.curves.values() for q in QUANTITIES]
        low, high = min(0.0, float(np.min(values))), max(5.0, float(np.max(values)))
        self.ax.set_ylim(low - 2.0, high + 2.0)

    def set_phase(self, phase: float) -> None:
        """Move the marker of the current phase."""
        self._now.set_xdata([phase, phase])
