"""The lab drawn in the browser (HipLab's default): the kernel sends one setting's scenes, the widget moves."""

from __future__ import annotations

import time

import pytest

from biomech.apps import lab_widget
from biomech.apps.lab import HipLab
from biomech.apps.lab_widget import LabDrawing
from biomech.model.lockout import compensate, tissue_choices
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


# --- settings one click away, computed ahead (lab_widget.prefetch) -----------------------------


@pytest.fixture
def fresh_cache():
    lab_widget._cache.clear()
    yield
    lab_widget._queue.clear()
    wait_ahead()
    lab_widget._cache.clear()


def wait_ahead(seconds: float = 180.0) -> None:
    deadline = time.monotonic() + seconds
    while lab_widget.fetching():
        assert time.monotonic() < deadline, "the settings fetched ahead never arrived"
        time.sleep(0.05)


def kept(setting: dict) -> bool:
    return lab_widget.setting_key(setting) in lab_widget._cache


def test_the_neighbours_are_one_click_away_and_each_a_setting_the_lab_offers():
    for mechanism in ("blog", "geometry"):
        offered = tissue_choices(mechanism)
        for tissue in (offered[0], offered[3], offered[-1]):
            here = {"cue": "stand_tall", "tissue": tissue, "mechanism": mechanism, "squeeze_demand": 12.0}
            near = lab_widget.neighbours(here)
            assert here not in near and len({tuple(sorted(n.items())) for n in near}) == len(near)
            for n in near:
                assert n["tissue"] in tissue_choices(n["mechanism"]) and n["squeeze_demand"] == 12.0
                changed = [k for k in ("cue", "mechanism", "tissue") if n[k] != here[k]]
                assert changed in (["cue"], ["mechanism"], ["tissue"], ["mechanism", "tissue"]), n
            moved = [
                offered.index(n["tissue"]) for n in near if n["mechanism"] == mechanism and n["cue"] == "stand_tall"
            ]
            assert sorted(moved) == [
                i for i in (offered.index(tissue) - 1, offered.index(tissue) + 1) if 0 <= i < len(offered)
            ]
    ligament = {"cue": "stand_tall", "tissue": "Iliofemoral ligament", "mechanism": "geometry"}
    (blog,) = [n for n in lab_widget.neighbours(ligament) if n["mechanism"] == "blog"]
    # the blog offers no ligament: its first tissue, as the lab's list
    assert blog["tissue"] == tissue_choices("blog")[0]


def test_after_the_page_paints_the_neighbours_are_ready_without_computing(fresh_cache, monkeypatch):
    here = {"cue": "stand_tall", "tissue": "Sartorius", "mechanism": "blog"}
    drawing = LabDrawing(payload=lab_widget.setting_payload(**here))
    drawing._on_page_message(drawing, {"event": "painted"}, [])
    assert lab_widget.fetching(), "nothing was fetched ahead"
    wait_ahead()
    assert all(kept(near) for near in lab_widget.neighbours(here))
    slid = lab_widget.setting_payload(**here, internal_rotation_range=29.6)

    def refuse(settings):
        raise AssertionError(f"computed again: {settings}")

    monkeypatch.setattr(lab_widget, "lab_payload", refuse)
    for near in lab_widget.neighbours(here):
        (only,) = lab_widget.setting_payload(**near)["settings"]
        assert {k: only[k] for k in near} == near
    # a slider's float noise (29.599999999999994 for 29.6) is the same setting
    assert lab_widget.setting_payload(**here, internal_rotation_range=29.599999999999994) is slid


def test_no_fetching_ahead_when_switched_off_or_for_other_messages(fresh_cache):
    drawing = LabDrawing(payload=lab_widget.setting_payload(cue="stand_tall", tissue="Pectineus", mechanism="blog"))
    drawing._on_page_message(drawing, {"event": "something else"}, [])
    assert not lab_widget.fetching()
    drawing.fetch_ahead = False
    drawing._on_page_message(drawing, {"event": "painted"}, [])
    assert not lab_widget.fetching()


def test_a_setting_asked_for_drops_the_queue_and_is_computed_at_once(fresh_cache):
    start = {"cue": "squeeze_glutes", "tissue": "Adductor longus", "mechanism": "blog"}
    first, *queued = lab_widget.neighbours(start)
    lab_widget.prefetch([first, *queued])
    assert len(lab_widget._queue) == len(queued) and lab_widget.setting_key(first) in lab_widget._running
    payload = lab_widget.setting_payload(**queued[-1])  # queued behind the others: not waited for
    assert payload["settings"][0]["tissue"] == queued[-1]["tissue"]
    assert not lab_widget._queue
    wait_ahead()
    assert kept(first) and kept(queued[-1]) and not any(kept(q) for q in queued[:-1])
