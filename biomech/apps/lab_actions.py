"""The lab's actions: the Reset and Export buttons, the export folder box, and the exported files' names.

The files are drawn by :mod:`biomech.export` on a separate, static figure, never from the
live (blitted) one, so the Export button writes what ``python -m biomech figures`` would.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import ipywidgets as widgets

from biomech import export
from biomech.scene.scene import Scene

__all__ = ["action_buttons", "export_folder_box", "export_scene", "file_stem"]


def action_buttons(on_reset: Callable[[], None], on_export: Callable[[], None]) -> widgets.HBox:
    """The Reset and Export buttons in a row; each click runs its callback (without arguments)."""
    reset = widgets.Button(description="Reset", icon="undo", tooltip="Restore the starting settings")
    reset.on_click(lambda _: on_reset())
    export_button = widgets.Button(
        description="Export figure", icon="download", tooltip="Write the current figure as PNG, SVG and PDF"
    )
    export_button.on_click(lambda _: on_export())
    return widgets.HBox([reset, export_button], layout=widgets.Layout(flex_flow="row wrap"))


def export_folder_box(folder: str | os.PathLike[str]) -> widgets.Text:
    """The text box naming the folder the Export button writes to."""
    box = widgets.Text(
        value=str(folder),
        layout=widgets.Layout(width="100%"),
        tooltip="A relative folder is taken from the repository's root",
    )
    box.add_class("hiplab-export-folder")
    return box


def file_stem(scene: Scene) -> str:
    """The exported files' name for a scene, from its settings: no dots or spaces.

    Cue, tissue, mechanism and available extension; ``_advanced`` when an Advanced value
    differs from its default (``scene.settings.overrides``), so such a figure does not
    replace the one at the defaults.

    Examples
    --------
    >>> from biomech.scene.scene import build_scene
    >>> file_stem(build_scene(-7.5, cue="stand_tall", tissue="Rectus femoris", mechanism="blog"))
    'stand_tall_rectus_femoris_blog_-7p5deg'
    >>> file_stem(build_scene(2.0, mechanism="geometry", squeeze_demand=12.0))
    'squeeze_glutes_hip_flexors_all_geometry_+2p0deg_advanced'
    """
    settings, label = scene.settings, scene.state.tissue  # the tissue's label (settings may hold a tuple)
    tissue = label.lower().replace(" ", "_").replace("(", "").replace(")", "")
    stem = f"{settings.cue}_{tissue}_{settings.mechanism}_{scene.state.hip_extension_available:+.1f}deg"
    return stem.replace(".", "p") + ("_advanced" if settings.overrides else "")


def export_scene(scene: Scene, folder: str | os.PathLike[str], *, formats: Iterable[str], theme: str) -> list[Path]:
    """Write the dashboard of ``scene`` as ``lab_<stem>.<format>`` files into ``folder`` (created if needed).

    A relative folder follows :func:`biomech.export.resolve_folder`. Returns the files
    written, as absolute paths (atomically: a failed export leaves no partial file).
    """
    target = export.resolve_folder(folder)
    target.mkdir(parents=True, exist_ok=True)
    stem = f"lab_{file_stem(scene)}"
    return [export.export_figure(scene, target / f"{stem}.{fmt}", kind="dashboard", theme=theme) for fmt in formats]
