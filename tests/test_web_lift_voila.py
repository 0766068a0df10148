"""Lesson 03 served by Voila: the lift lab's phase slider repaints in the browser with no kernel message.

Needs Debian's Chromium at /usr/bin/chromium; skipped without it (failed under CI).
"""

from __future__ import annotations

import pytest

from biomech.formatting import format_degrees
from biomech.model.lift import lift_compensation
from tests.voila_server import heard, open_drawing, painted_frames, quiet, skip_without_chromium, values_sent

pytestmark = pytest.mark.browser
skip_without_chromium()
playwright = pytest.importorskip("playwright.sync_api")

ROOT = "document.querySelector('.hl-lift')"
PAINTED = painted_frames(".hl-lift")
FRAMES = f"() => {PAINTED}"
STATE = f"() => {ROOT}.dataset.state"


@pytest.fixture(scope="module")
def page(chromium, voila_lift_url):
    page = open_drawing(chromium, voila_lift_url, ".hl-lift", timeout=240.0)
    try:
        yield page
    finally:
        page.close()


def test_an_arrow_key_on_the_phase_slider_repaints_with_no_kernel_message(page):
    quiet(page)
    assert page.evaluate(STATE) == "0.00"
    slider = page.locator(".hl-lift .hl-slider")
    slider.focus()
    for _ in range(90):  # 0.00 -> 0.90, each press painted before any message leaves
        before, sent = page.evaluate(FRAMES), len(page.sent)
        page.keyboard.press("ArrowRight")
        page.wait_for_function(f"{FRAMES} > {before}", timeout=10_000)
        now = float(page.evaluate(STATE))  # a message the previous press left after its pause is allowed
        assert all(round(v, 2) != now for v in values_sent(page, sent)), "the page asked the kernel before painting"
    assert page.evaluate(STATE) == "0.90"
    # the readout and the aria-live line say the state the model gives at that phase (lesson 03's lifter)
    squeeze = lift_compensation(0.9, -8.0, cue="squeeze_glutes")
    assert squeeze.describe(balanced=False, stance=False) in page.locator(".hl-lift .hl-readout").inner_text()
    spoken = page.locator(".hl-lift [aria-live]").inner_text()  # the changing numbers only, not the paragraphs
    assert squeeze.describe(balanced=False, stance=False) not in spoken
    lockout = lift_compensation(1.0, -8.0, cue="squeeze_glutes")  # the stance drawn: set before the pull
    for words in (
        f"hip rotation {format_degrees(squeeze.rotation_used, display=True)}",
        f"stance set before the pull: feet out {format_degrees(lockout.foot_progression, display=True)}",
        f"anterior pelvic tilt on the trunk {format_degrees(squeeze.pelvic_tilt, display=True)}",
    ):
        assert words in spoken
    assert "stance needed" not in page.locator(".hl-lift .hl-readout").inner_text()  # not each phase's stance
    tops = page.locator(".hl-lift .hl-lift-top .hl-feet").all_inner_texts()
    assert all(t.startswith("stance set before the pull:") for t in tops) and len(tops) == 2
    assert "From above: Squeeze your bum at the top" in page.locator(".hl-lift").inner_text()
    assert page.locator(".hl-lift .hl-value").inner_text() == "0.90"
    # the plate is drawn around each cue's bar, and the curves' cursor moved
    assert page.locator(".hl-lift .hl-plate").count() == 2
    # where the slider rests reaches the kernel afterwards (for a saved frame), not per press; ``sent``
    # is the count before the last press, so a message that left during the checks above still counts
    assert heard(page, '"state":{"value":0.9}', since=sent), "the kernel never heard where the slider rests"
    assert not page.errors, page.errors


def test_a_new_tissue_recomputes_the_pull_in_the_kernel_and_the_drawing_follows(page):
    before = page.evaluate(FRAMES)
    page.locator(".hiplab-lift .widget-dropdown select").first.select_option("Rectus femoris")
    phase = float(page.evaluate(STATE))
    stand = lift_compensation(phase, -8.0, cue="stand_tall", tissue="Rectus femoris")
    page.wait_for_function(
        f"(text) => {PAINTED} > {before} && {ROOT}.querySelector('.hl-readout').innerText.includes(text)",
        arg=stand.describe(balanced=False, stance=False),
        timeout=120_000,
    )
    body = page.inner_text("body")
    assert "Traceback" not in body and "Error:" not in body
    assert "Hip only: the knee is ignored" in page.locator(".hl-lift .hl-readout").inner_text()
    assert not page.errors, page.errors
