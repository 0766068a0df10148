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
(the atomic writer and the standard set). Every name of their ``__all__`` is public
here too (``_EXPORTS``, read from them: the modules load with the package, each name is
looked up on first use, PEP 562).
"""

from __future__ import annotations

from typing import Any

from biomech._lazy import resolve
from biomech.export import files, folders, options, pages

_EXPORTS: dict[str, str] = {
    name: module.__name__ for module in (options, folders, pages, files) for name in module.__all__
}
"""Public name -> its module: every name of the modules' ``__all__`` (none copied by hand)."""

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use (PEP 562)."""
    return resolve(__name__, name, globals(), _EXPORTS)


def __dir__() -> list[str]:
    return sorted({*__all__, *globals()})
