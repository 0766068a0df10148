"""The deadlift from floor to lockout, live: a phase slider moves the lifter, both cues side by side.

App layer (ipywidgets). The numbers come from :mod:`biomech.lift`; the pictures from
the project's views (:class:`~biomech.views.SagittalView`,
:class:`~biomech.views.TransverseView`), fed a :class:`~biomech.posture.Scene` whose
side-on pose is moved from lockout to the lift phase by :func:`lift_scene`: the leg
takes the phase's shank and thigh angles, and pelvis, spine, trunk and head turn
forward about the hip by the trunk's inclination (arms hang vertically). One small
plot drawn here, the compensation against phase, has no view of its own yet.

The figure is built once; a control change only sets artists' data, then the figure
is drawn with Agg and sent as a PNG through an ``ipywidgets.Image`` (DESIGN.md
section 5), so no interactive matplotlib backend is needed.
"""

from __future__ import annotations

import dataclasses
import html
import io
from collections.abc import Callable

import ipywidgets as widgets
import numpy as np
from IPython.display import display
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from biomech._validation import check_choice, check_range
from biomech.lift import LIFT_PARAMETERS, LiftPosture, lift_compensation, lift_posture
from biomech.model import CUES, MODEL_PARAMETERS, Compensation, tissues
from biomech.parameters import PARAMETERS
from biomech.posture import (
    POSTURE_PARAMETERS, SEGMENT_LENGTHS, SagittalPose, Scene, build_scene, sagittal_pose, transverse_pose,
)
from biomech.style import get_theme, use_theme
from biomech.tissues import ALL_FLEXORS
from biomech.views import SagittalView, TransverseView

__all__ = ["CUE_TITLES", "LiftLab", "cue_table", "lift_scene"]

CUE_TITLES = {"stand_tall": "Stand tall, ribs down", "squeeze_glutes": "Squeeze your bum at the top"}
"""Panel titles of the two cues."""
_PANEL_TITLES = {"stand_tall": "Stand tall,\nribs down", "squeeze_glutes": "Squeeze your bum\nat the top"}
PHASE_POINTS = 201
"""Points of the phase curves (phase steps of 0.005)."""
_FIGURE_INCHES, _DPI = (12.8, 6.4), 80


def _turn(points: np.ndarray, angle_deg: float) -> np.ndarray:
    """Rotate points clockwise (forward, for a lifter facing +x) by ``angle_deg``."""
    a = np.radians(angle_deg)
    return np.asarray(points, dtype=float) @ np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])


def _lift_pose(p: SagittalPose, angles: LiftPosture) -> SagittalPose:
    """Move a lockout pose to the lift's joint angles (ankle and foot fixed)."""
    shank, thigh = (np.radians(getattr(angles, f"{n}_inclination")) for n in ("shank", "thigh"))
    knee = p.leg[0] + SEGMENT_LENGTHS["shank"] * np.array([np.sin(shank), np.cos(shank)])
    hip = knee + SEGMENT_LENGTHS["thigh"] * np.array([-np.sin(thigh), np.cos(thigh)])
    lean = float(angles.trunk_inclination)

    def upper(x: np.ndarray) -> np.ndarray:
        return _turn(np.asarray(x) - p.hip, lean) + hip

    def on_thigh(x: np.ndarray) -> np.ndarray:
        return _turn(np.asarray(x) - p.hip, -float(angles.thigh_inclination)) + hip

    trunk = upper(p.trunk)
    hang = trunk[1] - p.trunk[1]  # the arms hang from the moved shoulder
    return dataclasses.replace(
        p, leg=np.array([p.leg[0], knee, hip]), pelvis=upper(p.pelvis), hip=hip,
        asis=upper(p.asis), psis=upper(p.psis), sacrum=upper(p.sacrum), lumbar=upper(p.lumbar),
        trunk=trunk, head_center=upper(p.head_center), arm=p.arm + hang, bar=p.bar + hang,
        flexor_line=np.array([upper(p.flexor_line[0]), on_thigh(p.flexor_line[1])]),
        glute_line=np.array([upper(p.glute_line[0]), on_thigh(p.glute_line[1])]),
        pelvic_tilt=p.pelvic_tilt + lean, sacrum_angle=p.sacrum_angle + lean,
        t12_angle=p.t12_angle + lean,
    )


def _split(overrides: dict[str, float]) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    for name in overrides:
        check_choice("override", name, MODEL_PARAMETERS + LIFT_PARAMETERS + POSTURE_PARAMETERS)
    pick = lambda names: {k: v for k, v in overrides.items() if k in names}  # noqa: E731
    return pick(MODEL_PARAMETERS), pick(LIFT_PARAMETERS), pick(POSTURE_PARAMETERS)


def lift_scene(
    phase: float, hip_extension_available: float, /, *, cue: str = "squeeze_glutes",
    tissue: str = ALL_FLEXORS, **overrides: float,
) -> Scene:
    """Return what the views draw at a phase of the deadlift.

    Parameters
    ----------
    phase
        0 (bar on the floor) to 1 (lockout), a single number.
    hip_extension_available, cue, tissue
        As for :func:`biomech.lift.lift_compensation`.
    **overrides
        Single numbers for the model's, the lift's and the posture's parameters.

    Returns
    -------
    Scene
        ``state`` is :func:`~biomech.lift.lift_compensation` at this phase; the side
        and top views are posed at it. ``curve``, ``stage_spans`` and ``highlights``
        describe this lifter at lockout, where the lift ends.

    Examples
    --------
    >>> s = lift_scene(1.0, -10.0)
    >>> s.sagittal.pelvic_tilt == build_scene(-10.0).sagittal.pelvic_tilt
    True
    """
    if np.ndim(phase):
        raise ValueError(f"'phase' must be a single number for a scene; got shape {np.shape(phase)}.")
    model, lift, posture = _split(overrides)
    lockout = build_scene(hip_extension_available, cue=cue, tissue=tissue, **model, **posture)
    state = lift_compensation(phase, hip_extension_available, cue=cue, tissue=tissue, **model, **lift)
    angles = lift_posture(phase, **{k: v for k, v in lift.items() if k in LIFT_PARAMETERS[:3]})
    tilt0, lordosis0 = lockout.standing_pelvic_tilt, lockout.standing_lumbar_lordosis
    offset = lordosis0 - tilt0  # the sacrum's angle in the pelvis, as build_scene sets it
    pose = _lift_pose(sagittal_pose(tilt0 + state.pelvic_tilt, lordosis0 + state.lumbar_extension,
                                    sacrum_offset=offset), angles)
    return dataclasses.replace(
        lockout, state=state, sagittal=pose,
        sagittal_neutral=_lift_pose(sagittal_pose(tilt0, lordosis0, sacrum_offset=offset), angles),
        transverse=transverse_pose(state.rotation_used, state.foot_progression, pelvic_tilt=pose.pelvic_tilt),
    )


def cue_table(phase: float, hip_extension_available: float, /, *, tissue: str = ALL_FLEXORS,
              fmt: str = "markdown", **overrides: float) -> str:
    """Return both cues' numbers at a phase side by side, as Markdown or HTML (degrees)."""
    check_choice("fmt", fmt, ("markdown", "html"))
    model, lift, _ = _split(overrides)
    p = float(check_range("phase", phase, 0.0, 1.0, "lift phase (0 = bar on the floor, 1 = lockout)"))
    angles = lift_posture(p, **{k: v for k, v in lift.items() if k in LIFT_PARAMETERS[:3]})
    states = [lift_compensation(p, hip_extension_available, cue=c, tissue=tissue, **model, **lift) for c in CUES]
    rows = [("hip flexion", [angles.hip_flexion] * 2), ("knee flexion", [angles.knee_flexion] * 2),
            ("trunk lean from vertical", [angles.trunk_inclination] * 2)]
    rows += [(label, [getattr(s, field) for s in states]) for label, field in (
        ("hip extension asked for", "demand"), ("deficit", "deficit"),
        ("rotation used (+ external)", "rotation_used"), ("feet turned out", "foot_progression"),
        ("anterior pelvic tilt added", "pelvic_tilt"), ("lumbar extension added", "lumbar_extension"))]
    rows.append(("stage", [s.stage for s in states]))
    cell = lambda v: v if isinstance(v, str) else f"{v:.1f}"  # noqa: E731
    head = ["", *(CUE_TITLES[c] for c in CUES)]
    body = [[label, *(cell(v) for v in values)] for label, values in rows]
    caption = f"Phase {p:.2f}, {hip_extension_available:g} deg of hip extension available, tissue: {tissue} (degrees)"
    if fmt == "markdown":
        lines = [f"| {' | '.join(head)} |", "|---|---|---|"] + [f"| {' | '.join(r)} |" for r in body]
        return caption + "\n\n" + "\n".join(lines)
    td = "<td style='padding:2px 10px;text-align:right'>{}</td>"
    trs = "".join("<tr>" + "".join(td.format(html.escape(c)) for c in r) + "</tr>" for r in [head, *body])
    return f"<p>{html.escape(caption)}</p><table>{trs}</table>"


class LiftLab:
    """A phase slider moves the lifter from floor to lockout, under both cues at once.

    Parameters
    ----------
    hip_extension_available, tissue
        Start values of the controls (degrees; one of :func:`biomech.model.tissues`).
    theme
        ``"light"`` or ``"dark"``.

    Attributes
    ----------
    phase, available, tissue
        The controls; :meth:`set` moves them from code.
    figure
        The matplotlib Figure (Agg); ``lab.figure.savefig(...)`` saves the current frame.
    image, readout, errors
        The drawn frame, the numbers of both cues, and any callback error.
    """

    def __init__(self, hip_extension_available: float = -8.0, tissue: str = ALL_FLEXORS,
                 *, theme: str = "light") -> None:
        p = PARAMETERS["hip_extension_available"]
        self.phase = widgets.FloatSlider(value=0.0, min=0.0, max=1.0, step=0.01, readout_format=".2f",
                                         description="Lift phase", continuous_update=True,
                                         layout=widgets.Layout(width="34em"))
        self.available = widgets.FloatSlider(value=hip_extension_available, min=p.min, max=p.max, step=0.5,
                                             description="Hip extension available (deg)",
                                             style={"description_width": "initial"},
                                             layout=widgets.Layout(width="34em"))
        self.tissue = widgets.Dropdown(options=list(tissues()), value=tissue, description="Tissue")
        self.theme = get_theme(theme)
        with use_theme(self.theme):
            self.figure = Figure(figsize=_FIGURE_INCHES, dpi=_DPI)
            FigureCanvasAgg(self.figure)
            self.figure.set_facecolor(self.theme.background)
            add = self.figure.add_axes
            self.side = {c: SagittalView(add((0.215 * i, 0.02, 0.215, 0.88)), theme=self.theme,
                                         labels=False) for i, c in enumerate(CUES)}
            self.top = {c: TransverseView(add((0.45 + 0.275 * i, 0.53, 0.27, 0.4)), theme=self.theme)
                        for i, c in enumerate(CUES)}
            for i, c in enumerate(CUES):
                self.figure.text(0.1075 + 0.215 * i, 0.97, _PANEL_TITLES[c], ha="center", va="top", fontsize=16, fontweight="bold",
                                 color=self.theme.foreground)
            self._curves_ax = add((0.5, 0.13, 0.48, 0.3))
            self._build_curves()
        self.image = widgets.Image(format="png")
        self.readout = widgets.HTML()
        self.errors = widgets.Output()
        self._curve_data: dict[str, Compensation] = {}
        self._restrict()
        self.phase.observe(lambda _: self._guarded(self._move), names="value")
        for control in (self.available, self.tissue):
            control.observe(lambda _: self._guarded(self._restrict), names="value")
        self.widget = widgets.VBox([widgets.HBox([self.phase, self.tissue]), self.available,
                                    self.image, self.readout, self.errors])

    def _ipython_display_(self) -> None:
        display(self.widget)

    def set(self, *, phase: float | None = None, hip_extension_available: float | None = None,
            tissue: str | None = None) -> None:
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

    def _build_curves(self) -> None:
        ax, t = self._curves_ax, self.theme
        ax.set_xlim(0.0, 1.0)
        ax.set_xlabel("lift phase (0 = bar on the floor, 1 = lockout)")
        ax.set_ylabel("degrees")
        styles = {"stand_tall": (0, (4, 2)), "squeeze_glutes": "-"}
        self._lines = {(c, q): ax.plot([], [], color=color, ls=styles[c], lw=2.5,
                                       label=f"{name}, {'stand tall' if c == 'stand_tall' else 'squeeze'}")[0]
                       for q, color, name in (("rotation_used", t.rotation, "rotation"),
                                              ("pelvic_tilt", t.pelvis, "pelvic tilt")) for c in CUES}
        self._now = ax.axvline(0.0, color=t.foreground, lw=1.5)
        ax.legend(loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=2, fontsize=11, frameon=False)

    def _restrict(self) -> None:
        grid = np.linspace(0.0, 1.0, PHASE_POINTS)
        for c in CUES:
            s = lift_compensation(grid, self.available.value, cue=c, tissue=self.tissue.value)
            self._curve_data[c] = s
            for q in ("rotation_used", "pelvic_tilt"):
                self._lines[(c, q)].set_data(grid, getattr(s, q))
        values = [getattr(s, q) for s in self._curve_data.values() for q in ("rotation_used", "pelvic_tilt")]
        low, high = min(0.0, float(np.min(values))), max(5.0, float(np.max(values)))
        self._curves_ax.set_ylim(low - 2.0, high + 2.0)
        self._move()

    def _move(self) -> None:
        phase = float(self.phase.value)
        for c in CUES:
            scene = lift_scene(phase, self.available.value, cue=c, tissue=self.tissue.value)
            self.side[c].update(scene)
            self.top[c].update(scene)
        self._now.set_xdata([phase, phase])
        self.readout.value = cue_table(phase, self.available.value, tissue=self.tissue.value, fmt="html")
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", facecolor=self.theme.background)
        self.image.value = buffer.getvalue()

    def _guarded(self, action: Callable[[], None]) -> None:
        """Run a callback; show any error under the figure instead of losing it."""
        try:
            action()
        except Exception:
            with self.errors:
                self.errors.clear_output()
                raise
