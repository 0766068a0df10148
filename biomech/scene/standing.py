"""The standing lifter, posed once per standing posture and shared by every scene of it.

The standing pose (the dashed reference of the side view) and its bones depend on the
standing pelvic tilt and lordosis alone, not on the cue, tissue, mechanism or restriction:
:func:`standing_posture` poses them once (``functools.lru_cache``) and makes their arrays
read-only, since every scene of that posture holds the same objects.
"""

from __future__ import annotations

import functools
from dataclasses import fields

import numpy as np

from biomech.scene.bones import SagittalBones, sagittal_bones
from biomech.scene.pose import SagittalPose, sacrum_in_pelvis, sagittal_pose

__all__ = ["read_only", "standing_posture"]


@functools.lru_cache(maxsize=16)
def standing_posture(tilt0: float, lordosis0: float) -> tuple[float, SagittalPose, SagittalBones]:
    """The standing lifter for a standing tilt and lordosis (deg), posed once and shared (read-only).

    Nothing of it changes between the states of a setting, nor between settings with the
    same standing posture: every scene of that posture holds the same objects.

    Returns
    -------
    sacrum_offset, pose, bones
        :func:`~biomech.scene.pose.sacrum_in_pelvis`, the standing
        :class:`~biomech.scene.pose.SagittalPose` and its bones
        (:func:`~biomech.scene.bones.sagittal_bones`); their arrays are read-only.

    Examples
    --------
    >>> from biomech.scene.scene import build_scene
    >>> build_scene(-10.0).sagittal_neutral is build_scene(15.0, cue="stand_tall").sagittal_neutral
    True
    """
    offset = sacrum_in_pelvis(tilt0, lordosis0)
    pose = sagittal_pose(tilt0, lordosis0, sacrum_offset=offset)
    bones = sagittal_bones(pose)
    read_only((pose, bones))
    return offset, pose, bones


def read_only(value: object) -> None:
    """Make every array in a (nested) dataclass, tuple or list read-only: it is shared."""
    if isinstance(value, np.ndarray):
        value.flags.writeable = False
    elif isinstance(value, tuple | list):
        for item in value:
            read_only(item)
    elif hasattr(value, "__dataclass_fields__"):
        for f in fields(value):  # type: ignore[arg-type]
            read_only(getattr(value, f.name))
