"""How sure is the answer: the lockout compensation under plausible changes of its assumptions.

The lockout model (:func:`biomech.model.lockout.compensate`) gives one answer for one set of
assumptions. Several of them are not measured (``rotation_gain_floor``, the blog's ``k``)
or vary from lifter to lifter (how far the squeeze pushes the hips through, how straight
the knee is at lockout), and for a combined tissue ("hip flexors (all)") the model assumes
that every part reached its length limit at the same posture when the restriction was
measured. :func:`assumption_variants` lists a small set of plausible alternatives and
:func:`compensation_band` solves the whole curve under each of them at once, so a lesson
can show the answer as a band and say whether a conclusion holds across it.

The variants (each changes one assumption from the settings given; values outside a
parameter's range are clipped to it):

- ``rotation_gain_floor`` halved and doubled (geometry; the floor is illustrative);
- the blog's ``flexors_rotation_benefit`` halved and doubled (blog, "hip flexors (all)";
  illustrative);
- ``squeeze_demand`` 5 and 12 deg ("squeeze glutes" only): around the 9 deg maximal
  voluntary posterior pelvic tilt (Levine & Whittle 1996) the model uses as a proxy;
- ``lockout_knee_flexion`` 5 and 10 deg (geometry): the knee bent at lockout with the thigh
  unchanged, at the cue's inclination, so the hip is not flexed (not the "soft knees" of
  :mod:`biomech.lessons.rivals`, where the shanks stay vertical and the hip flexes);
- ``bar_load`` 0.5 and 2 body masses (illustrative): it sets only how balance shares the
  hip's extension between the leg and the trunk (:mod:`biomech.model.balance`), not the
  tilt, the lumbar extension or the rotation, so it widens only the lean;
- for a tissue of several parts (geometry): :data:`SLACK_DRAWS` draws in which each part
  reaches its limit up to :data:`SLACK_MAX_DEG` degrees of hip extension later than the
  measured restriction (uniform, fixed seed), so that not every part binds at once.

The band is only as wide as these choices: it shows whether an answer depends on them,
not a confidence interval.

Examples
--------
>>> band = compensation_band(np.linspace(-30.0, 40.0, 141), cue="squeeze_glutes", tissue="Iliopsoas")
>>> len(band.variants), band.curves.deficit.shape
(13, (13, 141))
>>> bool(np.all(band.low("pelvic_tilt") <= band.curves.pelvic_tilt[0]))
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._validation import check_choice
from biomech.anatomy.tissues import tissue_parts
from biomech.formatting import format_degrees
from biomech.model.balance import POSTURE_PARAMETERS
from biomech.model.compensation import MECHANISMS
from biomech.model.lockout import CUES, MODEL_PARAMETERS, Compensation, Cue, compensate
from biomech.parameters import PARAMETERS, check_parameter

__all__ = [
    "HELPS_BELOW_DEG",
    "SLACK_DRAWS",
    "SLACK_MAX_DEG",
    "CompensationBand",
    "Variant",
    "assumption_variants",
    "compensation_band",
]

SLACK_MAX_DEG = 5.0
"""Most extra hip extension at which one part of a combined tissue reaches its limit in the
slack variants (illustrative)."""
SLACK_DRAWS = 4
"""Slack variants drawn for a tissue of several parts."""
_SLACK_SEED = 2392
HELPS_BELOW_DEG = 1.0
"""Rotation that makes up less than this much hip extension is counted as not helping."""


@dataclass(frozen=True)
class Variant:
    """One set of assumptions: a name a student can read and what it changes.

    Attributes
    ----------
    name
        E.g. ``"rotation gain floor doubled"``; ``"as set"`` for the settings given.
    overrides
        Model parameters changed (name -> value, in the parameter's unit).
    slack
        Part -> extra degrees of hip extension at which it reaches its limit (geometry).
    """

    name: str
    overrides: Mapping[str, float]
    slack: Mapping[str, float]

    def describe(self) -> str:
        """The variant in words, with the values it sets (for a lesson's list of the variants).

        Examples
        --------
        >>> [v.describe() for v in assumption_variants(cue="squeeze_glutes", tissue="Sartorius", mechanism="blog")][:3]
        ['as set: the settings given', 'squeeze 5 deg: squeeze_demand 5 deg', 'squeeze 12 deg: squeeze_demand 12 deg']
        >>> assumption_variants(cue="stand_tall", tissue="Sartorius", mechanism="blog")[-1].describe()
        'bar 2 x body mass: bar_load 2'
        """
        if self.name == "as set":
            return "as set: the settings given"
        changed = [
            f"{name} {format_degrees(value)} deg" if PARAMETERS[name].unit == "deg" else f"{name} {value:.3g}"
            for name, value in self.overrides.items()
            if _NAME_WORDS.get(name, name) in self.name  # the one it changes; not the settings it keeps
        ]
        if self.slack:
            lo, hi = (format_degrees(f(self.slack.values())) for f in (min, max))
            changed.append(f"each of {len(self.slack)} parts reaches its limit {lo} to {hi} deg later")
        return f"{self.name}: {', '.join(changed)}"


_NAME_WORDS = {
    "rotation_gain_floor": "rotation gain floor",
    "flexors_rotation_benefit": "blog's k",
    "squeeze_demand": "squeeze",
    "lockout_knee_flexion": "knee",
    "bar_load": "bar",
}
"""How a variant's name refers to the parameter it changes."""


def _clip(name: str, value: float) -> float:
    p = PARAMETERS[name]
    return float(np.clip(value, p.min, p.max))


def assumption_variants(
    *,
    cue: Cue = "squeeze_glutes",
    tissue: str | tuple[str, ...] = "hip flexors (all)",
    mechanism: str = "geometry",
    **overrides: float,
) -> tuple[Variant, ...]:
    """The plausible variants of the settings given, ``"as set"`` first (see the module notes).

    Examples
    --------
    >>> [v.name for v in assumption_variants(cue="stand_tall", tissue="Sartorius")]  # doctest: +NORMALIZE_WHITESPACE
    ['as set', 'rotation gain floor halved', 'rotation gain floor doubled', 'knee 5 deg, thigh unchanged',
     'knee 10 deg, thigh unchanged', 'bar 0.5 x body mass', 'bar 2 x body mass']
    """
    check_choice("cue", cue, CUES)
    check_choice("mechanism", mechanism, MECHANISMS)
    for name in overrides:
        check_choice("override", name, MODEL_PARAMETERS + POSTURE_PARAMETERS)
    base = {name: float(check_parameter(name, value)) for name, value in overrides.items()}

    def value(name: str) -> float:
        return base.get(name, PARAMETERS[name].default)

    def variant(name: str, **changed: float) -> Variant:
        return Variant(name, MappingProxyType(base | changed), MappingProxyType({}))

    labels = (tissue,) if isinstance(tissue, str) else tuple(tissue)
    out = [variant("as set")]
    if mechanism == "geometry":
        floor = value("rotation_gain_floor")
        out += [
            variant("rotation gain floor halved", rotation_gain_floor=_clip("rotation_gain_floor", floor / 2)),
            variant("rotation gain floor doubled", rotation_gain_floor=_clip("rotation_gain_floor", floor * 2)),
        ]
    elif labels == ("hip flexors (all)",):
        k = value("flexors_rotation_benefit")
        out += [
            variant("blog's k halved", flexors_rotation_benefit=_clip("flexors_rotation_benefit", k / 2)),
            variant("blog's k doubled", flexors_rotation_benefit=_clip("flexors_rotation_benefit", k * 2)),
        ]
    if cue == "squeeze_glutes":
        out += [variant(f"squeeze {d:g} deg", squeeze_demand=_clip("squeeze_demand", d)) for d in (5.0, 12.0)]
    if mechanism == "geometry":
        out += [
            variant(f"knee {d:g} deg, thigh unchanged", lockout_knee_flexion=_clip("lockout_knee_flexion", d))
            for d in (5.0, 10.0)
        ]
    out += [variant(f"bar {b:g} x body mass", bar_load=_clip("bar_load", b)) for b in (0.5, 2.0)]
    if mechanism == "geometry":
        parts = tuple(dict.fromkeys(p for label in labels for p in tissue_parts(label)))
        if len(parts) > 1:
            rng = np.random.default_rng(_SLACK_SEED)
            for i in range(SLACK_DRAWS):
                draw = rng.uniform(0.0, SLACK_MAX_DEG, len(parts))
                out.append(
                    Variant(
                        f"parts not all at their limit ({i + 1})",
                        MappingProxyType(dict(base)),
                        MappingProxyType(dict(zip(parts, (float(s) for s in draw), strict=True))),
                    )
                )
    return tuple(out)


@dataclass(frozen=True)
class CompensationBand:
    """The compensation over a range of available extension under each variant.

    Attributes
    ----------
    variants
        The :class:`Variant` s, ``"as set"`` first.
    curves
        :class:`~biomech.model.compensation.Compensation` with fields of shape ``(V, N)``:
        one row per variant, one column per value of available extension.
    """

    variants: tuple[Variant, ...]
    curves: Compensation

    @property
    def x(self) -> NDArray[np.float64]:
        """Available hip extension (deg), shape ``(N,)``."""
        return np.asarray(self.curves.hip_extension_available, dtype=float)[0]

    def low(self, field: str) -> NDArray[np.float64]:
        """Least value of a numeric field over the variants, shape ``(N,)``."""
        return np.min(np.asarray(getattr(self.curves, field), dtype=float), axis=0)

    def high(self, field: str) -> NDArray[np.float64]:
        """Greatest value of a numeric field over the variants, shape ``(N,)``."""
        return np.max(np.asarray(getattr(self.curves, field), dtype=float), axis=0)

    def rotation_gain(self) -> NDArray[np.float64]:
        """Hip extension made up by rotation (deg): the deficit less the pelvic tilt and the shortfall, ``(V, N)``."""
        c = self.curves
        return np.asarray(c.deficit, dtype=float) - np.asarray(c.pelvic_tilt, dtype=float) - np.asarray(c.shortfall)

    def column(self, hip_extension_available: float) -> int:
        """Index of the value of available extension nearest the one given."""
        return int(np.argmin(np.abs(self.x - hip_extension_available)))

    def sentence(self, hip_extension_available: float) -> str:
        """One sentence on how the answer at one restriction depends on the assumptions.

        Examples
        --------
        >>> band = compensation_band(np.array([-10.0]), cue="squeeze_glutes", tissue="Sartorius", mechanism="blog")
        >>> band.sentence(-10.0)  # doctest: +ELLIPSIS
        'Across 5 assumption variants at -10 deg available: rotation makes up less than 1 deg in 0 of 5; ...'
        """
        j = self.column(hip_extension_available)
        n = len(self.variants)
        gain = self.rotation_gain()[:, j]
        helps_little = int(np.sum(gain < HELPS_BELOW_DEG))
        tilt = np.asarray(self.curves.pelvic_tilt, dtype=float)[:, j]
        short = np.asarray(self.curves.shortfall, dtype=float)[:, j]
        beyond = int(np.sum(short > 0))

        def span(values: NDArray[np.float64]) -> str:
            lo, hi = format_degrees(float(values.min())), format_degrees(float(values.max()))
            return f"{lo} deg" if lo == hi else f"{lo} to {hi} deg"

        return (
            f"Across {n} assumption variants at {format_degrees(float(self.x[j]))} deg available: rotation makes up "
            f"less than {HELPS_BELOW_DEG:g} deg in {helps_little} of {n}; anterior pelvic tilt, with as much lumbar "
            f"extension, {span(tilt)}"
            + (
                f"; beyond the voluntary range in {beyond} of {n}, the lockout {span(short[short > 0])} short."
                if beyond
                else "."
            )
        )


def compensation_band(
    hip_extension_available: ArrayLike,
    /,
    *,
    cue: Cue = "squeeze_glutes",
    tissue: str | tuple[str, ...] = "hip flexors (all)",
    mechanism: str = "geometry",
    **overrides: float,
) -> CompensationBand:
    """Solve :func:`~biomech.model.lockout.compensate` under every :func:`assumption_variants`, in one call.

    Parameters
    ----------
    hip_extension_available
        Values of available extension (deg), shape ``(N,)`` (a whole curve at once).
    cue, tissue, mechanism, **overrides
        As for :func:`~biomech.model.lockout.compensate`; overrides are single numbers.

    Returns
    -------
    CompensationBand
    """
    x = np.atleast_1d(check_parameter("hip_extension_available", hip_extension_available)).astype(float)
    if x.ndim != 1:
        raise ValueError(f"'hip_extension_available' must be a number or a 1-D array; got shape {x.shape}.")
    variants = assumption_variants(cue=cue, tissue=tissue, mechanism=mechanism, **overrides)
    v, n = len(variants), x.size
    names = sorted({k for var in variants for k in var.overrides})
    columns = {k: np.repeat([var.overrides.get(k, PARAMETERS[k].default) for var in variants], n) for k in names}
    parts = sorted({p for var in variants for p in var.slack})
    extra: dict[str, object] = {}
    if parts:
        extra["slack"] = {p: np.repeat([var.slack.get(p, 0.0) for var in variants], n) for p in parts}
    flat = compensate(np.tile(x, v), cue=cue, tissue=tissue, mechanism=mechanism, **columns, **extra)  # type: ignore[arg-type]
    shaped: dict[str, Any] = {
        key: value.reshape(v, n) for key, value in vars(flat).items() if isinstance(value, np.ndarray)
    }
    return CompensationBand(variants=variants, curves=replace(flat, **shaped))
