"""Views draw once and update in place (biomech.views)."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from biomech.formatting import format_degrees
from biomech.scene.scene import build_scene as build_scene_any
from biomech.style import use_theme
from biomech.views import CurvesView, Dashboard, SagittalView, TableView, TransverseView
from tests.models import blog_scene as build_scene

DPI = 30  # small renders: the comparisons are exact, so size does not matter
FIRST = build_scene(17.0)
SECOND = build_scene(-25.0, cue="stand_tall", tissue="Tensor fasciae latae")

VIEWS = {
    "sagittal": lambda ax: SagittalView(ax),
    "hips": lambda ax: SagittalView(ax, region="hips"),
    "transverse": lambda ax: TransverseView(ax),
    "curves": lambda ax: CurvesView(ax),
    "table": lambda ax: TableView(ax),
}


def make(name: str):
    """A figure holding one view (or the dashboard), built under the slide style."""
    with use_theme("light"):
        fig = Figure(figsize=(19.2, 10.8), dpi=DPI)
        FigureCanvasAgg(fig)
        if name.startswith("dashboard"):
            return fig, Dashboard(fig, table=name == "dashboard")
        return fig, VIEWS[name](fig.add_axes((0.05, 0.05, 0.9, 0.9)))


def artists(fig: Figure) -> list:
    """Every artist the views made: the Axes' contents and the figure's texts.

    Tick marks and tick labels are left out: matplotlib's Axis makes as many as the
    limits need (the curves' limits follow the cue and tissue).
    """
    found = [*fig.texts, *fig.patches, *fig.lines]
    for ax in fig.axes:
        found += [*ax.lines, *ax.patches, *ax.texts, *ax.collections, *ax.images, *ax.artists]
        legend = ax.get_legend()
        if legend is not None:
            found += [*legend.get_texts(), *legend.get_lines()]
    return found


def render(fig: Figure) -> np.ndarray:
    fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


NAMES = [*VIEWS, "dashboard", "dashboard_live"]


@pytest.mark.parametrize("name", NAMES)
def test_update_changes_data_without_adding_or_removing_artists(name):
    fig, view = make(name)
    view.update(FIRST)
    render(fig)
    before = artists(fig)
    animated_before = [_data(a) for a in view.animated_artists]
    view.update(SECOND)
    after = artists(fig)
    assert len(after) == len(before) and all(a is b for a, b in zip(after, before, strict=False))
    changed = [not _same(x, _data(a)) for x, a in zip(animated_before, view.animated_artists, strict=False)]
    assert any(changed)
    assert set(map(id, view.animated_artists)) <= set(map(id, after))


@pytest.mark.parametrize("name", NAMES)
def test_image_after_update_equals_a_fresh_draw(name):
    fig, view = make(name)
    view.update(FIRST)
    render(fig)
    view.update(SECOND)
    updated = render(fig)
    fresh_fig, fresh = make(name)
    fresh.update(SECOND)
    np.testing.assert_array_equal(updated, render(fresh_fig))


def test_update_never_draws(monkeypatch):
    fig, dash = make("dashboard")

    def fail(*args, **kwargs):
        raise AssertionError("update() must not draw")

    for method in ("draw", "draw_idle", "blit", "flush_events"):
        monkeypatch.setattr(fig.canvas, method, fail)
    dash.update(SECOND)


def test_animated_artists_are_all_that_a_restriction_change_moves():
    # Blit the animated artists over a background drawn without them: the result
    # differs from a full draw only where an animated artist overlaps a static one
    # drawn above it (blitting draws the animated ones last).
    fig, dash = make("dashboard")
    before, after = build_scene(-10.0), build_scene(-25.0)  # only the restriction moves
    assert dash.background_key(before) == dash.background_key(after)
    assert dash.background_key(before) != dash.background_key(FIRST)  # compensators appear
    dash.update(before)
    for artist in dash.animated_artists:
        artist.set_animated(True)
    fig.canvas.draw()
    background = fig.canvas.copy_from_bbox(fig.bbox)
    dash.update(after)
    fig.canvas.restore_region(background)
    for artist in dash.animated_artists:
        fig.draw_artist(artist)
    blitted = np.asarray(fig.canvas.buffer_rgba()).copy()
    for artist in dash.animated_artists:
        artist.set_animated(False)
    full = render(fig)
    assert not np.array_equal(blitted, np.asarray(background))
    assert np.mean(np.any(blitted != full, axis=-1)) < 0.001


@pytest.mark.parametrize("name", NAMES)
def test_a_restriction_change_moves_only_animated_artists(name):
    fig, view = make(name)
    before, after = build_scene(-10.0), build_scene(-25.0)
    assert view.background_key(before) == view.background_key(after)
    view.update(before)
    animated = set(map(id, view.animated_artists))
    static = [a for a in artists(fig) if id(a) not in animated]
    snapshot = [repr(_data(a)) for a in static]
    view.update(after)
    assert [repr(_data(a)) for a in static] == snapshot


def test_dashboard_works_on_a_bare_figure_and_freezes_its_layout():
    dash = Dashboard()
    assert isinstance(dash.figure.canvas, FigureCanvasAgg)
    assert dash.figure.get_layout_engine() is None
    assert set(dash.views) == {"body", "hips", "transverse", "curves", "table"}
    assert set(Dashboard(table=False).views) == {"body", "hips", "transverse", "curves"}


def test_labels_are_in_degrees():
    fig, dash = make("dashboard")
    dash.update(build_scene(-10.0))
    hips, top = dash.views["hips"], dash.views["transverse"]
    lean = build_scene(-10.0).state.trunk_lean  # the pelvis leans back with the trunk, at the hip
    drawn = format_degrees(10.0 + 7.45 - lean, display=True)
    change = format_degrees(7.45 - lean, signed=True, display=True)
    lines = hips.tilt_label.get_text().splitlines()
    assert lines[:3] == ["pelvis in room", f"{drawn} ({change}) =", "+7.5° on trunk"]
    assert lines[3] == "− 7.7° back"  # 7.5 - (-0.2): the printed parts add up
    assert 7.0 < lean < 8.0 and drawn == "9.8°"
    lordosis = f"lordosis\n{format_degrees(49.8 + 7.45, display=True)} (+7.5°)"  # the lean adds no lordosis
    assert hips.lordosis_label.get_text() == lordosis
    assert top.feet_label.get_text() == "stance: feet out 52.5°"
    assert top.hip_label.get_text() == "hip rotation 38.5° external"
    curves = dash.views["curves"].ax
    assert "(°)" in curves.get_xlabel() and "(°)" in curves.get_ylabel()


def test_views_import_neither_pyplot_nor_ipywidgets():
    code = (
        "import sys, biomech.views, biomech.export, biomech.__main__; "
        "sys.exit(bool({'matplotlib.pyplot', 'ipywidgets'} & set(sys.modules)))"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def _data(artist) -> object:
    """A snapshot of whatever an artist draws (points, text, visibility)."""
    for getter in ("get_xydata", "get_xy", "get_offsets", "get_center", "get_text", "get_paths"):
        if hasattr(artist, getter):
            value = getattr(artist, getter)()
            if getter == "get_paths":
                value = [p.vertices.copy() for p in value]
            return (
                np.array(value, dtype=object) if getter != "get_text" else value,
                artist.get_visible(),
                getattr(artist, "xy", None),
            )
    return artist.get_visible()


def _same(a: object, b: object) -> bool:
    try:
        return repr(a) == repr(b)
    except Exception:  # pragma: no cover
        return False


@pytest.mark.parametrize("available", [17.0, -10.0, -30.0])
def test_the_side_view_draws_the_posed_bones_of_the_state(available):
    fig, view = make("hips")
    scene = build_scene(available)
    view.update(scene)
    drawn = view.pelvis.get_path().vertices
    outline = scene.bones_side.pelvis[0]
    assert np.allclose(drawn[: len(outline)], outline)  # the first ring: the outer boundary
    femur = view.femur.get_path().vertices[: len(scene.bones_side.femur[0])]
    assert np.allclose(femur, scene.bones_side.femur[0])
    x, y = view.landmarks.get_data()
    assert np.degrees(np.arctan2(y[1] - y[0], x[0] - x[1])) == pytest.approx(scene.sagittal.pelvic_tilt)


@pytest.mark.parametrize(
    "scene",
    [build_scene(-10.0), build_scene_any(-20.0, tissue="Iliopsoas", cue="stand_tall"), build_scene(17.0)],
    ids=["all flexors, external", "iliopsoas, internal", "no rotation"],
)
def test_the_side_view_draws_the_posed_muscles_of_the_state(scene):
    fig, view = make("hips")
    view.update(scene)
    for role, line in view.muscles.items():
        x, y = line.get_data()
        xy = np.column_stack([x, y])
        drawn = [xy[part] for part in np.ma.clump_unmasked(np.ma.masked_invalid(x))] if len(x) else []
        assert len(drawn) == len(scene.muscles_side[role]), role
        assert all(np.array_equal(d, p) for d, p in zip(drawn, scene.muscles_side[role].values(), strict=True))
        assert line in view.animated_artists  # they move with the pelvis and the thigh
    many = len(scene.muscles_side["restricting"]) > 3
    assert view.muscles["restricting"].get_linewidth() < view.muscles["cue target"].get_linewidth() or not many
    dashed = view.muscles["cue target"].get_linestyle() != "-"
    assert dashed == (scene.state.cue == "stand_tall")


def test_the_top_view_draws_both_feet_apart():
    fig, view = make("transverse")
    scene = build_scene(-30.0, tissue="Adductor longus")
    view.update(scene)
    right, left = (foot.get_path() for foot in view.feet)
    assert right.vertices[:, 0].min() > 0 > left.vertices[:, 0].max()


@pytest.mark.parametrize("name", ["curves", "transverse"])
def test_the_background_key_is_the_scenes_settings(name):
    """Same settings, same background; an override (which changes the curves) asks for a full redraw."""
    _, view = make(name)
    a, b = build_scene(-10.0), build_scene(-25.0)
    assert view.background_key(a) == view.background_key(b) == a.settings
    changed = build_scene(-10.0, squeeze_demand=15.0)
    assert view.background_key(changed) != view.background_key(a)
    assert build_scene_any(-10.0, mechanism="geometry").settings != a.settings  # the mechanism is part of it


@pytest.mark.parametrize("tissue", ["hip flexors (all)", "Iliopsoas", "Rectus femoris"])
@pytest.mark.parametrize("mechanism", ["blog", "geometry"])
def test_the_stage_names_never_touch_in_the_slide_dashboard(tissue, mechanism):
    """In the slide dashboard's narrow curves panel two neighbouring stage names would touch;
    the second goes to a row of its own, and no name overlaps another when drawn."""
    from biomech.export.pages import build_figure

    for cue in ("squeeze_glutes", "stand_tall"):
        scene = build_scene_any(-10.0, cue=cue, tissue=tissue, mechanism=mechanism)
        with use_theme("light"):
            fig = build_figure("dashboard", scene)
            FigureCanvasAgg(fig).draw()
        renderer = fig.canvas.get_renderer()
        curves = next(v for v in fig.axes if v.get_ylabel() == "angle (°)")
        names = [t for t in curves.texts if t.get_visible() and t.get_text()]
        boxes = [t.get_window_extent(renderer) for t in names]
        assert len(names) >= 2
        for i, a in enumerate(boxes):
            for b in boxes[i + 1 :]:
                assert not a.overlaps(b), (cue, [t.get_text() for t in names])
