"""Matplotlib views of a :class:`~biomech.scene.scene.Scene`: draw once, update in place.

Each view takes an Axes, creates its artists once, and :meth:`update` changes only
their data (never clearing, never drawing); ``animated_artists`` lists what changes
with the restriction, for blitting. Views never call pyplot or import ipywidgets.
"""

from biomech.views.curves import CurvesView
from biomech.views.dashboard import Dashboard, ensure_canvas
from biomech.views.lift_curves import LiftCurvesView
from biomech.views.lift_figure import LiftFigure
from biomech.views.sagittal import SagittalView
from biomech.views.table import TableView
from biomech.views.transverse import TransverseView

__all__ = [
    "CurvesView",
    "Dashboard",
    "LiftCurvesView",
    "LiftFigure",
    "SagittalView",
    "TableView",
    "TransverseView",
    "ensure_canvas",
]
