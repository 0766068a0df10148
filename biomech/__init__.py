"""Hip Compensation Lab: how restricted hip extension is compensated at deadlift lockout.

A small top level for notebooks and teachers, and the subpackages as namespaces for the
rest::

    import biomech as bm
    bm.compensate(-10, cue="squeeze_glutes")     # the lockout model, numpy only
    bm.muscles_for("external rotation")           # Neumann's table
    bm.moment_arms(hip_flexion=90)                # the 3-D muscle geometry
    bm.HipLab()                                   # the interactive lab (Jupyter)
    bm.model.trunk_lean(9.0, 0.0)                 # a subpackage's public name

The public API is :data:`__all__` here and the ``__all__`` of the subpackages
``anatomy``, ``model``, ``lessons``, ``scene``, ``style``, ``views``, ``export`` and
``apps`` (``docs/architecture.md``, "The public API"); a module inside a subpackage is
not part of it. Every name loads on first use, so ``import biomech`` is instant and the
model and the table never import matplotlib or ipywidgets. Names that left the top level
still work for one release, with a ``DeprecationWarning`` naming where they live now.
"""

from __future__ import annotations

import importlib
from typing import Any

from biomech._lazy import resolve

__version__ = "0.1.0"

# Public name -> module that defines it (loaded on first use). At most 30 names, each used
# by a notebook or a doc (tests/test_api.py).
_EXPORTS: dict[str, str] = {
    # the lockout model, the lift and the Thomas test
    "compensate": "biomech.model.lockout",
    "compensation_band": "biomech.model.variants",
    "lift_compensation": "biomech.model.lift",
    "lift_posture": "biomech.model.lift",
    "modified_thomas_test": "biomech.model.thomas",
    # the lessons' lifter and clients
    "CLIENT": "biomech.lessons.cases",
    "CLIENTS": "biomech.lessons.cases",
    "Client": "biomech.lessons.cases",
    "LIFTER": "biomech.lessons.cases",
    "questions": "biomech.lessons.questions",
    # the textbook table and the muscle geometry
    "actions_of": "biomech.anatomy.textbook",
    "muscles_for": "biomech.anatomy.textbook",
    "moment_arms": "biomech.anatomy.geometry",
    # tables to show: *_markdown, *_html, *_cells
    "textbook_html": "biomech.anatomy.textbook_render",
    "action_table_cells": "biomech.anatomy.actions_by_posture",
    "lift_cues_markdown": "biomech.model.lift",
    "parameters_markdown": "biomech.parameters",
    # the parameters and the one number formatter
    "PARAMETERS": "biomech.parameters",
    "format_degrees": "biomech.formatting",
    # scenes and figures (these load matplotlib on first use)
    "build_scene": "biomech.scene.scene",
    "export_figure": "biomech.export",
    # the lab widgets (these load ipywidgets on first use)
    "HipLab": "biomech.apps.lab",
    "LiftLab": "biomech.apps.lift_lab",
    "PostureExplorer": "biomech.apps.posture_explorer",
    "action_table_html": "biomech.apps.posture_explorer",
    "explore_action": "biomech.apps.table_explorers",
    "explore_muscle": "biomech.apps.table_explorers",
    "quiz": "biomech.apps.selfcheck",
}

# The subpackages that are namespaces of the public API, loaded on first use (``bm.model``).
_SUBPACKAGES: tuple[str, ...] = ("anatomy", "apps", "export", "lessons", "model", "scene", "style", "views")

# Names that left the top level or were renamed: old name -> where it lives now. Kept one
# release; each use warns (DeprecationWarning) naming the new place.
_RENAMED: dict[str, str | tuple[str, str]] = {
    "ACTIONS": "biomech.anatomy.ACTIONS",
    "ALL_FLEXORS": "biomech.anatomy.ALL_FLEXORS",
    "FOOTNOTE": "biomech.anatomy.FOOTNOTE",
    "PARTS": "biomech.anatomy.PARTS",
    "flexors": "biomech.anatomy.flexors",
    "load_actions": "biomech.anatomy.load_actions",
    "muscle_length": "biomech.anatomy.muscle_length",
    "tissue_moment_arms": "biomech.anatomy.tissue_moment_arms",
    "moment_arms_markdown": "biomech.anatomy.moment_arms_markdown",
    "action_of": "biomech.anatomy.action_from_moment_arm",
    "action_table": "biomech.action_table_cells",
    "as_table": (
        "biomech.anatomy.textbook_render._as_table",
        "biomech.textbook_html or biomech.anatomy.textbook_markdown",
    ),
    "CUES": "biomech.model.CUES",
    "STAGES": "biomech.model.STAGES",
    "Compensation": "biomech.model.Compensation",
    "VALIDITY": "biomech.model.VALIDITY",
    "assumption_variants": "biomech.model.assumption_variants",
    "rotation_benefit": "biomech.model.blog_rotation_benefit",
    "tissues": "biomech.model.tissue_choices",
    "cue_table": ("biomech.model.lift._cue_table", "biomech.lift_cues_markdown or biomech.model.lift_cues_html"),
    "Lifter": "biomech.lessons.Lifter",
    "flexion_examples": "biomech.lessons.flexion_examples_markdown",
    "lift_scene": "biomech.scene.lift_scene",
    "export_figures": "biomech.export.export_figures",
    "axis_figure": "biomech.apps.axis_figure",
    "muscle_figure": "biomech.apps.muscle_figure",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    """Load a public name or a subpackage on first use (PEP 562); warn for an old name."""
    if name in _SUBPACKAGES:
        return importlib.import_module(f"{__name__}.{name}")
    return resolve(__name__, name, globals(), _EXPORTS, _RENAMED)


def __dir__() -> list[str]:
    return [*__all__, *_SUBPACKAGES]
