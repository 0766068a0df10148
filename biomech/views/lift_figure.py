"""The deadlift in one matplotlib figure: both cues side-on with the plate, from above, and the curves.

For slides and saved frames (``LiftLab().figure``); the live lift lab draws in the
browser (:mod:`biomech.web.lift`). The figure draws a :class:`~biomech.scene.lift.LiftScene`
at one of its phases and computes nothing.
"""

from __future__ import annotations

import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import Circle

from biomech.scene.lift import CUE_TITLES, CUES, PLATE_RADIUS, LiftScene
from biomech.style.palette import Theme, get_theme
from biomech.views.dashboard import ensure_canvas
from biomech.views.lift_curves import LiftCurvesView
from biomech.views.sagittal import SagittalView
from biomech.views.transverse import TransverseView

__all__ = ["LIFT_FIGURE_INCHES", "LiftFigure", "PANEL_TITLES"]

PANEL_TITLES = {c: textwrap.fill(title, 18) for c, title in CUE_TITLES.items()}
"""The cues as coaches say them (:data:`~biomech.scene.lift.CUE_TITLES`, wrapped), over each side view."""
LIFT_FIGURE_INCHES = (12.8, 6.4)
"""The figure's size, inches: 1920 x 960 px at 150 dpi."""


class LiftFigure:
    """Both cues side by side at one phase of a :class:`~biomech.scene.lift.LiftScene`.

    Parameters
    ----------
    fig
        The Figure to fill; made (:data:`LIFT_FIGURE_INCHES`, 80 dpi, Agg) when omitted.
    theme
        ``"light"``, ``"dark"`` or a :class:`~biomech.style.Theme`; build inside
        :func:`biomech.style.use_theme` for the slide fonts.

    Attributes
    ----------
    side, top
        Cue -> its :class:`~biomech.views.SagittalView` and :class:`~biomech.views.TransverseView`.
    plates
        Cue -> the plate drawn around the bar in the side view (a Circle, in H): at
        phase 0 it stands on the floor, then it rises with the hands.
    curves
        The :class:`~biomech.views.LiftCurvesView`.
    """

    def __init__(self, fig: Figure | None = None, *, theme: str | Theme = "light") -> None:
        self.theme = get_theme(theme)
        self.figure = ensure_canvas(fig if fig is not None else Figure(figsize=LIFT_FIGURE_INCHES, dpi=80))
        self.figure.set_facecolor(self.theme.background)
        add = self.figure.add_axes
        self.side: dict[str, SagittalView] = {
            c: SagittalView(add((0.215 * i, 0.02, 0.215, 0.88)), theme=self.theme, labels=False)
            for i, c in enumerate(CUES)
        }
        self.plates: dict[str, Circle] = {
            c: Circle((0.0, PLATE_RADIUS), PLATE_RADIUS, fill=False, ec=self.theme.muted, lw=2, zorder=0.5)
            for c in CUES
        }
        for c, plate in self.plates.items():
            self.side[c].ax.add_patch(plate)
        self.top: dict[str, TransverseView] = {
            c: TransverseView(add((0.45 + 0.275 * i, 0.53, 0.27, 0.4)), theme=self.theme) for i, c in enumerate(CUES)
        }
        for view in self.top.values():  # two-line stance labels, set before the pull, fit their panel
            for label in (view.feet_label, view.hip_label):
                label.set_fontsize(11)
            for text in view.ax.texts:  # the panel's fixed words (sides, forward) kept clear of the next panel
                if text not in (view.feet_label, view.hip_label):
                    text.set_fontsize(10)
        for i, c in enumerate(CUES):
            self.figure.text(
                0.1075 + 0.215 * i,
                0.97,
                PANEL_TITLES[c],
                ha="center",
                va="top",
                fontsize=16,
                fontweight="bold",
                color=self.theme.foreground,
            )
        self.curves = LiftCurvesView(add((0.5, 0.13, 0.48, 0.3)), theme=self.theme)

    def update(self, lift: LiftScene, phase: float) -> None:
        """Draw ``lift`` at the grid's phase nearest ``phase`` (the curves only when ``lift`` is new)."""
        if lift is not self.curves.lift:
            self.curves.set_lift(lift)
        i = lift.index(phase)
        for c, scenes in lift.scenes.items():
            scene = scenes[i]
            self.side[c].update(scene)
            self.plates[c].set_center(tuple(scene.sagittal.bar))
            self.top[c].update(scene)
        self.curves.set_phase(float(lift.phases[i]))
