"""The deadlift from floor to lockout: joint angles by lift phase, and when compensation starts.

A *lift phase* ``p`` runs from 0 (bar on the floor) to 1 (lockout). The hip, knee and
shank start at published or illustrative angles and reach the model's upright
lockout posture (all 0 deg) together, along one smooth half-cosine path::

    s(p)    = (1 + cos(pi p)) / 2              1 at the floor, 0 at lockout
    hip(p)  = hip0  s(p)                       hip flexion
    knee(p) = knee0 s(p)                       knee flexion
    shank(p)= shank0 s(p)                      shank lean forward of vertical
    trunk(p)= hip(p) - knee(p) + shank(p)      trunk lean forward of vertical

(pelvis and trunk move as one segment while lifting; the thigh's lean is
``knee - shank``). Only the start angles are published (Schellenberg et al. 2013);
the time course is illustrative.

**When does the restriction bite?** While the hip is flexed, the restricting tissue
is slack. The hip extension the lift asks for at phase ``p`` is the posture's
(``-hip(p)``: negative while the hip is still flexed) plus the cue's demand ``E_cue``,
faded in over the last ``cue_onset`` degrees of hip flexion::

    w(p)      = clip(1 - hip(p) / cue_onset, 0, 1)
    demand(p) = -hip(p) + w(p) E_cue
    deficit   = max(0, demand(p) - E_a)

which is :func:`biomech.model.lockout.compensate` with the blog's mechanism
(``mechanism="blog"``) applied to an *effective* available extension ``E_a + hip(p)``
with the cue's demand scaled by ``w(p)``. The lift uses the blog's mechanism only: it
does not follow the knee, so it says nothing about two-joint muscles along the pull. So everything the
lockout model guarantees (the deficit is conserved across rotation and tilt, outputs
grow with the deficit) carries over, and since ``hip(p)`` falls and ``w(p)`` rises with
``p``, every output is non-decreasing with phase. At ``p = 1`` the result equals the
blog's :func:`~biomech.model.lockout.compensate` at lockout, except the balance: the
lift does not include it (:mod:`biomech.model.balance` balances the lockout posture
only), so here the cue's extension is taken wholly by the leg leaning forward
(``thigh_inclination`` is the faded cue's demand, ``w(p) E_cue``) and ``trunk_lean`` is
0; ``lumbar_extension`` equals the pelvic tilt at every phase, as at lockout.

**Limits.** The lift from the floor is not balanced; only the lockout is. As the lift
model poses it (the cue's extension taken by the leg leaning forward, the trunk not
leaning back), the centre of mass of lifter and bar is up to 16.2 cm in front of the
mid-foot at the lift's last frame (squeeze glutes, -13 deg of available extension, phase
1.00; at most 3.7 cm standing tall), for a lifter 1.75 m tall with a bar of 1 x body
mass (illustrative). Under the squeeze it is beyond the toes (13.3 cm in front of the
mid-foot) from phase 0.92-0.96 for every lifter with -15 deg of available extension or
more (14.0 cm at the last frame for every lifter with no deficit, 0.7 cm past Winter's
bare-foot toe line: a margin a shoe or a lighter bar could remove, at the toe line
either way; with less available extension the drawn leg leans less far forward, then
back): a posture no one could hold with the bar; the lockout lab draws the same lockout
balanced. Computed by
:func:`biomech.lessons.claims_balance.lift_centre_of_mass` (the drawing's rounded upper
back at lift-off left out), checked by ``tests/lessons/test_claims.py``.

Conventions as in :mod:`biomech.model.lockout`: degrees, hip and knee flexion positive,
forward lean positive; phase and every numeric input may be a scalar or shape
``(N,)``, broadcast together.

References
----------
Schellenberg F, Lindorfer J, List R, Taylor WR, Lorenzetti S (2013). Kinetic and
kinematic differences between deadlifts and goodmornings. BMC Sports Sci Med Rehabil
5:27.

Length: The lift model, its posture and the cue-by-cue table it prints share one set of
parameters and checks, so they stay in one module of a little over 300 lines.
"""

from __future__ import annotations

import dataclasses
import html
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from biomech._lazy import resolve
from biomech._validation import check_choice, check_range
from biomech.anatomy.tissues import ALL_FLEXORS
from biomech.formatting import format_degrees
from biomech.model.lockout import CUES, MODEL_PARAMETERS, Compensation, Cue, compensate
from biomech.parameters import PARAMETERS, check_parameter, resolve_overrides

__all__ = [
    "CUE_TITLES",
    "LIFT_PARAMETERS",
    "LiftPosture",
    "lift_compensation",
    "lift_cues_html",
    "lift_cues_markdown",
    "lift_posture",
]

_RENAMED = {"cue_table": ("biomech.model.lift._cue_table", "biomech.model.lift.lift_cues_markdown or lift_cues_html")}
"""Old names kept one release as deprecated aliases (:func:`biomech._lazy.resolve`)."""

LIFT_PARAMETERS: tuple[str, ...] = (
    "lift_hip_flexion_start",
    "lift_knee_flexion_start",
    "lift_shank_inclination_start",
    "lift_cue_onset_hip_flexion",
)
"""Parameters of the lift (table rows); overrides for :func:`lift_posture` and
:func:`lift_compensation`, besides :data:`biomech.model.lockout.MODEL_PARAMETERS`."""

_PHASE_UNIT = "lift phase (0 = bar on the floor, 1 = lockout)"
Value = float | NDArray[np.float64]


@dataclass(frozen=True)
class LiftPosture:
    """Joint angles of the lifter at a lift phase, in degrees.

    Each numeric field is a float for a scalar phase, else an array of its shape.

    Attributes
    ----------
    phase
        0 = bar on the floor, 1 = lockout.
    hip_flexion
        Hip flexion (thigh relative to pelvis), positive = flexed.
    knee_flexion
        Knee flexion, positive = flexed.
    shank_inclination
        Forward lean of the shank from vertical (knee ahead of the ankle).
    thigh_inclination
        Lean of the thigh from vertical, hip behind the knee: ``knee - shank``.
    trunk_inclination
        Forward lean of pelvis and trunk from vertical: ``hip - knee + shank``.
    """

    phase: Value
    hip_flexion: Value
    knee_flexion: Value
    shank_inclination: Value
    thigh_inclination: Value
    trunk_inclination: Value

    def rows(self) -> tuple[tuple[str, str], ...]:
        """The angles as ``(label, degrees)`` pairs, through the project's one formatter.

        Examples
        --------
        >>> lift_posture(0.0).rows()[-1]
        ('trunk lean from vertical', '20.4')
        """
        if np.ndim(self.phase) != 0:
            raise ValueError("rows() needs a single phase; index the arrays first.")
        return tuple((label, format_degrees(float(getattr(self, field)))) for label, field in _POSTURE_ROWS)

    def __str__(self) -> str:
        if np.ndim(self.phase) != 0:
            return f"LiftPosture over {np.size(self.phase)} phases"
        lines = [f"Lifter at lift phase {float(self.phase):.2f} (0 = bar on the floor, 1 = lockout), degrees"]
        lines += [f"  {label:<28}{value:>8}" for label, value in self.rows()]
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        if np.ndim(self.phase) != 0:
            return str(self)
        head = f"Lifter at lift phase {float(self.phase):.2f} (0 = bar on the floor, 1 = lockout)\n\n"
        return head + "| angle | degrees |\n|---|---|\n" + "\n".join(f"| {a} | {v} |" for a, v in self.rows())


_POSTURE_ROWS = (
    ("hip flexion", "hip_flexion"),
    ("knee flexion", "knee_flexion"),
    ("shank lean from vertical", "shank_inclination"),
    ("thigh lean from vertical", "thigh_inclination"),
    ("trunk lean from vertical", "trunk_inclination"),
)


def lift_posture(phase: ArrayLike, /, **overrides: ArrayLike) -> LiftPosture:
    """Return the joint angles at a phase of the deadlift.

    Parameters
    ----------
    phase
        0 (bar on the floor) to 1 (lockout); scalar or shape ``(N,)``.
    **overrides
        ``lift_hip_flexion_start``, ``lift_knee_flexion_start``,
        ``lift_shank_inclination_start`` (degrees); see :mod:`biomech.parameters`.

    Returns
    -------
    LiftPosture
        Angles in degrees; at phase 0 the table's start angles, at phase 1 all 0
        (the model's upright lockout).

    Raises
    ------
    ValueError
        For a phase outside [0, 1], NaN, an unknown override or an out-of-range
        value; the message names the parameter, the range and the value.

    References
    ----------
    Schellenberg et al. (2013): maximum hip flexion 103.2 +/- 4.8 deg, knee
    flexion 107.8 +/- 22.4 deg, deadlift with 25% body weight (13 subjects, Vicon).

    Examples
    --------
    >>> start = lift_posture(0.0)
    >>> start.hip_flexion, start.knee_flexion
    (103.2, 107.8)
    >>> lift_posture(1.0).trunk_inclination
    0.0
    """
    p = check_range("phase", phase, 0.0, 1.0, _PHASE_UNIT)
    values = resolve_overrides(overrides, LIFT_PARAMETERS[:3])
    return _posture(p, values)


def lift_compensation(
    phase: ArrayLike,
    hip_extension_available: ArrayLike,
    /,
    *,
    cue: Cue = "squeeze_glutes",
    tissue: str = ALL_FLEXORS,
    **overrides: ArrayLike,
) -> Compensation:
    """Compute the compensation at a phase of the deadlift.

    Parameters
    ----------
    phase
        0 (bar on the floor) to 1 (lockout); scalar or shape ``(N,)``.
    hip_extension_available
        Passive hip extension the restricting tissue allows, degrees (-30 to 40),
        as for :func:`biomech.model.lockout.compensate`.
    cue, tissue
        As for :func:`biomech.model.lockout.compensate`; the cue acts only over the last
        ``lift_cue_onset_hip_flexion`` degrees of hip flexion.
    **overrides
        Any of :data:`biomech.model.lockout.MODEL_PARAMETERS` and :data:`LIFT_PARAMETERS`.

    Returns
    -------
    Compensation
        As at lockout, except: ``hip_extension_available`` is the tissue's (not
        the effective) value, ``demand`` is the phase's whole hip-extension
        demand, posture plus faded cue, negative while the hip is still flexed, and
        there is no balance (``trunk_lean`` 0, ``thigh_inclination`` the faded cue's
        demand, ``lumbar_extension`` = ``pelvic_tilt`` as at lockout).
        ``deficit == max(0, demand - hip_extension_available)`` still holds.

    Raises
    ------
    ValueError
        As :func:`biomech.model.lockout.compensate` and :func:`lift_posture`.

    Examples
    --------
    >>> lift_compensation(0.0, -30.0).deficit
    0.0
    >>> lift_compensation(1.0, -10.0).deficit == compensate(-10.0, mechanism="blog").deficit
    True
    """
    p = check_range("phase", phase, 0.0, 1.0, _PHASE_UNIT)
    available = check_parameter("hip_extension_available", hip_extension_available)
    lift = resolve_overrides({k: v for k, v in overrides.items() if k in LIFT_PARAMETERS}, LIFT_PARAMETERS)
    model = {k: v for k, v in overrides.items() if k not in LIFT_PARAMETERS}
    for name in model:
        check_choice("override", name, MODEL_PARAMETERS + LIFT_PARAMETERS)
    hip = _posture(p, lift).hip_flexion
    weight = np.clip(1.0 - np.asarray(hip) / lift["lift_cue_onset_hip_flexion"], 0.0, 1.0)
    squeeze = check_parameter("squeeze_demand", model.pop("squeeze_demand", PARAMETERS["squeeze_demand"].default))
    # Beyond the table's upper bound no cue can cause a deficit (max demand < bound),
    # so clipping the effective value there changes nothing but keeps it in range.
    upper = PARAMETERS["hip_extension_available"].max
    effective = np.minimum(available + hip, upper)
    state = compensate(effective, cue=cue, tissue=tissue, mechanism="blog", squeeze_demand=weight * squeeze, **model)
    shape = np.shape(state.deficit)

    def out(a: ArrayLike) -> Value:
        a = np.broadcast_to(np.asarray(a, dtype=float), shape)
        return float(a) if a.ndim == 0 else a.copy()

    return dataclasses.replace(
        state,
        hip_extension_available=out(available),
        demand=out(np.asarray(state.demand) - hip),
        hip_flexion=out(np.asarray(state.hip_flexion) + hip),
        # no balance in the lift: the leg takes the cue's extension (as far as the lockout reaches it)
        thigh_inclination=out(np.asarray(state.demand) - np.asarray(state.shortfall)),
        trunk_lean=out(0.0),
    )


def _posture(phase: NDArray[np.float64], v: dict[str, NDArray[np.float64]]) -> LiftPosture:
    """Joint angles along the half-cosine path (inputs already checked)."""
    s = (1.0 + np.cos(np.pi * phase)) / 2.0
    hip = v["lift_hip_flexion_start"] * s
    knee = v["lift_knee_flexion_start"] * s
    shank = v["lift_shank_inclination_start"] * s
    shape = np.broadcast_shapes(np.shape(phase), *(np.shape(x) for x in v.values()))

    def out(a: ArrayLike) -> Value:
        a = np.broadcast_to(np.asarray(a, dtype=float), shape)
        return float(a) if a.ndim == 0 else a.copy()

    return LiftPosture(
        phase=out(phase),
        hip_flexion=out(hip),
        knee_flexion=out(knee),
        shank_inclination=out(shank),
        thigh_inclination=out(knee - shank),
        trunk_inclination=out(hip - knee + shank),
    )


CUE_TITLES = {"stand_tall": "Stand tall", "squeeze_glutes": "Squeeze your bum at the top"}
"""The cues as coaches say them (column and panel titles)."""


def _cue_rows(
    phase: float, hip_extension_available: float, tissue: str, overrides: dict[str, float]
) -> tuple[str, list[str], list[list[str]]]:
    """Both cues' numbers at a phase: the caption, the header and the rows, formatted (degrees)."""
    for name in overrides:
        check_choice("override", name, MODEL_PARAMETERS + LIFT_PARAMETERS)
    model = {k: v for k, v in overrides.items() if k in MODEL_PARAMETERS}
    lift = {k: v for k, v in overrides.items() if k in LIFT_PARAMETERS}
    p = float(check_range("phase", phase, 0.0, 1.0, "lift phase (0 = bar on the floor, 1 = lockout)"))
    angles = lift_posture(p, **{k: v for k, v in lift.items() if k in LIFT_PARAMETERS[:3]})
    states = [lift_compensation(p, hip_extension_available, cue=c, tissue=tissue, **model, **lift) for c in CUES]
    rows: list[tuple[str, list[object]]] = [
        ("hip flexion", [angles.hip_flexion] * 2),
        ("knee flexion", [angles.knee_flexion] * 2),
        ("trunk lean from vertical", [angles.trunk_inclination] * 2),
    ]
    rows += [
        (label, [getattr(s, field) for s in states])
        for label, field in (
            ("hip extension asked for", "demand"),
            ("deficit", "deficit"),
            ("rotation used (+ external)", "rotation_used"),
            ("feet turned out", "foot_progression"),
            ("anterior pelvic tilt on the trunk", "pelvic_tilt"),
            ("lumbar extension added", "lumbar_extension"),
        )
    ]
    rows.append(("stage", [s.stage for s in states]))
    cell = lambda v: v if isinstance(v, str) else format_degrees(float(v))  # noqa: E731
    head = ["", *(CUE_TITLES[c] for c in CUES)]
    body = [[label, *(cell(v) for v in values)] for label, values in rows]
    caption = f"Phase {p:.2f}, {hip_extension_available:g} deg of hip extension available, tissue: {tissue} (degrees)"
    return caption, head, body


def lift_cues_markdown(
    phase: float, hip_extension_available: float, /, *, tissue: str = ALL_FLEXORS, **overrides: float
) -> str:
    """Return both cues' numbers at a phase of the lift side by side, as a Markdown table (degrees).

    ``overrides`` are parameters of :func:`~biomech.model.lockout.compensate` and of the lift
    (:data:`LIFT_PARAMETERS`).

    Examples
    --------
    >>> print(lift_cues_markdown(1.0, -8.0).splitlines()[2])
    |  | Stand tall | Squeeze your bum at the top |
    """
    caption, head, body = _cue_rows(phase, hip_extension_available, tissue, overrides)
    lines = [f"| {' | '.join(head)} |", "|---|---|---|"] + [f"| {' | '.join(r)} |" for r in body]
    return caption + "\n\n" + "\n".join(lines)


def lift_cues_html(
    phase: float, hip_extension_available: float, /, *, tissue: str = ALL_FLEXORS, **overrides: float
) -> str:
    """Return the same numbers as :func:`lift_cues_markdown` as an HTML caption and table (degrees)."""
    caption, head, body = _cue_rows(phase, hip_extension_available, tissue, overrides)
    td = "<td style='padding:2px 10px;text-align:right'>{}</td>"
    trs = "".join("<tr>" + "".join(td.format(html.escape(c)) for c in r) + "</tr>" for r in [head, *body])
    return f"<p>{html.escape(caption)}</p><table>{trs}</table>"


def _cue_table(
    phase: float,
    hip_extension_available: float,
    /,
    *,
    tissue: str = ALL_FLEXORS,
    fmt: str = "markdown",
    **overrides: float,
) -> str:
    """The deprecated ``cue_table``: :func:`lift_cues_markdown` or :func:`lift_cues_html`, chosen by ``fmt``."""
    check_choice("fmt", fmt, ("markdown", "html"))
    render = lift_cues_markdown if fmt == "markdown" else lift_cues_html
    return render(phase, hip_extension_available, tissue=tissue, **overrides)


def __getattr__(name: str) -> Any:
    """The old names, with a ``DeprecationWarning`` naming what replaces them."""
    return resolve(__name__, name, globals(), renamed=_RENAMED)
