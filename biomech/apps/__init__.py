"""Interactive apps: the only layer that imports ipywidgets and ipympl.

- :mod:`~biomech.apps.live_figure`: a blitted ipympl figure with coalesced frames;
- :mod:`~biomech.apps.lab`: the Hip Compensation Lab (:class:`~biomech.apps.lab.HipLab`), with its
  controls (:mod:`~biomech.apps.lab_controls`), page (:mod:`~biomech.apps.lab_layout`) and actions
  (:mod:`~biomech.apps.lab_actions`);
- :mod:`~biomech.apps.guard`: the one guard of the apps' callbacks;
- :mod:`~biomech.apps.lift_lab`: the deadlift from floor to lockout (``LiftLab``);
- :mod:`~biomech.apps.posture_explorer`: muscle actions at any hip flexion;
- :mod:`~biomech.apps.table_explorers`: the muscle-action table explored from a drop-down;
- :mod:`~biomech.apps.selfcheck`: the self-check questions as widgets.

Public names (``bm.apps.X``) are this package's ``__all__``, each loaded from its module on
first use; the modules themselves are not part of the public API (``docs/architecture.md``).
"""

from __future__ import annotations

from typing import Any

from biomech._lazy import resolve

# Public name -> module that defines it (loaded on first use).
_EXPORTS: dict[str, str] = {
    # the labs
    "HipLab": "biomech.apps.lab",
    "LiftLab": "biomech.apps.lift_lab",
    "PostureExplorer": "biomech.apps.posture_explorer",
    "action_table_html": "biomech.apps.posture_explorer",
    "axis_figure": "biomech.apps.posture_explorer",
    "muscle_figure": "biomech.apps.posture_explorer",
    # studying alone
    "explore_action": "biomech.apps.table_explorers",
    "explore_muscle": "biomech.apps.table_explorers",
    "SelfCheck": "biomech.apps.selfcheck",
    "quiz": "biomech.apps.selfcheck",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use (PEP 562)."""
    return resolve(__name__, name, globals(), _EXPORTS)


def __dir__() -> list[str]:
    return sorted({*__all__, *globals()})
