"""The lifter posed at a phase of the deadlift, floor to lockout (numpy only, no plotting).

:func:`lift_scene` starts from the lockout :class:`~biomech.scene.scene.Scene` and moves
its side-on pose to the phase's joint angles (:func:`biomech.model.lift.lift_posture`):
the leg takes the phase's shank and thigh angles, and pelvis, spine, trunk and head turn
forward about the hip by the trunk's inclination (the arms hang vertically).

**The feet are set before the pull.** Planted under a loaded bar, the feet do not turn
during the pull, and the hip cannot rotate in them by the 18-27 deg the model's lockout
may ask for. The model's rotation at a phase (``state.rotation_used``, the curves) is the
rotation the hip would need at that phase if the feet were free; the top view instead
draws, at every phase, the stance the *lockout* would need (the phase-1 compensation's
hip rotation and foot progression, one per lifter, tissue, cue and overrides), as a lifter
would have to set it before the pull (:attr:`Scene.stance_set_before_pull
<biomech.scene.scene.Scene.stance_set_before_pull>`, worded by
:func:`~biomech.scene.labels.feet_label`). The blog has the leg and foot turn out at the
top; the stance set before the pull is the project's reading, not measured. For the lessons'
lifter it is a sumo lifter's foot angle (Escamilla et al. 2000, abstract: feet turned out
42 +/- 8 deg sumo, 14 +/- 6 conventional) on a conventional stance width (notebook 03, section 3).

The lift's pose helpers (the joint angles applied to the pose, the bar on the floor and
the upper back's bend at lift-off) are in :mod:`biomech.scene.lift_pose`; their public
names are importable from here too.
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
from biomech.scene.bones import TransverseBones, sagittal_bones, transverse_bones
from biomech.scene.lift_pose import (
    PLATE_DIAMETER_M,
    PLATE_RADIUS,
    STANDING_HEIGHT_M,
    _bend_upper_back,
    _lift_pose,
    start_reach,
    upper_back_bend,
)
from biomech.scene.pose import SagittalPose, sacrum_in_pelvis, sagittal_pose, transverse_pose
from biomech.scene.scene import POSTURE_PARAMETERS, Scene, _point, build_scene, side_muscles

__all__ = [
    "CUES",
    "CUE_TITLES",
    "LIFT_PHASES",
    "LiftScene",
    "PLATE_DIAMETER_M",
    "PLATE_RADIUS",
    "PELVIS_CURVE",
    "ROTATION_CURVE",
    "STANDING_HEIGHT_M",
    "lift_scene",
    "lift_scenes",
    "split_overrides",
    "start_reach",
    "upper_back_bend",
]

ROTATION_CURVE = "hip rotation needed, external + (free feet)"
"""The rotation curve's name in both renderers' keys: what the hip would need at that phase if the feet could
turn (``state.rotation_used``, external rotation positive); the feet drawn are the lockout's stance, set before
the pull (the module's note)."""
PELVIS_CURVE = "anterior pelvic tilt on the trunk"
"""The pelvis curve's name in both renderers' keys (``state.pelvic_tilt``: the compensation's anterior tilt of
the pelvis on the trunk, not the pelvis in the room)."""

LIFT_PHASES = 101
"""Phases of a :class:`LiftScene`: 0 (bar on the floor) to 1 (lockout) in steps of 0.01."""


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
    stance: tuple[float, float]  # the lockout's hip rotation and foot progression: the stance set before the pull
    bones_top: TransverseBones  # the top view's bones at that stance (the same at every phase)
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
    top = lift_compensation(1.0, hip_extension_available, cue=cue, tissue=tissue, **dict(model + lift))
    stance = (float(top.rotation_used), float(top.foot_progression))
    bend = upper_back_bend(_lift_pose(neutral, start))
    return _Lockout(lockout, offset, neutral, bend, stance, transverse_bones(*stance), lift, model)


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
        transverse=transverse_pose(*parts.stance, pelvic_tilt=pose.pelvic_tilt),
        bones_side=sagittal_bones(side),
        bones_side_neutral=sagittal_bones(side_neutral),
        bones_top=parts.bones_top,
        muscles_side=side_muscles(side, state),
        stance_set_before_pull=True,
    )


def _share_pose(parts: _Lockout, state: Compensation, other: Scene) -> Scene:
    """A scene posed as ``other``, whose state differs from ``state`` only in the cue (early in the pull,
    before the cue acts, both cues ask the same): its side view's poses, bones and muscles are shared, not posed
    again. The top view is this cue's own: the stance its lockout would need."""
    return dataclasses.replace(
        parts.scene,
        state=state,
        sagittal=other.sagittal,
        sagittal_neutral=other.sagittal_neutral,
        transverse=transverse_pose(*parts.stance, pelvic_tilt=other.sagittal.pelvic_tilt),
        bones_side=other.bones_side,
        bones_side_neutral=other.bones_side_neutral,
        bones_top=parts.bones_top,
        muscles_side=other.muscles_side,
        stance_set_before_pull=True,
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
        view and its bones are posed at it, the hands on the bar (on the floor at phase 0:
        see the module's note on the bar). The top view is the stance the lockout would need,
        set before the pull, the same at every phase (``stance_set_before_pull`` is True; see the
        module's note on the feet). ``curve``, ``stage_spans`` and ``highlights``
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
