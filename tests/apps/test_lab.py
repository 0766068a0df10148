"""The interactive lab, driven from code: widgets -> model -> views, without a browser."""

from __future__ import annotations

import asyncio
from pathlib import Path

import numpy as np
import pytest

from biomech.apps.lab import RENDER_SCALE, HipLab
from biomech.model.lockout import compensate as compensate_any
from biomech.parameters import PARAMETERS
from tests.models import blog as compensate


@pytest.fixture
def lab(tmp_path):
    lab = HipLab(export_dir=tmp_path, drawing="matplotlib")
    lab.canvas.draw()  # what the page's first draw request does: caches the background
    return lab


def artist_data(lab):
    """A snapshot of every moving artist's data."""
    out = []
    for artist in lab.dashboard.animated_artists:
        for getter in ("get_xydata", "get_offsets", "get_xy", "get_text", "get_position"):
            if hasattr(artist, getter):
                value = getattr(artist, getter)()
                out.append(np.array(value).tolist() if not isinstance(value, str) else value)
                break
    return out


def same(a, b) -> bool:
    """Equal artist data, NaN (a line break in a polyline) equal to NaN."""
    return len(a) == len(b) and all(
        x == y if isinstance(x, str) else np.array_equal(np.asarray(x, float), np.asarray(y, float), equal_nan=True)
        for x, y in zip(a, b, strict=False)
    )


def pixels(lab) -> np.ndarray:
    return np.asarray(lab.canvas.buffer_rgba()).copy()


def test_defaults_come_from_the_parameter_table(lab):
    for name, control in lab.controls.items():
        if name in PARAMETERS:
            p = PARAMETERS[name]
            assert (control.value, control.min, control.max) == (p.default, p.min, p.max), name
            assert lab.labels[name].endswith(f"({'deg per deg' if p.unit == 'deg/deg' else p.unit})"), name
    assert lab.state == compensate(PARAMETERS["hip_extension_available"].default)


@pytest.mark.parametrize(
    "name, value",
    [
        ("hip_extension_available", -12.0),
        ("cue", "stand_tall"),
        ("tissue", "Tensor fasciae latae"),
        ("external_rotation_range", 20.0),
        ("squeeze_demand", 15.0),
        ("standing_pelvic_tilt", 20.0),
        ("bar_load", 2.0),
    ],
)
def test_each_control_changes_state_and_views(lab, name, value):
    lab.controls["hip_extension_available"].value = -5.0
    state_before, data_before = lab.state, artist_data(lab)
    lab.controls[name].value = value
    assert lab.state != state_before  # the standing posture and the bar change the trunk's lean
    assert not same(artist_data(lab), data_before)
    expected = {"hip_extension_available": -5.0, "cue": "squeeze_glutes", "tissue": "hip flexors (all)"}
    if name in expected:
        expected[name] = value
    overrides = {name: value} if name not in expected else {}
    available = expected.pop("hip_extension_available")
    assert lab.state == compensate(available, **expected, **overrides)


def test_set_from_code_moves_the_widgets_like_a_user(lab):
    lab.set(hip_extension_available=-10, cue="stand_tall", tissue="Sartorius")
    assert lab.controls["hip_extension_available"].value == -10
    assert lab.controls["cue"].value == "stand_tall"
    assert lab.controls["tissue"].value == "Sartorius"
    assert lab.state == compensate(-10, cue="stand_tall", tissue="Sartorius")
    assert lab.state.describe() in lab.readout.value


def test_bad_values_keep_the_last_good_state(lab):
    lab.set(hip_extension_available=-8)
    good_state, good_readout, good_data = lab.state, lab.readout.value, artist_data(lab)
    for bad in (
        {"hip_extension_available": float("nan")},
        {"hip_extension_available": 99},
        {"cue": "squeeze"},
        {"tissue": "Gracilis"},
        {"squeeze_demand": -1},
        {"hip_extension_available": 5, "tissue": "nope"},
        {"no_such_control": 1},
    ):
        with pytest.raises(ValueError, match=r"'\w+'"):
            lab.set(**bad)
        assert lab.state == good_state
        assert lab.readout.value == good_readout
        assert same(artist_data(lab), good_data)
        assert lab.controls["hip_extension_available"].value == -8


def test_burst_of_rapid_changes_ends_in_the_last_state_with_one_frame(lab):
    values = np.round(np.random.default_rng(1).uniform(-30, 40, 200) * 2) / 2
    slider = lab.controls["hip_extension_available"]

    async def burst():
        for v in values:
            slider.value = float(v)
        await asyncio.sleep(0.05)  # let the scheduled frame run

    before = lab.frames_rendered
    asyncio.run(burst())
    assert lab.state == compensate(float(values[-1]))
    assert lab.frames_rendered - before == 1, "events in one batch must be coalesced into one frame"
    assert not lab.errors.outputs


def test_blitted_frame_equals_a_fresh_full_draw(lab, tmp_path):
    lab.set(hip_extension_available=-14)  # restriction only: blitted over the background
    assert lab.frames_rendered >= 1
    fresh = HipLab(export_dir=tmp_path, drawing="matplotlib")
    fresh.set(hip_extension_available=-14)
    fresh.canvas.draw()
    assert np.array_equal(pixels(lab), pixels(fresh))


def test_reset_restores_the_starting_values_exactly_and_keeps_the_theme(lab):
    start_readout = lab.readout.value
    lab.set(
        hip_extension_available=-20,
        cue="stand_tall",
        tissue="Sartorius",
        squeeze_demand=3,
        standing_lumbar_lordosis=60,
        internal_rotation_range=12,
        theme="dark",
        mechanism="geometry",
    )
    lab.reset()
    assert lab.state == compensate(PARAMETERS["hip_extension_available"].default)
    assert lab.theme == "dark" and "hiplab-dark" in lab.widget._dom_classes
    assert lab.controls["mechanism"].value == "blog"
    assert all(lab.controls[n].value == PARAMETERS[n].default for n in lab.controls if n in PARAMETERS)
    assert lab.readout.value == start_readout  # same digits before and after (lordosis 49.8)


def test_every_slider_starts_on_its_own_grid():
    """The page rounds a slider's value to its step: a default off the grid would change at once."""
    lab = HipLab(drawing="matplotlib")
    for name, control in lab.controls.items():
        if isinstance(control.value, float):
            steps = (control.value - control.min) / control.step
            assert abs(steps - round(steps)) < 1e-9, (name, control.value, control.step)
            assert control.value == PARAMETERS[name].default


@pytest.mark.parametrize("room, width", [("1450x1000", 1450), ("1450x600", 1066), ("820x560", 820), ("200x100", 480)])
def test_the_figure_fits_the_room_the_page_reports(lab, room, width):
    lab.room.value = room
    drawn = round(width * RENDER_SCALE)  # the page zooms the canvas to the full width
    assert lab.live.width == drawn
    assert lab.figure.get_size_inches().tolist() == [16.0, 9.0]
    lab.canvas.draw()  # the page's draw request after the resize
    height, pixels_wide = np.asarray(lab.canvas.buffer_rgba()).shape[:2]
    assert pixels_wide == drawn and abs(height - drawn * 9 / 16) < 1
    lab.set(hip_extension_available=-12)  # blitting works at the new size
    assert lab.frames_rendered >= 1 and not lab.errors.outputs


def test_a_bad_room_is_shown_not_raised(lab, capsys):
    width = lab.live.width
    lab.room.value = "wide"  # the error goes to the lab's error area (stdout without a page)
    assert "'room' must be 'WIDTHxHEIGHT'" in capsys.readouterr().out
    assert lab.live.width == width


def test_theme_switch_rebuilds_the_figure_once(lab):
    before = len(lab.figure.axes)
    lab.set(theme="dark")
    assert lab.theme == "dark" and lab.controls["theme"].value == "dark"
    assert len(lab.figure.axes) == before
    assert "hiplab-dark" in lab.widget._dom_classes


def test_table_highlights_follow_the_state(lab):
    lab.set(hip_extension_available=-10, tissue="Tensor fasciae latae")
    html = lab.table.value
    assert "Tensor fasciae latae" in html and "Gluteus medius (anterior fibers)" in html
    lab.set(cue="stand_tall")
    assert lab.table.value != html


def test_export_button_writes_the_current_figure(lab, tmp_path):
    lab.set(hip_extension_available=-10)
    lab.export_folder.value = str(tmp_path / "slides")
    lab._export_clicked()
    written = sorted((tmp_path / "slides").iterdir())
    assert sorted(p.suffix for p in written) == [".pdf", ".png", ".svg"]
    for path in written:  # the message names every file by its whole path
        assert f"<code>{path}</code>" in lab.status.value


def test_a_relative_export_folder_is_the_repository_folder_from_notebooks(tmp_path, monkeypatch):
    from biomech.export import project_root, resolve_folder

    root = project_root()
    assert root is not None and (root / "Makefile").read_text().count("--out figures")
    monkeypatch.chdir(root / "notebooks")
    assert resolve_folder("figures") == root / "figures"  # what `make figures` writes
    assert HipLab(drawing="matplotlib")._export_dir == Path("figures")
    monkeypatch.chdir(tmp_path)  # outside the checkout: the current directory
    assert resolve_folder("figures") == tmp_path / "figures"
    assert resolve_folder(tmp_path / "x") == tmp_path / "x"


def test_the_cue_target_stays_marked_whatever_the_deficit(lab):
    from biomech.apps.lab_text import ROLE_ALPHA
    from biomech.style import get_theme

    theme = get_theme("light")
    green = theme.cue_target + ROLE_ALPHA
    for available in (17.0, 5.0, -10.0, -30.0):  # no deficit, rotation, lumbopelvic
        lab.set(hip_extension_available=available)
        roles = lab.scene.highlights["Gluteus maximus"]
        assert "cue target" in roles
        span = lab.table.value.split("Gluteus maximus</span>")[0].rsplit("<span", 1)[1]
        assert green in span, (available, span)
        if len(roles) > 1:  # also an external rotator: a stripe per role
            assert "linear-gradient" in span and theme.rotation + ROLE_ALPHA in span
    assert "target of the cue" in lab.table.value  # the key beside the table


def test_tissue_note_explains_where_k_comes_from(lab):
    assert "illustrative" in lab.tissue_note.value
    lab.set(tissue="Tensor fasciae latae")
    assert f"= {lab.state.rotation_benefit:.2f} deg per deg, by internal rotation" in lab.tissue_note.value
    lab.set(tissue="Rectus femoris")
    assert lab.state.rotation_benefit == 0 and "no rotation action" in lab.tissue_note.value


def test_frames_are_lossless_pngs_of_the_canvas(lab):
    import io

    from PIL import Image

    from biomech.apps.live_figure import encode_png

    lab.set(hip_extension_available=-3)
    frame = pixels(lab)
    decoded = np.asarray(Image.open(io.BytesIO(encode_png(frame))))
    assert decoded.shape == frame.shape and np.array_equal(decoded, frame)


def test_readout_prints_the_digits_the_figure_prints(lab):
    lab.set(hip_extension_available=-8)
    hips = lab.dashboard.views["hips"]
    tilt = " ".join(hips.tilt_label.get_text().split("\n")[1:])
    lordosis = hips.lordosis_label.get_text().split("\n")[1]
    assert f"Pelvic tilt {tilt}" in lab.readout.value and f"lordosis {lordosis}" in lab.readout.value
    feet = lab.dashboard.views["transverse"].feet_label.get_text().removeprefix("stance: feet ")
    assert f"feet {feet}" in lab.readout.value
    top = lab.dashboard.views["transverse"]
    moving_text = [t for t in lab.dashboard.animated_artists if hasattr(t, "get_text") and t.get_visible()]
    assert set(moving_text) == {hips.tilt_label, hips.lordosis_label, top.feet_label}  # few numbers move
    assert not top.hip_label.get_visible() and "hip rotation 38.5° external" in lab.readout.value


def test_the_lab_starts_on_the_blog_and_switches_to_the_geometry(lab):
    assert lab.controls["mechanism"].value == "blog" and lab.state.mechanism == "blog"
    assert "hypothesis, unproven" in lab.readout.value
    assert "Iliofemoral ligament" not in lab.controls["tissue"].options
    lab.set(hip_extension_available=-10.0, tissue="Iliopsoas", mechanism="geometry")
    assert lab.state == compensate_any(-10.0, tissue="Iliopsoas", mechanism="geometry")
    assert "no rotation action" in lab.tissue_note.value and "blog" in lab.tissue_note.value
    assert "tighter" not in lab.tissue_note.value  # iliopsoas is below the floor: neither tighter nor slacker
    assert "Iliofemoral ligament" in lab.controls["tissue"].options
    lab.set(tissue="Iliofemoral ligament")
    assert "a sketch" in lab.readout.value and "a sketch" in lab.tissue_note.value  # no direction claimed
    assert "claims no direction of rotation" in lab.tissue_note.value
    lab.controls["mechanism"].value = "blog"  # as a user would: the ligament is not the blog's
    assert lab.controls["tissue"].value == "hip flexors (all)" and lab.state.mechanism == "blog"


def test_the_price_of_rotation_is_in_the_advanced_panel_and_reaches_the_geometry(lab):
    assert "rotation_gain_floor" in lab.controls and lab.controls["rotation_gain_floor"].value == 0.1
    lab.set(hip_extension_available=-10.0, tissue="Iliopsoas", mechanism="geometry")
    assert lab.state.rotation_used == 0.0  # 3.6 mm of rotation moment arm: not worth turning
    lab.controls["rotation_gain_floor"].value = 0.0
    lab.controls["moment_arm_floor"].value = 0.0
    free = compensate_any(
        -10.0, tissue="Iliopsoas", mechanism="geometry", rotation_gain_floor=0.0, moment_arm_floor=0.0
    )
    assert lab.state == free and free.rotation_used < -20.0


def test_the_readout_says_how_sure_the_answer_is_and_follows_the_slider(lab):
    import html as html_module

    lab.set(hip_extension_available=-8)
    first = lab.scene.band.sentence(-8.0)
    assert html_module.escape(first) in lab.readout.value
    lab.set(hip_extension_available=-25)
    assert html_module.escape(lab.scene.band.sentence(-25.0)) in lab.readout.value
    assert html_module.escape(first) not in lab.readout.value


def test_exported_file_names_follow_the_scenes_settings(lab, tmp_path):
    lab.set(hip_extension_available=-10, mechanism="geometry")
    names = {p.name for p in lab.export(tmp_path, formats=("svg",))}
    assert names == {"lab_squeeze_glutes_hip_flexors_all_geometry_-10p0deg.svg"}
    lab.set(squeeze_demand=12.0)  # an Advanced value away from its default: its own file
    assert {p.name for p in lab.export(tmp_path, formats=("svg",))} == {
        "lab_squeeze_glutes_hip_flexors_all_geometry_-10p0deg_advanced.svg"
    }
    assert lab.scene.settings.overrides == (("squeeze_demand", 12.0),)
