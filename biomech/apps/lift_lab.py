"""The deadlift from floor to lockout, live: a phase slider moves the lifter, both cues side by side.

App layer (ipywidgets). The numbers come from :mod:`biomech.model.lift`; the pictures from
the project's views (:class:`~biomech.views.SagittalView`,
:class:`~biomech.views.TransverseView`, :class:`~biomech.views.LiftCurvesView`), fed the
lifter posed at the phase (:func:`biomech.scene.lift.lift_scene`). Each side view also
draws a plate around the bar (radius :data:`~biomech.scene.lift.PLATE_RADIUS`): at phase 0
it stands on the floor, then it rises with the hands.

The figure is built once; a control change only sets artists' data, then the figure
is drawn with Agg and sent as a PNG through an ``ipywidgets.Image``, so no interactive
matplotlib backend (ipympl) is needed (``docs/architecture.md`` sets this beside the lab's
two drawings).
"""

from __future__ import annotations

import io

import ipywidgets as widgets
from IPython.display import display
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Circle

from biomech.anatomy.tissues import ALL_FLEXORS
from biomech.apps.guard import guarded
from biomech.model.lift import lift_cues_html
from biomech.model.lockout import CUES, tissue_choices
from biomech.parameters import PARAMETERS
from biomech.scene.lift import PLATE_RADIUS, lift_scene
from biomech.style import get_theme, use_theme
from biomech.views import LiftCurvesView, SagittalView, TransverseView

__all__ = ["LiftLab"]

_PANEL_TITLES = {"stand_tall": "Stand tall,\nribs down", "squeeze_glutes": "Squeeze your bum\nat the top"}
_FIGURE_INCHES, _DPI = (12.8, 6.4), 80


class LiftLab:
    """A phase slider moves the lifter from floor to lockout, under both cues at once.

    Parameters
    ----------
    hip_extension_available, tissue
        Start values of the controls (degrees; one of :func:`biomech.model.lockout.tissues`).
    theme
        ``"light"`` or ``"dark"``.

    Attributes
    ----------
    phase, available, tissue
        The controls; :meth:`set` moves them from code.
    figure
        The matplotlib Figure (Agg); ``lab.figure.savefig(...)`` saves the current frame.
    plates
        Per cue, the plate drawn around the bar in the side view (a Circle, in H).
    image, readout, errors
        The drawn frame, the numbers of both cues, and any callback error.
    """

    def __init__(
        self, hip_extension_available: float = -8.0, tissue: str = ALL_FLEXORS, *, theme: str = "light"
    ) -> None:
        p = PARAMETERS["hip_extension_available"]
        self.phase = widgets.FloatSlider(
            value=0.0,
            min=0.0,
            max=1.0,
            step=0.01,
            readout_format=".2f",
            description="Lift phase",
            continuous_update=True,
            layout=widgets.Layout(width="34em"),
        )
        self.available = widgets.FloatSlider(
            value=hip_extension_available,
            min=p.min,
            max=p.max,
            step=0.5,
            description="Hip extension available (deg)",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="34em"),
        )
        # the lift runs the blog's mechanism, which has no ligament: offer its tissues only
        self.tissue = widgets.Dropdown(options=list(tissue_choices("blog")), value=tissue, description="Tissue")
        self.theme = get_theme(theme)
        with use_theme(self.theme):
            self.figure = Figure(figsize=_FIGURE_INCHES, dpi=_DPI)
            FigureCanvasAgg(self.figure)
            self.figure.set_facecolor(self.theme.background)
            add = self.figure.add_axes
            self.side = {
                c: SagittalView(add((0.215 * i, 0.02, 0.215, 0.88)), theme=self.theme, labels=False)
                for i, c in enumerate(CUES)
            }
            self.plates = {
                c: Circle((0.0, PLATE_RADIUS), PLATE_RADIUS, fill=False, ec=self.theme.muted, lw=2, zorder=0.5)
                for c in CUES
            }
            for c, plate in self.plates.items():
                self.side[c].ax.add_patch(plate)
            self.top = {
                c: TransverseView(add((0.45 + 0.275 * i, 0.53, 0.27, 0.4)), theme=self.theme)
                for i, c in enumerate(CUES)
            }
            for i, c in enumerate(CUES):
                self.figure.text(
                    0.1075 + 0.215 * i,
                    0.97,
                    _PANEL_TITLES[c],
                    ha="center",
                    va="top",
                    fontsize=16,
                    fontweight="bold",
                    color=self.theme.foreground,
                )
            self.curves = LiftCurvesView(add((0.5, 0.13, 0.48, 0.3)), theme=self.theme)
        self.image = widgets.Image(format="png")
        self.readout = widgets.HTML()
        self.errors = widgets.Output()
        self._restrict()
        self.phase.observe(lambda _: guarded(self.errors, self._move), names="value")
        for control in (self.available, self.tissue):
            control.observe(lambda _: guarded(self.errors, self._restrict), names="value")
        self.widget = widgets.VBox(
            [widgets.HBox([self.phase, self.tissue]), self.available, self.image, self.readout, self.errors]
        )

    def _ipython_display_(self) -> None:
        display(self.widget)

    def set(
        self, *, phase: float | None = None, hip_extension_available: float | None = None, tissue: str | None = None
    ) -> None:
        """Move the controls as a user would (for scripts, slides and tests)."""
        if tissue is not None:
            self.tissue.value = tissue
        if hip_extension_available is not None:
            self.available.value = hip_extension_available
        if phase is not None:
            self.phase.value = phase

    def reset(self) -> None:
        """Back to the start: bar on the floor, 8 deg short of extension, all hip flexors."""
        self.set(phase=0.0, hip_extension_available=-8.0, tissue=ALL_FLEXORS)

    def _restrict(self) -> None:
        self.curves.set_lifter(self.available.value, self.tissue.value)
        self._move()

    def _move(self) -> None:
        phase = float(self.phase.value)
        for c in CUES:
            scene = lift_scene(phase, self.available.value, cue=c, tissue=self.tissue.value)
            self.side[c].update(scene)
            self.plates[c].set_center(tuple(scene.sagittal.bar))
            self.top[c].update(scene)
        self.curves.set_phase(phase)
        self.readout.value = lift_cues_html(phase, self.available.value, tissue=self.tissue.value)
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", facecolor=self.theme.background)
        self.image.value = buffer.getvalue()
