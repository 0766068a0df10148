"""The settings a scene was built with: cue, tissue, mechanism and the parameters set away from their defaults.

A :class:`~biomech.scene.scene.Scene` carries its :class:`SceneSettings`, so whoever draws or
exports a scene can rebuild it under another cue or restriction without losing an override,
and a view can tell two settings apart without looking at the curves' numbers. Every state
of one setting (any available extension) shares the same settings.

Examples
--------
>>> s = SceneSettings.of(cue="stand_tall", tissue="hip flexors (all)", mechanism="blog",
...                      values={"squeeze_demand": 12.0, "bar_load": PARAMETERS["bar_load"].default})
>>> s.overrides                          # the default bar load is not an override
(('squeeze_demand', 12.0),)
>>> s.value("squeeze_demand"), s.value("standing_pelvic_tilt") == s.standing_pelvic_tilt
(12.0, True)
>>> sorted(s.keywords())
['cue', 'mechanism', 'squeeze_demand', 'tissue']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from biomech.model.lockout import Cue
from biomech.parameters import PARAMETERS

__all__ = ["SceneSettings"]


@dataclass(frozen=True)
class SceneSettings:
    """What a scene was built with, beside the available extension (hashable: a cache or blitting key).

    Attributes
    ----------
    cue, tissue, mechanism
        As given to :func:`~biomech.scene.scene.build_scene` (a tissue tuple stays a tuple).
    overrides
        ``(name, value)`` pairs, sorted by name, of the parameters (of
        :data:`~biomech.model.lockout.MODEL_PARAMETERS` and
        :data:`~biomech.model.balance.POSTURE_PARAMETERS`) set away from their default in
        ``data/parameters.csv``; a value equal to the default is left out, so the same
        model gives the same settings however it was asked for.
    """

    cue: Cue
    tissue: str | tuple[str, ...]
    mechanism: str
    overrides: tuple[tuple[str, float], ...] = ()

    @classmethod
    def of(
        cls, *, cue: Cue, tissue: str | tuple[str, ...], mechanism: str, values: Mapping[str, float]
    ) -> SceneSettings:
        """The settings for checked single-number ``values`` (the builders check them first)."""
        changed = tuple(sorted((k, float(v)) for k, v in values.items() if float(v) != PARAMETERS[k].default))
        return cls(cue, tissue if isinstance(tissue, str) else tuple(tissue), mechanism, changed)

    def value(self, name: str) -> float:
        """The parameter's value in these settings: its override, else the table's default."""
        return dict(self.overrides).get(name, PARAMETERS[name].default)

    @property
    def standing_pelvic_tilt(self) -> float:
        """The subject's standing pelvic tilt (deg) the lifter is drawn from."""
        return self.value("standing_pelvic_tilt")

    @property
    def standing_lumbar_lordosis(self) -> float:
        """The subject's standing lumbar lordosis (deg) the lifter is drawn from."""
        return self.value("standing_lumbar_lordosis")

    def keywords(self) -> dict[str, Any]:
        """The keywords that rebuild a scene of these settings: ``build_scene(x, **settings.keywords())``."""
        return {"cue": self.cue, "tissue": self.tissue, "mechanism": self.mechanism, **dict(self.overrides)}
