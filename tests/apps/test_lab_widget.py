"""The lab drawn in the browser (HipLab's default): the kernel sends one setting's scenes, the widget moves."""

from __future__ import annotations

import pytest

from biomech.apps.lab import HipLab
from biomech.apps.lab_widget import LabDrawing
from biomech.model.lockout import compensate
from biomech.web.page import renderer_files


@pytest.fixture
def lab(tmp_path):
    return HipLab(export_dir=tmp_path, drawing="browser")


def setting(lab) -> dict:
    (only,) = lab.view.payload["settings"]
    return only


def test_the_drawing_is_the_renderer_with_one_settings_scenes(lab):
    assert isinstance(lab.view, LabDrawing) and lab.figure is None
    assert (lab.view._esm, lab.view._css) == renderer_files()
    s = setting(lab)
    assert (s["cue"], s["tissue"], s["mechanism"]) == ("squeeze_glutes", "hip flexors (all)", "blog")
    assert len(s["states"]) == 141 and lab.controls["hip_extension_available"] is lab.view
    assert lab.view.value == 17.0 and lab.view.theme == "light"


def test_the_slider_moving_in_the_browser_reaches_the_kernel_state_without_new_scenes(lab):
    sent = lab.view.payload
    lab.view.value = -10.0  # what the page sends once the slider rests
    assert lab.state == compensate(-10.0, mechanism="blog")
    assert lab.view.payload is sent  # the scenes stay: only the value moved


def test_a_new_setting_sends_its_scenes_once(lab):
    lab.set(hip_extension_available=-5.0, tissue="Iliopsoas", mechanism="geometry", cue="stand_tall")
    s = setting(lab)
    assert (s["cue"], s["tissue"], s["mechanism"]) == ("stand_tall", "Iliopsoas", "geometry")
    state = s["states"][50]  # -5 deg available
    assert state["x"] == -5.0 and state["readout"][0] == lab.state.describe()
    assert lab.view.value == -5.0
    sent = lab.view.payload
    lab.set(hip_extension_available=0.0)
    assert lab.view.payload is sent


def test_an_advanced_value_is_part_of_the_setting(lab):
    lab.set(squeeze_demand=15.0)
    s = setting(lab)
    assert s["overrides"]["squeeze_demand"] == 15.0
    model = compensate(17.0, mechanism="blog", squeeze_demand=15.0)
    assert s["states"][94]["readout"][0] == model.describe()


def test_theme_reset_and_export_keep_working(lab, tmp_path):
    lab.set(theme="dark", tissue="Sartorius", hip_extension_available=-20.0)
    assert lab.view.theme == "dark" and "hiplab-dark" in lab.widget._dom_classes
    lab.reset()
    assert lab.view.value == 17.0 and setting(lab)["tissue"] == "hip flexors (all)" and lab.view.theme == "dark"
    lab.view.value = -12.5
    (path,) = lab.export(formats=["svg"])
    assert path.parent == tmp_path and "-12p5deg" in path.name and path.stat().st_size > 0


def test_a_bad_drawing_is_refused_with_its_choices():
    with pytest.raises(ValueError, match="'drawing' must be one of"):
        HipLab(drawing="canvas")
