"""The export's options and their checks: formats, figure kinds, the standard set, sizes and captions.

:func:`validate_options` checks every option of :func:`biomech.export.export_figures` before
anything is written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from biomech._validation import check_choice, check_range
from biomech.anatomy.tissues import ALL_FLEXORS
from biomech.model.lockout import CUE_WORDS, Cue
from biomech.scene.scene import Scene, build_scene
from biomech.style.palette import Theme, get_theme

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
    "check_folder",
    "check_formats",
    "validate_options",
]

FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
FIGURE_KINDS: tuple[str, ...] = ("dashboard", "side_view", "top_down", "curves", "table", "cues")
"""Figures :func:`export_figure` can draw from one Scene."""
SIDE_VIEW_LEVELS: dict[str, float] = {"none": 17.0, "moderate": 2.0, "severe": -20.0}
"""Hip extension available (deg) for the side views at no, moderate and severe
restriction: the parameter's default (normal adults), then two teaching values
(illustrative): in the rotational stage, and beyond the voluntary range of tilt and lumbar
extension (the capped posture, the lockout short) at the default settings."""
FIGURES: tuple[str, ...] = (
    "table",
    "curves",
    "side_view_none",
    "side_view_moderate",
    "side_view_severe",
    "top_down",
    "cues",
    "dashboard",
)
"""File stems of the standard set written by :func:`export_figures`, in order."""
DEFAULT_RESTRICTION = -10.0
"""Hip extension available (deg) for the current state of the standard set."""
SIZE_IN, DPI = (19.2, 10.8), 100.0
"""Figure size (inches) and the default PNG resolution: 1920 x 1080 pixels."""
DPI_RANGE = (50.0, 600.0)
"""The PNG resolutions :func:`~biomech.export.export_figure` accepts."""
CUE_NAMES: Mapping[Cue, str] = CUE_WORDS
"""The cues as the figures name them (the model's one mapping, :data:`biomech.model.lockout.CUE_WORDS`)."""
MECHANISM_CAPTIONS: dict[str, str] = {
    "blog": "Mechanism: the blog's hypothesis (unproven)",
    "geometry": "Mechanism: muscle geometry (gait2392)",
}
"""The caption every exported figure carries, naming the mechanism of the state it shows."""


def check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    if isinstance(formats, str):
        formats = (formats,)
    chosen = tuple(dict.fromkeys(check_choice("formats", f, FORMATS) for f in formats))
    if not chosen:
        raise ValueError("'formats' must name at least one of {'pdf', 'png', 'svg'}; got none.")
    return chosen


def check_folder(folder: str | os.PathLike[str]) -> Path:
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise ValueError(f"'out_dir' must be a folder; got {str(out)!r}, which is a file.")
    return out


def validate_options(
    *,
    formats: Iterable[str] = FORMATS,
    dpi: float = DPI,
    restriction: float = DEFAULT_RESTRICTION,
    cue: str = "squeeze_glutes",
    tissue: str = ALL_FLEXORS,
    mechanism: str = "blog",
    theme: str | Theme = "light",
    out_dir: str | os.PathLike[str] = ".",
    overrides: Mapping[str, float] | None = None,
) -> Scene:
    """Check the options of :func:`export_figures` without writing anything.

    Returns
    -------
    Scene
        The current state's scene (checking it validates restriction, cue and tissue).

    Raises
    ------
    ValueError
        Naming the first invalid option, what is allowed and what was received.
    """
    check_formats(formats)
    check_range("dpi", dpi, *DPI_RANGE, "dots per inch")
    get_theme(theme)
    check_folder(out_dir)
    return build_scene(restriction, cue=cue, tissue=tissue, mechanism=mechanism, **(overrides or {}))  # type: ignore[arg-type]
