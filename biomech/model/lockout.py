"""The lockout compensation model: where does missing hip extension come from?

At deadlift lockout the lifter stands with the thigh vertical. The cue sets how much
hip extension that asks for (the *demand*); the restricting tissue sets how much the
hip can give (the *available* extension). The difference is made up, first by hip
rotation that slackens the tissue, then by anterior pelvic tilt with lumbar extension
(the clinic blog's story, made explicit; ``docs/architecture.md`` gives the conventions)::

    D     = max(0, E_d - E_a)                 deficit
    k     = |r_rot| / r_flex                  extension bought per degree of rotation
    phi   = min(D / k, phi_max)               rotation used (phi_max: the hip's range)
    R     = D - k * phi                       what rotation cannot absorb
    alpha = R                                 anterior pelvic tilt (thigh vertical)
    lam   = R                                 lumbar extension bringing the trunk upright

Conventions: all angles in degrees; hip flexion positive and extension negative for
joint angles, but ``hip_extension_available`` is the extension range (positive =
more extension); anterior pelvic tilt positive; external rotation positive; lumbar
extension positive. Every numeric input may be a scalar or a 1-D array (shape
``(N,)``); inputs broadcast and outputs keep the broadcast shape, so a whole curve is
one call. Scalar inputs give Python floats and a ``str`` stage.

This is a teaching model: a hypothesis made explicit, not a validated predictor.
Its parameters and their sources are in :mod:`biomech.parameters`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Union

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._validation import check_choice, format_degrees
from biomech.parameters import PARAMETERS, check_parameter, resolve_overrides
from biomech.anatomy.action_rule import restricts_extension, rotation_benefit_of
from biomech.anatomy.tissues import ALL_FLEXORS, tissue_moment_arms

__all__ = [
    "CUES",
    "MODEL_PARAMETERS",
    "STAGES",
    "Compensation",
    "Cue",
    "StageSpan",
    "compensate",
    "rotation_benefit",
    "stage_spans",
    "tissues",
]

Cue = Literal["stand_tall", "squeeze_glutes"]
CUES: tuple[str, ...] = ("stand_tall", "squeeze_glutes")
"""The lockout cues: "stand tall, ribs down" asks for no extra hip extension;
"squeeze your bum" asks for ``squeeze_demand`` degrees."""

STAGES: tuple[str, ...] = ("none", "rotational", "lumbopelvic")
"""Stages in the order they appear as the restriction grows."""

MODEL_PARAMETERS: tuple[str, ...] = (
    "squeeze_demand",
    "external_rotation_range",
    "internal_rotation_range",
    "flexors_rotation_benefit",
    "moment_arm_floor",
    "foot_progression_baseline",
)
"""Parameters that :func:`compensate` accepts as keyword overrides."""

Value = Union[float, NDArray[np.float64]]


@dataclass(frozen=True)
class Compensation:
    """How the body makes up missing hip extension at lockout, in degrees.

    Every numeric field is a float for scalar inputs, or an array of the broadcast
    input shape.

    Attributes
    ----------
    hip_extension_available
        Passive hip extension the restricting tissue allows.
    demand
        Hip extension the cue asks for at lockout.
    deficit
        ``max(0, demand - hip_extension_available)``.
    rotation_benefit
        Degrees of extension bought by one degree of rotation (``k``); 0 where the
        tissue has no rotation action.
    rotation_used
        Hip rotation used, external positive, internal negative.
    rotation_needed
        Rotation that would make up the whole deficit alone (same sign convention);
        ``inf`` where rotation buys nothing but a deficit remains.
    pelvic_tilt
        Anterior pelvic tilt added by the compensation (from the standing tilt).
    lumbar_extension
        Lumbar extension added beyond the standing lordosis.
    foot_progression
        Foot angle, toe-out positive: the stance's baseline plus the rotation.
    stage
        ``"none"``, ``"rotational"`` or ``"lumbopelvic"``.
    cue, tissue
        The cue and restricting tissue the state was computed for.
    """

    hip_extension_available: Value
    demand: Value
    deficit: Value
    rotation_benefit: Value
    rotation_used: Value
    rotation_needed: Value
    pelvic_tilt: Value
    lumbar_extension: Value
    foot_progression: Value
    stage: str | NDArray[np.str_]
    cue: str
    tissue: str

    def __str__(self) -> str:
        if np.ndim(self.deficit) != 0:
            return f"Compensation({self.cue}, {self.tissue}) over {np.size(self.deficit)} states"
        rows = [
            ("hip extension available", self.hip_extension_available),
            ("demand of the cue", self.demand),
            ("deficit", self.deficit),
            ("rotation benefit (deg/deg)", self.rotation_benefit),
            ("rotation used (+ external)", self.rotation_used),
            ("rotation needed alone", self.rotation_needed),
            ("anterior pelvic tilt", self.pelvic_tilt),
            ("lumbar extension", self.lumbar_extension),
            ("foot progression (toe-out)", self.foot_progression),
        ]
        lines = [f"Compensation at lockout, cue {self.cue!r}, tissue {self.tissue!r} (degrees)"]
        lines += [f"  {name:<28}{format_degrees(value):>8}" for name, value in rows]
        lines.append(f"  {'stage':<28}{self.stage:>8}")
        lines.append("  " + self.describe())
        return "\n".join(lines)

    def describe(self) -> str:
        """Return a one-line, plain-language account of a scalar state.

        Examples
        --------
        >>> compensate(20.0).describe()
        'No deficit: 20 deg of extension available, 9 deg asked for.'
        """
        if np.ndim(self.deficit) != 0:
            raise ValueError("describe() needs a single state; index the arrays first.")
        if self.deficit <= 0:
            return (
                f"No deficit: {_deg(self.hip_extension_available)} deg of extension available, "
                f"{_deg(self.demand)} deg asked for."
            )
        direction = "external" if self.rotation_used >= 0 else "internal"
        bought = self.rotation_benefit * abs(self.rotation_used)
        if bought > 0:
            feet = "out" if self.foot_progression >= 0 else "in"
            by_rotation = (
                f"{_deg(bought)} deg made up by {direction} rotation "
                f"({_deg(abs(self.rotation_used))} deg, feet {feet} {_deg(abs(self.foot_progression))} deg)"
            )
        else:
            by_rotation = "rotation cannot help this tissue"
        return (
            f"{_deg(self.deficit)} deg short of extension: {by_rotation}, "
            f"{_deg(self.pelvic_tilt)} deg by anterior pelvic tilt and lumbar extension."
        )


def _deg(value: float) -> str:
    """Format degrees for a sentence: the project's one formatter, plain text."""
    return format_degrees(value)


def tissues() -> tuple[str, ...]:
    """Return the restricting tissues :func:`compensate` accepts at default settings.

    ``"hip flexors (all)"`` (the blog's hypothesis) first, then the flexor rows of
    the muscle-action table whose flexion moment arm at lockout is at least
    ``moment_arm_floor``; the others (in the gait2392 geometry, gracilis and the anterior fibres
    of gluteus minimus) cannot restrict extension with the thigh vertical.

    Examples
    --------
    >>> tissues()[:2]
    ('hip flexors (all)', 'Iliopsoas')
    """
    floor = PARAMETERS["moment_arm_floor"].default
    return (ALL_FLEXORS,) + tuple(
        name for name, arms in tissue_moment_arms().items() if arms.flexion_mm >= floor
    )


def rotation_benefit(
    tissue: str = ALL_FLEXORS, /, **overrides: ArrayLike
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Return ``(k, direction)`` for a restricting tissue.

    Parameters
    ----------
    tissue
        ``"hip flexors (all)"`` or a flexor row of the muscle-action table.
    **overrides
        ``flexors_rotation_benefit`` and ``moment_arm_floor`` (mm) may be given.

    Returns
    -------
    k : numpy.ndarray
        Degrees of extension per degree of rotation, ``|r_rot| / r_flex``; 0 where
        the rotation moment arm is below ``moment_arm_floor``.
    direction : numpy.ndarray
        +1 external, -1 internal, 0 none.

    Raises
    ------
    ValueError
        Unknown tissue, or a tissue whose flexion moment arm is below the floor.

    Examples
    --------
    >>> k, direction = rotation_benefit("Rectus femoris")
    >>> float(k), float(direction)
    (0.0, 0.0)
    """
    values = resolve_overrides(overrides, ("flexors_rotation_benefit", "moment_arm_floor"))
    return _benefit(tissue, values["flexors_rotation_benefit"], values["moment_arm_floor"])


def compensate(
    hip_extension_available: ArrayLike,
    /,
    *,
    cue: Cue = "squeeze_glutes",
    tissue: str = ALL_FLEXORS,
    **overrides: ArrayLike,
) -> Compensation:
    """Compute the lockout compensation for a restricted hip extension.

    Parameters
    ----------
    hip_extension_available
        Passive hip extension the restricting tissue allows, in degrees
        (-30 to 40; negative = flexion contracture). Scalar or shape ``(N,)``.
    cue
        ``"stand_tall"`` (no extra extension asked for) or ``"squeeze_glutes"``
        (``squeeze_demand`` degrees asked for).
    tissue
        ``"hip flexors (all)"`` (the blog's hypothesis, illustrative rotation
        benefit, external) or a flexor of the muscle-action table, e.g.
        ``"Rectus femoris"``; see :func:`tissues`. Its rotation benefit and
        direction come from the hip geometry's moment arms at lockout (gait2392
        muscle paths, Delp et al. 1990; :mod:`biomech.anatomy.tissues`).
    **overrides
        Any of :data:`MODEL_PARAMETERS`, each a scalar or shape ``(N,)``, in the
        parameter's unit; defaults and ranges in :mod:`biomech.parameters`.

    Returns
    -------
    Compensation
        All outputs in degrees, broadcast over every array input.

    Raises
    ------
    ValueError
        For NaN, infinite or out-of-range numbers, an unknown cue, tissue or
        override name, or inputs whose shapes do not broadcast; the message names
        the parameter, the value and the valid range or choices.

    See Also
    --------
    biomech.parameters.PARAMETERS : the sourced parameter table.

    Examples
    --------
    >>> compensate(20.0, cue="stand_tall").pelvic_tilt
    0.0
    >>> state = compensate(-10.0)
    >>> state.deficit, state.stage
    (19.0, 'lumbopelvic')
    >>> round(state.rotation_used, 1), round(state.pelvic_tilt, 2)
    (38.5, 7.45)
    """
    check_choice("cue", cue, CUES)
    available = check_parameter("hip_extension_available", hip_extension_available)
    p = resolve_overrides(overrides, MODEL_PARAMETERS)
    k, direction = _benefit(tissue, p["flexors_rotation_benefit"], p["moment_arm_floor"])
    try:
        shape = np.broadcast_shapes(available.shape, k.shape, *(v.shape for v in p.values()))
    except ValueError:
        shapes = {"hip_extension_available": available.shape} | {n: v.shape for n, v in p.items()}
        raise ValueError(f"array inputs must have the same length; got shapes {shapes}.") from None

    demand = p["squeeze_demand"] if cue == "squeeze_glutes" else np.zeros_like(available)
    deficit = np.maximum(0.0, demand - available)
    capacity = np.where(direction < 0, p["internal_rotation_range"], p["external_rotation_range"])
    residual = np.maximum(0.0, deficit - k * capacity)
    has_k = k > 0
    safe_k = np.where(has_k, k, 1.0)
    rotation = np.where(residual > 0, capacity, deficit / safe_k) * has_k
    needed = np.where(has_k, deficit / safe_k, np.where(deficit > 0, np.inf, 0.0))
    stage = np.where(deficit <= 0, STAGES[0], np.where(residual > 0, STAGES[2], STAGES[1]))
    sign = np.where(direction == 0, 1.0, direction)

    def out(a: ArrayLike) -> Value:
        a = np.broadcast_to(np.asarray(a, dtype=float), shape)
        return float(a) if a.ndim == 0 else a.copy()

    return Compensation(
        hip_extension_available=out(available),
        demand=out(demand),
        deficit=out(deficit),
        rotation_benefit=out(k),
        rotation_used=out(direction * rotation),
        rotation_needed=out(sign * needed),
        pelvic_tilt=out(residual),
        lumbar_extension=out(residual),
        foot_progression=out(p["foot_progression_baseline"] + direction * rotation),
        stage=str(stage) if np.ndim(stage) == 0 and shape == () else np.broadcast_to(stage, shape).copy(),
        cue=cue,
        tissue=tissue,
    )



def _benefit(
    tissue: str, flexors_benefit: NDArray[np.float64], floor: NDArray[np.float64]
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Rotation benefit k and direction (+1 external, -1 internal, 0 none)."""
    arms = tissue_moment_arms()
    check_choice("tissue", tissue, (ALL_FLEXORS, *arms))
    if tissue == ALL_FLEXORS:
        return np.asarray(flexors_benefit, dtype=float), np.ones_like(flexors_benefit, dtype=float)
    a = arms[tissue]
    if not restricts_extension(a.flexion_mm, floor):
        raise ValueError(
            f"'tissue' {tissue!r} cannot restrict hip extension at lockout: its flexion "
            f"moment arm there is {a.flexion_mm:.1f} mm ({a.source}), below "
            f"'moment_arm_floor' ({np.max(floor):g} mm); choose one of {list(tissues())}."
        )
    return rotation_benefit_of(a.flexion_mm, a.rotation_mm, floor)


@dataclass(frozen=True)
class StageSpan:
    """A stage's interval of available hip extension, in degrees (may be empty).

    Attributes
    ----------
    stage
        One of :data:`STAGES`.
    low, high
        Interval of ``hip_extension_available``; ``low == high`` when the stage
        does not occur (e.g. no rotational stage for a tissue without rotation action).
    """

    stage: str
    low: float
    high: float


def stage_spans(state: Compensation, curve: Compensation, low: float, high: float) -> tuple[StageSpan, ...]:
    """Return the exact stage boundaries of a state's cue, tissue and settings.

    No compensation above the demand; lumbopelvic below ``demand - k * capacity``,
    where the capacity is the rotation the curve uses at most.

    Parameters
    ----------
    state
        A scalar state (its demand and rotation benefit set the boundaries).
    curve
        The same settings over the range ``[low, high]`` of available extension.
    low, high
        The range of available extension, degrees.

    Returns
    -------
    tuple of StageSpan
        One per stage, in the order of :data:`STAGES`.

    Examples
    --------
    >>> import numpy as np
    >>> curve = compensate(np.linspace(-30.0, 40.0, 141))
    >>> [(s.stage, round(s.low, 1), round(s.high, 1)) for s in stage_spans(compensate(0.0), curve, -30.0, 40.0)]
    [('none', 9.0, 40.0), ('rotational', -2.5, 9.0), ('lumbopelvic', -30.0, -2.5)]
    """
    # Over the curve, |rotation used| reaches the rotation capacity wherever the
    # lumbopelvic stage occurs; where it does not, the boundary falls at ``low``.
    used = float(np.max(np.abs(curve.rotation_used)))
    none_from = float(np.clip(state.demand, low, high))
    lumbo_to = float(np.clip(state.demand - state.rotation_benefit * used, low, none_from))
    bounds = {STAGES[0]: (none_from, high), STAGES[1]: (lumbo_to, none_from), STAGES[2]: (low, lumbo_to)}
    return tuple(StageSpan(stage, *bounds[stage]) for stage in STAGES)
