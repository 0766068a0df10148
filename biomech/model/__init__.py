"""Models built on the anatomy (numpy only).

- :mod:`~biomech.model.lockout`: the compensation of restricted hip extension at lockout;
- :mod:`~biomech.model.lift`: the same along the lift, floor to lockout;
- :mod:`~biomech.model.thomas`: a modified Thomas test read into the restricting tissues, each
  calibrated where the test found it and solved at lockout (its sources' data in
  :mod:`~biomech.model.thomas_sources`, its lesson tables in :mod:`~biomech.model.thomas_tables`).

Public names (``bm.model.X``) are this package's ``__all__``, each loaded from its module on
first use; the modules themselves are not part of the public API (``docs/architecture.md``).
"""

from __future__ import annotations

from typing import Any

from biomech._lazy import resolve

# Public name -> module that defines it (loaded on first use).
_EXPORTS: dict[str, str] = {
    # the lockout
    "MECHANISMS": "biomech.model.compensation",
    "Compensation": "biomech.model.compensation",
    "CUES": "biomech.model.lockout",
    "STAGES": "biomech.model.lockout",
    "compensate": "biomech.model.lockout",
    "tissue_choices": "biomech.model.lockout",
    "blog_rotation_benefit": "biomech.model.blog_lockout",
    "trunk_lean": "biomech.model.balance",
    # how sure: the assumption variants
    "CompensationBand": "biomech.model.variants",
    "assumption_variants": "biomech.model.variants",
    "compensation_band": "biomech.model.variants",
    # the two mechanisms side by side
    "disagreement": "biomech.model.compare",
    "mechanisms_markdown": "biomech.model.compare",
    # the lift
    "LiftPosture": "biomech.model.lift",
    "lift_compensation": "biomech.model.lift",
    "lift_cues_html": "biomech.model.lift",
    "lift_cues_markdown": "biomech.model.lift",
    "lift_posture": "biomech.model.lift",
    # the modified Thomas test and its lesson tables
    "VALIDITY": "biomech.model.thomas",
    "modified_thomas_test": "biomech.model.thomas",
    "criteria_markdown": "biomech.model.thomas_tables",
    "errors_markdown": "biomech.model.thomas_tables",
    "examples_markdown": "biomech.model.thomas_tables",
    "findings_by_criteria_markdown": "biomech.model.thomas_tables",
    "knee_markdown": "biomech.model.thomas_tables",
    "pelvic_tilt_markdown": "biomech.model.thomas_tables",
    "readings_markdown": "biomech.model.thomas_tables",
    "results_markdown": "biomech.model.thomas_tables",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use (PEP 562)."""
    return resolve(__name__, name, globals(), _EXPORTS)


def __dir__() -> list[str]:
    return sorted({*__all__, *globals()})
