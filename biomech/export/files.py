"""The figure files: written atomically and deterministically, one figure or the standard set.

Each figure is saved to a temporary file in the target folder and renamed over the target
only when complete (``os.replace``), so an interrupted or failed export never leaves a partial
file. SVG and PDF carry no date, and SVG ids use a fixed salt, so the same inputs give the same
bytes.
"""

from __future__ import annotations

import inspect
import os
from collections.abc import Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

import biomech
from biomech._files import write_atomically
from biomech._validation import check_choice, check_range
from biomech.export.options import (
    DPI,
    DPI_RANGE,
    FIGURE_KINDS,
    FORMATS,
    SIDE_VIEW_LEVELS,
    ExportOptions,
    check_folder,
    make_options,
    option_specs,
)
from biomech.export.pages import build_figure
from biomech.scene.scene import Scene, build_scene
from biomech.style.palette import Theme, get_theme, use_theme

__all__ = ["export_figure", "export_figures", "save_atomically"]


def _metadata(fmt: str) -> dict[str, str | None]:
    creator = f"biomech {biomech.__version__}"
    if fmt == "svg":
        return {"Date": None, "Creator": creator}
    if fmt == "pdf":
        return {"CreationDate": None, "ModDate": None, "Creator": creator}
    return {"Software": creator}


def save_atomically(fig: Figure, path: Path, fmt: str, dpi: float) -> Path:
    """Write ``fig`` to ``path`` atomically: temporary file in the same folder, then rename."""
    return write_atomically(path, lambda fh: fig.savefig(fh, format=fmt, dpi=dpi, metadata=_metadata(fmt)))


def export_figure(
    scene: Scene,
    path: str | os.PathLike[str],
    *,
    kind: str = "dashboard",
    theme: str | Theme = "light",
    dpi: float = DPI,
    cue_scenes: Sequence[Scene] = (),
) -> Path:
    """Write one figure of ``scene`` for slides (the lab's Export button).

    Parameters
    ----------
    scene
        The state to draw (from :func:`biomech.scene.scene.build_scene`).
    path
        Target file; its suffix (``.png``, ``.svg``, ``.pdf``) sets the format.
    kind
        One of :data:`FIGURE_KINDS`.
    theme
        ``"light"`` or ``"dark"`` (for projectors in dark rooms).
    dpi
        Resolution of PNGs (100 gives 1920 x 1080); 50 to 600.
    cue_scenes
        For ``kind="cues"``: the two scenes to compare (default: both cues at the
        scene's restriction under its settings, ``scene.settings``, overrides kept).

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    ValueError
        For an unknown kind, theme or suffix, or a dpi out of range; nothing is written.
    """
    target = Path(path)
    fmt = check_choice("format", target.suffix.lstrip(".").lower(), FORMATS)
    kind = check_choice("kind", kind, FIGURE_KINDS)
    dpi = float(check_range("dpi", dpi, *DPI_RANGE, "dots per inch"))
    t = get_theme(theme)
    with use_theme(t):
        fig = build_figure(kind, scene, theme=t, cue_scenes=cue_scenes)
        return save_atomically(fig, target, fmt, dpi)


def export_figures(out_dir: str | os.PathLike[str], **options: Any) -> list[Path]:
    """Write the standard set of slide figures (:data:`FIGURES`) to ``out_dir``.

    Parameters
    ----------
    out_dir
        Folder to write to (created if missing).
    **options
        The fields of :class:`~biomech.export.options.ExportOptions`, the one definition of
        the options (the command line offers the same):
    {options}

    The three side views use :data:`SIDE_VIEW_LEVELS` instead of ``restriction``; the cue
    comparison shows both cues.

    Returns
    -------
    list of pathlib.Path
        The files written, figure by figure, in the order of ``formats``.

    Raises
    ------
    ValueError
        For any invalid or unknown option, before anything is written.
    """
    spec = make_options(options)
    out = check_folder(out_dir)
    now = spec.scene()
    t, dpi = get_theme(spec.theme), spec.dpi
    plan: list[tuple[str, str, Scene, str | None]] = [("table", "table", now, None), ("curves", "curves", now, None)]
    plan += [
        (
            f"side_view_{level}",
            "side_view",
            build_scene(x, **now.settings.keywords()),
            f"Side view at lockout: {'no' if level == 'none' else level} restriction",
        )
        for level, x in SIDE_VIEW_LEVELS.items()
    ]
    plan += [("top_down", "top_down", now, None), ("cues", "cues", now, None), ("dashboard", "dashboard", now, None)]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with use_theme(t):
        for stem, kind, scene, title in plan:
            fig = build_figure(kind, scene, theme=t, title=title)  # the cues: rebuilt from now.settings
            written += [save_atomically(fig, out / f"{stem}.{fmt}", fmt, dpi) for fmt in spec.formats]
    return written


def _options_doc() -> str:
    """The options' lines of :func:`export_figures`'s docstring, from their specs."""
    lines, defaults = [], {f.name: f.default for f in fields(ExportOptions)}
    for name, spec in option_specs().items():
        default = defaults[name]
        lines.append(f"        - ``{name}``: {spec.help}; {spec.valid} (default {default!r}).")
    return "\n".join(lines)


export_figures.__doc__ = (export_figures.__doc__ or "").replace("    {options}", _options_doc())
export_figures.__signature__ = inspect.Signature(  # type: ignore[attr-defined]  # help() shows the keywords
    [
        inspect.Parameter("out_dir", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        *(
            inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=f.type)
            for f in fields(ExportOptions)
        ),
    ],
    return_annotation="list[Path]",
)
