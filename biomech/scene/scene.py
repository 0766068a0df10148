"""A model state with everything the views draw for it (numpy only, no plotting).

:func:`build_scene` runs the model once for the state and once over the whole range of
available extension (the curves; and the curves again under each plausible variant of
the assumptions, the band of :mod:`biomech.model.variants`), and poses the lifter (:mod:`biomech.scene.pose`):
the leg leans forward by the model's ``thigh_inclination``, the drawn pelvic tilt is the
standing tilt plus the model's ``pelvic_tilt`` less its ``trunk_lean`` (pelvis and trunk
lean back together, at the hip), the drawn lordosis the standing lordosis plus its
``lumbar_extension`` (equal to the tilt), so the trunk above the lumbar spine leans back
from vertical by ``trunk_lean`` and lifter and bar stand balanced over the mid-foot
(:mod:`biomech.model.balance`).

Examples
--------
>>> s = build_scene(-10.0)
>>> a = s.sagittal.pelvic_tilt - s.standing_pelvic_tilt
>>> round(a, 6) == round(s.state.pelvic_tilt - s.state.trunk_lean, 6)
True
>>> round(-s.sagittal.t12_angle, 6) == round(s.state.trunk_lean, 6)  # the trunk leans back by the lean
True
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from types import MappingProxyType

import numpy as np

from biomech._validation import check_choice
from biomech.anatomy.actions_by_posture import TABLE_PARTS
from biomech.anatomy.textbook import flexors, load_actions, muscles_for
from biomech.anatomy.tissues import ALL_FLEXORS, tissue_parts
from biomech.model.balance import POSTURE_PARAMETERS
from biomech.model.lockout import MODEL_PARAMETERS, Compensation, Cue, StageSpan, compensate, stage_spans
from biomech.model.variants import CompensationBand, compensation_band
from biomech.parameters import PARAMETERS, check_parameter
from biomech.scene.bones import SagittalBones, TransverseBones, sagittal_bones, transverse_bones
from biomech.scene.muscle_lines import Points, sagittal_muscle_lines
from biomech.scene.pose import SagittalPose, TransversePose, sagittal_pose, transverse_pose
from biomech.scene.settings import SceneSettings
from biomech.scene.standing import read_only, standing_posture

__all__ = [
    "CUE_TARGET",
    "CURVE_POINTS",
    "HIGHLIGHT_ROLES",
    "POSTURE_PARAMETERS",
    "Scene",
    "SceneSettings",
    "build_scene",
    "build_scenes",
    "muscle_parts",
    "side_muscles",
]

CURVE_POINTS = 141
"""Points of :attr:`Scene.curve`: the whole valid range of available extension in 0.5 deg steps."""
HIGHLIGHT_ROLES: tuple[str, ...] = ("restricting", "compensating", "cue target")
"""Roles a muscle of the table can play in a state, in drawing order."""
CUE_TARGET = "Gluteus maximus"
"""The muscle the "squeeze your bum" cue targets."""


@dataclass(frozen=True)
class Scene:
    """Everything the views draw for one state: model outputs and their geometry.

    Views never compute biomechanics: they draw a Scene. Angles in degrees, lengths
    in H (fractions of standing height).

    Attributes
    ----------
    state
        The model's scalar :class:`~biomech.model.lockout.Compensation`.
    curve
        The same cue, tissue and overrides over :data:`CURVE_POINTS` values of
        available extension spanning its valid range (array fields).
    band
        The curve under each plausible variant of the assumptions
        (:func:`~biomech.model.variants.compensation_band` over the same points; row 0 is
        :attr:`curve`): how sure the answer is. Computed once per setting and shared by
        every state of it.
    stage_spans
        The three stages as :class:`StageSpan`, in the order of :data:`STAGES`.
    sagittal, sagittal_neutral
        The side-on figure in this state, and with no compensation (for reference; the
        standing pose and its bones are posed once per standing posture and shared by
        every scene of it: read-only).
    transverse
        The top-down view in this state.
    bones_side, bones_side_neutral, bones_top
        gait2392's bone outlines posed on the side view (this state, and standing)
        and on the top view (:mod:`biomech.scene.bones`).
    highlights
        Table label -> roles it plays in this state, from :data:`HIGHLIGHT_ROLES`:
        ``"restricting"`` (the tissue, or every flexor for ``"hip flexors (all)"``),
        ``"compensating"`` (the table's external or internal rotators, when the hip
        rotates that way), ``"cue target"`` (gluteus maximus, for squeeze_glutes).
    muscles_side
        Role -> gait2392 part -> its path posed on the side view (shape (K, 2), H),
        for the roles of :data:`HIGHLIGHT_ROLES` and the parts of :func:`muscle_parts`:
        the tight tissue, the rotators used, and gluteus maximus
        (:func:`side_muscles`). A part may play several roles.
    standing_pelvic_tilt, standing_lumbar_lordosis
        The subject's standing angles, before compensation.
    settings
        What the scene was built with besides the available extension: cue, tissue,
        mechanism and the overridden parameters (:class:`~biomech.scene.settings.SceneSettings`);
        ``build_scene(x, **scene.settings.keywords())`` rebuilds a scene of the same setting.
    stance_set_before_pull
        False at lockout: the top view is the state's hip rotation and foot progression.
        True in a lift (:func:`~biomech.scene.lift.lift_scene`): the top view is the stance
        the lockout would need, set before the pull and drawn at every phase (planted under
        a loaded bar the feet do not turn); its label says so
        (:func:`~biomech.scene.labels.feet_label`).
    """

    state: Compensation
    curve: Compensation
    band: CompensationBand
    stage_spans: tuple[StageSpan, ...]
    sagittal: SagittalPose
    sagittal_neutral: SagittalPose
    transverse: TransversePose
    bones_side: SagittalBones
    bones_side_neutral: SagittalBones
    bones_top: TransverseBones
    highlights: Mapping[str, tuple[str, ...]]
    muscles_side: Mapping[str, Mapping[str, Points]]
    standing_pelvic_tilt: float
    standing_lumbar_lordosis: float
    settings: SceneSettings
    stance_set_before_pull: bool = False


def build_scene(
    hip_extension_available: float,
    /,
    *,
    cue: Cue = "squeeze_glutes",
    tissue: str | tuple[str, ...] = ALL_FLEXORS,
    mechanism: str = "geometry",
    **overrides: float,
) -> Scene:
    """Compute the model state and everything the views draw for it.

    Parameters
    ----------
    hip_extension_available
        Passive hip extension the restricting tissue allows, degrees (a single
        number in the parameter's range, -30 to 40).
    cue, tissue, mechanism
        As for :func:`biomech.model.lockout.compensate`.
    **overrides
        Single numbers for any of :data:`biomech.model.lockout.MODEL_PARAMETERS` or
        :data:`POSTURE_PARAMETERS` (standing tilt and lordosis, degrees; defined in
        :mod:`biomech.model.balance`, re-exported here).

    Returns
    -------
    Scene

    Raises
    ------
    ValueError
        For an array, NaN or out-of-range number, an unknown cue, tissue or
        override; the message names the parameter and what is allowed.

    Examples
    --------
    >>> s = build_scene(20.0, cue="stand_tall")
    >>> s.state.stage, round(s.sagittal.pelvic_tilt, 2), s.transverse.foot_progression  # leaning back 0.7 deg
    ('none', 9.29, 14.0)
    >>> s.highlights["Iliopsoas"]
    ('restricting',)
    """
    available = check_parameter("hip_extension_available", hip_extension_available)
    if available.ndim:
        raise ValueError(
            "'hip_extension_available' must be a single number of degrees for a scene; "
            f"got shape {available.shape} (use biomech.model.lockout.compensate for arrays)."
        )
    for name in overrides:
        check_choice("override", name, MODEL_PARAMETERS + POSTURE_PARAMETERS)
    values = {name: float(check_parameter(name, v)) for name, v in overrides.items()}
    for name, v in values.items():
        if np.ndim(overrides[name]):
            raise ValueError(f"{name!r} must be a single number for a scene; got {v!r}.")
    settings = SceneSettings.of(cue=cue, tissue=tissue, mechanism=mechanism, values=values)
    # the model takes the standing posture too: it shapes the balance
    state = compensate(float(available), cue=cue, tissue=tissue, mechanism=mechanism, **dict(settings.overrides))
    key = settings.overrides
    curve, band = _curve(cue, tissue, mechanism, key), _band(cue, tissue, mechanism, key)
    return _assemble(state, curve, band, settings)


def build_scenes(
    *,
    cue: Cue = "squeeze_glutes",
    tissue: str | tuple[str, ...] = ALL_FLEXORS,
    mechanism: str = "geometry",
    **overrides: float,
) -> tuple[Scene, ...]:
    """The scenes of every point of the curve: one setting over the whole range, in one go.

    The model runs once, over the :data:`CURVE_POINTS` values of available extension
    (the curve), and each scene is posed from its point of the curve; scene ``i`` is
    ``build_scene(curve.hip_extension_available[i], ...)`` with the same settings.
    States that differ in nothing but the available extension (every state without a
    deficit) are posed once and share their poses, bones and muscles (the same objects).

    Parameters
    ----------
    cue, tissue, mechanism, **overrides
        As for :func:`build_scene`.

    Returns
    -------
    tuple of Scene
        :data:`CURVE_POINTS` scenes, from the least available extension to the most.

    Examples
    --------
    >>> scenes = build_scenes(cue="stand_tall", mechanism="blog")
    >>> one = build_scene(10.0, cue="stand_tall", mechanism="blog")
    >>> len(scenes), scenes[80].state == one.state
    (141, True)
    """
    low = PARAMETERS["hip_extension_available"].min
    first = build_scene(low, cue=cue, tissue=tissue, mechanism=mechanism, **overrides)
    curve = first.curve
    posed: dict[Compensation, Scene] = {}  # states alike but for the available extension look alike
    scenes = []
    for i in range(np.size(curve.deficit)):
        state = _point(curve, i)
        key = replace(state, hip_extension_available=0.0)
        if key not in posed:
            posed[key] = _assemble(state, curve, first.band, first.settings, first.stage_spans)
        scenes.append(replace(posed[key], state=state))
    return tuple(scenes)


def _point(curve: Compensation, i: int) -> Compensation:
    """Point ``i`` of an array :class:`Compensation`, as a scalar one (every array field indexed)."""
    values = {}
    for f in fields(curve):
        value = getattr(curve, f.name)
        if isinstance(value, np.ndarray):
            value = value[i].item()
        values[f.name] = value
    return replace(curve, **values)


def _assemble(
    state: Compensation,
    curve: Compensation,
    band: CompensationBand,
    settings: SceneSettings,
    spans: tuple[StageSpan, ...] | None = None,
) -> Scene:
    """Pose the lifter, bones and muscles for a scalar state (the second half of :func:`build_scene`).

    ``spans``: the curve's stages, when already found for the same curve (:func:`build_scenes`
    finds them once for all its scenes).
    """
    tilt0, lordosis0 = settings.standing_pelvic_tilt, settings.standing_lumbar_lordosis
    offset, standing, standing_bones = standing_posture(tilt0, lordosis0)
    # a scalar input: every field is a float; the pelvis leans back with the trunk (balance)
    tilt = tilt0 + float(state.pelvic_tilt) - float(state.trunk_lean)
    side = sagittal_pose(
        tilt,
        lordosis0 + float(state.lumbar_extension),
        sacrum_offset=offset,
        thigh_inclination=float(state.thigh_inclination),
    )
    rotation, foot = float(state.rotation_used), float(state.foot_progression)
    return Scene(
        state=state,
        curve=curve,
        band=band,
        stage_spans=stage_spans(curve) if spans is None else spans,
        sagittal=side,
        sagittal_neutral=standing,
        transverse=transverse_pose(rotation, foot, pelvic_tilt=tilt),
        bones_side=sagittal_bones(side),
        bones_side_neutral=standing_bones,
        bones_top=transverse_bones(rotation, foot),
        highlights=_highlights(state),
        muscles_side=side_muscles(side, state),
        standing_pelvic_tilt=tilt0,
        standing_lumbar_lordosis=lordosis0,
        settings=settings,
    )


@functools.lru_cache(maxsize=32)
def _curve(
    cue: Cue, tissue: str | tuple[str, ...], mechanism: str, model: tuple[tuple[str, float], ...]
) -> Compensation:
    """The model over the whole range of available extension (kept: a slider move reuses it)."""
    low, high = PARAMETERS["hip_extension_available"].min, PARAMETERS["hip_extension_available"].max
    curve = compensate(np.linspace(low, high, CURVE_POINTS), cue=cue, tissue=tissue, mechanism=mechanism, **dict(model))
    read_only(curve)  # shared between scenes: nobody may change it
    return curve


@functools.lru_cache(maxsize=32)
def _band(
    cue: Cue, tissue: str | tuple[str, ...], mechanism: str, model: tuple[tuple[str, float], ...]
) -> CompensationBand:
    """The curve under each assumption variant, at the points of :func:`_curve` (kept, like the curve)."""
    low, high = PARAMETERS["hip_extension_available"].min, PARAMETERS["hip_extension_available"].max
    band = compensation_band(
        np.linspace(low, high, CURVE_POINTS), cue=cue, tissue=tissue, mechanism=mechanism, **dict(model)
    )
    read_only(band.curves)  # shared between scenes: nobody may change it
    return band


def _rotators(state: Compensation) -> tuple[str, ...]:
    """The table's rotators (primary and secondary) in the direction the hip rotates; none without rotation."""
    rotation = float(state.rotation_used)
    if not rotation:
        return ()
    return muscles_for("external rotation" if rotation > 0 else "internal rotation")


def muscle_parts(state: Compensation) -> Mapping[str, tuple[str, ...]]:
    """The gait2392 parts the side view draws in each role, for a state.

    Parameters
    ----------
    state
        A scalar :class:`~biomech.model.lockout.Compensation`.

    Returns
    -------
    Mapping
        Role of :data:`HIGHLIGHT_ROLES` -> parts, in order, each once:
        ``"restricting"``: every part of every tight tissue
        (:func:`~biomech.anatomy.tissues.tissue_parts`: all the flexors that can restrict
        extension for ``"hip flexors (all)"``, the two bands of the iliofemoral
        ligament); ``"compensating"``: when the hip rotates, the table's rotators of
        that direction, primary and secondary, that gait2392 models
        (:data:`~biomech.anatomy.actions_by_posture.TABLE_PARTS`), else none;
        ``"cue target"``: gluteus maximus' three parts, in every state (the views draw
        it dashed when the cue is "stand tall").

    Examples
    --------
    >>> s = build_scene(-20.0, tissue="Tensor fasciae latae")
    >>> parts = muscle_parts(s.state)
    >>> parts["restricting"], parts["cue target"]
    (('tfl_r',), ('glut_max1_r', 'glut_max2_r', 'glut_max3_r'))
    >>> s.state.rotation_used < 0, parts["compensating"][:3]
    (True, ('glut_min1_r', 'glut_med1_r', 'tfl_r'))
    """
    restricting = (p for tissue in state.tissues for p in tissue_parts(tissue))
    compensating = (p for label in _rotators(state) for p in TABLE_PARTS.get(label, ()))
    return MappingProxyType(
        {
            role: tuple(dict.fromkeys(parts))
            for role, parts in zip(HIGHLIGHT_ROLES, (restricting, compensating, TABLE_PARTS[CUE_TARGET]), strict=True)
        }
    )


def side_muscles(pose: SagittalPose, state: Compensation) -> Mapping[str, Mapping[str, Points]]:
    """The parts of :func:`muscle_parts` posed on a side-view pose, by role (:attr:`Scene.muscles_side`)."""
    return MappingProxyType(
        {role: MappingProxyType(sagittal_muscle_lines(pose, parts)) for role, parts in muscle_parts(state).items()}
    )


def _highlights(state: Compensation) -> Mapping[str, tuple[str, ...]]:
    labels = {entry.label for entry in load_actions()}
    restricting = flexors() if ALL_FLEXORS in state.tissues else tuple(t for t in state.tissues if t in labels)
    compensating = _rotators(state)
    target = (CUE_TARGET,) if state.cue == "squeeze_glutes" else ()
    roles: dict[str, tuple[str, ...]] = {}
    for role, members in zip(HIGHLIGHT_ROLES, (restricting, compensating, target), strict=False):
        for label in members:
            roles[label] = roles.get(label, ()) + (role,)
    return MappingProxyType(roles)
