"""The lifter posed at a phase of the deadlift, floor to lockout (numpy only, no plotting).

:func:`lift_scene` starts from the lockout :class:`~biomech.scene.scene.Scene` and moves
its side-on pose to the phase's joint angles (:func:`biomech.model.lift.lift_posture`):
the leg takes the phase's shank and thigh angles, and pelvis, spine, trunk and head turn
forward about the hip by the trunk's inclination (the arms hang vertically).
"""

from __future__ import annotations

import dataclasses

import numpy as np

from biomech._validation import check_choice
from biomech.anatomy.tissues import ALL_FLEXORS
from biomech.model.lift import LIFT_PARAMETERS, LiftPosture, lift_compensation, lift_posture
from biomech.model.lockout import MODEL_PARAMETERS
from biomech.scene.bones import sagittal_bones, transverse_bones
from biomech.scene.pose import SEGMENT_LENGTHS, SagittalPose, sacrum_in_pelvis, sagittal_pose, transverse_pose, turn
from biomech.scene.scene import POSTURE_PARAMETERS, Scene, build_scene, side_muscles

__all__ = ["lift_scene", "split_overrides"]


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


def split_overrides(overrides: dict[str, float]) -> tuple[dict[str, float], dict[str, float], dict[str, float]]:
    """Split keyword overrides into the model's, the lift's and the posture's (names checked)."""
    for name in overrides:
        check_choice("override", name, MODEL_PARAMETERS + LIFT_PARAMETERS + POSTURE_PARAMETERS)
    pick = lambda names: {k: v for k, v in overrides.items() if k in names}  # noqa: E731
    return pick(MODEL_PARAMETERS), pick(LIFT_PARAMETERS), pick(POSTURE_PARAMETERS)


def lift_scene(
    phase: float,
    hip_extension_available: float,
    /,
    *,
    cue: str = "squeeze_glutes",
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
        and top views are posed at it. ``curve``, ``stage_spans`` and ``highlights``
        describe this lifter at lockout, where the lift ends. The bones and the muscles
        of the side view are posed on the phase's pose like the lockout's
        (:mod:`biomech.scene.bones`, :mod:`biomech.scene.muscle_lines`); the muscles'
        roles follow the phase's state (the rotators only while the hip rotates).

    Examples
    --------
    >>> s = lift_scene(1.0, -10.0)
    >>> s.sagittal.pelvic_tilt == build_scene(-10.0, mechanism="blog").sagittal.pelvic_tilt
    True
    """
    if np.ndim(phase):
        raise ValueError(f"'phase' must be a single number for a scene; got shape {np.shape(phase)}.")
    model, lift, posture = split_overrides(overrides)
    lockout = build_scene(hip_extension_available, cue=cue, tissue=tissue, mechanism="blog", **model, **posture)
    state = lift_compensation(phase, hip_extension_available, cue=cue, tissue=tissue, **model, **lift)
    angles = lift_posture(phase, **{k: v for k, v in lift.items() if k in LIFT_PARAMETERS[:3]})
    tilt0, lordosis0 = lockout.standing_pelvic_tilt, lockout.standing_lumbar_lordosis
    offset = sacrum_in_pelvis(tilt0, lordosis0)
    pose = _lift_pose(
        sagittal_pose(
            tilt0 + state.pelvic_tilt,
            lordosis0 + state.lumbar_extension,
            sacrum_offset=offset,
            thigh_inclination=float(state.thigh_inclination),
        ),
        angles,
    )
    neutral = _lift_pose(sagittal_pose(tilt0, lordosis0, sacrum_offset=offset), angles)
    return dataclasses.replace(
        lockout,
        state=state,
        sagittal=pose,
        sagittal_neutral=neutral,
        transverse=transverse_pose(state.rotation_used, state.foot_progression, pelvic_tilt=pose.pelvic_tilt),
        bones_side=sagittal_bones(pose),
        bones_side_neutral=sagittal_bones(neutral),
        bones_top=transverse_bones(state.rotation_used, state.foot_progression),
        muscles_side=side_muscles(pose, state),
    )
