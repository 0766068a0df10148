"""Figures for slides: 16:9 PNG (1920 x 1080 at 100 dpi), SVG and PDF, atomic and deterministic.

Every figure is built fresh (``Figure`` + Agg canvas, no pyplot, nothing animated) by
the same view classes the lab uses, then saved: to a temporary file in the target
folder, renamed over the target only when complete (``os.replace``), so an
interrupted or failed export never leaves a partial file. SVG and PDF carry no date,
and SVG ids use a fixed salt, so the same inputs give the same bytes.

Examples
--------
>>> paths = export_figures(tmp, formats=("svg",))  # doctest: +SKIP
>>> [p.name for p in paths][:2]  # doctest: +SKIP
['table.svg', 'curves.svg']

The package's parts: :mod:`~biomech.export.options` (the options and their checks:
:class:`ExportOptions`, their one spec), :mod:`~biomech.export.folders` (where the files
go), :mod:`~biomech.export.pages` (the figures, one per kind) and :mod:`~biomech.export.files`
(the atomic writer and the standard set). Every public name is re-exported here.
"""

from __future__ import annotations

from biomech.export.files import export_figure, export_figures, save_atomically
from biomech.export.folders import project_root, resolve_folder
from biomech.export.options import (
    CUE_NAMES,
    DEFAULT_RESTRICTION,
    DPI,
    DPI_RANGE,
    FIGURE_KINDS,
    FIGURES,
    FORMATS,
    MECHANISM_CAPTIONS,
    SIDE_VIEW_LEVELS,
    SIZE_IN,
    ExportOptions,
    validate_options,
)
from biomech.export.pages import build_figure

__all__ = [
    "CUE_NAMES",
    "DEFAULT_RESTRICTION",
    "DPI",
    "DPI_RANGE",
    "FIGURES",
    "FIGURE_KINDS",
    "FORMATS",
    "MECHANISM_CAPTIONS",
    "SIDE_VIEW_LEVELS",
    "SIZE_IN",
    "ExportOptions",
    "build_figure",
    "export_figure",
    "export_figures",
    "project_root",
    "resolve_folder",
    "save_atomically",
    "validate_options",
]
