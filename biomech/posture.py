"""Posture: a model state as 2-D points to draw (numpy only, no plotting).

Two projections of the lifter at deadlift lockout, in units of standing height H,
with segment proportions from ``biomech/data/segments.csv`` (Winter's Fig. 4.1, after
Drillis & Contini 1966; pelvis and spine shape illustrative):

- **sagittal**: side-on, the lifter faces +x, y is up, the origin is on the floor
  under the ankle;
- **transverse**: top-down, x to the lifter's right, y forward, origin between the
  hip joints; sides are ordered (right, left).

Angles are in degrees. *Pelvic tilt* is the angle of the ASIS-PSIS line below the
horizontal (anterior +): the standing tilt plus the model's ``pelvic_tilt``. *Lumbar
lordosis* is the angle between the lumbar curve's tangents at S1 and T12: the
standing lordosis plus the model's ``lumbar_extension``. The thigh is vertical and the
pelvis turns about the hip joint; the lumbar spine is a circular arc of fixed length;
the trunk above T12 is rigid. The sacrum's angle in the pelvis is set per subject so
that at the standing tilt and lordosis the trunk is vertical; the model adds equal
tilt and lumbar extension, so the trunk stays vertical and only moves.

Examples
--------
>>> s = build_scene(-10.0)
>>> round(s.sagittal.pelvic_tilt - s.standing_pelvic_tilt, 2) == round(s.state.pelvic_tilt, 2)
True
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

import numpy as np
from numpy.typing import NDArray

from biomech._validation import check_choice
from biomech.model import MODEL_PARAMETERS, STAGES, Compensation, Cue, compensate
from biomech.muscles import flexors, muscles_for
from biomech.parameters import PARAMETERS, check_parameter
from biomech.tissues import ALL_FLEXORS

__all__ = [
    "CUE_TARGET", "CURVE_POINTS", "HIGHLIGHT_ROLES", "POSTURE_PARAMETERS", "SEGMENTS",
    "SEGMENT_LENGTHS", "Scene", "SagittalPose", "StageSpan", "TransversePose",
    "build_scene", "sagittal_pose", "transverse_pose",
]

Points = NDArray[np.float64]

CURVE_POINTS = 141
"""Points of :attr:`Scene.curve`: the whole valid range of available extension in 0.5 deg steps."""
POSTURE_PARAMETERS: tuple[str, ...] = ("standing_pelvic_tilt", "standing_lumbar_lordosis")
"""Parameters that :func:`build_scene` accepts besides the model's."""
HIGHLIGHT_ROLES: tuple[str, ...] = ("restricting", "compensating", "cue target")
"""Roles a muscle of the table can play in a state, in drawing order."""
CUE_TARGET = "Gluteus maximus"
"""The muscle the "squeeze your bum" cue targets."""
LUMBAR_POINTS = 25

# Pelvis outline in its own frame (hip joint at the origin, ASIS-PSIS line level),
# in H: a drawing shape only; the landmarks that matter (ASIS, PSIS, S1) come from
# segments.csv. Order: ASIS, iliac crest, PSIS, ischial tuberosity, pubis.
_CREST_RISE, _ISCHIUM, _PUBIS = 0.025, (-0.025, -0.055), (0.035, -0.03)
# Muscle lines (drawing shapes): origin in the pelvis frame, insertion on the thigh
# relative to the hip joint. Hip flexor: anterior inferior iliac spine to the front of
# the thigh; gluteus maximus: posterior ilium and sacrum to the gluteal tuberosity.
_FLEXOR, _FLEXOR_THIGH = (0.035, 0.015), (0.03, -0.16)
_GLUTE, _GLUTE_THIGH = (-0.075, 0.02), (-0.03, -0.11)
# The shoulder joint sits in front of the spine's top (C7) in a side view.
_SHOULDER_FORWARD = 0.045
# Foot outline, right foot: (medial-lateral as a fraction of foot width, toward the
# right; along the foot as a fraction of its length from the heel). A drawing shape.
_FOOT = np.array([
    (0.0, 0.0), (0.3, 0.04), (0.42, 0.3), (0.5, 0.68), (0.38, 0.93), (0.0, 1.0),
    (-0.3, 0.96), (-0.5, 0.75), (-0.45, 0.4), (-0.3, 0.04),
])


def _load_segments() -> Mapping[str, float]:
    text = resources.files("biomech").joinpath("data", "segments.csv").read_text("utf-8")
    reader = csv.DictReader(io.StringIO(text))
    if tuple(reader.fieldnames or ()) != ("name", "value", "unit", "meaning", "source"):
        raise ValueError(f"segments.csv: unexpected columns {reader.fieldnames}.")
    return MappingProxyType({row["name"]: float(row["value"]) for row in reader})


SEGMENTS: Mapping[str, float] = _load_segments()
"""Segment proportions from ``segments.csv``, in H (fractions of standing height)."""


def _derived_lengths() -> dict[str, float]:
    s = SEGMENTS
    asis = np.array([s["asis_front_of_hip"], s["asis_above_hip"]])
    psis = asis - [s["asis_psis_distance"], 0.0]
    sacrum = np.array([-s["sacrum_behind_hip"], s["sacrum_above_hip"]])
    return {
        "foot": s["foot_length"],
        "shank": s["knee_height"] - s["ankle_height"],
        "thigh": s["hip_height"] - s["knee_height"],
        "asis_psis": s["asis_psis_distance"],
        "hip_asis": float(np.hypot(*asis)),
        "hip_psis": float(np.hypot(*psis)),
        "hip_sacrum": float(np.hypot(*sacrum)),
        "lumbar": s["lumbar_length"],
        "upper_arm": s["upper_arm_length"],
        "forearm": s["forearm_length"],
    }


@dataclass(frozen=True)
class SagittalPose:
    """Side-on lockout figure, in H; the lifter faces +x.

    Attributes
    ----------
    foot
        Shape (4, 2): ankle, heel, toe, ankle.
    leg
        Shape (3, 2): ankle, knee, hip joint (vertical at lockout).
    pelvis
        Shape (5, 2) outline: ASIS, iliac crest, PSIS, ischial tuberosity, pubis.
    hip, asis, psis, sacrum
        Shape (2,) each: hip joint centre, ASIS, PSIS, top of S1.
    lumbar
        Shape (25, 2): the lumbar curve from S1 to T12, equal arc steps.
    trunk
        Shape (3, 2): T12, top of the trunk (C7, at shoulder height), base of the head.
    head_center, head_radius
        The head, drawn as a circle.
    arm
        Shape (5, 2): C7, shoulder joint (in front of it), elbow, wrist, fingertips;
        the arm hangs vertically.
    bar
        Shape (2,): the bar, at mid-hand.
    flexor_line, glute_line
        Shape (2, 2) each: a hip flexor (front of the pelvis to the front of the
        thigh) and gluteus maximus (back of the pelvis to the back of the thigh).
    pelvic_tilt, lumbar_lordosis
        Drawn angles in degrees (standing value plus compensation).
    sacrum_angle, t12_angle
        Lumbar tangents at S1 and T12, degrees from vertical, forward +.
    """

    foot: Points
    leg: Points
    pelvis: Points
    hip: Points
    asis: Points
    psis: Points
    sacrum: Points
    lumbar: Points
    trunk: Points
    head_center: Points
    head_radius: float
    arm: Points
    bar: Points
    flexor_line: Points
    glute_line: Points
    pelvic_tilt: float
    lumbar_lordosis: float
    sacrum_angle: float
    t12_angle: float


@dataclass(frozen=True)
class TransversePose:
    """Top-down view of pelvis, thighs and feet, in H; sides ordered (right, left).

    Attributes
    ----------
    pelvis
        Shape (6, 2) outline: right ASIS, right crest, right PSIS, left PSIS, left
        crest, left ASIS, projected on the floor (anterior tilt moves the ASIS forward).
    hips
        Shape (2, 2): hip joint centres (the thighs are vertical: the knees and
        ankles lie under them).
    knees
        Shape (2, 2, 2): per side, thigh centre and the point the kneecap faces;
        turned by the hip rotation (external +).
    feet
        Shape (2, 10, 2): foot outlines.
    foot_axes
        Shape (2, 2, 2): per side, heel and toe; the foot-progression angle is the
        angle of heel -> toe from straight ahead, toe-out +.
    foot_progression, hip_rotation
        The drawn angles, in degrees.
    """

    pelvis: Points
    hips: Points
    knees: Points
    feet: Points
    foot_axes: Points
    foot_progression: float
    hip_rotation: float


SEGMENT_LENGTHS: Mapping[str, float] = MappingProxyType(_derived_lengths())
"""Lengths (in H) that stay the same in every pose: foot, shank, thigh, pelvis
landmark distances, lumbar arc, upper arm, forearm, and the trunk (T12 to shoulder)."""


def _turn(points: Points, angle_deg: float) -> Points:
    """Rotate points clockwise (forward, for a figure facing +x) by ``angle_deg``."""
    a = np.radians(angle_deg)
    c, s = np.cos(a), np.sin(a)
    return np.asarray(points, dtype=float) @ np.array([[c, -s], [s, c]])


def _lumbar_arc(start: Points, angle0: float, lordosis: float) -> Points:
    """Circular arc of fixed length from ``start``, tangent ``angle0`` (deg from vertical)."""
    length = SEGMENTS["lumbar_length"]
    s = np.linspace(0.0, length, LUMBAR_POINTS)
    t0, kappa = np.radians(angle0), np.radians(lordosis) / length
    if abs(kappa) < 1e-9:
        dx, dy = s * np.sin(t0), s * np.cos(t0)
    else:
        t = t0 - kappa * s
        dx, dy = (np.cos(t) - np.cos(t0)) / kappa, (np.sin(t0) - np.sin(t)) / kappa
    return start + np.column_stack([dx, dy])


def _sacrum_in_pelvis(standing_tilt: float, standing_lordosis: float) -> float:
    """Angle of the S1 tangent in the pelvis frame so that standing puts T12 vertical."""
    return standing_lordosis - standing_tilt


def _standing_trunk_length() -> float:
    """T12 to C7, so that the standing figure's shoulders are at Winter's height."""
    s = SEGMENTS
    tilt = PARAMETERS["standing_pelvic_tilt"].default
    lordosis = PARAMETERS["standing_lumbar_lordosis"].default
    sacrum = _turn([-s["sacrum_behind_hip"], s["sacrum_above_hip"]], tilt) + [0.0, s["hip_height"]]
    top = _lumbar_arc(sacrum, lordosis, lordosis)[-1]  # S1 tangent = offset + tilt = lordosis
    return s["shoulder_height"] - float(top[1])


_TRUNK_LENGTH = _standing_trunk_length()
SEGMENT_LENGTHS = MappingProxyType({**SEGMENT_LENGTHS, "trunk": _TRUNK_LENGTH})


def sagittal_pose(
    pelvic_tilt: float, lumbar_lordosis: float, /, *, sacrum_offset: float
) -> SagittalPose:
    """Return the side-on lockout figure for a pelvic tilt and a lumbar lordosis.

    Parameters
    ----------
    pelvic_tilt
        Angle of the ASIS-PSIS line below horizontal, degrees (anterior +).
    lumbar_lordosis
        Turning angle of the lumbar curve from S1 to T12, degrees.
    sacrum_offset
        Tangent of the spine at S1 in the pelvis frame, degrees forward of vertical
        with the ASIS-PSIS line level (standing lordosis minus standing tilt).

    Returns
    -------
    SagittalPose
    """
    s, n = SEGMENTS, _derived_lengths()
    hip = np.array([0.0, s["hip_height"]])
    asis0 = np.array([s["asis_front_of_hip"], s["asis_above_hip"]])
    psis0 = asis0 - [s["asis_psis_distance"], 0.0]
    crest0 = (asis0 + psis0) / 2 + [0.0, _CREST_RISE]
    outline = _turn(np.array([asis0, crest0, psis0, _ISCHIUM, _PUBIS]), pelvic_tilt) + hip
    sacrum = _turn([-s["sacrum_behind_hip"], s["sacrum_above_hip"]], pelvic_tilt) + hip
    sacrum_angle = sacrum_offset + pelvic_tilt
    lumbar = _lumbar_arc(sacrum, sacrum_angle, lumbar_lordosis)
    t12_angle = sacrum_angle - lumbar_lordosis
    up = np.array([np.sin(np.radians(t12_angle)), np.cos(np.radians(t12_angle))])
    c7 = lumbar[-1] + _TRUNK_LENGTH * up
    head_base = c7 + (1.0 - s["head_height"] - s["shoulder_height"]) * up
    radius = s["head_height"] / 2
    shoulder = c7 + _SHOULDER_FORWARD * np.array([up[1], -up[0]])
    elbow = shoulder - [0.0, s["upper_arm_length"]]
    wrist = elbow - [0.0, s["forearm_length"]]
    fingertips = wrist - [0.0, s["hand_length"]]
    ankle = np.array([0.0, s["ankle_height"]])
    heel = np.array([-s["heel_to_ankle"], 0.0])
    return SagittalPose(
        foot=np.array([ankle, heel, heel + [n["foot"], 0.0], ankle]),
        leg=np.array([ankle, [0.0, s["knee_height"]], hip]),
        pelvis=outline,
        hip=hip,
        asis=outline[0],
        psis=outline[2],
        sacrum=sacrum,
        lumbar=lumbar,
        trunk=np.array([lumbar[-1], c7, head_base]),
        head_center=head_base + radius * up,
        head_radius=radius,
        arm=np.array([c7, shoulder, elbow, wrist, fingertips]),
        bar=(wrist + fingertips) / 2,
        flexor_line=np.array([_turn(_FLEXOR, pelvic_tilt) + hip, hip + _FLEXOR_THIGH]),
        glute_line=np.array([_turn(_GLUTE, pelvic_tilt) + hip, hip + _GLUTE_THIGH]),
        pelvic_tilt=float(pelvic_tilt),
        lumbar_lordosis=float(lumbar_lordosis),
        sacrum_angle=float(sacrum_angle),
        t12_angle=float(t12_angle),
    )


def transverse_pose(
    hip_rotation: float, foot_progression: float, /, *, pelvic_tilt: float
) -> TransversePose:
    """Return the top-down view for a hip rotation and a foot-progression angle.

    Parameters
    ----------
    hip_rotation
        Rotation of both thighs, degrees, external +.
    foot_progression
        Angle of each foot from straight ahead, degrees, toe-out +.
    pelvic_tilt
        Drawn pelvic tilt (degrees, anterior +); tilting moves the ASIS forward.

    Returns
    -------
    TransversePose
    """
    s = SEGMENTS
    asis = (s["asis_front_of_hip"], s["asis_above_hip"])
    psis = (s["asis_front_of_hip"] - s["asis_psis_distance"], s["asis_above_hip"])
    crest = ((asis[0] + psis[0]) / 2, s["asis_above_hip"] + _CREST_RISE)
    forward = _turn(np.array([asis, crest, psis]), pelvic_tilt)[:, 0]
    half = np.array([s["asis_width"], s["hip_width"], s["psis_width"]]) / 2
    right = np.column_stack([half, forward])
    pelvis = np.vstack([right, right[::-1] * [-1.0, 1.0]])
    hips = np.array([[1.0, 0.0], [-1.0, 0.0]]) * s["hip_joint_spacing"] / 2
    mirror = np.array([[1.0, 1.0], [-1.0, 1.0]])  # right, left
    knees, feet, axes = [], [], []
    for hip_xy, m in zip(hips, mirror):
        r, f = np.radians(hip_rotation), np.radians(foot_progression)
        knees.append([hip_xy, hip_xy + 2 * s["thigh_radius"] * np.array([np.sin(r), np.cos(r)]) * m])
        along = np.array([np.sin(f), np.cos(f)]) * m
        across = np.array([np.cos(f), -np.sin(f)]) * m
        heel = hip_xy - s["heel_to_ankle"] * along
        shape = _FOOT * [s["foot_width"], s["foot_length"]]
        feet.append(heel + shape[:, :1] * across + shape[:, 1:] * along)
        axes.append([heel, heel + s["foot_length"] * along])
    return TransversePose(
        pelvis=pelvis, hips=hips, knees=np.array(knees), feet=np.array(feet),
        foot_axes=np.array(axes), foot_progression=float(foot_progression),
        hip_rotation=float(hip_rotation),
    )


@dataclass(frozen=True)
class StageSpan:
    """A stage's interval of available hip extension, in degrees (may be empty).

    Attributes
    ----------
    stage
        One of :data:`biomech.model.STAGES`.
    low, high
        Interval of ``hip_extension_available``; ``low == high`` when the stage
        does not occur (e.g. no rotational stage for a tissue without rotation action).
    """

    stage: str
    low: float
    high: float


@dataclass(frozen=True)
class Scene:
    """Everything the views draw for one state: model outputs and their geometry.

    Views never compute biomechanics: they draw a Scene. Angles in degrees, lengths
    in H (fractions of standing height).

    Attributes
    ----------
    state
        The model's scalar :class:`~biomech.model.Compensation`.
    curve
        The same cue, tissue and overrides over :data:`CURVE_POINTS` values of
        available extension spanning its valid range (array fields).
    stage_spans
        The three stages as :class:`StageSpan`, in the order of :data:`STAGES`.
    sagittal, sagittal_neutral
        The side-on figure in this state, and with no compensation (for reference).
    transverse
        The top-down view in this state.
    highlights
        Table label -> roles it plays in this state, from :data:`HIGHLIGHT_ROLES`:
        ``"restricting"`` (the tissue, or every flexor for ``"hip flexors (all)"``),
        ``"compensating"`` (the table's external or internal rotators, when the hip
        rotates that way), ``"cue target"`` (gluteus maximus, for squeeze_glutes).
    standing_pelvic_tilt, standing_lumbar_lordosis
        The subject's standing angles, before compensation.
    """

    state: Compensation
    curve: Compensation
    stage_spans: tuple[StageSpan, ...]
    sagittal: SagittalPose
    sagittal_neutral: SagittalPose
    transverse: TransversePose
    highlights: Mapping[str, tuple[str, ...]]
    standing_pelvic_tilt: float
    standing_lumbar_lordosis: float


def build_scene(
    hip_extension_available: float,
    /,
    *,
    cue: Cue = "squeeze_glutes",
    tissue: str = ALL_FLEXORS,
    **overrides: float,
) -> Scene:
    """Compute the model state and everything the views draw for it.

    Parameters
    ----------
    hip_extension_available
        Passive hip extension the restricting tissue allows, degrees (a single
        number in the parameter's range, -30 to 40).
    cue, tissue
        As for :func:`biomech.model.compensate`.
    **overrides
        Single numbers for any of :data:`biomech.model.MODEL_PARAMETERS` or
        :data:`POSTURE_PARAMETERS` (standing tilt and lordosis, degrees).

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
    >>> s.state.stage, s.sagittal.pelvic_tilt, s.transverse.foot_progression
    ('none', 10.0, 14.0)
    >>> s.highlights["Iliopsoas"]
    ('restricting',)
    """
    available = check_parameter("hip_extension_available", hip_extension_available)
    if available.ndim:
        raise ValueError(
            "'hip_extension_available' must be a single number of degrees for a scene; "
            f"got shape {available.shape} (use biomech.model.compensate for arrays)."
        )
    for name in overrides:
        check_choice("override", name, MODEL_PARAMETERS + POSTURE_PARAMETERS)
    values = {name: float(check_parameter(name, v)) for name, v in overrides.items()}
    for name, v in values.items():
        if np.ndim(overrides[name]):
            raise ValueError(f"{name!r} must be a single number for a scene; got {v!r}.")
    model = {k: v for k, v in values.items() if k in MODEL_PARAMETERS}
    tilt0, lordosis0 = (values.get(n, PARAMETERS[n].default) for n in POSTURE_PARAMETERS)
    state = compensate(float(available), cue=cue, tissue=tissue, **model)
    low, high = PARAMETERS["hip_extension_available"].min, PARAMETERS["hip_extension_available"].max
    curve = compensate(np.linspace(low, high, CURVE_POINTS), cue=cue, tissue=tissue, **model)
    offset = _sacrum_in_pelvis(tilt0, lordosis0)
    tilt = tilt0 + state.pelvic_tilt
    return Scene(
        state=state,
        curve=curve,
        stage_spans=_stage_spans(state, curve, low, high),
        sagittal=sagittal_pose(tilt, lordosis0 + state.lumbar_extension, sacrum_offset=offset),
        sagittal_neutral=sagittal_pose(tilt0, lordosis0, sacrum_offset=offset),
        transverse=transverse_pose(state.rotation_used, state.foot_progression, pelvic_tilt=tilt),
        highlights=_highlights(state),
        standing_pelvic_tilt=tilt0,
        standing_lumbar_lordosis=lordosis0,
    )


def _stage_spans(state: Compensation, curve: Compensation, low: float, high: float) -> tuple[StageSpan, ...]:
    """Exact stage boundaries: none above the demand; lumbopelvic below demand - k * capacity."""
    # Over the curve, |rotation used| reaches the rotation capacity wherever the
    # lumbopelvic stage occurs; where it does not, the boundary falls at ``low``.
    used = float(np.max(np.abs(curve.rotation_used)))
    none_from = float(np.clip(state.demand, low, high))
    lumbo_to = float(np.clip(state.demand - state.rotation_benefit * used, low, none_from))
    bounds = {STAGES[0]: (none_from, high), STAGES[1]: (lumbo_to, none_from), STAGES[2]: (low, lumbo_to)}
    return tuple(StageSpan(stage, *bounds[stage]) for stage in STAGES)


def _highlights(state: Compensation) -> Mapping[str, tuple[str, ...]]:
    restricting = flexors() if state.tissue == ALL_FLEXORS else (state.tissue,)
    rotation = float(state.rotation_used)
    compensating: tuple[str, ...] = ()
    if rotation:
        compensating = muscles_for("external rotation" if rotation > 0 else "internal rotation")
    target = (CUE_TARGET,) if state.cue == "squeeze_glutes" else ()
    roles: dict[str, tuple[str, ...]] = {}
    for role, labels in zip(HIGHLIGHT_ROLES, (restricting, compensating, target)):
        for label in labels:
            roles[label] = roles.get(label, ()) + (role,)
    return MappingProxyType(roles)
