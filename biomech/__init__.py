"""Hip Compensation Lab: how restricted hip extension is compensated at deadlift lockout.

One namespace for users::

    import biomech as bm
    bm.compensate(-10, cue="squeeze_glutes")     # the lockout model, numpy only
    bm.muscles_for("external rotation")           # Neumann's table
    bm.moment_arms(hip_flexion=90)                # the 3-D muscle geometry
    bm.HipLab()                                   # the interactive lab (Jupyter)

Every name loads on first use, so ``import biomech`` is instant and the model and the
table never import matplotlib or ipywidgets. ``docs/architecture.md`` maps the
subpackages and their layers.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# Public name -> module that defines it (loaded on first use).
_EXPORTS: dict[str, str] = {
    # anatomy: the textbook table, the muscle geometry, the restricting tissues
    "ACTIONS": "biomech.anatomy.textbook",
    "FOOTNOTE": "biomech.anatomy.textbook",
    "actions_of": "biomech.anatomy.textbook",
    "flexors": "biomech.anatomy.textbook",
    "load_actions": "biomech.anatomy.textbook",
    "muscles_for": "biomech.anatomy.textbook",
    "as_table": "biomech.anatomy.textbook_render",
    "PARTS": "biomech.anatomy.geometry",
    "moment_arms": "biomech.anatomy.geometry",
    "muscle_length": "biomech.anatomy.geometry",
    "action_of": "biomech.anatomy.action_rule",
    "action_table": "biomech.anatomy.actions_by_posture",
    "ALL_FLEXORS": "biomech.anatomy.tissues",
    "tissue_moment_arms": "biomech.anatomy.tissues",
    "moment_arms_markdown": "biomech.anatomy.tissues",
    # parameters
    "PARAMETERS": "biomech.parameters",
    "parameters_markdown": "biomech.parameters",
    # model: lockout, lift, Thomas test
    "CUES": "biomech.model.lockout",
    "STAGES": "biomech.model.lockout",
    "Compensation": "biomech.model.lockout",
    "compensate": "biomech.model.lockout",
    "assumption_variants": "biomech.model.variants",
    "compensation_band": "biomech.model.variants",
    "rotation_benefit": "biomech.model.lockout",
    "tissues": "biomech.model.lockout",
    "cue_table": "biomech.model.lift",
    "lift_compensation": "biomech.model.lift",
    "lift_posture": "biomech.model.lift",
    "VALIDITY": "biomech.model.thomas",
    "modified_thomas_test": "biomech.model.thomas",
    # lessons: their cases and questions
    "CLIENT": "biomech.lessons.cases",
    "CLIENTS": "biomech.lessons.cases",
    "LIFTER": "biomech.lessons.cases",
    "Client": "biomech.lessons.cases",
    "Lifter": "biomech.lessons.cases",
    "flexion_examples": "biomech.lessons.flexion_examples",
    "questions": "biomech.lessons.questions",
    # scene, figures and apps (these load matplotlib or ipywidgets on first use)
    "build_scene": "biomech.scene.scene",
    "LiftScene": "biomech.scene.lift",
    "lift_scene": "biomech.scene.lift",
    "lift_scenes": "biomech.scene.lift",
    "export_figure": "biomech.export",
    "export_figures": "biomech.export",
    "HipLab": "biomech.apps.lab",
    "LiftLab": "biomech.apps.lift_lab",
    "PostureExplorer": "biomech.apps.posture_explorer",
    "action_table_html": "biomech.apps.posture_explorer",
    "axis_figure": "biomech.apps.posture_explorer",
    "muscle_figure": "biomech.apps.posture_explorer",
    "explore_action": "biomech.apps.selfcheck",
    "explore_muscle": "biomech.apps.selfcheck",
    "quiz": "biomech.apps.selfcheck",
}

__all__ = sorted(_EXPORTS) + ["__version__"]


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use (PEP 562)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'biomech' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
