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
(the atomic writer and the standard set). Every name of their ``__all__`` is re-exported
here, and this package's ``__all__`` is theirs joined.
"""

from __future__ import annotations

from biomech.export import files, folders, options, pages
from biomech.export.files import *  # noqa: F403 - the names of its __all__, re-exported
from biomech.export.folders import *  # noqa: F403
from biomech.export.options import *  # noqa: F403
from biomech.export.pages import *  # noqa: F403

__all__ = [*options.__all__, *folders.__all__, *pages.__all__, *files.__all__]
