"""All views in one 16:9 Figure, laid out once and then frozen."""

from __future__ import annotations

from collections.abc import Hashable
from typing import TypeVar

from matplotlib.artist import Artist
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MultipleLocator

from biomech.scene.scene import Scene
from biomech.style.palette import Theme, get_theme
from biomech.views._base import View
from biomech.views.curves import CurvesView
from biomech.views.sagittal import SagittalView
from biomech.views.table import TableView
from biomech.views.transverse import TransverseView

__all__ = ["Dashboard", "ensure_canvas"]

Rect = tuple[float, float, float, float]
_V = TypeVar("_V", bound=View)

# Axes rectangles (left, bottom, width, height) in figure fractions, chosen by looking
# at the 1920x1080 export: text at the slide size must not overlap or leave the figure.
LAYOUTS: dict[bool, dict[str, Rect]] = {
    True: {  # with the table: a handout-style overview
        "body": (0.005, 0.04, 0.09, 0.86),
        "hips": (0.095, 0.44, 0.26, 0.48),
        "transverse": (0.10, 0.01, 0.28, 0.41),
        "curves": (0.435, 0.42, 0.28, 0.45),
        "table": (0.735, 0.005, 0.26, 0.935),
    },
    False: {  # live lab (16:9): panels in a row, each with its title and its key below
        "body": (0.0, 0.03, 0.105, 0.89),
        "hips": (0.10, 0.33, 0.345, 0.59),
        "transverse": (0.45, 0.37, 0.26, 0.40),
        "curves": (0.78, 0.47, 0.21, 0.41),
    },
}
LIVE_TITLES = {"hips": "Side view", "transverse": "From above", "curves": "Compensation"}
"""Panel titles of the live layout."""
LIVE_KEYS = {"hips": (0.115, 0.31, 1), "transverse": (0.475, 0.30, 1), "curves": (0.695, 0.30, 1)}
"""Where each panel's key starts (upper-left corner, figure fractions) and its columns."""
KEY_FONT_PT = 15.0
"""Font size of the live keys: smaller than the 18 pt of the slides, still >= 18 px on a
1920 x 1080 screen (the live figure is 16 in wide at about 90 dpi there)."""
TABLE_FONT_PT = 10.0
"""The dashboard's table is an overview: smaller than the 18 pt of the table slide."""


def ensure_canvas(fig: Figure) -> Figure:
    """Attach an Agg canvas to a Figure made without pyplot (it cannot draw otherwise)."""
    if type(fig.canvas) is FigureCanvasBase:
        FigureCanvasAgg(fig)
    return fig


class Dashboard:
    """Side view (whole body and close-up), top-down view, curves and table in one Figure.

    Parameters
    ----------
    fig
        Figure to fill; made (19.2 x 10.8 in, 100 dpi: 1920 x 1080 px) when omitted.
        Any Figure works: pyplot's, ipympl's or a bare ``Figure()``.
    theme
        Colours (``"light"``, ``"dark"`` or a Theme). Build the figure inside
        :func:`biomech.style.use_theme` for the slide fonts.
    table
        Include the muscle-action table (the export's dashboard does; the live lab
        shows the table as HTML instead and leaves it out).
    title
        Figure title, or None for none.
    numbers
        Print the angles in the figure (pelvic tilt, lordosis, feet, hip rotation).
        The live lab turns them off and shows the numbers beside the figure as HTML:
        text is the costly part of a blitted frame.

    Attributes
    ----------
    views
        The views by name: ``"body"``, ``"hips"``, ``"transverse"``, ``"curves"``
        and, with ``table=True``, ``"table"``.
    animated_artists
        Every view's animated artists.

    Notes
    -----
    The layout is fixed rectangles, so no layout engine runs on later draws
    (``docs/architecture.md``, Speed); :meth:`update` only changes artists' data.
    """

    def __init__(
        self,
        fig: Figure | None = None,
        *,
        theme: str | Theme = "light",
        table: bool = True,
        title: str | None = None,
        numbers: bool = True,
    ) -> None:
        self.theme = get_theme(theme)
        self.figure = ensure_canvas(fig if fig is not None else Figure(figsize=(19.2, 10.8), dpi=100))
        self.figure.set_layout_engine("none")
        self.figure.set_facecolor(self.theme.background)
        rects = LAYOUTS[bool(table)]
        add = self.figure.add_axes
        self.views: dict[str, View] = {
            "body": SagittalView(
                add(rects["body"]), theme=self.theme, labels=False, region="body" if table else "lifter"
            ),
            "hips": SagittalView(add(rects["hips"]), theme=self.theme, region="hips"),
            "transverse": TransverseView(add(rects["transverse"]), theme=self.theme, labels_above=not table),
            "curves": CurvesView(add(rects["curves"]), theme=self.theme, legend="below" if table else "none"),
        }
        self.views["curves"].ax.set_xlabel("hip extension available (°)\n\u2190 looser  \u00b7  tighter \u2192")
        if table:
            self.views["table"] = TableView(add(rects["table"]), theme=self.theme, fontsize=TABLE_FONT_PT, blocks=1)
        self.title = self.figure.suptitle(title or "", y=0.985, va="top")
        self.numbers = numbers
        for view in self.views.values():
            for text in view.number_labels:
                text.set_visible(numbers)
        if not table:
            self._titles_and_keys()

    def _titles_and_keys(self) -> None:
        """The live layout's panel titles and a key under each panel (static: drawn once).

        Text is the costly part of a blitted frame: the live figure moves only the three
        numbers a lecturer points at (pelvic tilt, lordosis, foot angle); the names of
        the ASIS and PSIS are in the key, and the hip rotation is in the readout.
        """
        fig = self.figure
        hips, top = self._view("hips", SagittalView), self._view("transverse", TransverseView)
        for text in (hips.asis_label, hips.psis_label, top.hip_label):
            text.set_visible(False)
        for name, title in LIVE_TITLES.items():
            ax = self.views[name].ax
            box = ax.get_position()
            x = 0.01 if name == "hips" else box.x0 + box.width / 2
            fig.text(
                x,
                0.985,
                title,
                ha="left" if name == "hips" else "center",
                va="top",
                fontsize="x-large",
                fontweight="bold",
                color=self.theme.foreground,
            )
        curves = self.views["curves"].ax
        curves.xaxis.set_major_locator(MultipleLocator(20))  # a narrow panel: four ticks
        entries = {"hips": hips.legend_entries(), "transverse": top.legend_entries()}
        entries["hips"] = [
            (h, "ASIS (front), PSIS (back)" if label == "ASIS, PSIS" else label) for h, label in entries["hips"]
        ]
        entries["curves"] = list(zip(*curves.get_legend_handles_labels(), strict=False))
        for label in self._view("curves", CurvesView).band_labels.values():
            label.set_fontsize(KEY_FONT_PT)
        for name, (x, y, ncols) in LIVE_KEYS.items():
            handles, labels = zip(*entries[name], strict=False)
            fig.legend(
                handles,
                labels,
                loc="upper left",
                bbox_to_anchor=(x, y),
                ncols=ncols,
                fontsize=KEY_FONT_PT,
                handlelength=1.8,
                columnspacing=1.0,
                labelspacing=0.35,
                borderaxespad=0.0,
                frameon=False,
            )

    def _view(self, name: str, kind: type[_V]) -> _V:
        """The view ``name``, known to be a ``kind`` (narrowed for the type checker)."""
        view = self.views[name]
        if not isinstance(view, kind):
            raise TypeError(f"view {name!r} is a {type(view).__name__}, not a {kind.__name__}.")
        return view

    @property
    def animated_artists(self) -> tuple[Artist, ...]:
        """Artists that change with the restriction, in every view."""
        return tuple(
            a
            for view in self.views.values()
            for a in view.animated_artists
            if self.numbers or a not in view.number_labels
        )

    def background_key(self, scene: Scene) -> Hashable:
        """Everything the static artists depend on: redraw fully when it changes."""
        return tuple(view.background_key(scene) for view in self.views.values())

    def update(self, scene: Scene) -> None:
        """Update every view from ``scene`` (no drawing)."""
        for view in self.views.values():
            view.update(scene)
