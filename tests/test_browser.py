"""Real-browser test: the lab served by Voila, driven with the keyboard in Chromium.

Needs Debian's Chromium at /usr/bin/chromium (``.ci/run`` installs it). Without it the
test is skipped on a developer's machine, and fails under CI (``CI=true``).
"""

from __future__ import annotations

import time

import pytest

from tests.voila_server import CHROMIUM, CHROMIUM_ARGS, running_voila, skip_without_chromium

pytestmark = pytest.mark.browser
skip_without_chromium()
playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def page():
    with running_voila() as url, playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1800, "height": 1100})
            page.goto(url, wait_until="domcontentloaded", timeout=120_000)
            page.wait_for_selector(".hiplab-readout", timeout=180_000)
            page.wait_for_function(
                "() => { const c = document.querySelector('.jupyter-matplotlib-canvas-div canvas');"
                " return c && c.width > 100; }",
                timeout=120_000,
            )
            time.sleep(1.0)  # let the first full frame arrive
            yield page
        finally:
            browser.close()


def canvas_png(page) -> bytes:
    return page.locator(".jupyter-matplotlib-canvas-div canvas").first.screenshot()


def test_arrow_key_on_the_slider_changes_readout_and_figure(page):
    readout = page.locator(".hiplab-readout")
    before_text = readout.inner_text()
    before_pixels = canvas_png(page)
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
    deadline = time.monotonic() + 30
    while canvas_png(page) == before_pixels:
        assert time.monotonic() < deadline, "the figure's pixels did not change"
        time.sleep(0.2)


def test_code_is_hidden_and_no_error_is_shown(page):
    body = page.inner_text("body")
    assert "Hip Compensation Lab" in body  # the notebook's narrative is shown
    for code in ("from biomech.apps.lab import HipLab", "lab = HipLab()", "parameters_markdown()"):
        assert code not in body, f"code is visible: {code!r}"
    assert "Traceback" not in body and "Error:" not in body


def test_figure_has_no_resize_handle(page):
    # ipympl draws its resize handle, a 20 px triangle, in the bottom-right corner of the
    # canvas it lays over the figure; the lab's figure has a fixed size.
    opaque = page.evaluate(
        "() => { const c = document.querySelectorAll('.jupyter-matplotlib-canvas-div canvas')[1];"
        " const d = c.getContext('2d').getImageData(c.width - 20, c.height - 20, 20, 20).data;"
        " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; return n; }"
    )
    assert opaque == 0, f"{opaque} pixels of a resize handle"
