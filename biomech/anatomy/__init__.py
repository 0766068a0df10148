"""Anatomy: what the textbook and the muscle geometry say, before any model (numpy only).

- :mod:`~biomech.anatomy.textbook`: Neumann's table of hip muscle actions, loaded and queried;
- :mod:`~biomech.anatomy.textbook_render`: the same table as markdown, HTML or text;
- :mod:`~biomech.anatomy.geometry`: 3-D muscle paths (gait2392), lengths and moment arms;
- :mod:`~biomech.anatomy.action_rule`: the one rule that turns a moment arm into an action;
- :mod:`~biomech.anatomy.actions_by_posture`: the table recomputed at any hip flexion;
- :mod:`~biomech.anatomy.tissues`: the tissues that may restrict hip extension;
- :mod:`~biomech.anatomy.bones`: outlines of the bones, projected from gait2392's meshes.

Public names (``bm.anatomy.X``) are this package's ``__all__``, each loaded from its module on
first use; the modules themselves are not part of the public API (``docs/architecture.md``).
"""

from __future__ import annotations

from typing import Any

from biomech._lazy import resolve

# Public name -> module that defines it (loaded on first use).
_EXPORTS: dict[str, str] = {
    # the textbook table
    "ACTIONS": "biomech.anatomy.textbook",
    "FOOTNOTE": "biomech.anatomy.textbook",
    "ROLES": "biomech.anatomy.textbook",
    "MuscleAction": "biomech.anatomy.textbook",
    "actions_of": "biomech.anatomy.textbook",
    "flexors": "biomech.anatomy.textbook",
    "load_actions": "biomech.anatomy.textbook",
    "muscles_for": "biomech.anatomy.textbook",
    # the table drawn
    "textbook_html": "biomech.anatomy.textbook_render",
    "textbook_markdown": "biomech.anatomy.textbook_render",
    "textbook_text": "biomech.anatomy.textbook_render",
    # the muscle geometry
    "PARTS": "biomech.anatomy.geometry",
    "moment_arms": "biomech.anatomy.geometry",
    "muscle_length": "biomech.anatomy.geometry",
    "path_length": "biomech.anatomy.geometry",
    # the moment-arm-to-action rule
    "action_from_moment_arm": "biomech.anatomy.action_rule",
    "rotation_benefit_from_moment_arms": "biomech.anatomy.action_rule",
    # the table by posture
    "ActionCell": "biomech.anatomy.actions_by_posture",
    "action_table_cells": "biomech.anatomy.actions_by_posture",
    # the restricting tissues
    "ALL_FLEXORS": "biomech.anatomy.tissues",
    "LIGAMENT": "biomech.anatomy.tissues",
    "moment_arms_markdown": "biomech.anatomy.tissues",
    "restricting_tissues": "biomech.anatomy.tissues",
    "tissue_moment_arms": "biomech.anatomy.tissues",
    "tissue_parts": "biomech.anatomy.tissues",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use (PEP 562)."""
    return resolve(__name__, name, globals(), _EXPORTS)


def __dir__() -> list[str]:
    return sorted({*__all__, *globals()})
