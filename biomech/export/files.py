"""The figure files: written atomically and deterministically, one figure or the standard set.

Each figure is saved to a temporary file in the target folder and renamed over the target
only when complete (``os.replace``), so an interrupted or failed export never leaves a partial
file. SVG and PDF carry no date, and SVG ids use a fixed salt, so the same inputs give the same
bytes.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from matplotlib.figure import Figure

import biomech
from biomech._files import write_atomically
from biomech._validation import check_choice, check_range
from biomech.anatomy.tissues import ALL_FLEXORS
from biomech.export.options import (
    DEFAULT_RESTRICTION,
    DPI,
    DPI_RANGE,
    FIGURE_KINDS,
    FORMATS,
    SIDE_VIEW_LEVELS,
    check_formats,
    validate_options,
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


def export_figures(
    out_dir: str | os.PathLike[str],
    *,
    formats: Iterable[str] = FORMATS,
    dpi: float = DPI,
    restriction: float = DEFAULT_RESTRICTION,
    cue: str = "squeeze_glutes",
    tissue: str = ALL_FLEXORS,
    mechanism: str = "blog",
    theme: str | Theme = "light",
    overrides: Mapping[str, float] | None = None,
) -> list[Path]:
    """Write the standard set of slide figures (:data:`FIGURES`) to ``out_dir``.

    Parameters
    ----------
    out_dir
        Folder to write to (created if missing).
    formats
        Any of ``"png"``, ``"svg"``, ``"pdf"``.
    dpi
        PNG resolution: 100 gives 1920 x 1080; 50 to 600.
    restriction
        Hip extension available (deg, -30 to 40) for the current state shown by the
        curves, top-down view, cue comparison and dashboard. The three side views use
        :data:`SIDE_VIEW_LEVELS` instead.
    cue, tissue
        As for :func:`biomech.model.lockout.compensate` (the cue comparison shows both cues).
    mechanism
        ``"blog"`` (the blog's hypothesis, as the lab starts) or ``"geometry"``.
    theme
        ``"light"`` or ``"dark"``.
    overrides
        Single numbers for any of :data:`biomech.model.lockout.MODEL_PARAMETERS` (e.g.
        ``{"rotation_gain_floor": 0.0}``), for every figure; default: the parameter table's.

    Returns
    -------
    list of pathlib.Path
        The files written, figure by figure, in the order of ``formats``.

    Raises
    ------
    ValueError
        For any invalid argument, before anything is written.
    """
    now = validate_options(
        formats=formats,
        dpi=dpi,
        restriction=restriction,
        cue=cue,
        tissue=tissue,
        mechanism=mechanism,
        theme=theme,
        out_dir=out_dir,
        overrides=overrides,
    )
    extra = dict(overrides or {})
    fmts, dpi, t, out = check_formats(formats), float(dpi), get_theme(theme), Path(out_dir)
    plan: list[tuple[str, str, Scene, str | None]] = [("table", "table", now, None), ("curves", "curves", now, None)]
    plan += [
        (
            f"side_view_{level}",
            "side_view",
            build_scene(x, cue=cue, tissue=tissue, mechanism=mechanism, **extra),  # type: ignore[arg-type]
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
            written += [save_atomically(fig, out / f"{stem}.{fmt}", fmt, dpi) for fmt in fmts]
    return written
