"""Figures for slides: 16:9 PNG (1920 x 1080 at 100 dpi), SVG and PDF, atomic and deterministic.

Every figure is built fresh (``Figure`` + Agg canvas, no pyplot, nothing animated) by
the same view classes the lab uses, then saved: to a temporary file in the target
folder, renamed over the target only when complete (``os.replace``), so an
interrupted or failed export never leaves a partial file. SVG and PDF carry no date,
and SVG ids use a fixed salt, so the same inputs give the same bytes.

Examples
--------
>>> paths = export_figures(tmp, formats=("svg",))  # doctest: +SKIP
>>> [p.name for p in paths][:2]  # doctest: +SKIP
['table.svg', 'curves.svg']

Length: The figure kinds share one page layout, one set of legends and the atomic writer; split,
each part would import the others. It is the one module that builds slide pages.
"""

from __future__ import annotations

import os
import tempfile
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

import biomech
from biomech._validation import check_choice, check_range
from biomech.anatomy.tissues import ALL_FLEXORS, LIGAMENT
from biomech.model.lockout import Cue
from biomech.scene.scene import Scene, build_scene
from biomech.style.palette import Theme, get_theme, use_theme
from biomech.views import CurvesView, Dashboard, SagittalView, TableView, TransverseView, ensure_canvas
from biomech.views._base import degrees
from biomech.views.sagittal import MANY_PARTS, MUSCLE_LINES, REGIONS, THIN

__all__ = [
    "DEFAULT_RESTRICTION",
    "FIGURES",
    "FIGURE_KINDS",
    "FORMATS",
    "MECHANISM_CAPTIONS",
    "SIDE_VIEW_LEVELS",
    "build_figure",
    "export_figure",
    "export_figures",
    "project_root",
    "resolve_folder",
    "validate_options",
]

FORMATS: tuple[str, ...] = ("png", "svg", "pdf")
FIGURE_KINDS: tuple[str, ...] = ("dashboard", "side_view", "top_down", "curves", "table", "cues")
"""Figures :func:`export_figure` can draw from one Scene."""
SIDE_VIEW_LEVELS: dict[str, float] = {"none": 17.0, "moderate": 2.0, "severe": -20.0}
"""Hip extension available (deg) for the side views at no, moderate and severe
restriction: the parameter's default (normal adults), then two teaching values
(illustrative) in the rotational and lumbopelvic stages at the default settings."""
FIGURES: tuple[str, ...] = (
    "table",
    "curves",
    "side_view_none",
    "side_view_moderate",
    "side_view_severe",
    "top_down",
    "cues",
    "dashboard",
)
"""File stems of the standard set written by :func:`export_figures`, in order."""
DEFAULT_RESTRICTION = -10.0
"""Hip extension available (deg) for the current state of the standard set."""
SIZE_IN, DPI = (19.2, 10.8), 100.0
DPI_RANGE = (50.0, 600.0)
CUE_NAMES: dict[Cue, str] = {"stand_tall": "stand tall", "squeeze_glutes": "squeeze glutes"}
MECHANISM_CAPTIONS: dict[str, str] = {
    "blog": "Mechanism: the blog's hypothesis (unproven)",
    "geometry": "Mechanism: muscle geometry (gait2392)",
}
"""The caption every exported figure carries, naming the mechanism of the state it shows."""


def project_root() -> Path | None:
    """The source checkout this package runs from: the folder above ``biomech/`` holding
    ``pyproject.toml`` (where ``make figures`` writes ``figures/``); None for an installed copy."""
    root = Path(biomech.__file__).resolve().parents[1]
    return root if (root / "pyproject.toml").is_file() else None


def resolve_folder(folder: str | os.PathLike[str], *, cwd: str | os.PathLike[str] | None = None) -> Path:
    """Where a folder the user typed is, as an absolute path: the export folder rule.

    The rule: an absolute folder is used as it is; a relative one is taken from the
    project's root (:func:`project_root`) when the current directory lies inside that
    checkout (a notebook in ``notebooks/`` exporting to ``figures`` writes the
    repository's ``figures/``, the folder ``make figures`` fills), and from the current
    directory otherwise (an installed package, or a notebook copied elsewhere).

    Parameters
    ----------
    folder
        The folder as typed; ``~`` is expanded.
    cwd
        The current directory (default: :func:`os.getcwd`).

    Returns
    -------
    pathlib.Path
        An absolute path (the folder need not exist).

    Examples
    --------
    >>> resolve_folder("/tmp/slides") == Path("/tmp/slides")
    True
    >>> root = project_root()
    >>> root is None or resolve_folder("figures", cwd=root / "notebooks") == root / "figures"
    True
    """
    path = Path(folder).expanduser()
    if path.is_absolute():
        return path
    here = Path(os.getcwd() if cwd is None else cwd).resolve()
    root = project_root()
    base = root if root is not None and (here == root or root in here.parents) else here
    return base / path


def _new_figure(theme: Theme) -> Figure:
    fig = ensure_canvas(Figure(figsize=SIZE_IN, dpi=DPI, facecolor=theme.background))
    fig.set_layout_engine("none")
    return fig


def _settings(scene: Scene) -> str:
    s = scene.state
    return (
        f"cue: {CUE_NAMES[s.cue]}  \u00b7  tight tissue: {s.tissue}  \u00b7  "
        f"hip extension available {degrees(float(s.hip_extension_available))}\n"
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
    return f"From above: the hip turns {way} {degrees(abs(rotation))}, and the feet with it"


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
        f"hip extension available "
        f"{degrees(float(scene.state.hip_extension_available))}  \u00b7  tight tissue: {scene.state.tissue}  \u00b7  "
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
        For ``"cues"``: the two scenes to compare; computed from ``scene`` when empty.
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
            f"{degrees(float(s.hip_extension_available))} available",
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
    # Scenes keep their overrides implicit; the standard set uses defaults, the lab
    # passes its own cue_scenes when the user changed parameters.
    return build_scene(
        float(scene.state.hip_extension_available),  # a scene's state is scalar
        cue=cue,
        tissue=scene.state.tissues,
        mechanism=scene.state.mechanism,
    )


def _metadata(fmt: str) -> dict[str, str | None]:
    creator = f"biomech {biomech.__version__}"
    if fmt == "svg":
        return {"Date": None, "Creator": creator}
    if fmt == "pdf":
        return {"CreationDate": None, "ModDate": None, "Creator": creator}
    return {"Software": creator}


def _save(fig: Figure, path: Path, fmt: str, dpi: float) -> Path:
    """Write ``fig`` to ``path`` atomically: temporary file in the same folder, then rename."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fig.savefig(fh, format=fmt, dpi=dpi, metadata=_metadata(fmt))
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    if isinstance(formats, str):
        formats = (formats,)
    chosen = tuple(dict.fromkeys(check_choice("formats", f, FORMATS) for f in formats))
    if not chosen:
        raise ValueError("'formats' must name at least one of {'pdf', 'png', 'svg'}; got none.")
    return chosen


def _check_folder(folder: str | os.PathLike[str]) -> Path:
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise ValueError(f"'out_dir' must be a folder; got {str(out)!r}, which is a file.")
    return out


def validate_options(
    *,
    formats: Iterable[str] = FORMATS,
    dpi: float = DPI,
    restriction: float = DEFAULT_RESTRICTION,
    cue: str = "squeeze_glutes",
    tissue: str = ALL_FLEXORS,
    mechanism: str = "blog",
    theme: str | Theme = "light",
    out_dir: str | os.PathLike[str] = ".",
    overrides: Mapping[str, float] | None = None,
) -> Scene:
    """Check the options of :func:`export_figures` without writing anything.

    Returns
    -------
    Scene
        The current state's scene (checking it validates restriction, cue and tissue).

    Raises
    ------
    ValueError
        Naming the first invalid option, what is allowed and what was received.
    """
    _check_formats(formats)
    check_range("dpi", dpi, *DPI_RANGE, "dots per inch")
    get_theme(theme)
    _check_folder(out_dir)
    return build_scene(restriction, cue=cue, tissue=tissue, mechanism=mechanism, **(overrides or {}))  # type: ignore[arg-type]


def export_figure(
    scene: Scene,
    path: str | os.PathLike[str],
    *,
    kind: str = "dashboard",
    theme: str | Theme = "light",
    dpi: float = DPI,
    cue_scenes: Sequence[Scene] = (),
) -> Path:
    """Write one figure of ``scene`` for slides (the lab's Export button).

    Parameters
    ----------
    scene
        The state to draw (from :func:`biomech.scene.scene.build_scene`).
    path
        Target file; its suffix (``.png``, ``.svg``, ``.pdf``) sets the format.
    kind
        One of :data:`FIGURE_KINDS`.
    theme
        ``"light"`` or ``"dark"`` (for projectors in dark rooms).
    dpi
        Resolution of PNGs (100 gives 1920 x 1080); 50 to 600.
    cue_scenes
        For ``kind="cues"``: the two scenes to compare (default: both cues at the
        scene's restriction and tissue, default parameters).

    Returns
    -------
    pathlib.Path
        The written file.

    Raises
    ------
    ValueError
        For an unknown kind, theme or suffix, or a dpi out of range; nothing is written.
    """
    target = Path(path)
    fmt = check_choice("format", target.suffix.lstrip(".").lower(), FORMATS)
    kind = check_choice("kind", kind, FIGURE_KINDS)
    dpi = float(check_range("dpi", dpi, *DPI_RANGE, "dots per inch"))
    t = get_theme(theme)
    with use_theme(t):
        fig = build_figure(kind, scene, theme=t, cue_scenes=cue_scenes)
        return _save(fig, target, fmt, dpi)


def export_figures(
    out_dir: str | os.PathLike[str],
    *,
    formats: Iterable[str] = FORMATS,
    dpi: float = DPI,
    restriction: float = DEFAULT_RESTRICTION,
    cue: str = "squeeze_glutes",
    tissue: str = ALL_FLEXORS,
    mechanism: str = "blog",
    theme: str | Theme = "light",
    overrides: Mapping[str, float] | None = None,
) -> list[Path]:
    """Write the standard set of slide figures (:data:`FIGURES`) to ``out_dir``.

    Parameters
    ----------
    out_dir
        Folder to write to (created if missing).
    formats
        Any of ``"png"``, ``"svg"``, ``"pdf"``.
    dpi
        PNG resolution: 100 gives 1920 x 1080; 50 to 600.
    restriction
        Hip extension available (deg, -30 to 40) for the current state shown by the
        curves, top-down view, cue comparison and dashboard. The three side views use
        :data:`SIDE_VIEW_LEVELS` instead.
    cue, tissue
        As for :func:`biomech.model.lockout.compensate` (the cue comparison shows both cues).
    mechanism
        ``"blog"`` (the blog's hypothesis, as the lab starts) or ``"geometry"``.
    theme
        ``"light"`` or ``"dark"``.
    overrides
        Single numbers for any of :data:`biomech.model.lockout.MODEL_PARAMETERS` (e.g.
        ``{"rotation_gain_floor": 0.0}``), for every figure; default: the parameter table's.

    Returns
    -------
    list of pathlib.Path
        The files written, figure by figure, in the order of ``formats``.

    Raises
    ------
    ValueError
        For any invalid argument, before anything is written.
    """
    now = validate_options(
        formats=formats,
        dpi=dpi,
        restriction=restriction,
        cue=cue,
        tissue=tissue,
        mechanism=mechanism,
        theme=theme,
        out_dir=out_dir,
        overrides=overrides,
    )
    extra = dict(overrides or {})
    fmts, dpi, t, out = _check_formats(formats), float(dpi), get_theme(theme), Path(out_dir)
    plan: list[tuple[str, str, Scene, str | None]] = [("table", "table", now, None), ("curves", "curves", now, None)]
    plan += [
        (
            f"side_view_{level}",
            "side_view",
            build_scene(x, cue=cue, tissue=tissue, mechanism=mechanism, **extra),  # type: ignore[arg-type]
            f"Side view at lockout: {'no' if level == 'none' else level} restriction",
        )
        for level, x in SIDE_VIEW_LEVELS.items()
    ]
    plan += [("top_down", "top_down", now, None), ("cues", "cues", now, None), ("dashboard", "dashboard", now, None)]
    cue_scenes = [
        build_scene(restriction, cue=c, tissue=tissue, mechanism=mechanism, **extra) for c in CUE_NAMES if extra
    ]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with use_theme(t):
        for stem, kind, scene, title in plan:
            fig = build_figure(kind, scene, theme=t, title=title, cue_scenes=cue_scenes)
            written += [_save(fig, out / f"{stem}.{fmt}", fmt, dpi) for fmt in fmts]
    return written
