"""The side view's moving labels, worded and placed once for both drawings (numpy only).

The matplotlib side view (:mod:`biomech.views.sagittal`) and the browser's renderer
(:mod:`biomech.web.payload`) print the same words at the same points; this module is
where those words and points are decided.
"""

from __future__ import annotations

from dataclasses import dataclass

from biomech.formatting import format_degrees
from biomech.scene.scene import Scene

__all__ = ["LordosisLabel", "feet_label", "hip_rotation_label", "lordosis_label", "tilt_label"]


@dataclass(frozen=True)
class LordosisLabel:
    """The lordosis label: its text, the point it is pinned to (H) and on which side it sits.

    ``behind`` is True while the arm hangs in front of the lumbar curve: the label then
    sits behind the curve (text ending at the point); once the trunk leans back past the
    arm it sits in front (text starting at the point).
    """

    text: str
    at: tuple[float, float]
    behind: bool


def lordosis_label(scene: Scene) -> LordosisLabel:
    """The drawn lordosis and its change from standing (the compensation's lumbar extension: balance adds none).

    Beyond the voluntary range (stage ``"beyond_range"``) the drawing is the capped posture,
    and the last three lines say so: ``"at its limit;"``, ``"lockout short"``, ``"by X°"`` (the lockout's
    shortfall: it is the lockout that is out of reach, not the lordosis beyond its range).

    Examples
    --------
    >>> from biomech.scene.scene import build_scene
    >>> label = lordosis_label(build_scene(17.0, cue="stand_tall"))
    >>> label.text.splitlines()[0], label.behind
    ('lordosis', True)
    """
    p = scene.sagittal
    added = p.lumbar_lordosis - scene.standing_lumbar_lordosis
    behind = float(p.arm[1, 0]) > float(p.lumbar[:, 0].max())
    x = float(p.lumbar[:, 0].min() if behind else p.lumbar[:, 0].max())
    drawn, change = format_degrees(p.lumbar_lordosis, display=True), format_degrees(added, signed=True, display=True)
    text = f"lordosis\n{drawn} ({change})"
    if scene.state.stage == "beyond_range":
        text += f"\nat its limit;\nlockout short\nby {format_degrees(float(scene.state.shortfall), display=True)}"
    return LordosisLabel(text=text, at=(x, float(p.lumbar[-1, 1])), behind=behind)


def tilt_label(scene: Scene) -> str:
    """The drawn pelvic tilt in the room, its change from standing, and the two parts of that change.

    The pelvis in the room is tipped forward on the trunk by the compensation's anterior
    tilt (``pelvic_tilt``, the lumbar extension) and turned back with the trunk by the
    balance's lean (``trunk_lean``, :mod:`biomech.model.balance`), so the change from
    standing is ``pelvic_tilt_in_room = pelvic_tilt - trunk_lean``. Each quantity carries
    one sign: the tilt on the trunk signed (anterior +), the lean with the trunk written
    as "back" and subtracted (``"− 7.7° back"``); the lean shown is the tilt shown less
    the change shown, so the printed parts add up.

    Examples
    --------
    >>> from biomech.scene.scene import build_scene
    >>> tilt_label(build_scene(17.0)).splitlines()  # squeeze glutes, no deficit: the pelvis leans back
    ['pelvis in room', '3.2° (−6.8°) =', '0° on trunk', '− 6.8° back']
    """
    drawn = scene.bones_side.pelvic_tilt
    change = drawn - scene.standing_pelvic_tilt
    on_trunk = float(scene.state.pelvic_tilt)
    lean = float(format_degrees(on_trunk)) - float(format_degrees(change))  # the printed parts add up
    sign = "−" if lean >= 0 else "+"
    way = "back" if lean >= 0 else "forward"
    return (
        f"pelvis in room\n{format_degrees(drawn, display=True)} "
        f"({format_degrees(change, signed=True, display=True)}) =\n"
        f"{format_degrees(on_trunk, signed=True, display=True)} on trunk\n"
        f"{sign} {format_degrees(abs(lean), display=True)} {way}"
    )


def hip_rotation_label(hip_rotation: float, *, set_before_pull: bool = False) -> str:
    """The top view's words for the drawn hip rotation (external +).

    In a lift (``set_before_pull``) the thighs are drawn at the lockout's rotation at every
    phase, with the feet (:func:`feet_label`), so the words say it is the lockout's.

    Examples
    --------
    >>> hip_rotation_label(38.5), hip_rotation_label(-29.6), hip_rotation_label(0.01)
    ('hip rotation 38.5° external', 'hip rotation 29.6° internal', 'hip rotation 0°')
    >>> hip_rotation_label(26.7, set_before_pull=True)
    "lockout's hip rotation 26.7° external"
    """
    head = "lockout's hip rotation" if set_before_pull else "hip rotation"
    if abs(hip_rotation) < 0.05:
        return f"{head} 0°"
    kind = "external" if hip_rotation > 0 else "internal"
    return f"{head} {format_degrees(abs(hip_rotation), display=True)} {kind}"


def feet_label(foot_progression: float, *, set_before_pull: bool = False) -> str:
    """The top view's words for the drawn feet: the stance this hip rotation would need.

    The feet are drawn at the foot progression the model gives (the stance's baseline plus
    the hip's rotation). Planted under a loaded bar the feet cannot turn at lockout, so the
    drawing shows the stance the rotation would need if it were set before the pull
    (:mod:`biomech.lessons.rivals` says why). In a lift (``set_before_pull``, from
    :attr:`Scene.stance_set_before_pull <biomech.scene.scene.Scene.stance_set_before_pull>`)
    the feet are the lockout's stance at every phase, and the words say it was set before the pull,
    in two lines (the views set the hip's label one line further off).

    Examples
    --------
    >>> feet_label(52.5), feet_label(-15.6), feet_label(0.01)
    ('stance: feet out 52.5°', 'stance: feet in 15.6°', 'stance: feet straight ahead')
    >>> feet_label(40.7, set_before_pull=True)
    'stance set before the pull:\\nfeet out 40.7°'
    """
    head = "stance set before the pull:\n" if set_before_pull else "stance: "
    way = "out" if foot_progression >= 0.05 else ("in" if foot_progression <= -0.05 else "straight")
    if way == "straight":
        return f"{head}feet straight ahead"
    return f"{head}feet {way} {format_degrees(abs(foot_progression), display=True)}"
