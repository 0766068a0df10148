"""Explore how the hip muscles' actions change with hip flexion (ipywidgets + ipympl).

This module only wires things together: the numbers come from
:func:`biomech.anatomy.actions_by_posture.action_table_cells` and
:func:`~biomech.anatomy.actions_by_posture.label_moment_arms` (the geometry), the curves from
:mod:`biomech.views.moment_arms`. The figure is built once; moving the hip-flexion
slider recomputes the table at that posture (one posture: well under a millisecond of
geometry) and moves the current-posture line; choosing another muscle redraws its
curves.

Run in a notebook::

    from biomech.apps.posture_explorer import PostureExplorer
    PostureExplorer()
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets
import numpy as np
from ipympl.backend_nbagg import Canvas, FigureManager
from IPython.display import display
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from biomech.anatomy.actions_by_posture import (
    NOT_MODELLED,
    TABLE_PARTS,
    ActionCell,
    action_table_cells,
    flip_angles,
    label_moment_arms,
)
from biomech.anatomy.geometry import AXES
from biomech.anatomy.textbook import FOOTNOTE
from biomech.apps.guard import guarded
from biomech.style import Theme, get_theme, use_theme
from biomech.views.moment_arms import AxisCurvesView, MomentArmView

__all__ = ["FLEXION_RANGE_DEG", "PostureExplorer", "action_table_html", "axis_figure", "muscle_figure"]

FLEXION_RANGE_DEG = (-20.0, 90.0)
"""The slider's range , also the range of the published validation data."""
FLEXION_STEP_DEG = 1.0
_GRID = np.arange(FLEXION_RANGE_DEG[0], FLEXION_RANGE_DEG[1] + FLEXION_STEP_DEG / 2, 0.5)
_HEADINGS = {
    "flexion": "Flexion / extension",
    "adduction": "Adduction / abduction",
    "rotation": "Internal / external rotation",
}
_UNCERTAINTY = (
    "Computed from a simplified geometry: straight-line muscle paths of one generic adult "
    "(gait2392, Delp et al. 1990), knee extended. Real muscles are broad and wrap over bone, "
    "and people differ; read the signs, not the millimetres."
)


def _curves(label: str) -> dict[str, np.ndarray]:
    """A label's moment arms (mm) over the slider's range; NaN if not modelled."""
    if label in NOT_MODELLED:
        return {axis: np.full(_GRID.shape, np.nan) for axis in AXES}
    return {axis: 1000.0 * v for axis, v in zip(AXES, label_moment_arms(label, _GRID), strict=False)}


def _flips(label: str) -> list[float]:
    if label in NOT_MODELLED:
        return []
    return sorted(float(a) for axis in AXES for a in flip_angles(TABLE_PARTS[label], axis, _GRID))


def _mm(value: float) -> str:
    """Signed whole millimetres with a real minus sign; never "-0"."""
    text = f"{round(value):+d}" if round(value) else "0"
    return text.replace("-", "\u2212") + " mm"


def action_table_html(cells: Sequence[ActionCell], *, theme: str | Theme = "light") -> str:
    """Render :func:`~biomech.anatomy.actions_by_posture.action_table_cells` cells as an HTML table.

    One row per label, one column per axis. Each cell gives the geometry's action and
    moment arm; the textbook's entry, if any, is in italics; cells whose action has
    flipped since the anatomic position are highlighted. Ends with the table's footnote
    and the model's uncertainty.
    """
    t = get_theme(theme)
    rows: dict[str, dict[str, ActionCell]] = {}
    for cell in cells:
        rows.setdefault(cell.label, {})[cell.axis] = cell
    head = "".join(f"<th style='text-align:left;padding:2px 8px'>{_HEADINGS[a]}</th>" for a in AXES)
    body = []
    for label, by_axis in rows.items():
        tds = []
        for axis in AXES:
            c = by_axis[axis]
            if c.action == "not modelled":
                text = "<span style='opacity:.6'>not modelled</span>"
            else:
                text = f"{html.escape(c.action or 'none')} ({_mm(c.moment_arm_mm)})"
            if c.textbook:
                text += f"<br><i style='opacity:.75'>table: {html.escape(c.textbook)}</i>"
            style = "padding:2px 8px;"
            if c.flipped:
                style += f"background:{t.restricting}33;border-left:4px solid {t.restricting};"
                text = f"<b>{text}</b><br><small>was {html.escape(c.anatomic_action)}</small>"
            tds.append(f"<td style='{style}'>{text}</td>")
        body.append(f"<tr><td style='padding:2px 8px'><b>{html.escape(label)}</b></td>{''.join(tds)}</tr>")
    legend = (
        f"<span style='background:{t.restricting}33;border-left:4px solid {t.restricting};"
        "padding:0 6px'>highlighted</span>: the action is the opposite of the one in the "
        'anatomic position. Moment arms below 5 mm give no action ("none").'
    )
    return (
        f"<table style='border-collapse:collapse;color:{t.foreground};background:{t.background}'>"
        f"<tr><th></th>{head}</tr>{''.join(body)}</table>"
        f"<p>{legend}</p><p><small>Table footnote: *{html.escape(FOOTNOTE)}</small></p>"
        f"<p><small>{html.escape(_UNCERTAINTY)}</small></p>"
    )


def muscle_figure(label: str, hip_flexion: float = 0.0, *, theme: str | Theme = "light") -> Figure:
    """Return a static figure of one label's three moment arms against hip flexion."""
    with use_theme(theme) as t:
        fig = Figure(figsize=(9.0, 5.0), layout="constrained")
        FigureCanvasAgg(fig)
        view = MomentArmView(fig.add_subplot(), theme=t, flexion_range=FLEXION_RANGE_DEG)
        curves = _curves(label)
        view.show(label, _GRID, curves, _flips(label))
        view.update(hip_flexion, {a: float(np.interp(hip_flexion, _GRID, v)) for a, v in curves.items()})
    return fig


def axis_figure(axis: str, labels: Sequence[str], *, theme: str | Theme = "light") -> Figure:
    """Return a static figure of several labels' moment arms about one axis."""
    with use_theme(theme) as t:
        fig = Figure(figsize=(11.0, 5.0), layout="constrained")
        FigureCanvasAgg(fig)
        view = AxisCurvesView(fig.add_subplot(), axis, theme=t, flexion_range=FLEXION_RANGE_DEG)
        view.show(_GRID, {label: _curves(label)[axis] for label in labels if label in TABLE_PARTS})
    return fig


class PostureExplorer:
    """A hip-flexion slider, the action table at that posture, and a muscle's curves.

    Parameters
    ----------
    muscle
        Table label whose moment arms are plotted first.
    theme
        ``"light"`` or ``"dark"``.

    Attributes
    ----------
    slider, muscle, table, figure, errors
        The widgets and the live figure (ipympl canvas).
    """

    def __init__(self, muscle: str = "Piriformis", *, theme: str = "light") -> None:
        self.theme = get_theme(theme)
        labels = [c.label for c in action_table_cells(0.0) if c.axis == AXES[0]]
        self.slider = widgets.FloatSlider(
            value=0.0,
            min=FLEXION_RANGE_DEG[0],
            max=FLEXION_RANGE_DEG[1],
            step=FLEXION_STEP_DEG,
            description="Hip flexion (deg)",
            style={"description_width": "initial"},
            continuous_update=True,
            layout=widgets.Layout(width="520px"),
        )
        self.muscle = widgets.Dropdown(options=labels, value=muscle, description="Muscle")
        self.table = widgets.HTML()
        self.errors = widgets.Output()
        with use_theme(self.theme):
            self.figure = Figure(figsize=(9.0, 4.5), dpi=80, layout="constrained")
            self.canvas = Canvas(self.figure)
            self._manager = FigureManager(self.canvas, num=0)
            self.view = MomentArmView(self.figure.add_subplot(), theme=self.theme, flexion_range=FLEXION_RANGE_DEG)
        for name in ("header_visible", "footer_visible", "toolbar_visible", "resizable"):
            setattr(self.canvas, name, False)
        self._curves: dict[str, np.ndarray] = {}
        self._show_muscle()
        self._move()
        self.slider.observe(lambda _: guarded(self.errors, self._move), names="value")
        self.muscle.observe(lambda _: guarded(self.errors, self._show_muscle_and_move), names="value")
        self.widget = widgets.VBox([widgets.HBox([self.slider, self.muscle]), self.canvas, self.errors, self.table])

    def _ipython_display_(self) -> None:
        display(self.widget)

    def set(self, *, hip_flexion: float | None = None, muscle: str | None = None) -> None:
        """Set the controls as a user would (for scripts and tests)."""
        if muscle is not None:
            self.muscle.value = muscle
        if hip_flexion is not None:
            self.slider.value = hip_flexion

    def reset(self) -> None:
        """Back to the anatomic position and piriformis."""
        self.set(hip_flexion=0.0, muscle="Piriformis")

    def _show_muscle(self) -> None:
        label = self.muscle.value
        self._curves = _curves(label)
        self.view.show(label, _GRID, self._curves, _flips(label))

    def _show_muscle_and_move(self) -> None:
        self._show_muscle()
        self._move()

    def _move(self) -> None:
        flexion = float(self.slider.value)
        self.table.value = action_table_html(action_table_cells(flexion), theme=self.theme)
        self.view.update(flexion, {a: float(np.interp(flexion, _GRID, v)) for a, v in self._curves.items()})
        self.canvas.draw_idle()
