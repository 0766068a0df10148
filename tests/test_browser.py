"""Real-browser test: the lab served by Voila, driven with the keyboard in Chromium.

These tests drive the lab's matplotlib drawing (ipympl; ``BIOMECH_LAB_DRAWING=matplotlib``
for the server's kernels); tests/test_web_voila.py drives its default browser drawing.

Needs Debian's Chromium at /usr/bin/chromium (``.ci/run`` installs it). Without it the
test is skipped on a developer's machine, and fails under CI (``CI=true``).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from biomech.formatting import format_degrees
from biomech.scene.scene import build_scene
from tests.voila_server import CANVAS, frames, open_lab, skip_without_chromium

pytestmark = pytest.mark.browser
skip_without_chromium()
playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser(chromium, voila_url_matplotlib):
    """This module's Chromium, knowing the URL of the run's Voila server for the matplotlib drawing."""
    chromium.lab_url = voila_url_matplotlib
    return chromium


@pytest.fixture(scope="module")
def page(browser):
    page = open_lab(browser, browser.lab_url, 1800, 1100)
    yield page
    page.close()


def canvas_png(page) -> bytes:
    return page.locator(CANVAS).first.screenshot()


def test_arrow_key_on_the_slider_changes_readout_and_figure(page):
    readout = page.locator(".hiplab-readout")
    before_text = readout.inner_text()
    before_pixels = canvas_png(page)
    before_frames = frames(page)["count"]
    handle = page.locator(".hiplab .widget-slider .noUi-handle").first
    handle.focus()
    for _ in range(20):  # 20 steps of 0.5 deg: from 17 down to 7 deg of available extension
        page.keyboard.press("ArrowLeft")
    # 17 - 20 * 0.5 = 7 deg available against the squeeze cue's 9 deg: a 2 deg deficit
    page.wait_for_function(
        "() => document.querySelector('.hiplab-readout').innerText.startsWith('2 deg short')",
        timeout=30_000,
    )
    after_text = readout.inner_text()
    assert after_text != before_text and "external rotation" in after_text, after_text
    seen, deadline = before_frames, time.monotonic() + 30
    while canvas_png(page) == before_pixels:  # wait for the next painted frame, 30 s in all
        left = deadline - time.monotonic()
        assert left > 0, "the figure's pixels did not change"
        try:
            page.wait_for_function("(seen) => window.__hiplabFrames.count > seen", arg=seen, timeout=left * 1000)
        except playwright.Error:
            pytest.fail("the figure's pixels did not change")
        seen = frames(page)["count"]


def test_code_is_hidden_and_no_error_is_shown(page):
    body = page.inner_text("body")
    assert "Hip Compensation Lab" in body  # the notebook's narrative is shown
    for code in ("from biomech.apps.lab import HipLab", "lab = HipLab()", "parameters_markdown()"):
        assert code not in body, f"code is visible: {code!r}"
    assert "Traceback" not in body and "Error:" not in body


LAYOUT = f"""() => {{
  document.querySelector('.hiplab').scrollIntoView();
  const c = document.querySelector('{CANVAS}').getBoundingClientRect();
  const top = document.querySelector('{CANVAS}').parentElement.querySelectorAll('canvas')[1];
  const corner = top.getContext('2d').getImageData(top.width - 6, top.height - 6, 4, 4).data;
  return {{left: c.left, top: c.top, right: c.right, bottom: c.bottom,
          innerWidth: window.innerWidth, innerHeight: window.innerHeight,
          scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
          sideRight: document.querySelector('.hiplab-controls').getBoundingClientRect().right,
          handle: Array.from(corner).some((v, i) => i % 4 === 3 && v > 0)}};
}}"""


@pytest.fixture(scope="module")
def layouts(browser):
    """The lab's layout at the three classroom window sizes."""
    out = {}
    for size in ((1280, 720), (1440, 900), (1920, 1080)):
        page = open_lab(browser, browser.lab_url, *size)
        out[size] = page.evaluate(LAYOUT)
        page.close()
    return out


@pytest.mark.parametrize("size", [(1280, 720), (1440, 900), (1920, 1080)])
def test_the_whole_figure_fits_the_window_without_scrolling_sideways(layouts, size):
    box = layouts[size]
    assert box["scrollWidth"] <= box["clientWidth"], "the page scrolls sideways"
    assert 0 <= box["left"] and box["right"] <= box["innerWidth"], box
    assert 0 <= box["top"] and box["bottom"] <= box["innerHeight"], box
    assert box["sideRight"] <= box["left"], "the controls overlap the figure"
    assert not box["handle"], "ipympl's resize handle is drawn in the corner"


def test_the_figure_grows_with_the_window(layouts):
    widths = [layouts[s]["right"] - layouts[s]["left"] for s in ((1280, 720), (1440, 900), (1920, 1080))]
    assert widths[0] < widths[1] < widths[2]
    assert widths[2] >= 0.7 * 1920, "at 1920 x 1080 the figure should use most of the width"


def test_the_figure_follows_a_window_resize(browser):
    page = open_lab(browser, browser.lab_url, 1280, 720)
    try:
        before = page.evaluate(LAYOUT)
        page.set_viewport_size({"width": 1920, "height": 1080})
        page.wait_for_function(
            f"() => document.querySelector('{CANVAS}').getBoundingClientRect().width"
            f" > {before['right'] - before['left'] + 200}",
            timeout=30_000,
        )
        after = page.evaluate(LAYOUT)
        assert after["right"] <= after["innerWidth"] and after["bottom"] <= after["innerHeight"]
    finally:
        page.close()


def test_no_jupyter_instructions_under_voila(page):
    assert "Run all cells" not in page.inner_text("body")


def readout(page) -> str:
    return page.locator(".hiplab-readout").inner_text()


def test_reset_keeps_the_theme_and_restores_the_same_digits(browser):
    page = open_lab(browser, browser.lab_url, 1440, 900)  # a fresh page: the starting state
    start = readout(page)
    drawn = build_scene(17.0, mechanism="blog").sagittal.lumbar_lordosis  # the lab's starting state
    assert f"lordosis {format_degrees(drawn, display=True)}" in start
    page.get_by_text("Dark (projector)").click()
    page.wait_for_function("() => document.querySelector('.hiplab').classList.contains('hiplab-dark')")
    handle = page.locator(".hiplab .widget-slider .noUi-handle").first
    handle.focus()
    for _ in range(6):
        page.keyboard.press("ArrowLeft")
    page.wait_for_function(f"() => document.querySelector('.hiplab-readout').innerText !== {start!r}")
    page.get_by_role("button", name="Reset").click()
    page.wait_for_function(f"() => document.querySelector('.hiplab-readout').innerText === {start!r}", timeout=30_000)
    assert "hiplab-dark" in page.locator(".hiplab").first.get_attribute("class")
    # the slider did not round the standing lordosis (49.8 deg): the drawn lordosis is the starting one
    assert f"lordosis {format_degrees(drawn, display=True)}" in readout(page)
    page.close()


def test_export_names_the_files_it_wrote(page, tmp_path):
    box = page.locator(".hiplab-export-folder input")
    box.fill(str(tmp_path / "slides"))
    box.press("Tab")
    page.get_by_role("button", name="Export figure").click()
    page.wait_for_function("() => document.querySelector('.hiplab-status').innerText.includes('.pdf')", timeout=60_000)
    message = page.locator(".hiplab-status").inner_text()
    named = [Path(line.strip()) for line in message.splitlines() if line.strip().startswith("/")]
    assert len(named) == 3 and all(p.is_file() for p in named), message
    assert all(p.parent == tmp_path / "slides" for p in named)
