"""The interactive Hip Compensation Lab: controls -> model -> views (ipywidgets, anywidget or ipympl).

Drawing: by default the lab is drawn in the browser (:class:`biomech.apps.lab_widget.LabDrawing`,
the renderer of :mod:`biomech.web`): when the cue, tissue, mechanism or an Advanced value
changes, the kernel sends the scenes of the whole range of available extension at once,
and the restriction slider, which belongs to the renderer, repaints from them in the
browser with no kernel round trip. ``drawing="matplotlib"`` keeps the earlier ipympl
figure described below (``benchmarks/browser_latency.py`` compares the two).

This module only wires things together. The numbers come from
:func:`biomech.scene.scene.build_scene` (which calls the model), the pictures from
:class:`biomech.views.Dashboard`, the table from :func:`biomech.anatomy.textbook.as_table`, and
the slide files from :mod:`biomech.export`.

Speed (``docs/architecture.md``): the figure is built once. Moving the restriction slider
only sets the data of the artists that move (the view classes' ``update``) and blits
them over a cached background (:class:`biomech.apps.live_figure.LiveFigure`). Changing the
cue, tissue or an assumption changes the static parts too (curves, shading: the
views' ``background_key``), so it asks for one full redraw. The model state follows
every widget event at once; frames are coalesced, so the last value wins. Few numbers
move in the figure (tilt, lordosis, foot angle): text is the costly part of a frame; the
words (readout, notes, table) are HTML beside it (:mod:`biomech.apps.lab_text`).

Size: the figure fills the room the page gives it. The page reports the figure
column's width and the height left in the window (:func:`~biomech.apps.lab_text.size_watcher`);
the lab keeps the figure's 16:9 shape and its size in inches and changes its dpi, so
text and lines scale with the window; one full redraw re-grabs the blitting background.

Length: It is the one widget class of the lab: controls, layout, reactions and export share its
state. Its text and CSS are in :mod:`biomech.apps.lab_text`; moving the layout out is the next split.
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
from biomech.anatomy.tissues import ALL_FLEXORS
from biomech.apps import lab_text
from biomech.apps.lab_widget import LabDrawing, setting_payload
from biomech.apps.live_figure import LiveFigure
from biomech.apps.page_theme import page_style_widget
from biomech.model.compare import disagreement
from biomech.model.lockout import MODEL_PARAMETERS, Compensation, compensate, tissues
from biomech.parameters import PARAMETERS, Parameter
from biomech.scene.scene import POSTURE_PARAMETERS, Scene, build_scene
from biomech.style import get_theme, use_theme
from biomech.views import Dashboard

__all__ = ["DRAWINGS", "FIGURE_INCHES", "HipLab", "figure_width"]

DRAWINGS = ("browser", "matplotlib")
"""How the lab draws: in the browser from precomputed scenes, or with matplotlib in the kernel (ipympl)."""
DRAWING_VARIABLE = "BIOMECH_LAB_DRAWING"
"""Environment variable naming the default drawing (one of :data:`DRAWINGS`), e.g. for a
Voila server started to compare the two; unset: ``"browser"``."""

FIGURE_INCHES = (16.0, 9.0)
"""The live figure's size in inches (16:9). Its dpi follows the page: at 1920 x 1080 the
figure is about 1450 px wide (90 dpi), and its smallest text (16 pt) about 20 px high."""
RENDER_SCALE = 0.75
"""The canvas is drawn at this fraction of its width on screen and zoomed by the page
(:func:`biomech.apps.lab_text.css`): a frame has 0.56 times the pixels to draw, encode,
send and decode, which keeps a key press within 80 ms of new pixels at 1920 x 1080
(``benchmarks/browser_latency.py``); text stays as large, a little softer."""
START_WIDTH = {True: 1200, False: 960}
"""Figure width (CSS px) before the page has reported its room: presenter, notebook."""
WIDTH_RANGE = (480, 2400)
"""Narrowest and widest figure (CSS px) the lab draws, whatever the room."""
CUE_LABELS = {"Stand tall": "stand_tall", "Squeeze glutes": "squeeze_glutes"}
MECHANISM_LABELS = {"Blog's hypothesis": "blog", "Muscle geometry": "geometry"}
THEMES = ("light", "dark")
SLIDER_STEPS = {"deg": (0.5, 0.1), "mm": (0.5, 0.1), "deg/deg": (0.01,), "body mass": (0.1, 0.05)}
"""Slider steps by unit, coarsest first: a slider takes the coarsest step that has its
default and its bounds on the grid, so the page never rounds a starting value."""
UNIT_SUFFIX = {"deg": "(deg)", "mm": "(mm)", "deg/deg": "(deg per deg)", "body mass": "(body mass)"}
ADVANCED = MODEL_PARAMETERS + POSTURE_PARAMETERS


def figure_width(room: str, *, aspect: float = FIGURE_INCHES[0] / FIGURE_INCHES[1]) -> int:
    """The figure width (CSS px) that fits a room reported by the page as ``"WIDTHxHEIGHT"``.

    The figure keeps its shape: as wide as the column, unless the height left in the
    window is the tighter limit; clipped to :data:`WIDTH_RANGE`.

    Raises
    ------
    ValueError
        If ``room`` is not two whole numbers joined by "x".

    Examples
    --------
    >>> figure_width("1450x1000"), figure_width("1450x600"), figure_width("300x300")
    (1450, 1066, 480)
    """
    try:
        width, height = (int(part) for part in room.lower().split("x"))
    except ValueError:
        raise ValueError(f"'room' must be 'WIDTHxHEIGHT' in CSS pixels, e.g. '1450x820'; got {room!r}.") from None
    low, high = WIDTH_RANGE
    return int(max(low, min(high, width, height * aspect)))


class HipLab:
    """The interactive lab: restrict hip extension and watch the compensation grow.

    Parameters
    ----------
    theme
        ``"light"`` or ``"dark"`` (dark for projectors); a control switches it later.
    presenter
        Projector-size fonts, controls beside the figure. By default on when the lab
        runs under Voila (``make present``), off in JupyterLab.
    export_dir
        Folder the Export button writes to (created if needed). A relative folder
        follows :func:`biomech.export.resolve_folder`: from the repository's root when
        the lab runs inside the checkout (``notebooks/``), so ``"figures"`` is the
        folder ``make figures`` writes; otherwise from the current directory.
    drawing
        ``"browser"`` (the renderer of :mod:`biomech.web`, an anywidget; its slider
        moves the restriction with no kernel round trip) or ``"matplotlib"`` (the
        ipympl figure, redrawn by the kernel). By default the environment variable
        :data:`DRAWING_VARIABLE`, else ``"browser"``.

    Attributes
    ----------
    controls
        The input widgets by model name (``hip_extension_available``, ``cue``,
        ``tissue`` and every assumption under "advanced").
    widget
        The whole app as one ipywidgets container (displaying the lab shows it).
    figure
        The live matplotlib Figure (ipympl canvas); None when drawn in the browser.
    drawing
        ``"browser"`` or ``"matplotlib"``; in the browser, :attr:`view` is the
        :class:`~biomech.apps.lab_widget.LabDrawing` (also the
        ``hip_extension_available`` control: its ``value``).
    voila
        True when running under Voila: no Jupyter instructions are shown.

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
        drawing: str | None = None,
    ) -> None:
        self.drawing = drawing or os.environ.get(DRAWING_VARIABLE) or "browser"
        if self.drawing not in DRAWINGS:
            raise ValueError(f"'drawing' must be one of {set(DRAWINGS)}; got {self.drawing!r}.")
        self._theme = get_theme(theme).name
        self._export_dir = Path(export_dir)
        self.voila = lab_text.running_under_voila()
        self.presenter = self.voila if presenter is None else presenter
        self.controls = self._build_controls()
        self._inputs = self._read_controls()
        self._start = {k: v for k, v in self._inputs.items() if k != "theme"}
        self._scene = self._build_scene(self._inputs)
        self._syncing = False
        self.view: LabDrawing | None = None
        self._sent: object = None
        if self.drawing == "browser":
            self._sent = self._setting_key(self._inputs)
            self.view = LabDrawing(
                payload=setting_payload(**self._setting(self._inputs)),
                value=self._inputs["hip_extension_available"],
                theme=self._theme,
            )
            self.controls["hip_extension_available"] = self.view
            self.figure, self.canvas = None, None
        else:
            width = START_WIDTH[self.presenter] * RENDER_SCALE
            self.live = LiveFigure(
                FIGURE_INCHES, width / FIGURE_INCHES[0], lambda: self.dashboard.background_key(self._scene)
            )
            self.figure, self.canvas = self.live.figure, self.live.canvas
            self._build_views()

        self.readout = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.readout.add_class("hiplab-readout")
        self.table = widgets.HTML()
        self.errors = widgets.Output()
        self.status = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.status.add_class("hiplab-status")
        self.tissue_note = widgets.HTML()
        self.room = widgets.Text(layout=widgets.Layout(display="none"))
        self.room.add_class(lab_text.SIZE_CLASS)
        self.widget = self._build_layout()
        self._last_table_key: object = None
        self._refresh_text()
        for control in self.controls.values():
            control.observe(self._on_control, names="value")
        self.room.observe(lambda change: self._guarded(lambda: self.fit(change["new"])), names="value")

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
                raise ValueError(f"'{name}' is not a control of the lab; use one of {sorted(self.controls)}.")
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
        """Restore every control to its starting value (the parameter table's defaults).

        The theme stays: a lecturer who switched to the dark theme for the projector
        keeps it.
        """
        self.set(**self._start)

    def fit(self, room: str) -> None:
        """Size the figure for the room the page reports, ``"WIDTHxHEIGHT"`` in CSS px.

        The page calls this (through a hidden text box) whenever the window or the
        figure's column changes size; :func:`figure_width` picks the width. The canvas
        is drawn at :data:`RENDER_SCALE` of that width and shown at the full width
        (the page zooms it), so text keeps its size on screen. In the browser the
        renderer sizes itself: nothing to do.
        """
        if self.drawing == "browser":
            return
        self.live.resize(figure_width(room) * RENDER_SCALE)

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
            A relative folder follows :func:`biomech.export.resolve_folder`.
        formats
            Any of ``"png"``, ``"svg"``, ``"pdf"``.

        Returns
        -------
        list of pathlib.Path
            The files written, as absolute paths (atomically: a failed export leaves
            no partial file).
        """
        target = export.resolve_folder(self.export_folder.value if folder is None else folder)
        target.mkdir(parents=True, exist_ok=True)
        stem = f"lab_{self._file_stem()}"
        return [
            export.export_figure(self._scene, target / f"{stem}.{fmt}", kind="dashboard", theme=self._theme)
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
                options=list(CUE_LABELS.items()),
                value="squeeze_glutes",
                layout=wide,
                tooltips=["Stand tall, ribs down", "Squeeze your bum at the top"],
                style={"button_width": "auto"},
            ),
            "tissue": widgets.Dropdown(options=list(tissues("blog")), value=tissues()[0], layout=wide),
            "mechanism": widgets.ToggleButtons(
                options=list(MECHANISM_LABELS.items()),
                value="blog",
                layout=wide,
                tooltips=[
                    "The blog's story: turning out buys extension (illustrative rate)",
                    "The 3-D muscle geometry (gait2392, with the knee) decides",
                ],
                style={"button_width": "auto"},
            ),
            "theme": widgets.ToggleButtons(
                options=[("Light", "light"), ("Dark (projector)", "dark")],
                value=self._theme,
                layout=wide,
                style={"button_width": "auto"},
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
        assert self.figure is not None, "the matplotlib drawing only"
        with use_theme(self._theme):
            self.figure.set_facecolor(get_theme(self._theme).background)
            self.dashboard = Dashboard(self.figure, theme=self._theme, table=False)
            self.dashboard.update(self._scene)
        self.live.set_moving(self.dashboard.animated_artists)

    def _build_layout(self) -> widgets.Widget:
        reset = widgets.Button(description="Reset", icon="undo", tooltip="Restore the starting settings")
        reset.on_click(lambda _: self._guarded(self.reset))
        self.export_folder = widgets.Text(
            value=str(self._export_dir),
            layout=widgets.Layout(width="100%"),
            tooltip="A relative folder is taken from the repository's root",
        )
        self.export_folder.add_class("hiplab-export-folder")
        export_button = widgets.Button(
            description="Export figure", icon="download", tooltip="Write the current figure as PNG, SVG and PDF"
        )
        export_button.on_click(lambda _: self._guarded(self._export_clicked))
        advanced = widgets.VBox([self._labelled(name) for name in ADVANCED])
        accordion = widgets.Accordion(children=[advanced], titles=("Advanced: the model's assumptions",))
        accordion.selected_index = None
        buttons = widgets.HBox([reset, export_button], layout=widgets.Layout(flex_flow="row wrap"))
        folder = widgets.VBox([widgets.HTML("<b>Export to folder</b>"), self.export_folder])
        browser = self.view is not None
        shown = [self.view] if browser else [self.readout, self.canvas, self.room]
        figure = widgets.VBox(shown, layout=widgets.Layout(flex="1 1 0%", min_width="0", width="100%"))
        figure.add_class("hiplab-figure")
        # in the browser the restriction slider, the readout and the table are the renderer's
        slider = [] if browser else [self._labelled("hip_extension_available")]
        if self.presenter:  # full page: controls beside a large figure
            side = widgets.VBox(
                [
                    *slider,
                    self._labelled("cue"),
                    self._labelled("tissue"),
                    self._labelled("mechanism"),
                    self.tissue_note,
                    accordion,
                    self._labelled("theme"),
                    buttons,
                    folder,
                    self.status,
                    self.errors,
                ],
                layout=widgets.Layout(width="380px", min_width="340px", flex="0 0 auto", padding="0 16px 0 0"),
            )
            side.add_class("hiplab-controls")
            body = widgets.HBox([side, figure], layout=widgets.Layout(width="100%"))
        else:  # a notebook column: controls in a row above the figure
            column = widgets.Layout(width="33%", padding="0 12px 0 0")
            controls = widgets.HBox(
                [
                    widgets.VBox([*slider, self._labelled("cue")], layout=column),
                    widgets.VBox(
                        [self._labelled("tissue"), self._labelled("mechanism"), self.tissue_note], layout=column
                    ),
                    widgets.VBox([self._labelled("theme"), buttons, folder], layout=column),
                ]
            )
            body = widgets.VBox([controls, accordion, self.status, self.errors, figure])
        style = widgets.HTML(
            lab_text.css(voila=self.voila, zoom=1 / RENDER_SCALE) + ("" if browser else lab_text.size_watcher()),
            layout=widgets.Layout(height="0px", overflow="hidden"),
        )
        parts = [style, body] if browser else [style, body, self.table]
        if self.voila:  # the whole page follows the theme (in JupyterLab it would recolour JupyterLab)
            parts.insert(0, page_style_widget(self.controls["theme"]))
        box = widgets.VBox(parts, layout=widgets.Layout(width="100%"))
        box.add_class("hiplab")
        if self.presenter:
            box.add_class("hiplab-presenter")
        if self._theme == "dark":
            box.add_class("hiplab-dark")
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
        if self.view is not None:  # the drawing first (its scenes may be ready), then the kernel's own scene
            self._send_scenes(inputs)
        self._apply(inputs, self._build_scene(inputs))

    def _send_scenes(self, inputs: dict[str, Any]) -> None:
        """A new setting: its 141 scenes to the browser's drawing, in one message."""
        assert self.view is not None, "the browser drawing only"
        key = self._setting_key(inputs)
        if key != self._sent:
            self.view.payload = setting_payload(**self._setting(inputs))
            self._sent = key

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
        if self.view is not None:
            self._send_scenes(inputs)
            self.view.value = float(inputs["hip_extension_available"])
            self._refresh_text()
            return
        self.dashboard.update(scene)
        self._refresh_text()
        self.live.show(self.dashboard.background_key(scene))

    @staticmethod
    def _setting(inputs: dict[str, Any]) -> dict[str, Any]:
        """The controls that choose the scenes (all but the restriction and the theme)."""
        return {k: v for k, v in inputs.items() if k not in ("hip_extension_available", "theme")}

    def _setting_key(self, inputs: dict[str, Any]) -> object:
        """The setting, floats to 9 decimals: a slider's page sends 29.599999999999994 for 29.6."""
        return tuple(sorted((k, round(v, 9) if isinstance(v, float) else v) for k, v in self._setting(inputs).items()))

    def _set_theme(self, theme: str) -> None:
        self._theme = theme
        self._inputs["theme"] = theme
        if self.view is not None:
            self.view.theme = theme
            self.widget.remove_class("hiplab-dark") if theme == "light" else self.widget.add_class("hiplab-dark")
            self._refresh_text()
            return
        assert self.figure is not None
        self.figure.clear()
        self._build_views()
        self.widget.remove_class("hiplab-dark") if theme == "light" else self.widget.add_class("hiplab-dark")
        self._last_table_key = None
        self._refresh_text()
        self.live.redraw()

    def _refresh_text(self) -> None:
        state = self._scene.state
        self.readout.value = lab_text.readout_html(self._scene)
        if state.mechanism == "geometry" and state.deficit > 0:
            options = {k: v for k, v in self._inputs.items() if k in MODEL_PARAMETERS}
            blog_tissue = state.tissue if state.tissue in tissues("blog") else ALL_FLEXORS
            blog = compensate(
                state.hip_extension_available, cue=state.cue, tissue=blog_tissue, mechanism="blog", **options
            )
            self.tissue_note.value = f"<small>{html.escape(disagreement(blog, state))}</small>"
        else:
            self.tissue_note.value = lab_text.tissue_note(state, self._inputs["moment_arm_floor"])
        key = (tuple(sorted(self._scene.highlights.items())), self._theme)
        if key != self._last_table_key and self.view is None:  # the renderer draws its own table
            self.table.value = lab_text.table_html(self._scene.highlights, get_theme(self._theme))
            self._last_table_key = key

    def _export_clicked(self) -> None:
        self.status.value = "Writing the figure\u2026"
        self.status.value = lab_text.export_message(self.export())

    def _guarded(self, action: Callable[[], None]) -> None:
        """Run a callback; show any error in the app instead of losing it."""
        try:
            action()
        except Exception as error:  # noqa: BLE001 - shown to the user, never swallowed
            with self.errors:
                print(f"{type(error).__name__}: {error}")

    @property
    def frames_rendered(self) -> int:
        """Blitted frames so far (each restriction change after the first full draw); 0 in the browser."""
        return 0 if self.view is not None else self.live.frames_rendered

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


def slider_step(p: Parameter) -> float:
    """The coarsest step of the parameter's unit that has its default and bounds on the grid.

    Examples
    --------
    >>> slider_step(PARAMETERS["hip_extension_available"]), slider_step(PARAMETERS["standing_lumbar_lordosis"])
    (0.5, 0.1)
    """
    steps = SLIDER_STEPS[p.unit]
    for step in steps:
        if all(abs(v / step - round(v / step)) < 1e-9 for v in (p.default - p.min, p.max - p.min)):
            return step
    return steps[-1]


def _slider(name: str) -> widgets.FloatSlider:
    """A slider bounded, stepped and started by the parameter table (arrow keys step it)."""
    p = PARAMETERS[name]
    step = slider_step(p)
    return widgets.FloatSlider(
        value=p.default,
        min=p.min,
        max=p.max,
        step=step,
        readout_format=".2f" if step < 0.1 else ".1f",
        continuous_update=True,
        layout=widgets.Layout(width="100%"),
        tooltip=p.meaning,
    )
