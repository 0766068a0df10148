"""The side view's moving labels, worded and placed once for both drawings (numpy only).

The matplotlib side view (:mod:`biomech.views.sagittal`) and the browser's renderer
(:mod:`biomech.web.payload`) print the same words at the same points; this module is
where those words and points are decided.
"""

from __future__ import annotations

from dataclasses import dataclass

from biomech.formatting import format_degrees
from biomech.scene.scene import Scene

__all__ = ["LordosisLabel", "lordosis_label"]


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
    """The drawn lordosis, its change from standing and the part of that change from the trunk's lean.

    Examples
    --------
    >>> from biomech.scene.scene import build_scene
    >>> label = lordosis_label(build_scene(17.0, cue="stand_tall"))
    >>> label.text.splitlines()[0], label.behind
    ('lordosis', True)
    """
    p = scene.sagittal
    added = p.lumbar_lordosis - scene.standing_lumbar_lordosis
    lean = float(scene.state.trunk_lean)
    behind = float(p.arm[1, 0]) > float(p.lumbar[:, 0].max())
    x = float(p.lumbar[:, 0].min() if behind else p.lumbar[:, 0].max())
    drawn, change = format_degrees(p.lumbar_lordosis, display=True), format_degrees(added, signed=True, display=True)
    text = f"lordosis\n{drawn} ({change})"
    if lean:
        text += f"\n{format_degrees(lean, display=True)} lean"
    return LordosisLabel(text=text, at=(x, float(p.lumbar[-1, 1])), behind=behind)
