"""The interactive Hip Compensation Lab: controls -> model -> views (ipywidgets, anywidget or ipympl).

Drawing: by default the lab is drawn in the browser (:class:`biomech.apps.lab_widget.LabDrawing`,
the renderer of :mod:`biomech.web`): when the cue, tissue, mechanism or an Advanced value
changes, the kernel sends the scenes of the whole range of available extension at once,
and the restriction slider, which belongs to the renderer, repaints from them in the
browser with no kernel round trip. ``drawing="matplotlib"`` keeps the earlier ipympl
figure described below (``benchmarks/browser_latency.py`` compares the two).

This module only wires things together. The numbers come from
:func:`biomech.scene.scene.build_scene` (which calls the model), the pictures from
:class:`biomech.views.Dashboard`, the table from :func:`biomech.anatomy.textbook_render.textbook_html`, and
the slide files from :mod:`biomech.export`.

Speed (``docs/architecture.md``): the figure is built once. Moving the restriction slider
only sets the data of the artists that move (the view classes' ``update``) and blits
them over a cached background (:class:`biomech.apps.live_figure.LiveFigure`). Changing the
cue, tissue or an assumption changes the static parts too (curves, shading: the
views' ``background_key``), so it asks for one full redraw. The model state follows
every widget event at once; frames are coalesced, so the last value wins. Few numbers
move in the figure (tilt, lordosis, foot angle): text is the costly part of a frame; the
words (readout, notes, table) are HTML beside it (:mod:`biomech.apps.lab_text`).

Size: the figure fills the room the page gives it (:func:`~biomech.apps.lab_layout.figure_width`);
one full redraw re-grabs the blitting background.

Parts: this module holds the lab's state and its reactions. The controls and the Advanced
panel are in :mod:`biomech.apps.lab_controls`, the page's arrangement and the figure's size in
:mod:`biomech.apps.lab_layout`, the Reset and Export buttons and the exported files in
:mod:`biomech.apps.lab_actions`, the text and CSS in :mod:`biomech.apps.lab_text`; a callback's
error is shown by :func:`biomech.apps.guard.guarded`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import ipywidgets as widgets
from IPython.display import display

from biomech import export
from biomech.apps import lab_text
from biomech.apps.guard import guarded
from biomech.apps.lab_actions import action_buttons, export_folder_box, export_scene
from biomech.apps.lab_controls import THEMES, advanced_panel, build_controls, labelled
from biomech.apps.lab_layout import FIGURE_INCHES, RENDER_SCALE, START_WIDTH, build_layout, figure_width
from biomech.apps.lab_widget import LabDrawing, scene_setting, setting_key, setting_payload
from biomech.apps.live_figure import LiveFigure
from biomech.model.lockout import Compensation, tissue_choices
from biomech.scene.scene import Scene, build_scene
from biomech.style import get_theme, use_theme
from biomech.views import Dashboard

__all__ = ["DRAWINGS", "FIGURE_INCHES", "RENDER_SCALE", "HipLab", "figure_width"]

DRAWINGS = ("browser", "matplotlib")
"""How the lab draws: in the browser from precomputed scenes, or with matplotlib in the kernel (ipympl)."""
DRAWING_VARIABLE = "BIOMECH_LAB_DRAWING"
"""Environment variable naming the default drawing (one of :data:`DRAWINGS`), e.g. for a
Voila server started to compare the two; unset: ``"browser"``."""


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
        self.controls, self.labels = build_controls(self._theme)
        self._inputs = self._read_controls()
        self._start = {k: v for k, v in self._inputs.items() if k != "theme"}
        self._scene = self._build_scene(self._inputs)
        self._syncing = False
        self.view: LabDrawing | None = None
        self._sent: object = None
        if self.drawing == "browser":
            self._sent = setting_key(scene_setting(self._inputs))
            self.view = LabDrawing(
                payload=setting_payload(**scene_setting(self._inputs)),
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
        self.room.observe(lambda change: guarded(self.errors, lambda: self.fit(change["new"])), names="value")

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
                self.controls["tissue"].options = list(tissue_choices(values["mechanism"]))
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
        target = self.export_folder.value if folder is None else folder
        return export_scene(self._scene, target, formats=formats, theme=self._theme)

    def _ipython_display_(self) -> None:
        display(self.widget)

    # --- building -----------------------------------------------------------------

    def _labelled(self, name: str) -> widgets.Widget:
        return labelled(self.labels[name], self.controls[name])

    def _build_views(self) -> None:
        assert self.figure is not None, "the matplotlib drawing only"
        with use_theme(self._theme):
            self.figure.set_facecolor(get_theme(self._theme).background)
            self.dashboard = Dashboard(self.figure, theme=self._theme, table=False)
            self.dashboard.update(self._scene)
        self.live.set_moving(self.dashboard.animated_artists)

    def _build_layout(self) -> widgets.Widget:
        self.export_folder = export_folder_box(self._export_dir)
        browser = self.view is not None
        return build_layout(
            labelled=self._labelled,
            theme_control=self.controls["theme"],
            drawing=[self.view] if self.view is not None else [self.readout, self.canvas, self.room],
            browser=browser,
            presenter=self.presenter,
            voila=self.voila,
            dark=self._theme == "dark",
            tissue_note=self.tissue_note,
            advanced=advanced_panel(self.controls, self.labels),
            buttons=action_buttons(
                lambda: guarded(self.errors, self.reset), lambda: guarded(self.errors, self._export_clicked)
            ),
            export_folder=self.export_folder,
            status=self.status,
            errors=self.errors,
            table=self.table,
        )

    # --- reacting -----------------------------------------------------------------

    def _on_control(self, change: dict[str, Any]) -> None:
        if self._syncing:
            return
        guarded(self.errors, self._controls_changed)

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
        key = setting_key(scene_setting(inputs))
        if key != self._sent:
            self.view.payload = setting_payload(**scene_setting(inputs))
            self._sent = key

    def _tissue_options(self) -> None:
        """Offer the tissues of the chosen mechanism (the ligament only in the geometry)."""
        options = list(tissue_choices(self.controls["mechanism"].value))
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

    def _set_theme(self, theme: str) -> None:
        self._theme = theme
        self._inputs["theme"] = theme
        self.widget.remove_class("hiplab-dark") if theme == "light" else self.widget.add_class("hiplab-dark")
        if self.view is not None:
            self.view.theme = theme
            self._refresh_text()
            return
        assert self.figure is not None
        self.figure.clear()
        self._build_views()
        self._last_table_key = None
        self._refresh_text()
        self.live.redraw()

    def _refresh_text(self) -> None:
        self.readout.value = lab_text.readout_html(self._scene)
        self.tissue_note.value = lab_text.state_note(self._scene)
        key = (tuple(sorted(self._scene.highlights.items())), self._theme)
        if key != self._last_table_key and self.view is None:  # the renderer draws its own table
            self.table.value = lab_text.table_html(self._scene.highlights, get_theme(self._theme))
            self._last_table_key = key

    def _export_clicked(self) -> None:
        self.status.value = "Writing the figure\u2026"
        self.status.value = lab_text.export_message(self.export())

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
        return build_scene(inputs["hip_extension_available"], **scene_setting(inputs))
