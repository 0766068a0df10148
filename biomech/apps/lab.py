"""The interactive Hip Compensation Lab: controls -> model -> views (ipywidgets + ipympl).

This module only wires things together. The numbers come from
:func:`biomech.scene.scene.build_scene` (which calls the model), the pictures from
:class:`biomech.views.Dashboard`, the table from :func:`biomech.anatomy.textbook.as_table`, and
the slide files from :mod:`biomech.export`.

Speed (``docs/architecture.md``): the figure is built once. Moving the restriction slider
only sets the data of the artists that move (the view classes' ``update``) and blits
them over a cached background (:class:`biomech.apps.live_figure.LiveFigure`). Changing the
cue, tissue or an assumption changes the static parts too (curves, shading: the
views' ``background_key``), so it asks for one full redraw. The model state follows
every widget event at once; frames are coalesced, so the last value wins. The angles
are printed beside the figure as HTML, not in it: text is the costly part of a frame.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from biomech import export
from biomech.apps.live_figure import LiveFigure
from biomech.model.compare import disagreement
from biomech.model.lockout import MODEL_PARAMETERS, Compensation, compensate, tissues
from biomech.anatomy.textbook_render import as_table
from biomech.parameters import PARAMETERS
from biomech.scene.scene import POSTURE_PARAMETERS, Scene, build_scene
from biomech.style import Theme, get_theme, use_theme
from biomech.anatomy.action_rule import rotation_benefit_of
from biomech.anatomy.tissues import ALL_FLEXORS, DIRECTIONS, tissue_moment_arms
from biomech.views import Dashboard

__all__ = ["HipLab"]

#: The live figure: the slides' 16:9 layout (19.2 x 10.8 in) drawn at 1200 x 675 px.
FIGURE_INCHES = (19.2, 10.8)
LIVE_DPI = {True: 62.5, False: 50.0}
"""Screen dpi of the live figure: 1200 x 675 px full-page in presenter mode, 960 x 540
px in a notebook (it fits JupyterLab beside the file browser on a laptop)."""
CUE_LABELS = {"Stand tall": "stand_tall", "Squeeze glutes": "squeeze_glutes"}
MECHANISM_LABELS = {"Blog's hypothesis": "blog", "Muscle geometry": "geometry"}
THEMES = ("light", "dark")
SLIDER_STEPS = {"deg": 0.5, "mm": 0.5, "deg/deg": 0.01}
UNIT_SUFFIX = {"deg": "(deg)", "mm": "(mm)", "deg/deg": "(deg per deg)"}
ADVANCED = MODEL_PARAMETERS + POSTURE_PARAMETERS

_CSS = """
<style>
.hiplab { --hiplab-font: 15px; font-size: var(--hiplab-font); }
.hiplab.hiplab-presenter { --hiplab-font: 22px; }
.hiplab .widget-label, .hiplab .widget-readout, .hiplab .widget-dropdown select,
.hiplab .widget-toggle-button, .hiplab .widget-button, .hiplab .widget-html-content,
.hiplab .jupyter-widgets-accordion .lm-TabBar-tab, .hiplab summary
    { font-size: var(--hiplab-font); }
.hiplab.hiplab-presenter .widget-slider, .hiplab.hiplab-presenter .widget-dropdown,
.hiplab.hiplab-presenter .widget-toggle-buttons, .hiplab.hiplab-presenter .widget-button
    { min-height: 40px; }
.hiplab .biomech-muscle-table { font-size: var(--hiplab-font) !important; }
.hiplab-readout { font-size: calc(var(--hiplab-font) * 1.25); line-height: 1.35; padding: 6px 4px; }
.hiplab.hiplab-dark, .hiplab.hiplab-dark .widget-label, .hiplab.hiplab-dark .widget-readout,
.hiplab.hiplab-dark .widget-html-content { background: #111111; color: #f2f2f2; }
</style>
"""


class HipLab:
    """The interactive lab: restrict hip extension and watch the compensation grow.

    Parameters
    ----------
    theme
        ``"light"`` or ``"dark"`` (dark for projectors); a control switches it later.
    presenter
        Projector-size fonts for the controls and readout. By default on when the
        lab runs under Voila (``make present``), off in JupyterLab.
    export_dir
        Folder the Export button writes to (created if needed).

    Attributes
    ----------
    controls
        The input widgets by model name (``hip_extension_available``, ``cue``,
        ``tissue`` and every assumption under "advanced").
    widget
        The whole app as one ipywidgets container (displaying the lab shows it).
    figure
        The live matplotlib Figure (ipympl canvas).

    Examples
    --------
    >>> lab = HipLab()                                           # doctest: +SKIP
    >>> lab.set(hip_extension_available=-10, cue="squeeze_glutes")  # doctest: +SKIP
    >>> lab.state.stage                                          # doctest: +SKIP
    'lumbopelvic'
    """

    def __init__(
        self,
        *,
        theme: str = "light",
        presenter: bool | None = None,
        export_dir: str | os.PathLike[str] = "figures",
    ) -> None:
        self._theme = get_theme(theme).name
        self._export_dir = Path(export_dir)
        self.presenter = "VOILA_KERNEL_ID" in os.environ if presenter is None else presenter
        self.controls = self._build_controls()
        self._inputs = self._read_controls()
        self._scene = self._build_scene(self._inputs)
        self._syncing = False
        self.live = LiveFigure(FIGURE_INCHES, LIVE_DPI[self.presenter], lambda: self.dashboard.background_key(self._scene))
        self.figure, self.canvas = self.live.figure, self.live.canvas
        self._build_views()

        self.readout = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.readout.add_class("hiplab-readout")
        self.table = widgets.HTML()
        self.errors = widgets.Output()
        self.status = widgets.HTML()
        self.tissue_note = widgets.HTML()
        self.widget = self._build_layout()
        self._last_table_key: object = None
        self._refresh_text()
        for name, control in self.controls.items():
            control.observe(self._on_control, names="value")

    # --- public API -------------------------------------------------------------

    @property
    def state(self) -> Compensation:
        """The model result for the current controls (degrees)."""
        return self._scene.state

    @property
    def scene(self) -> Scene:
        """Everything the views currently draw."""
        return self._scene

    @property
    def theme(self) -> str:
        """The figure's current theme, ``"light"`` or ``"dark"``."""
        return self._theme

    def set(self, **values: Any) -> None:
        """Set controls from code, exactly as moving the widgets does.

        Parameters
        ----------
        **values
            Any of ``hip_extension_available``, ``cue`` (``"stand_tall"`` or
            ``"squeeze_glutes"``), ``tissue``, ``theme`` and the advanced
            assumptions (:data:`biomech.model.lockout.MODEL_PARAMETERS`, standing tilt and
            lordosis), in the model's units.

        Raises
        ------
        ValueError
            With the model's message for a bad name or value; the lab then keeps its
            last good state (no control, view or readout changes).
        """
        theme = values.get("theme", self._theme)
        if theme not in THEMES:
            raise ValueError(f"'theme' must be one of {set(THEMES)}; got {theme!r}.")
        for name in values:
            if name not in self.controls:
                raise ValueError(
                    f"'{name}' is not a control of the lab; use one of {sorted(self.controls)}."
                )
        inputs = {**self._inputs, **values}
        scene = self._build_scene(inputs)  # raises before anything changes
        self._syncing = True
        try:
            if "mechanism" in values:
                self.controls["mechanism"].value = values["mechanism"]
                self.controls["tissue"].options = list(tissues(values["mechanism"]))
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._syncing = False
        if theme != self._theme:
            self._set_theme(theme)
        self._apply(inputs, scene)

    def reset(self) -> None:
        """Restore every control to the parameter table's defaults."""
        defaults = {name: PARAMETERS[name].default for name in ("hip_extension_available", *ADVANCED)}
        self.set(cue="squeeze_glutes", tissue=tissues()[0], mechanism="blog", **defaults)

    def export(
        self,
        folder: str | os.PathLike[str] | None = None,
        *,
        formats: Iterable[str] = export.FORMATS,
    ) -> list[Path]:
        """Write the current dashboard for slides (same rendering as the command line).

        The files are drawn on a separate, static figure by the export code, never
        from the live (blitted) one, in the lab's current theme.

        Parameters
        ----------
        folder
            Target folder (created if needed); the "Export to folder" box by default.
        formats
            Any of ``"png"``, ``"svg"``, ``"pdf"``.

        Returns
        -------
        list of pathlib.Path
            The files written (atomically: a failed export leaves no partial file).
        """
        folder = Path(self.export_folder.value if folder is None else folder)
        folder.mkdir(parents=True, exist_ok=True)
        stem = f"lab_{self._file_stem()}"
        return [
            export.export_figure(self._scene, folder / f"{stem}.{fmt}", kind="dashboard", theme=self._theme)
            for fmt in formats
        ]

    def _ipython_display_(self) -> None:
        display(self.widget)

    # --- building -----------------------------------------------------------------

    def _build_controls(self) -> dict[str, widgets.ValueWidget]:
        """One widget per input; its visible label (with unit) is in :attr:`labels`."""
        wide = widgets.Layout(width="100%")
        self.labels = {
            "hip_extension_available": f"Available hip extension {UNIT_SUFFIX['deg']}",
            "cue": "Cue at lockout",
            "tissue": "Restricting tissue",
            "mechanism": "How the hip makes up the deficit",
            "theme": "Figure theme",
        }
        controls: dict[str, widgets.ValueWidget] = {
            "hip_extension_available": _slider("hip_extension_available"),
            "cue": widgets.ToggleButtons(
                options=list(CUE_LABELS.items()), value="squeeze_glutes", layout=wide,
                tooltips=["Stand tall, ribs down", "Squeeze your bum at the top"],
                style={"button_width": "auto"},
            ),
            "tissue": widgets.Dropdown(options=list(tissues("blog")), value=tissues()[0], layout=wide),
            "mechanism": widgets.ToggleButtons(
                options=list(MECHANISM_LABELS.items()), value="blog", layout=wide,
                tooltips=["The blog's story: turning out buys extension (illustrative rate)",
                          "The 3-D muscle geometry (gait2392, with the knee) decides"],
                style={"button_width": "auto"},
            ),
            "theme": widgets.ToggleButtons(
                options=[("Light", "light"), ("Dark (projector)", "dark")], value=self._theme,
                layout=wide, style={"button_width": "auto"},
            ),
        }
        for name in ADVANCED:
            p = PARAMETERS[name]
            self.labels[name] = f"{name.replace('_', ' ').capitalize()} {UNIT_SUFFIX[p.unit]}"
            controls[name] = _slider(name)
        return controls

    def _labelled(self, name: str) -> widgets.Widget:
        label = widgets.HTML(f"<b>{self.labels[name]}</b>")
        return widgets.VBox([label, self.controls[name]], layout=widgets.Layout(margin="0 0 6px 0"))

    def _build_views(self) -> None:
        with use_theme(self._theme):
            self.figure.set_facecolor(get_theme(self._theme).background)
            self.dashboard = Dashboard(self.figure, theme=self._theme, table=False, numbers=False)
            self.dashboard.update(self._scene)
        self.live.set_moving(self.dashboard.animated_artists)

    def _build_layout(self) -> widgets.Widget:
        reset = widgets.Button(description="Reset", icon="undo", tooltip="Restore the default settings")
        reset.on_click(lambda _: self._guarded(self.reset))
        self.export_folder = widgets.Text(value=str(self._export_dir), description="Export to folder",
                                          style={"description_width": "initial"})
        export_button = widgets.Button(description="Export figure", icon="download",
                                       tooltip="Write the current figure as PNG, SVG and PDF")
        export_button.on_click(lambda _: self._guarded(self._export_clicked))
        advanced = widgets.VBox([self._labelled(name) for name in ADVANCED])
        accordion = widgets.Accordion(children=[advanced], titles=("Advanced: the model's assumptions",))
        accordion.selected_index = None
        buttons = widgets.HBox([reset, export_button])
        if self.presenter:  # full page: controls beside a large figure
            side = widgets.VBox(
                [self._labelled("hip_extension_available"), self._labelled("cue"),
                 self._labelled("tissue"), self._labelled("mechanism"), self.tissue_note, accordion,
                 self._labelled("theme"),
                 buttons, self.export_folder, self.status, self.errors],
                layout=widgets.Layout(width="420px", min_width="380px"),
            )
            body = widgets.HBox([side, widgets.VBox([self.readout, self.canvas])])
        else:  # a notebook column: controls in a row above the figure
            column = widgets.Layout(width="33%", padding="0 12px 0 0")
            controls = widgets.HBox([
                widgets.VBox([self._labelled("hip_extension_available"), self._labelled("cue")],
                             layout=column),
                widgets.VBox([self._labelled("tissue"), self._labelled("mechanism"), self.tissue_note],
                             layout=column),
                widgets.VBox([self._labelled("theme"), buttons, self.export_folder], layout=column),
            ])
            body = widgets.VBox([controls, accordion, self.status, self.errors, self.readout, self.canvas])
        box = widgets.VBox([widgets.HTML(_CSS), body, self.table])
        box.add_class("hiplab")
        if self.presenter:
            box.add_class("hiplab-presenter")
        return box

    # --- reacting -----------------------------------------------------------------

    def _on_control(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        self._guarded(self._controls_changed)

    def _controls_changed(self) -> None:
        self._tissue_options()
        inputs = self._read_controls()
        if inputs["theme"] != self._theme:
            self._set_theme(inputs["theme"])
            return
        self._apply(inputs, self._build_scene(inputs))

    def _tissue_options(self) -> None:
        """Offer the tissues of the chosen mechanism (the ligament only in the geometry)."""
        options = list(tissues(self.controls["mechanism"].value))
        dropdown = self.controls["tissue"]
        if list(dropdown.options) != options:
            self._syncing = True
            try:
                value = dropdown.value if dropdown.value in options else options[0]
                dropdown.options, dropdown.value = options, value
            finally:
                self._syncing = False

    def _apply(self, inputs: dict[str, Any], scene: Scene) -> None:
        self._inputs, self._scene = inputs, scene
        self.dashboard.update(scene)
        self._refresh_text()
        self.live.show(self.dashboard.background_key(scene))

    def _set_theme(self, theme: str) -> None:
        self._theme = theme
        self._inputs["theme"] = theme
        self.figure.clear()
        self._build_views()
        self.widget.remove_class("hiplab-dark") if theme == "light" else self.widget.add_class("hiplab-dark")
        self._last_table_key = None
        self._refresh_text()
        self.canvas.draw_idle()

    def _refresh_text(self) -> None:
        state = self._scene.state
        claim = " (the blog's hypothesis, not an established finding)" if state.mechanism == "blog" else ""
        self.readout.value = f"<b>{state.describe()}</b>{claim}<br>{_angles(self._scene)}"
        if state.mechanism == "geometry" and state.deficit > 0:
            options = {k: v for k, v in self._inputs.items() if k in MODEL_PARAMETERS}
            blog_tissue = state.tissue if state.tissue in tissues("blog") else ALL_FLEXORS
            blog = compensate(state.hip_extension_available, cue=state.cue, tissue=blog_tissue, mechanism="blog",
                              **options)
            self.tissue_note.value = f"<small>{html.escape(disagreement(blog, state))}</small>"
        else:
            self.tissue_note.value = _tissue_note(state, self._inputs["moment_arm_floor"])
        key = (tuple(sorted(self._scene.highlights.items())), self._theme)
        if key != self._last_table_key:
            theme = get_theme(self._theme)
            colours = {label: theme.role_color(roles[0]) for label, roles in self._scene.highlights.items()}
            self.table.value = as_table("html", highlight=colours) + _legend(theme)
            self._last_table_key = key

    def _export_clicked(self) -> None:
        paths = self.export()
        self.status.value = "Wrote " + ", ".join(f"<code>{p}</code>" for p in paths)

    def _guarded(self, action: Callable[[], None]) -> None:
        """Run a callback; show any error in the app instead of losing it."""
        try:
            action()
        except Exception as error:  # noqa: BLE001 - shown to the user, never swallowed
            with self.errors:
                print(f"{type(error).__name__}: {error}")

    @property
    def frames_rendered(self) -> int:
        """Blitted frames so far (each restriction change after the first full draw)."""
        return self.live.frames_rendered

    # --- helpers ------------------------------------------------------------------

    def _read_controls(self) -> dict[str, Any]:
        return {name: control.value for name, control in self.controls.items()}

    @staticmethod
    def _build_scene(inputs: dict[str, Any]) -> Scene:
        """The model and its drawing for a set of control values (raises on bad ones)."""
        options = {k: v for k, v in inputs.items() if k not in ("hip_extension_available", "theme")}
        return build_scene(inputs["hip_extension_available"], **options)

    def _file_stem(self) -> str:
        s = self._scene.state
        tissue = s.tissue.lower().replace(" ", "_").replace("(", "").replace(")", "")
        return f"{s.cue}_{tissue}_{s.hip_extension_available:+.1f}deg".replace(".", "p")


def _angles(scene: Scene) -> str:
    """The angles the slide figures print, as one line of HTML for the live lab."""
    p, t = scene.sagittal, scene.transverse
    tilt = p.pelvic_tilt - scene.standing_pelvic_tilt
    lordosis = p.lumbar_lordosis - scene.standing_lumbar_lordosis
    feet = "out" if t.foot_progression >= 0 else "in"
    rotation = "external" if t.hip_rotation >= 0 else "internal"
    return (
        f"Pelvic tilt {_deg(p.pelvic_tilt)} ({_deg(tilt, signed=True)}) &middot; "
        f"lordosis {_deg(p.lumbar_lordosis)} ({_deg(lordosis, signed=True)}) &middot; "
        f"feet {feet} {_deg(abs(t.foot_progression))} &middot; "
        f"hip rotation {_deg(abs(t.hip_rotation))} {rotation}"
    )


def _deg(value: float, *, signed: bool = False) -> str:
    """Degrees to one decimal, as the readout sentence writes them (no ".0")."""
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return ("0" if text in ("+0", "-0") else text).replace("-", "\u2212") + "°"


def _slider(name: str) -> widgets.FloatSlider:
    """A slider bounded, stepped and started by the parameter table (arrow keys step it)."""
    p = PARAMETERS[name]
    return widgets.FloatSlider(
        value=p.default, min=p.min, max=p.max, step=SLIDER_STEPS[p.unit], readout_format=".1f",
        continuous_update=True, layout=widgets.Layout(width="100%"), tooltip=p.meaning,
    )


def _tissue_note(state: Compensation, floor_mm: float) -> str:
    """Where the rotation benefit k of the restricting tissue comes from, in one line."""
    k = state.rotation_benefit
    if state.mechanism == "geometry":
        return ("<small>No deficit: the tight tissue reaches at lockout. Move the slider to restrict it "
                "further.</small>")
    if state.tissue == ALL_FLEXORS:
        why = "illustrative: the blog's hypothesis, not a measured value"
        return f"<small>Rotation benefit k = {k:.2f} deg per deg, external ({why}).</small>"
    arms = tissue_moment_arms()[state.tissue]
    ratio = f"{abs(arms.rotation_mm):.1f} mm / {arms.flexion_mm:.1f} mm"
    _, direction = rotation_benefit_of(arms.flexion_mm, arms.rotation_mm, floor_mm)
    if not direction:
        text = (f"Rotation moment arm {abs(arms.rotation_mm):.1f} mm is below the {floor_mm:g} mm floor: "
                "no rotation action, so rotation cannot slacken it")
    else:
        text = f"Rotation benefit k = {ratio} = {k:.2f} deg per deg, by {DIRECTIONS[int(direction)]} rotation"
    return f"<small>{text} (hip geometry: gait2392 muscle paths at 0 deg flexion, Delp et al. 1990).</small>"


def _legend(theme: Theme) -> str:
    items = [("restricting", "restricting tissue"), ("compensating", "produce the compensation"),
             ("cue target", "target of the cue")]
    spans = " ".join(
        f'<span style="background:{theme.role_color(role)};padding:2px 8px;margin-right:8px;'
        f'border-radius:3px">{text}</span>'
        for role, text in items
    )
    return f'<div style="margin-top:6px">Highlighted: {spans}</div>'
