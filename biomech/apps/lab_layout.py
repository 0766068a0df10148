"""The lab's page: where the controls, the drawing and the text go, and how large the figure is.

Two arrangements: presenter (Voila, ``make present``): the controls in a column beside a
large figure; notebook: the controls in a row of three columns above the figure. In the
browser drawing the restriction slider, the readout and the table belong to the renderer;
in the matplotlib drawing the lab shows them itself.

Size (matplotlib drawing): the figure fills the room the page gives it. The page reports the
figure column's width and the height left in the window
(:func:`~biomech.apps.lab_text.size_watcher`); the lab keeps the figure's 16:9 shape and
its size in inches and changes its dpi (:func:`figure_width`), so text and lines scale with
the window.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from biomech.apps import lab_text
from biomech.apps.page_theme import page_style_widget

__all__ = ["FIGURE_INCHES", "RENDER_SCALE", "START_WIDTH", "WIDTH_RANGE", "build_layout", "figure_width"]

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


def build_layout(
    *,
    labelled: Callable[[str], widgets.Widget],
    theme_control: widgets.ValueWidget,
    drawing: list[widgets.Widget],
    browser: bool,
    presenter: bool,
    voila: bool,
    dark: bool,
    tissue_note: widgets.Widget,
    advanced: widgets.Widget,
    buttons: widgets.Widget,
    export_folder: widgets.Widget,
    status: widgets.Widget,
    errors: widgets.Widget,
    table: widgets.Widget,
) -> widgets.VBox:
    """The whole lab as one container, with the page's CSS (class ``hiplab``).

    Parameters
    ----------
    labelled
        A control, by input name, under its label.
    theme_control
        The theme's control (under Voila the whole page follows it).
    drawing
        What the figure column shows: the renderer, or the readout, canvas and room box.
    browser
        True for the browser drawing (its own slider, readout and table).
    presenter, voila, dark
        Controls beside the figure; running under Voila; the dark theme at start.
    tissue_note, advanced, buttons, export_folder, status, errors, table
        The other parts, placed as their names say (``table`` only in the matplotlib drawing).
    """
    folder = widgets.VBox([widgets.HTML("<b>Export to folder</b>"), export_folder])
    figure = widgets.VBox(drawing, layout=widgets.Layout(flex="1 1 0%", min_width="0", width="100%"))
    figure.add_class("hiplab-figure")
    # in the browser the restriction slider, the readout and the table are the renderer's
    slider = [] if browser else [labelled("hip_extension_available")]
    if presenter:  # full page: controls beside a large figure
        side = widgets.VBox(
            [
                *slider,
                labelled("cue"),
                labelled("tissue"),
                labelled("mechanism"),
                tissue_note,
                advanced,
                labelled("theme"),
                buttons,
                folder,
                status,
                errors,
            ],
            layout=widgets.Layout(width="380px", min_width="340px", flex="0 0 auto", padding="0 16px 0 0"),
        )
        side.add_class("hiplab-controls")
        body: widgets.Box = widgets.HBox([side, figure], layout=widgets.Layout(width="100%"))
    else:  # a notebook column: controls in a row above the figure
        column = widgets.Layout(width="33%", padding="0 12px 0 0")
        controls = widgets.HBox(
            [
                widgets.VBox([*slider, labelled("cue")], layout=column),
                widgets.VBox([labelled("tissue"), labelled("mechanism"), tissue_note], layout=column),
                widgets.VBox([labelled("theme"), buttons, folder], layout=column),
            ]
        )
        body = widgets.VBox([controls, advanced, status, errors, figure])
    style = widgets.HTML(
        lab_text.css(voila=voila, zoom=1 / RENDER_SCALE) + ("" if browser else lab_text.size_watcher()),
        layout=widgets.Layout(height="0px", overflow="hidden"),
    )
    parts = [style, body] if browser else [style, body, table]
    if voila:  # the whole page follows the theme (in JupyterLab it would recolour JupyterLab)
        parts.insert(0, page_style_widget(theme_control))
    box = widgets.VBox(parts, layout=widgets.Layout(width="100%"))
    box.add_class("hiplab")
    if presenter:
        box.add_class("hiplab-presenter")
    if dark:
        box.add_class("hiplab-dark")
    return box
