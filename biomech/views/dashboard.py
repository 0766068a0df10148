"""All views in one 16:9 Figure, laid out once and then frozen."""

from __future__ import annotations

from collections.abc import Hashable

from matplotlib.artist import Artist
from matplotlib.backend_bases import FigureCanvasBase
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from biomech.scene.scene import Scene
from biomech.style.palette import Theme, get_theme
from biomech.views._base import View
from biomech.views.curves import CurvesView
from biomech.views.sagittal import SagittalView
from biomech.views.table import TableView
from biomech.views.transverse import TransverseView

__all__ = ["Dashboard", "ensure_canvas"]

Rect = tuple[float, float, float, float]

# Axes rectangles (left, bottom, width, height) in figure fractions, chosen by looking
# at the 1920x1080 export: text at the slide size must not overlap or leave the figure.
LAYOUTS: dict[bool, dict[str, Rect]] = {
    True: {  # with the table: a handout-style overview
        "body": (0.005, 0.04, 0.09, 0.86),
        "hips": (0.10, 0.44, 0.28, 0.48),
        "transverse": (0.10, 0.01, 0.28, 0.41),
        "curves": (0.435, 0.42, 0.28, 0.47),
        "table": (0.735, 0.005, 0.26, 0.935),
    },
    False: {  # live lab: the table is shown as HTML beside the figure
        "body": (0.005, 0.04, 0.12, 0.86),
        "hips": (0.13, 0.04, 0.27, 0.86),
        "transverse": (0.40, 0.30, 0.27, 0.64),
        "curves": (0.69, 0.36, 0.26, 0.58),
    },
}
LIVE_LEGEND_ANCHOR = (0.36, 0.20)
"""Upper-left corner of the live layout's curve legend, in figure fractions."""
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
            "body": SagittalView(add(rects["body"]), theme=self.theme, labels=False),
            "hips": SagittalView(add(rects["hips"]), theme=self.theme, region="hips"),
            "transverse": TransverseView(add(rects["transverse"]), theme=self.theme),
            "curves": CurvesView(add(rects["curves"]), theme=self.theme,
                                 legend="below" if table else "none"),
        }
        if not table:  # the live lab: the legend spans the free band under both right panels
            self.views["curves"].ax.legend(loc="upper left", bbox_to_anchor=LIVE_LEGEND_ANCHOR,
                                           bbox_transform=self.figure.transFigure, ncols=2)
        if table:
            self.views["table"] = TableView(add(rects["table"]), theme=self.theme,
                                            fontsize=TABLE_FONT_PT, blocks=1)
        self.title = self.figure.suptitle(title or "", y=0.985, va="top")
        self.numbers = numbers
        for view in self.views.values():
            for text in view.number_labels:
                text.set_visible(numbers)

    @property
    def animated_artists(self) -> tuple[Artist, ...]:
        """Artists that change with the restriction, in every view."""
        return tuple(a for view in self.views.values() for a in view.animated_artists
                     if self.numbers or a not in view.number_labels)

    def background_key(self, scene: Scene) -> Hashable:
        """Everything the static artists depend on: redraw fully when it changes."""
        return tuple(view.background_key(scene) for view in self.views.values())

    def update(self, scene: Scene) -> None:
        """Update every view from ``scene`` (no drawing)."""
        for view in self.views.values():
            view.update(scene)
