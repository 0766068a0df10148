"""The slide pages: one 16:9 figure per kind, built fresh by the views the lab uses.

Every figure is a ``Figure`` with an Agg canvas (no pyplot, nothing animated) and no layout
engine; the kinds share one page layout (titles, settings line, captions) and one set of legends.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from biomech._validation import check_choice
from biomech.anatomy.tissues import LIGAMENT
from biomech.export.options import CUE_NAMES, DPI, FIGURE_KINDS, MECHANISM_CAPTIONS, SIZE_IN
from biomech.formatting import format_degrees
from biomech.model.lockout import Cue
from biomech.scene.scene import Scene, build_scene
from biomech.style.palette import Theme, get_theme
from biomech.views import CurvesView, Dashboard, SagittalView, TableView, TransverseView, ensure_canvas
from biomech.views.sagittal import MANY_PARTS, MUSCLE_LINES, REGIONS, THIN

__all__ = ["build_figure"]


def _new_figure(theme: Theme) -> Figure:
    fig = ensure_canvas(Figure(figsize=SIZE_IN, dpi=DPI, facecolor=theme.background))
    fig.set_layout_engine("none")
    return fig


def _settings(scene: Scene) -> str:
    s = scene.state
    return (
        f"cue: {CUE_NAMES[s.cue]}  \u00b7  tight tissue: {s.tissue}  \u00b7  "
        f"hip extension available {format_degrees(float(s.hip_extension_available), display=True)}\n"
        f"{MECHANISM_CAPTIONS[str(s.mechanism)]}"
    )


def _mechanism(fig: Figure, scene: Scene, x: float, ha: str) -> None:
    """The mechanism caption at the bottom of a figure without a settings line."""
    fig.text(x, 0.015, MECHANISM_CAPTIONS[str(scene.state.mechanism)], ha=ha, va="bottom")


def _top_down_title(scene: Scene) -> str:
    """The top view's title, by the direction and size of this state's hip rotation."""
    rotation = float(scene.state.rotation_used)
    if not rotation:
        return "From above: the hip does not turn; the feet keep the stance's toe-out"
    way = "out" if rotation > 0 else "in"
    turned = format_degrees(abs(rotation), display=True)
    return f"From above: the hip turns {way} {turned}; the feet show the stance that would need"


def _caption(fig: Figure, text: str, width: int = 150) -> None:
    fig.text(0.5, 0.015, textwrap.fill(text, width), ha="center", va="bottom")


def _titles(fig: Figure, title: str, subtitle: str) -> None:
    """Title (bold) and a settings line under it, both centred at the top."""
    fig.suptitle(title, y=0.985, va="top")
    fig.text(0.5, 0.925, subtitle, ha="center", va="top")


def _side_view(fig: Figure, scene: Scene, theme: Theme, title: str) -> None:
    body = fig.add_axes((0.02, 0.12, 0.26, 0.74))
    SagittalView(body, theme=theme, labels=False).update(scene)
    (x0, x1), (y0, y1) = REGIONS["hips"]
    body.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, ec=theme.muted, lw=1.5))
    SagittalView(fig.add_axes((0.30, 0.12, 0.68, 0.74)), theme=theme, region="hips").update(scene)
    fig.legend(*zip(*_side_key(scene, theme), strict=True), loc="lower right", bbox_to_anchor=(0.99, 0.14))
    _titles(fig, title, _settings(scene))
    _caption(fig, scene.state.describe().replace(" deg", "°") + " Dashed: the standing posture.")


def _side_key(scene: Scene, theme: Theme) -> list[tuple[object, str]]:
    """The side view's key, naming this state's tight tissue and, when the hip rotates, the rotators drawn."""
    s = scene.state
    names = (t[0].lower() + t[1:] + (" (a sketch)" if t == LIGAMENT else "") for t in s.tissues)
    tight = "tight tissue: " + ", ".join(names)
    width = THIN if len(scene.muscles_side["restricting"]) > MANY_PARTS else MUSCLE_LINES["restricting"]
    key: list[tuple[object, str]] = [(Line2D([], [], color=theme.restricting, lw=width), tight)]
    if scene.muscles_side["compensating"]:
        way = "external" if s.rotation_used > 0 else "internal"
        rotators = Line2D([], [], color=theme.rotation, lw=MUSCLE_LINES["compensating"])
        key.append((rotators, f"{way} rotators (the hip rotates)"))
    squeezed = s.cue == "squeeze_glutes"
    glute = Line2D([], [], color=theme.cue_target, lw=MUSCLE_LINES["cue target"], ls="-" if squeezed else (0, (2, 2)))
    key += [
        (glute, "gluteus maximus" + (" (squeezed)" if squeezed else "")),
        (Patch(fc=theme.pelvis, ec=theme.foreground), "pelvis"),
        (Line2D([], [], color=theme.lumbar, lw=8), "lumbar spine"),
    ]
    return key


def _cues(fig: Figure, scene: Scene, theme: Theme, cue_scenes: Sequence[Scene]) -> None:
    for i, cs in enumerate(cue_scenes):
        left = 0.02 + 0.5 * i
        hips = fig.add_axes((left, 0.30, 0.46, 0.52))
        SagittalView(hips, theme=theme, region="hips").update(cs)
        hips.set_title(f"\u201c{CUE_NAMES[cs.state.cue]}\u201d", fontsize=24, pad=16)
        TransverseView(fig.add_axes((left + 0.08, 0.02, 0.30, 0.27)), theme=theme).update(cs)
    _titles(
        fig,
        "Same hip, two cues",
        f"hip extension available {format_degrees(float(scene.state.hip_extension_available), display=True)}"
        f"  \u00b7  tight tissue: {scene.state.tissue}  \u00b7  "
        f"{MECHANISM_CAPTIONS[str(scene.state.mechanism)]}",
    )


def build_figure(
    kind: str,
    scene: Scene,
    *,
    theme: str | Theme = "light",
    cue_scenes: Sequence[Scene] = (),
    title: str | None = None,
) -> Figure:
    """Build one static slide figure (call inside :func:`~biomech.style.use_theme`).

    Parameters
    ----------
    kind
        One of :data:`FIGURE_KINDS`.
    scene
        The state to draw.
    theme
        Colours.
    cue_scenes
        For ``"cues"``: the two scenes to compare; when empty, both cues at ``scene``'s
        restriction under its settings (tissue, mechanism and overrides: ``scene.settings``).
    title
        For ``"side_view"``: the title (default: "Side view at lockout").

    Returns
    -------
    matplotlib.figure.Figure
        19.2 x 10.8 in at 100 dpi, with an Agg canvas and no layout engine.
    """
    t = get_theme(theme)
    check_choice("kind", kind, FIGURE_KINDS)
    fig = _new_figure(t)
    if kind == "dashboard":
        s = scene.state
        Dashboard(
            fig,
            theme=t,
            title=f"Hip Compensation Lab: {CUE_NAMES[s.cue]}, {s.tissue}, "
            f"{format_degrees(float(s.hip_extension_available), display=True)} available",
        ).update(scene)
        _mechanism(fig, scene, 0.01, "left")
    elif kind == "side_view":
        _side_view(fig, scene, t, title or "Side view at lockout")
    elif kind == "top_down":
        TransverseView(fig.add_axes((0.05, 0.1, 0.9, 0.74)), theme=t).update(scene)
        _titles(fig, _top_down_title(scene), _settings(scene))
        _caption(
            fig,
            "Lines on the thighs: where the kneecaps face. Dashed: straight ahead. "
            "Foot angle = the stance's toe-out + the hip rotation the body uses.",
        )
    elif kind == "curves":
        CurvesView(fig.add_axes((0.07, 0.12, 0.57, 0.74)), theme=t, legend="right").update(scene)
        _titles(fig, "Where the missing hip extension comes from", _settings(scene))
    elif kind == "table":
        TableView(fig.add_axes((0.025, 0.02, 0.95, 0.95)), theme=t).update(scene)
        _mechanism(fig, scene, 0.99, "right")
    else:
        if not cue_scenes:
            cue_scenes = [_rebuild(scene, cue) for cue in CUE_NAMES]
        _cues(fig, scene, t, cue_scenes)
    return fig


def _rebuild(scene: Scene, cue: Cue) -> Scene:
    """The scene's state under another cue: same restriction, tissue, mechanism and overrides (its settings)."""
    keywords = {**scene.settings.keywords(), "cue": cue}
    return build_scene(float(scene.state.hip_extension_available), **keywords)  # a scene's state is scalar
