"""The lockout compensation model: where does missing hip extension come from?

The cue sets how much hip extension deadlift lockout asks for (the *demand*: "stand tall"
none, "squeeze glutes" ``squeeze_demand`` degrees, hips through); the tight tissue sets how
much the hip can extend. What the hip cannot give is made up by hip rotation where that
slackens the tissue, and then by anterior pelvic tilt with an equal lumbar extension, so
at lockout::

    hip_flexion = pelvic_tilt + shortfall - demand        (the standing hip at 0)

**Kept in range.** The tilt, and the lumbar extension with it, is capped at
``min(max_pelvic_tilt, max_lumbar_extension)`` (the maximal voluntary anterior tilt and
lordosis of Levine & Whittle 1996, 11.4 and 10.8 deg: unloaded, healthy adults, abstract
only). What is still missing beyond the cap is the ``shortfall``: the lockout stays that far
short of the cue's extension, in the stage ``"beyond_range"``. The blog's mechanism caps
after its rotation; the geometry first uses whatever rotation in its range lowers the tilt
beyond the cap. Set both limits to their maximum (90) to lift the cap.

How that posture stands over the feet is left to balance (:mod:`biomech.model.balance`):
the straight leg leans forward by ``thigh_inclination`` about the ankle and the pelvis and
trunk lean back together by ``trunk_lean = demand - shortfall - thigh_inclination`` (at the hip),
until the centre of mass of lifter and bar is over the mid-foot. The lumbar spine keeps
only the compensation's extension (``lumbar_extension = pelvic_tilt``); by construction
(balance is solved after the hip angle is fixed) it changes neither the hip angle nor the
deficit, rotation or tilt. ``pelvic_tilt`` is the pelvis's tilt on the trunk; in the room the
pelvis is at ``pelvic_tilt_in_room = pelvic_tilt - trunk_lean`` from standing, and the
convention on room angles holds with it: ``hip_flexion = pelvic_tilt_in_room - thigh_inclination``.

Two mechanisms answer the question (``mechanism=``):

- ``"blog"``: the clinic blog's story made explicit, a linear rotation benefit ``k`` per
  tissue (:mod:`biomech.model.blog_lockout`); for "hip flexors (all)" ``k`` is illustrative;
- ``"geometry"``: tight tissues as length limits on the 3-D muscle geometry with the knee
  (:mod:`biomech.model.geometry_lockout`).

Conventions (``docs/architecture.md``): degrees; ``hip_extension_available`` is a range
of motion (positive = more extension); anterior pelvic tilt, external rotation, lumbar
extension and hip flexion positive. Every numeric input may be a scalar or a 1-D array
(shape ``(N,)``); inputs broadcast and outputs keep the broadcast shape, so a whole curve
is one call. Scalar inputs give Python floats and ``str`` fields.

This is a teaching model: a hypothesis made explicit and tested against published
anatomy, not a validated predictor. Its parameters and their sources are in
:mod:`biomech.parameters`.

It holds the public entry point of both mechanisms, with the checks of its inputs; the
mechanisms live in their own modules, and the stages and their spans along a curve in
:mod:`biomech.model.stages` (re-exported here).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._lazy import resolve
from biomech._validation import check_choice
from biomech.anatomy.action_rule import restricts_extension
from biomech.anatomy.tissues import ALL_FLEXORS, LIGAMENT, restricting_tissues, tissue_moment_arms, tissue_parts
from biomech.model.balance import POSTURE_PARAMETERS, leg_lean
from biomech.model.blog_lockout import blog_lockout, blog_rotation_benefit
from biomech.model.compensation import MECHANISMS, Compensation, Cue, Value
from biomech.model.geometry_lockout import solve_lockout
from biomech.model.stages import STAGES, StageSpan, stage_spans
from biomech.parameters import check_parameter, resolve_overrides

__all__ = [
    "CUES",
    "CUE_WORDS",
    "MECHANISMS",
    "MODEL_PARAMETERS",
    "STAGES",
    "Compensation",
    "Cue",
    "StageSpan",
    "compensate",
    "stage_spans",
    "tissue_choices",
]

_RENAMED = {
    "tissues": "biomech.model.lockout.tissue_choices",
    "rotation_benefit": "biomech.model.blog_lockout.blog_rotation_benefit",
}
"""Old names kept one release as deprecated aliases (:func:`biomech._lazy.resolve`)."""

CUES: tuple[Cue, ...] = ("stand_tall", "squeeze_glutes")
"""The lockout cues: "stand tall" (the blog's "stand up tall") asks for no extra hip extension;
"squeeze your bum" asks the hip for ``squeeze_demand`` degrees of extension (hips through).

The model's "stand tall" is the straight-line lockout coaching language describes: the hip at
0 deg, leg, pelvis and trunk in their standing alignment. The model's squeeze is a squeeze past
neutral: hips through and trunk back (balanced, :mod:`biomech.model.balance`), the outline of what
coaches call overdoing the lockout (coaching language; no printed coaching text or kinematic study
of the cue was checked). Coaches describe that fault as the lower back arching; the model's
squeeze, its lumbar curve held rigid by assumption, takes the whole ``squeeze_demand`` at the hip
instead: the outline of the fault, not its site (claim ``cue_lockouts`` in
:mod:`biomech.lessons.claims` gives the angles). The blog
pairs its "stand up tall" with "tuck pelvis under"; the lab's "stand tall" has no tuck."""
CUE_WORDS: Mapping[Cue, str] = MappingProxyType({"stand_tall": "stand tall", "squeeze_glutes": "squeeze glutes"})
"""The cues as a sentence, a table cell or a figure's title names them: the one mapping of the
cues' display names in the model and the figures (the lift's longer titles are ``model.lift.CUE_TITLES``)."""

MODEL_PARAMETERS: tuple[str, ...] = (
    "squeeze_demand",
    "external_rotation_range",
    "internal_rotation_range",
    "flexors_rotation_benefit",
    "rotation_gain_floor",
    "moment_arm_floor",
    "foot_progression_baseline",
    "test_knee_flexion",
    "lockout_knee_flexion",
    "bar_load",
    "max_pelvic_tilt",
    "max_lumbar_extension",
)
"""Parameters that :func:`compensate` accepts as keyword overrides (the two knee angles
and ``rotation_gain_floor`` act on the geometry only; ``flexors_rotation_benefit`` on the
blog's mechanism only; ``bar_load`` on the balance only, :mod:`biomech.model.balance`;
``max_pelvic_tilt`` and ``max_lumbar_extension`` cap the tilt, see :func:`compensate`). It
also accepts the standing posture, :data:`~biomech.model.balance.POSTURE_PARAMETERS`, which
shapes the lifter for the balance."""


def tissue_choices(mechanism: str = "geometry") -> tuple[str, ...]:
    """Return the restricting tissues :func:`compensate` accepts at default settings.

    ``"hip flexors (all)"`` first, then the flexor rows of the muscle-action table that
    can restrict extension (:func:`~biomech.anatomy.tissues.restricting_tissues`), and,
    for the geometry, the iliofemoral ligament (the front of the hip capsule).

    Examples
    --------
    >>> tissue_choices()[:2], tissue_choices()[-1], LIGAMENT in tissue_choices("blog")
    (('hip flexors (all)', 'Iliopsoas'), 'Iliofemoral ligament', False)
    """
    check_choice("mechanism", mechanism, MECHANISMS)
    extra = (LIGAMENT,) if mechanism == "geometry" else ()
    return (ALL_FLEXORS, *restricting_tissues(), *extra)


def _tissue_name(
    tissue: str | tuple[str, ...] | list[str], mechanism: str, floor: NDArray[np.float64]
) -> tuple[str, tuple[str, ...]]:
    """Check the tissue (one label or several) and return its name and labels."""
    labels = (tissue,) if isinstance(tissue, str) else tuple(tissue)
    if not labels:
        raise ValueError("'tissue' must name at least one tissue; got none.")
    arms = tissue_moment_arms()
    for label in labels:
        check_choice("tissue", label, (ALL_FLEXORS, *arms, LIGAMENT))
        if label == LIGAMENT and mechanism == "blog":
            raise ValueError(
                f"'tissue' {LIGAMENT!r} has no rotation benefit in the blog's mechanism; use mechanism='geometry'."
            )
        if label in arms and not restricts_extension(arms[label].flexion_mm, floor):
            a = arms[label]
            raise ValueError(
                f"'tissue' {label!r} cannot restrict hip extension at lockout: its flexion moment arm "
                f"there is {a.flexion_mm:.1f} mm ({a.source}), below 'moment_arm_floor' "
                f"({float(np.max(floor)):g} mm); choose one of {list(tissue_choices(mechanism))}."
            )
    if len(labels) > 1 and mechanism == "blog":
        raise ValueError(
            f"'tissue' {list(labels)} names several tissues: the blog's mechanism takes one "
            "(its k is per tissue); use mechanism='geometry' for several."
        )
    return " + ".join(labels), labels


def _slack(slack: object, parts: tuple[str, ...], mechanism: str) -> dict[str, NDArray[np.float64]]:
    """Check ``slack`` (part name -> degrees) against the tissue's parts and ``part_slack``'s range."""
    if slack is None:
        return {}
    if not isinstance(slack, Mapping):
        raise ValueError(f"'slack' must map part names to degrees, e.g. {{'psoas_r': 5.0}}; got {slack!r}.")
    if not slack:
        return {}
    if mechanism == "blog":
        raise ValueError(
            f"'slack' {dict(slack)!r} acts on the geometry mechanism only (the blog's mechanism has no "
            "parts); use mechanism='geometry' or no slack."
        )
    checked = {}
    for part, value in slack.items():
        if part not in parts:
            raise ValueError(f"'slack' must name parts of the tight tissue, one of {list(parts)}; got {part!r}.")
        try:
            checked[part] = check_parameter("part_slack", value)
        except ValueError as error:
            raise ValueError(f"'slack' of {part!r}: {error}") from None
    return checked


def compensate(
    hip_extension_available: ArrayLike,
    /,
    *,
    cue: Cue = "squeeze_glutes",
    tissue: str | tuple[str, ...] = ALL_FLEXORS,
    mechanism: str = "geometry",
    slack: Mapping[str, ArrayLike] | ArrayLike | None = None,  # wide: callers' **overrides type-check
    **overrides: ArrayLike,
) -> Compensation:
    """Compute the lockout compensation for a restricted hip extension.

    Parameters
    ----------
    hip_extension_available
        Passive hip extension the restricting tissue allows where it was measured, in
        degrees (-30 to 40; negative = flexion contracture). Scalar or shape ``(N,)``.
    cue
        ``"stand_tall"`` (no extra hip extension) or ``"squeeze_glutes"`` (hips through:
        the hip is asked for ``squeeze_demand`` degrees of extension; balance shares it
        between the leg leaning forward and the pelvis and trunk leaning back).
    tissue
        ``"hip flexors (all)"``, a flexor of the muscle-action table (e.g.
        ``"Rectus femoris"``), ``"Iliofemoral ligament"`` (geometry only), or a tuple of
        several tissues tight at once (geometry only); see :func:`tissue_choices`.
    mechanism
        ``"geometry"`` (length limits on the 3-D muscle geometry with the knee) or
        ``"blog"`` (the blog's hypothesis, a linear rotation benefit).
    slack
        Geometry only: part name (gait2392, e.g. ``"psoas_r"``; the tissue's parts are
        :func:`~biomech.anatomy.tissues.tissue_parts`) -> extra degrees of hip extension
        at which that part reaches its limit (0 to 30, ``part_slack``; scalar or shape
        ``(N,)``): its limit is read at ``hip_extension_available + slack`` (at most 40
        deg, the range's end). Parts not named have none.
    **overrides
        Any of :data:`MODEL_PARAMETERS` and of
        :data:`~biomech.model.balance.POSTURE_PARAMETERS` (standing tilt and lordosis: they
        change only the balance's leans), each a scalar or shape ``(N,)``, in the
        parameter's unit (e.g. ``test_knee_flexion=80`` for a Thomas-test reading);
        defaults and ranges in :mod:`biomech.parameters`.

    Returns
    -------
    Compensation
        All outputs in degrees, broadcast over every array input.

    Raises
    ------
    ValueError
        For NaN, infinite or out-of-range numbers, an unknown cue, tissue, mechanism,
        override name or slack part, slack with the blog's mechanism, or inputs whose
        shapes do not broadcast; the message names the parameter, the value and the valid
        range or choices.

    Examples
    --------
    >>> s = compensate(-10.0, mechanism="blog")
    >>> s.deficit, s.stage, round(s.rotation_used, 1), round(s.pelvic_tilt, 2)
    (19.0, 'lumbopelvic', 38.5, 7.45)
    >>> g = compensate(-10.0, tissue="Iliopsoas")
    >>> g.stage, g.rotation_used, round(g.pelvic_tilt, 1), round(g.shortfall, 1), g.binding  # tilt capped
    ('beyond_range', 0.0, 10.8, 8.2, 'iliacus_r, psoas_r')
    >>> compensate(-10.0, tissue="Iliopsoas", slack={"iliacus_r": 5.0}).binding
    'psoas_r'
    >>> free = compensate(-10.0, tissue="Iliopsoas", rotation_gain_floor=0, moment_arm_floor=0)
    >>> round(free.rotation_used, 1), round(free.pelvic_tilt, 1), round(free.shortfall, 1)  # in 29.6 deg for 2 deg
    (-29.6, 10.8, 6.2)
    >>> lifted = dict(max_pelvic_tilt=90, max_lumbar_extension=90)  # no cap
    >>> round(compensate(-10.0, tissue="Iliopsoas", **lifted).pelvic_tilt, 1)
    19.0
    """
    check_choice("cue", cue, CUES)
    check_choice("mechanism", mechanism, MECHANISMS)
    available = check_parameter("hip_extension_available", hip_extension_available)
    p = resolve_overrides(overrides, MODEL_PARAMETERS + POSTURE_PARAMETERS)
    name, labels = _tissue_name(tissue, mechanism, p["moment_arm_floor"])
    parts = tuple(dict.fromkeys(part for label in labels for part in tissue_parts(label)))
    extra = _slack(slack, parts if mechanism == "geometry" else (), mechanism)
    try:
        shape = np.broadcast_shapes(available.shape, *(v.shape for v in (*p.values(), *extra.values())))
    except ValueError:
        shapes = {"hip_extension_available": available.shape} | {n: v.shape for n, v in p.items()}
        shapes |= {f"slack[{part!r}]": v.shape for part, v in extra.items()}
        raise ValueError(f"array inputs must have the same length; got shapes {shapes}.") from None
    theta = p["squeeze_demand"] if cue == "squeeze_glutes" else np.zeros_like(available)

    # tilt and lumbar extension move 1:1 here, so the smaller of the two limits caps the tilt
    limit = np.minimum(p["max_pelvic_tilt"], p["max_lumbar_extension"])
    if mechanism == "blog":
        k, direction = blog_rotation_benefit(
            labels[0], flexors_rotation_benefit=p["flexors_rotation_benefit"], moment_arm_floor=p["moment_arm_floor"]
        )
        deficit = np.maximum(0.0, theta - available)
        r = blog_lockout(deficit, k, direction, p)  # the blog's order: rotation first, then the capped tilt
        needed = r["pelvic_tilt"]
        r |= {"pelvic_tilt": np.minimum(needed, limit), "shortfall": np.maximum(needed - limit, 0.0)}
        r |= {"deficit": deficit, "rotation_benefit": k, "binding": np.array("")}
    else:
        flat = [
            np.broadcast_to(v, shape).reshape(-1).astype(float)
            for v in (
                available,
                theta,
                p["external_rotation_range"],
                p["internal_rotation_range"],
                p["test_knee_flexion"],
                p["lockout_knee_flexion"],
                p["rotation_gain_floor"],
                p["moment_arm_floor"],
                limit,
            )
        ]
        per_part = [np.broadcast_to(extra.get(part, 0.0), shape).reshape(-1) for part in parts]
        r = solve_lockout(
            parts,
            *flat[:6],
            gain_floor=flat[6],
            arm_floor_mm=flat[7],
            tilt_limit=flat[8],
            slack=np.stack(per_part, axis=1).astype(float) if extra else None,
        )
        r = {key: value.reshape(shape) for key, value in r.items()}

    tilt, short = r["pelvic_tilt"], r["shortfall"]
    reached = theta - short  # the hip extension the lockout reaches: the balance works with it
    leg = leg_lean(reached, tilt, bar_load=p["bar_load"], **{n: p[n] for n in POSTURE_PARAMETERS})
    lean = reached - leg  # the pelvis and trunk lean back together, at the hip
    stage = np.where(
        r["deficit"] <= 0, STAGES[0], np.where(short > 0, STAGES[3], np.where(tilt > 0, STAGES[2], STAGES[1]))
    )

    def out(a: ArrayLike) -> Value:
        a = np.broadcast_to(np.asarray(a, dtype=float), shape)
        return float(a) if a.ndim == 0 else a.copy()

    def text(a: ArrayLike) -> str | NDArray[np.str_]:
        a = np.broadcast_to(np.asarray(a), shape)
        return str(a) if a.ndim == 0 else a.copy()

    return Compensation(
        hip_extension_available=out(available),
        demand=out(theta),
        deficit=out(r["deficit"]),
        rotation_benefit=out(r["rotation_benefit"]),
        rotation_used=out(r["rotation_used"]),
        rotation_needed=out(r["rotation_needed"]),
        pelvic_tilt=out(tilt),
        lumbar_extension=out(tilt),
        shortfall=out(short),
        trunk_lean=out(lean),
        foot_progression=out(p["foot_progression_baseline"] + r["rotation_used"]),
        hip_flexion=out(tilt + short - theta),
        thigh_inclination=out(leg),
        stage=text(stage),
        binding=text(r["binding"]),
        cue=cue,
        tissue=name,
        mechanism=mechanism,
    )


def __getattr__(name: str) -> Any:
    """The old names, with a ``DeprecationWarning`` naming the new one."""
    return resolve(__name__, name, globals(), renamed=_RENAMED)
