"""The lifter posed at a phase of the deadlift, floor to lockout (numpy only, no plotting).

:func:`lift_scene` starts from the lockout :class:`~biomech.scene.scene.Scene` and moves
its side-on pose to the phase's joint angles (:func:`biomech.model.lift.lift_posture`):
the leg takes the phase's shank and thigh angles, and pelvis, spine, trunk and head turn
forward about the hip by the trunk's inclination (the arms hang vertically).

**The bar.** The hands hold the bar at mid-hand all the way up, and at phase 0 the bar
rests on the floor: its centre at :data:`PLATE_RADIUS` (a 45 cm plate at an assumed
standing height of 1.75 m; ``segments.csv``). With the published start angles
(Schellenberg et al. 2013), the illustrative shank lean and Winter's proportions, the
straight, hanging arms end about 0.04 H (7 cm at 1.75 m) above that bar. The drawing
closes the gap by rounding the upper back: the trunk above T12, the head and the arms
turn forward about T12 by :func:`upper_back_bend` degrees, solved at phase 0 so that the
hands reach the bar, and fading out along the lift path (``(1 + cos(pi p)) / 2``, as the
joint angles do) to none at lockout. The bend is a drawing assumption, not a
measurement: no source we read gives trunk or spine angles at lift-off, and the model's
numbers (hip, knee, pelvis, lumbar spine) do not include it.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from biomech._validation import check_choice
from biomech.anatomy.tissues import ALL_FLEXORS
from biomech.model.lift import CUE_TITLES, LIFT_PARAMETERS, LiftPosture, lift_compensation, lift_posture
from biomech.model.lockout import CUES, MODEL_PARAMETERS, Compensation, Cue
from biomech.parameters import PARAMETERS
from biomech.scene.bones import sagittal_bones, transverse_bones
from biomech.scene.pose import (
    SEGMENT_LENGTHS,
    SEGMENTS,
    SagittalPose,
    sacrum_in_pelvis,
    sagittal_pose,
    transverse_pose,
    turn,
)
from biomech.scene.scene import POSTURE_PARAMETERS, Scene, _point, build_scene, side_muscles

__all__ = [
    "CUES",
    "CUE_TITLES",
    "LIFT_PHASES",
    "LiftScene",
    "PLATE_DIAMETER_M",
    "PLATE_RADIUS",
    "STANDING_HEIGHT_M",
    "lift_scene",
    "lift_scenes",
    "split_overrides",
    "start_reach",
    "upper_back_bend",
]

PLATE_RADIUS: float = SEGMENTS["plate_radius"]
"""Height of the bar's centre with the bar on the floor, in H (``segments.csv``: a 45 cm
plate, 0.225 m, at an assumed standing height of 1.75 m)."""
PLATE_DIAMETER_M = 0.45
"""The plate ``plate_radius`` stands for, m (IWF equipment rules, read in secondary summaries)."""
STANDING_HEIGHT_M = 1.75
"""The standing height assumed to turn the plate into H (``segments.csv``): not a measurement."""
LIFT_PHASES = 101
"""Phases of a :class:`LiftScene`: 0 (bar on the floor) to 1 (lockout) in steps of 0.01."""


def _lift_pose(p: SagittalPose, angles: LiftPosture) -> SagittalPose:
    """Move a lockout pose to the lift's joint angles (ankle and foot fixed).

    The lockout pose's own forward lean of the leg (hips through) is kept on top of the
    lift's shank and thigh angles, so phase 1 gives the lockout pose back.
    """
    _, knee0, hip0 = p.leg
    through = np.arctan2(hip0[0] - knee0[0], hip0[1] - knee0[1])
    shank = np.radians(float(angles.shank_inclination)) + through
    thigh = np.radians(float(angles.thigh_inclination)) - through
    knee = p.leg[0] + SEGMENT_LENGTHS["shank"] * np.array([np.sin(shank), np.cos(shank)])
    hip = knee + SEGMENT_LENGTHS["thigh"] * np.array([-np.sin(thigh), np.cos(thigh)])
    lean = float(angles.trunk_inclination)

    def upper(x: np.ndarray) -> np.ndarray:
        return turn(np.asarray(x) - p.hip, lean) + hip

    trunk = upper(p.trunk)
    hang = trunk[1] - p.trunk[1]  # the arms hang from the moved shoulder
    return dataclasses.replace(
        p,
        leg=np.array([p.leg[0], knee, hip]),
        pelvis=upper(p.pelvis),
        hip=hip,
        asis=upper(p.asis),
        psis=upper(p.psis),
        sacrum=upper(p.sacrum),
        lumbar=upper(p.lumbar),
        trunk=trunk,
        head_center=upper(p.head_center),
        arm=p.arm + hang,
        bar=p.bar + hang,
        pelvic_tilt=p.pelvic_tilt + lean,
        sacrum_angle=p.sacrum_angle + lean,
        t12_angle=p.t12_angle + lean,
    )


def _bend_upper_back(p: SagittalPose, bend: float) -> SagittalPose:
    """Turn the trunk above T12, the head and the arms forward by ``bend`` degrees about T12.

    The arms still hang vertically from the moved shoulder, so the bar moves with the hands.
    """
    if bend == 0.0:
        return p
    t12 = p.trunk[0]

    def upper(x: np.ndarray) -> np.ndarray:
        return turn(np.asarray(x) - t12, bend) + t12

    shoulder = upper(p.arm[1])
    moved = shoulder - p.arm[1]
    return dataclasses.replace(
        p,
        trunk=upper(p.trunk),
        head_center=upper(p.head_center),
        arm=np.vstack([upper(p.arm[0]), shoulder, p.arm[2:] + moved]),
        bar=p.bar + moved,
    )


def upper_back_bend(start: SagittalPose) -> float:
    """Degrees the upper back must round at lift-off for the hands to reach the bar on the floor.

    ``start`` is the lifter posed at phase 0 without a bend. Turning the shoulder about
    T12 by ``b`` lowers the hanging hands by as much as it lowers the shoulder, so the
    bar's height is ``t12_y + R cos(b + phi) - drop`` (``R``, ``phi``: the shoulder's
    distance from T12 and its angle forward of vertical; ``drop``: shoulder to mid-hand),
    solved for ``b`` at :data:`PLATE_RADIUS`. Negative: the back would straighten; if no
    bend reaches, the nearest one (hands as low or as high as they go).

    Examples
    --------
    >>> from biomech.model.lift import lift_posture
    >>> from biomech.parameters import PARAMETERS
    >>> tilt, lordosis = (PARAMETERS[n].default for n in ("standing_pelvic_tilt", "standing_lumbar_lordosis"))
    >>> start = _lift_pose(sagittal_pose(tilt, lordosis, sacrum_offset=lordosis - tilt), lift_posture(0.0))
    >>> round(upper_back_bend(start), 1)
    19.3
    """
    t12, shoulder = start.trunk[0], start.arm[1]
    x, y = shoulder - t12
    radius, phi = float(np.hypot(x, y)), float(np.arctan2(x, y))
    drop = float(shoulder[1] - start.bar[1])
    ratio = (PLATE_RADIUS + drop - float(t12[1])) / radius
    return float(np.degrees(np.arccos(np.clip(ratio, -1.0, 1.0)) - phi))


def start_reach(**lift_overrides: float) -> tuple[float, float]:
    """At lift-off: how far above the bar on the floor straight, hanging arms end, and the bend that closes it.

    Returns ``(gap, bend)``: the gap in H (mid-hand above the bar's centre, without the
    upper back rounding) and :func:`upper_back_bend` in degrees, for the lift's start
    angles (``lift_*`` overrides as for :func:`biomech.model.lift.lift_posture`) and the
    standing pelvis and lumbar spine.

    Examples
    --------
    >>> gap, bend = start_reach()
    >>> round(gap * STANDING_HEIGHT_M * 100), round(bend)
    (7, 19)
    """
    tilt, lordosis = (PARAMETERS[n].default for n in ("standing_pelvic_tilt", "standing_lumbar_lordosis"))
    neutral = sagittal_pose(tilt, lordosis, sacrum_offset=sacrum_in_pelvis(tilt, lordosis))
    start = _lift_pose(neutral, lift_posture(0.0, **lift_overrides))
    return float(start.bar[1] - PLATE_RADIUS), upper_back_bend(start)


def split_overrides(overrides: dict[str, float]) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Split keyword overrides into the model's, the lift's and the posture's (names checked)."""
    for name in overrides:
        check_choice("override", name, MODEL_PARAMETERS + LIFT_PARAMETERS + POSTURE_PARAMETERS)
    pick = lambda names: {k: v for k, v in overrides.items() if k in names}  # noqa: E731
    return pick(MODEL_PARAMETERS), pick(LIFT_PARAMETERS), pick(POSTURE_PARAMETERS)


@dataclass(frozen=True)
class _Lockout:
    """What a lifter's pull shares at every phase, for one cue (computed once per setting)."""

    scene: Scene  # the lockout, where the lift ends: curve, stage spans, highlights, standing angles
    offset: float  # the sacrum in the pelvis, standing
    neutral: SagittalPose  # standing, before the lift's joint angles move it
    bend: float  # the upper back's rounding at lift-off, deg (faded out along the pull)
    lift: tuple[tuple[str, float], ...]  # the lift's overrides
    model: tuple[tuple[str, float], ...]  # the lockout model's overrides


@functools.lru_cache(maxsize=32)
def _lockout(
    hip_extension_available: float,
    cue: Cue,
    tissue: str,
    model: tuple[tuple[str, float], ...],
    lift: tuple[tuple[str, float], ...],
    posture: tuple[tuple[str, float], ...],
) -> _Lockout:
    """The parts of a lift's scenes that do not change with phase: the lockout scene, the standing pose, the bend."""
    lockout = build_scene(hip_extension_available, cue=cue, tissue=tissue, mechanism="blog", **dict(model + posture))
    tilt0, lordosis0 = lockout.standing_pelvic_tilt, lockout.standing_lumbar_lordosis
    offset = sacrum_in_pelvis(tilt0, lordosis0)
    neutral = sagittal_pose(tilt0, lordosis0, sacrum_offset=offset)
    start = lift_posture(0.0, **{k: v for k, v in lift if k in LIFT_PARAMETERS[:3]})
    return _Lockout(lockout, offset, neutral, upper_back_bend(_lift_pose(neutral, start)), lift, model)


def _setting(hip_extension_available: float, cue: Cue, tissue: str, overrides: Mapping[str, float]) -> _Lockout:
    """The cached :class:`_Lockout` of one setting (overrides checked and split)."""
    model, lift, posture = split_overrides(dict(overrides))
    key = lambda d: tuple(sorted((k, float(v)) for k, v in d.items()))  # noqa: E731
    return _lockout(float(hip_extension_available), cue, tissue, key(model), key(lift), key(posture))


def _pose_at(parts: _Lockout, phase: float, state: Compensation) -> Scene:
    """The lockout scene moved to a phase's joint angles, for the phase's scalar state."""
    lockout = parts.scene
    angles = lift_posture(phase, **{k: v for k, v in parts.lift if k in LIFT_PARAMETERS[:3]})
    bend = parts.bend * (1.0 + np.cos(np.pi * float(phase))) / 2.0
    pose = _lift_pose(
        sagittal_pose(
            lockout.standing_pelvic_tilt + float(state.pelvic_tilt),
            lockout.standing_lumbar_lordosis + float(state.lumbar_extension),
            sacrum_offset=parts.offset,
            thigh_inclination=float(state.thigh_inclination),
        ),
        angles,
    )
    side = _bend_upper_back(pose, bend)
    side_neutral = _bend_upper_back(_lift_pose(parts.neutral, angles), bend)
    return dataclasses.replace(
        lockout,
        state=state,
        sagittal=side,
        sagittal_neutral=side_neutral,
        transverse=transverse_pose(
            float(state.rotation_used), float(state.foot_progression), pelvic_tilt=pose.pelvic_tilt
        ),
        bones_side=sagittal_bones(side),
        bones_side_neutral=sagittal_bones(side_neutral),
        bones_top=transverse_bones(float(state.rotation_used), float(state.foot_progression)),
        muscles_side=side_muscles(side, state),
    )


def _share_pose(parts: _Lockout, state: Compensation, other: Scene) -> Scene:
    """A scene posed as ``other``, whose state differs from ``state`` only in the cue (early in the pull,
    before the cue acts, both cues ask the same): its poses, bones and muscles are shared, not posed again."""
    return dataclasses.replace(
        parts.scene,
        state=state,
        sagittal=other.sagittal,
        sagittal_neutral=other.sagittal_neutral,
        transverse=other.transverse,
        bones_side=other.bones_side,
        bones_side_neutral=other.bones_side_neutral,
        bones_top=other.bones_top,
        muscles_side=other.muscles_side,
    )


def lift_scene(
    phase: float,
    hip_extension_available: float,
    /,
    *,
    cue: Cue = "squeeze_glutes",
    tissue: str = ALL_FLEXORS,
    **overrides: float,
) -> Scene:
    """Return what the views draw at a phase of the deadlift.

    Parameters
    ----------
    phase
        0 (bar on the floor) to 1 (lockout), a single number.
    hip_extension_available, cue, tissue
        As for :func:`biomech.model.lift.lift_compensation` (the blog's mechanism).
    **overrides
        Single numbers for the model's, the lift's and the posture's parameters.

    Returns
    -------
    Scene
        ``state`` is :func:`~biomech.model.lift.lift_compensation` at this phase; the side
        and top views and the bones are posed at it, the hands on the bar (on the floor at phase 0:
        see the module's note on the bar). ``curve``, ``stage_spans`` and ``highlights``
        describe this lifter at lockout, where the lift ends. The bones and the muscles
        of the side view are posed on the phase's pose like the lockout's
        (:mod:`biomech.scene.bones`, :mod:`biomech.scene.muscle_lines`); the muscles'
        roles follow the phase's state (the rotators only while the hip rotates).
        The lockout scene, the standing pose and the bend are computed once per setting
        (kept for the last few settings): a new phase poses only what moves.

    Examples
    --------
    >>> s = lift_scene(1.0, -10.0)
    >>> s.state.pelvic_tilt == build_scene(-10.0, mechanism="blog").state.pelvic_tilt  # the lift has no balance
    True
    """
    if np.ndim(phase):
        raise ValueError(f"'phase' must be a single number for a scene; got shape {np.shape(phase)}.")
    parts = _setting(hip_extension_available, cue, tissue, overrides)
    state = lift_compensation(
        phase, hip_extension_available, cue=cue, tissue=tissue, **dict(parts.model), **dict(parts.lift)
    )
    return _pose_at(parts, float(phase), state)


@dataclass(frozen=True)
class LiftScene:
    """A lifter's whole pull under both cues: the curves over the phase grid and a scene per phase.

    What the lift lab draws, computed in one go (:func:`lift_scenes`): the views and the
    browser's renderer draw it and compute nothing. Angles in degrees, lengths in H.

    Attributes
    ----------
    phases
        The phase grid, shape ``(N,)``, 0 (bar on the floor) to 1 (lockout).
    curves
        Cue -> :func:`~biomech.model.lift.lift_compensation` over :attr:`phases` (array
        fields), in the order of :data:`CUES`.
    scenes
        Cue -> one :class:`~biomech.scene.scene.Scene` per phase; scene ``i`` of a cue is
        ``lift_scene(phases[i], ...)`` with the same settings.
    postures
        The joint angles over :attr:`phases` (:func:`~biomech.model.lift.lift_posture`;
        the same for both cues).
    hip_extension_available, tissue
        The lifter's setting.
    """

    phases: np.ndarray
    curves: Mapping[str, Compensation]
    scenes: Mapping[str, tuple[Scene, ...]]
    postures: LiftPosture
    hip_extension_available: float
    tissue: str

    def index(self, phase: float) -> int:
        """The index of the grid's phase nearest ``phase``."""
        return int(np.argmin(np.abs(self.phases - float(phase))))

    def at(self, phase: float) -> Mapping[str, Scene]:
        """Cue -> the scene at the grid's phase nearest ``phase``."""
        i = self.index(phase)
        return {cue: scenes[i] for cue, scenes in self.scenes.items()}


def lift_scenes(
    hip_extension_available: float,
    /,
    *,
    tissue: str = ALL_FLEXORS,
    phases: int = LIFT_PHASES,
    **overrides: float,
) -> LiftScene:
    """Compute a lifter's whole pull, both cues: the curves and a posed scene per phase.

    The lift model runs once per cue over the grid (:func:`~biomech.model.lift.lift_compensation`
    on an array); what does not change with phase (the lockout scene, the standing pose,
    the upper back's bend at lift-off) is computed once per cue; each phase then poses only
    what moves. Where the two cues' states differ in nothing but the cue (before the cue
    acts, late in the pull), the second shares the first's poses, bones and muscles (the
    same objects).

    Parameters
    ----------
    hip_extension_available, tissue, **overrides
        As for :func:`lift_scene`.
    phases
        Points of the phase grid, from 0 to 1 (at least 2).

    Examples
    --------
    >>> lift = lift_scenes(-8.0, phases=11)
    >>> one = lift_scene(0.4, -8.0, cue="stand_tall")
    >>> len(lift.scenes["squeeze_glutes"]), lift.scenes["stand_tall"][4].state == one.state
    (11, True)
    """
    if int(phases) != phases or phases < 2:
        raise ValueError(f"'phases' must be a whole number of at least 2; got {phases!r}.")
    grid = np.linspace(0.0, 1.0, int(phases))
    curves: dict[str, Compensation] = {}
    scenes: dict[str, tuple[Scene, ...]] = {}
    for cue in CUES:
        parts = _setting(hip_extension_available, cue, tissue, overrides)
        curve = lift_compensation(
            grid, hip_extension_available, cue=cue, tissue=tissue, **dict(parts.model), **dict(parts.lift)
        )
        curves[cue] = curve
        posed = []
        for i, p in enumerate(grid):
            state = _point(curve, i)
            same = next(
                (s[i] for s in scenes.values() if dataclasses.replace(state, cue=s[i].state.cue) == s[i].state), None
            )
            posed.append(_pose_at(parts, float(p), state) if same is None else _share_pose(parts, state, same))
        scenes[cue] = tuple(posed)
        lift = dict(parts.lift)
    postures = lift_posture(grid, **{k: v for k, v in lift.items() if k in LIFT_PARAMETERS[:3]})
    return LiftScene(grid, curves, scenes, postures, float(hip_extension_available), tissue)
