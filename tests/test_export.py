"""Slide export: file set, sizes, determinism, atomic writes, the committed figures."""

from __future__ import annotations

import itertools
import os
import re
import struct
from pathlib import Path

import matplotlib
import pytest
from matplotlib.figure import Figure
from matplotlib.text import Text

from biomech.export import (
    FIGURE_KINDS,
    FIGURES,
    FORMATS,
    build_figure,
    export_figure,
    export_figures,
    validate_options,
)
from biomech.model.lockout import compensate
from biomech.scene.scene import build_scene as build_scene_any
from biomech.style import use_theme
from tests.models import blog_scene as build_scene

COMMITTED = Path(__file__).resolve().parents[1] / "figures"
MIN_TEXT_PT = 18.0  # projector-readable at 1920x1080 (the slides are read from the back of a room)
DASHBOARD_TABLE_PT = 10.0  # the dashboard's table is an overview (see figures/README.md)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    """The standard set, all formats, default options (what figures/ holds)."""
    out = tmp_path_factory.mktemp("figures")
    export_figures(out)
    return out


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_standard_set_is_complete(exported):
    expected = {f"{stem}.{fmt}" for stem in FIGURES for fmt in FORMATS}
    assert {p.name for p in exported.iterdir()} == expected  # and no temporary files


def test_pngs_are_1920_by_1080(exported):
    for path in exported.glob("*.png"):
        assert png_size(path) == (1920, 1080), path.name


def test_svg_and_pdf_are_byte_identical_across_runs(exported, tmp_path):
    again = export_figures(tmp_path, formats=("svg", "pdf"))
    for path in again:
        assert path.read_bytes() == (exported / path.name).read_bytes(), path.name


def test_dpi_scales_the_png(tmp_path):
    path = export_figure(build_scene(0.0), tmp_path / "half.png", kind="curves", dpi=50)
    assert png_size(path) == (960, 540)


def test_failed_export_leaves_no_partial_file(tmp_path, monkeypatch):
    target = tmp_path / "dashboard.svg"
    target.write_text("old slide")

    def broken_savefig(self, fh, **kwargs):
        fh.write(b"<svg half-written")
        raise KeyboardInterrupt  # an interrupted export, mid-file

    monkeypatch.setattr(Figure, "savefig", broken_savefig)
    with pytest.raises(KeyboardInterrupt):
        export_figure(build_scene(0.0), target)
    assert target.read_text() == "old slide"
    with pytest.raises(KeyboardInterrupt):
        export_figures(tmp_path / "new", formats=("png",))
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["dashboard.svg", "new"]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"formats": ("png", "jpg")}, "'formats' must be one of"),
        ({"formats": ()}, "'formats' must name at least one"),
        ({"dpi": 5}, "'dpi' must be a finite number"),
        ({"restriction": 50.0}, "'hip_extension_available' must be a finite number"),
        ({"cue": "tuck"}, "'cue' must be one of"),
        ({"tissue": "Quadriceps"}, "'tissue' must be one of"),
        ({"theme": "blue"}, "'theme' must be one of"),
    ],
)
def test_bad_options_raise_before_writing(tmp_path, kwargs, match):
    with pytest.raises(ValueError, match=match):
        export_figures(tmp_path / "out", **kwargs)
    assert not (tmp_path / "out").exists()


def test_export_figure_checks_suffix_and_kind(tmp_path):
    with pytest.raises(ValueError, match="'format' must be one of"):
        export_figure(build_scene(0.0), tmp_path / "slide.jpg")
    with pytest.raises(ValueError, match="'kind' must be one of"):
        export_figure(build_scene(0.0), tmp_path / "slide.png", kind="sideview")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("kind", FIGURE_KINDS)
def test_text_is_readable_and_inside_the_figure(kind):
    with use_theme("dark"):
        fig = build_figure(kind, build_scene(-30.0, tissue="Tensor fasciae latae"), theme="dark")
        fig.canvas.draw()  # places axis labels and tick labels
        renderer = fig.canvas.get_renderer()
        boxes = []
        for text in fig.findobj(Text):
            if not text.get_visible() or not text.get_text().strip():
                continue
            small_table = (
                kind == "dashboard"
                and text.axes is not None
                and not text.axes.axison
                and text.get_fontsize() >= DASHBOARD_TABLE_PT
                and text.axes.get_position().x0 > 0.7
            )
            assert text.get_fontsize() >= MIN_TEXT_PT or small_table, text.get_text()
            box = text.get_window_extent(renderer)
            assert fig.bbox.x0 <= box.x0 and box.x1 <= fig.bbox.x1, text.get_text()
            assert fig.bbox.y0 <= box.y0 and box.y1 <= fig.bbox.y1, text.get_text()
            boxes.append((text.get_text(), box))
    for (a, box_a), (b, box_b) in itertools.combinations(boxes, 2):
        assert not box_a.overlaps(box_b), f"{a!r} overlaps {b!r}"


def _recorded_matplotlib() -> str:
    match = re.search(r"matplotlib (\d+\.\d+\.\d+)", (COMMITTED / "README.md").read_text("utf-8"))
    return match.group(1) if match else "unknown"


def _under_ci() -> bool:
    """CI sets ``CI``: there a version mismatch fails loudly instead of skipping."""
    return bool(os.environ.get("CI"))


def test_committed_figures_are_what_the_code_draws_now(exported):
    # SVG and PDF are compared byte for byte: with glyphs stored as paths (SVG) or an
    # embedded subset (PDF), their bytes depend only on this code and the matplotlib
    # version (which ships the font), not on the machine's FreeType. PNG pixels depend
    # on FreeType's rasteriser, so committed PNGs are checked for set and size only.
    committed = {p.name for p in COMMITTED.iterdir() if p.suffix in {".png", ".svg", ".pdf"}}
    assert committed == {p.name for p in exported.iterdir()}
    for path in COMMITTED.glob("*.png"):
        assert png_size(path) == (1920, 1080), path.name
    if _recorded_matplotlib() != matplotlib.__version__:
        message = (
            f"figures/ was made with matplotlib {_recorded_matplotlib()}, this is "
            f"{matplotlib.__version__}: run `python -m biomech figures --out figures` (and record the version "
            "in figures/README.md), or install the recorded version"
        )
        if _under_ci():
            pytest.fail(f"CI compares the committed figures byte for byte: {message}")
        pytest.skip(message)
    stale = [
        p.name
        for p in sorted(COMMITTED.glob("*.sv[g]")) + sorted(COMMITTED.glob("*.pdf"))
        if p.read_bytes() != (exported / p.name).read_bytes()
    ]
    assert not stale, f"regenerate with `python -m biomech figures --out figures`: {stale}"


def _texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_visible()]


@pytest.mark.parametrize("mechanism", ["blog", "geometry"])
@pytest.mark.parametrize("kind", FIGURE_KINDS)
def test_every_figure_names_its_mechanism(kind, mechanism):
    from biomech.export import MECHANISM_CAPTIONS

    scene = build_scene_any(-10.0, mechanism=mechanism)
    texts = _texts(build_figure(kind, scene))
    assert any(MECHANISM_CAPTIONS[mechanism] in t for t in texts), texts
    other = next(m for m in MECHANISM_CAPTIONS if m != mechanism)
    assert not any(MECHANISM_CAPTIONS[other] in t for t in texts)


def test_the_top_view_title_follows_the_rotation():
    still = build_scene_any(-10.0, mechanism="geometry")  # hip flexors (all): the geometry does not turn the hip
    assert float(still.state.rotation_used) == 0.0
    title = _texts(build_figure("top_down", still))
    assert not any("turn out" in t or "turns out" in t for t in title)
    assert any("the hip does not turn" in t for t in title)
    out = build_scene(-10.0)  # the blog's hypothesis turns the hip out
    assert float(out.state.rotation_used) > 0
    assert any(t.startswith("From above: the hip turns out") for t in _texts(build_figure("top_down", out)))
    inward = build_scene(-10.0, tissue="Tensor fasciae latae")
    assert float(inward.state.rotation_used) < 0
    assert any(t.startswith("From above: the hip turns in") for t in _texts(build_figure("top_down", inward)))


def test_the_ligament_is_keyed_as_a_sketch():
    scene = build_scene_any(-10.0, tissue="Iliofemoral ligament", mechanism="geometry")
    assert any("iliofemoral ligament (a sketch)" in t for t in _texts(build_figure("side_view", scene)))


def test_the_table_figure_marks_the_unresolved_cells():
    from biomech.anatomy.textbook import unresolved_cells

    for kind in ("table", "dashboard"):
        texts = [" ".join(t.split()) for t in _texts(build_figure(kind, build_scene(-10.0)))]
        marked = [t for t in texts if t.startswith("Unresolved:")]
        assert len(marked) == len(unresolved_cells()) == 2, kind
        for note in unresolved_cells().values():
            assert any(note in t for t in marked), (kind, note)


def test_overrides_reach_the_scenes_and_bad_ones_raise_before_writing(tmp_path):
    options = {"restriction": -10.0, "tissue": "Iliopsoas", "mechanism": "geometry", "out_dir": tmp_path / "out"}
    free = {"rotation_gain_floor": 0.0, "moment_arm_floor": 0.0}
    scene = validate_options(**options, overrides=free)
    assert scene.state == compensate(-10.0, tissue="Iliopsoas", **free) and scene.state.rotation_used < 0.0
    with pytest.raises(ValueError, match=r"^'rotation_gain_floor' must be a finite number"):
        export_figures(**options, overrides={"rotation_gain_floor": 2.0})
    assert not (tmp_path / "out").exists()


def test_an_exported_cue_comparison_draws_the_scenes_overrides(tmp_path):
    """The cues figure rebuilds both cues from the scene's settings: its overrides are drawn, not the defaults."""
    from biomech.export import CUE_NAMES

    overrides = {"standing_pelvic_tilt": 20.0, "squeeze_demand": 15.0}
    scene = build_scene(-10.0, **overrides)
    with_overrides = [build_scene(-10.0, cue=c, **overrides) for c in CUE_NAMES]
    at_defaults = [build_scene(-10.0, cue=c) for c in CUE_NAMES]
    drawn = export_figure(scene, tmp_path / "drawn.svg", kind="cues").read_bytes()
    expected = export_figure(scene, tmp_path / "expected.svg", kind="cues", cue_scenes=with_overrides).read_bytes()
    defaults = export_figure(scene, tmp_path / "defaults.svg", kind="cues", cue_scenes=at_defaults).read_bytes()
    assert drawn == expected
    assert drawn != defaults


def test_the_export_functions_keywords_are_the_option_specs_fields(tmp_path):
    import dataclasses
    import inspect

    from biomech.export import ExportOptions

    names = [f.name for f in dataclasses.fields(ExportOptions)]
    keywords = inspect.signature(export_figures).parameters
    assert list(keywords)[1:] == names
    assert all(keywords[f.name].default == f.default for f in dataclasses.fields(ExportOptions))
    with pytest.raises(ValueError, match=r"^'option' must be one of .*'dpi'.*got 'colour'"):
        export_figures(tmp_path / "out", colour="red")
    with pytest.raises(ValueError, match=r"'overrides' must be one of"):
        validate_options(overrides={"bar_weight": 1.0})
    assert not (tmp_path / "out").exists()
