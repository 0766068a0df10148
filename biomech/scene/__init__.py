"""Joint angles to drawable points (numpy only; nothing here draws).

- :mod:`~biomech.scene.pose`: segment lengths and the side and top poses of the lifter;
- :mod:`~biomech.scene.bones`: gait2392's bone outlines posed on the lifter;
- :mod:`~biomech.scene.muscle_lines`: gait2392's muscle paths posed like the bones;
- :mod:`~biomech.scene.scene`: one model state with its poses, curves and highlights;
- :mod:`~biomech.scene.lift`: the lifter posed at a phase of the lift, and a whole pull's scenes.

Public names (``bm.scene.X``) are this package's ``__all__``, each loaded from its module on
first use; the modules themselves are not part of the public API (``docs/architecture.md``).
"""

from __future__ import annotations

from typing import Any

from biomech._lazy import resolve

# Public name -> module that defines it (loaded on first use).
_EXPORTS: dict[str, str] = {
    # a state posed
    "Scene": "biomech.scene.scene",
    "build_scene": "biomech.scene.scene",
    # the lift posed
    "LiftScene": "biomech.scene.lift",
    "PLATE_DIAMETER_M": "biomech.scene.lift",
    "STANDING_HEIGHT_M": "biomech.scene.lift",
    "lift_scene": "biomech.scene.lift",
    "lift_scenes": "biomech.scene.lift",
    "start_reach": "biomech.scene.lift",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    """Load a public name from its module on first use (PEP 562)."""
    return resolve(__name__, name, globals(), _EXPORTS)


def __dir__() -> list[str]:
    return sorted({*__all__, *globals()})
