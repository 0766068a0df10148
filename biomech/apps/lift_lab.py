"""The deadlift from floor to lockout, live: a phase slider moves the lifter, both cues side by side.

App layer (ipywidgets, anywidget). The kernel computes the lifter's whole pull at once,
both cues at every phase of the grid (:func:`biomech.scene.lift.lift_scenes`: the lift
model, :mod:`biomech.model.lift`, runs once per cue over the grid; the lockout parts once
per setting), turns it into one payload (:func:`biomech.web.lift.lift_payload`) and sends
it in one message to :class:`LiftDrawing`, an anywidget that draws in the browser with
the lab's renderer (``static/lab.js`` with ``static/lift.js``). The phase slider belongs
to the renderer: a key press repaints from the precomputed states (the two cues side-on,
each with the plate around the bar, the feet from above and the curves with a cursor at
the phase), with no kernel round trip. Where the slider rests reaches the kernel a
moment after it stops (the ``value`` trait), never per frame. A change of the available
extension or the tissue computes the pull again (the last few settings are kept).

:attr:`LiftLab.figure` draws the current frame with matplotlib
(:class:`~biomech.views.LiftFigure`), when asked, for slides and saved frames
(``docs/architecture.md`` sets this beside the lab's drawings).
"""

from __future__ import annotations

import functools
import html
from typing import Any

import anywidget
import ipywidgets as widgets
import traitlets
from IPython.display import display
from matplotlib.figure import Figure

from biomech.anatomy.tissues import ALL_FLEXORS
from biomech.apps.guard import guarded
from biomech.model.lockout import tissue_choices
from biomech.parameters import PARAMETERS
from biomech.scene.lift import LiftScene, lift_scenes
from biomech.style import get_theme, use_theme
from biomech.views import LiftFigure
from biomech.web.lift import lift_payload, lift_renderer_files

__all__ = ["LiftDrawing", "LiftLab", "lift_setting"]

_ESM, _CSS = lift_renderer_files()


@functools.lru_cache(maxsize=16)
def lift_setting(hip_extension_available: float, tissue: str) -> tuple[LiftScene, dict[str, Any]]:
    """A lifter's pull (:func:`~biomech.scene.lift.lift_scenes`) and its browser payload, kept for the last 16 settings.

    Going back to a setting (a lecturer toggling the tissue) sends its scenes without
    computing them again. Nobody changes a payload.
    """
    lift = lift_scenes(float(hip_extension_available), tissue=tissue)
    return lift, lift_payload(lift)


class LiftDrawing(anywidget.AnyWidget):
    """The lift's renderer as a widget: ``payload`` (every phase, both cues), ``value`` (the phase), ``theme``.

    Examples
    --------
    >>> drawing = LiftDrawing(payload=lift_setting(-8.0, "hip flexors (all)")[1], value=0.5)  # doctest: +SKIP
    """

    _esm = _ESM
    _css = _CSS
    renderer = traitlets.Unicode("lift").tag(sync=True)
    payload = traitlets.Dict().tag(sync=True)
    value = traitlets.Float(0.0).tag(sync=True)
    theme = traitlets.Unicode("light").tag(sync=True)


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
    drawing
        The :class:`LiftDrawing`: its ``value`` is the phase where the slider rests.
    available, tissue, theme_control
        The kernel's controls (the theme: light, or dark for a projector); :meth:`set`
        moves them (and the phase) from code.
    lift
        The :class:`~biomech.scene.lift.LiftScene` drawn (both cues, every phase).
    readout, errors
        The setting in words, and any callback error.
    """

    def __init__(
        self, hip_extension_available: float = -8.0, tissue: str = ALL_FLEXORS, *, theme: str = "light"
    ) -> None:
        p = PARAMETERS["hip_extension_available"]
        self.available = widgets.FloatSlider(
            value=hip_extension_available,
            min=p.min,
            max=p.max,
            step=0.5,
            description="Hip extension available (deg)",
            continuous_update=False,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="34em"),
        )
        # the lift runs the blog's mechanism, which has no ligament: offer its tissues only
        self.tissue = widgets.Dropdown(options=list(tissue_choices("blog")), value=tissue, description="Tissue")
        self.theme = get_theme(theme)
        self.theme_control = widgets.ToggleButtons(
            options=[("Light", "light"), ("Dark (projector)", "dark")],
            value=self.theme.name,
            style={"button_width": "auto"},
        )
        self.readout = widgets.HTML()
        self.errors = widgets.Output()
        self.lift, payload = lift_setting(float(self.available.value), self.tissue.value)
        self.drawing = LiftDrawing(payload=payload, value=0.0, theme=self.theme.name)
        self._figure: LiftFigure | None = None
        self._describe()
        for control in (self.available, self.tissue):
            control.observe(lambda _: guarded(self.errors, self._restrict), names="value")
        self.theme_control.observe(lambda _: guarded(self.errors, self._set_theme), names="value")
        self.widget = widgets.VBox(
            [
                widgets.HBox([self.available, self.tissue]),
                self.theme_control,
                self.readout,
                self.drawing,
                self.errors,
            ]
        )
        self.widget.add_class("hiplab-lift")

    def _ipython_display_(self) -> None:
        display(self.widget)

    @property
    def phase(self) -> float:
        """The phase shown (where the browser's slider rests), 0 to 1."""
        return float(self.drawing.value)

    def set(
        self,
        *,
        phase: float | None = None,
        hip_extension_available: float | None = None,
        tissue: str | None = None,
        theme: str | None = None,
    ) -> None:
        """Move the controls as a user would (for scripts, slides and tests); the phase goes to the grid's nearest."""
        if theme is not None:
            self.theme_control.value = get_theme(theme).name
        if tissue is not None:
            self.tissue.value = tissue
        if hip_extension_available is not None:
            self.available.value = hip_extension_available
        if phase is not None:
            self.drawing.value = float(self.lift.phases[self.lift.index(phase)])

    def reset(self) -> None:
        """Back to the start: bar on the floor, 8 deg short of extension, all hip flexors."""
        self.set(phase=0.0, hip_extension_available=-8.0, tissue=ALL_FLEXORS)

    @property
    def figure(self) -> Figure:
        """The current frame drawn by matplotlib (Agg; built on first use): ``lab.figure.savefig(...)``."""
        if self._figure is None:
            with use_theme(self.theme):
                self._figure = LiftFigure(theme=self.theme)
        self._figure.update(self.lift, self.phase)
        return self._figure.figure

    def _set_theme(self) -> None:
        """Light or dark: the browser's drawing at once; the matplotlib frame is built again when next asked."""
        self.theme = get_theme(self.theme_control.value)
        self.drawing.theme = self.theme.name
        self._figure = None

    def _restrict(self) -> None:
        self.lift, payload = lift_setting(float(self.available.value), self.tissue.value)
        self.drawing.payload = payload
        self._describe()

    def _describe(self) -> None:
        """The setting in words (the knee's note, for a tissue crossing it, is the drawing's, under the phase)."""
        self.readout.value = (
            f"<p>The blog's hypothesis, {self.lift.hip_extension_available:g} deg of hip extension available, "
            f"tissue: {html.escape(self.lift.tissue)}. Move <b>Lift phase</b> (arrow keys: 0.01 per press). The feet "
            "are drawn at the stance the lockout would need, set before the pull; the curves' rotation is what the "
            "hip would need at each phase with free feet. The lift is not balanced: under the squeeze its last "
            "frames put lifter and bar at or beyond the toes, which no one could hold; the lockout lab draws the "
            "balanced lockout.</p>"
        )
