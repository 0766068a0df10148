"""The one-file lab (python -m biomech page) in headless Chromium, from file:// with the network refused.

Needs Debian's Chromium at /usr/bin/chromium; skipped without it (failed under CI).
The page is written once for the module (every tissue, cue and mechanism), as
``make page`` writes it.
"""

from __future__ import annotations

import re

import pytest

from biomech.formatting import format_degrees
from biomech.model.lockout import compensate
from biomech.web.page import write_page
from tests.voila_server import CHROMIUM, CHROMIUM_ARGS, skip_without_chromium

pytestmark = pytest.mark.browser
skip_without_chromium()
playwright = pytest.importorskip("playwright.sync_api")

ROOT = "#hiplab"
FRAMES = f"() => Number(document.querySelector('{ROOT}').dataset.frames || 0)"


@pytest.fixture(scope="module")
def page_file(tmp_path_factory):
    return write_page(tmp_path_factory.mktemp("page") / "lab.html")


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


def open_page(browser, page_file, width: int, height: int):
    """The page at a window size, offline, every request that leaves the file refused; once painted."""
    context = browser.new_context(viewport={"width": width, "height": height}, offline=True)
    page = context.new_page()
    page.refused = []
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type in ("error", "warning") else None)

    def refuse(route):
        page.refused.append(route.request.url)
        route.abort()

    page.route(lambda url: not url.startswith("file:"), refuse)
    page.goto(page_file.as_uri())
    page.wait_for_function(f"{FRAMES} > 0", timeout=60_000)
    return page


def shown(page) -> dict:
    return page.evaluate(
        f"""() => {{
      const root = document.querySelector('{ROOT}');
      return {{state: root.dataset.state, frames: Number(root.dataset.frames),
              readout: root.querySelector('.hl-readout').innerText,
              value: root.querySelector('.hl-value').textContent,
              said: root.querySelector('[aria-live]').textContent,
              feet: root.querySelector('.hl-feet').textContent,
              tilt: root.querySelector('.hl-l-tilt').textContent}};
    }}"""
    )


def press(page, key: str, times: int = 1) -> None:
    page.focus(".hl-slider")
    for _ in range(times):
        before = page.evaluate(FRAMES)
        page.keyboard.press(key)
        page.wait_for_function(f"{FRAMES} > {before}", timeout=10_000)


def test_the_file_is_small_and_self_contained(page_file):
    text = page_file.read_text("utf-8")
    assert page_file.stat().st_size < 5_000_000
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", text), "the page loads something from outside"
    script = text.split('<script type="module">')[1].split("</script>")[0]
    assert not re.search(r"""\bimport\s*\(|^\s*import\s|\bfrom\s+["']""", script, re.M), "the module imports"
    assert "Content-Security-Policy" in text and "default-src 'none'" in text


@pytest.mark.parametrize("size", [(1920, 1080), (390, 844)])
def test_it_paints_offline_and_the_arrow_key_moves_the_state(browser, page_file, size):
    page = open_page(browser, page_file, *size)
    start = shown(page)
    assert start["state"] == format_degrees(17.0)
    press(page, "ArrowLeft", 20)  # 20 steps of 0.5 deg: 17 -> 7 deg available
    after = shown(page)
    assert after["state"] == "7" and after["frames"] >= start["frames"] + 20
    model = compensate(7.0, cue="squeeze_glutes", tissue="hip flexors (all)", mechanism="blog")
    assert after["readout"].startswith(model.describe())
    assert after["value"] == format_degrees(7.0, display=True)
    assert after["said"].startswith("7 deg available, squeeze glutes: " + model.describe())
    assert f"stance: feet out {format_degrees(model.foot_progression, display=True)}" == after["feet"]
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert page.refused == [] and page.errors == []
    page.context.close()


def test_the_numbers_follow_the_selectors_and_equal_the_model(browser, page_file):
    page = open_page(browser, page_file, 1920, 1080)
    page.select_option("#hl-mechanism", "geometry")
    page.select_option("#hl-tissue", "Iliopsoas")
    page.select_option("#hl-cue", "stand_tall")
    page.focus(".hl-slider")
    for x in (-10.0, -25.5, 3.0):
        page.evaluate(
            f"""() => {{ const s = document.querySelector('.hl-slider'); s.value = '{x}';
                s.dispatchEvent(new Event('input', {{bubbles: true}})); }}"""
        )
        model = compensate(x, cue="stand_tall", tissue="Iliopsoas", mechanism="geometry")
        now = shown(page)
        assert now["state"] == format_degrees(x)
        assert now["readout"].split("\n")[0] == model.describe()
        # the pelvis in the room: standing tilt 10 deg + the model's tilt on the trunk - the balance's lean
        room = format_degrees(model.pelvic_tilt_in_room, signed=True, display=True)
        assert now["tilt"].startswith(f"pelvis in room{format_degrees(10.0 + model.pelvic_tilt_in_room, display=True)}")
        assert f"({room})" in now["tilt"]
        assert f"{format_degrees(model.pelvic_tilt, signed=True, display=True)} on trunk" in now["tilt"]
    assert page.refused == [] and page.errors == []
    page.context.close()


FIT = """() => {
  const r = (s) => document.querySelector(s).getBoundingClientRect();
  const bottoms = ['.hl-controls', '.hl-readout', '.hl-panels'].map((s) => r(s).bottom);
  const keys = Array.from(document.querySelectorAll('.hl-key')).map((k) => k.getBoundingClientRect().bottom);
  return {bottom: Math.max(...bottoms, ...keys), height: window.innerHeight,
          scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          gap: r('.hl-main').left - r('.hl-controls').right,
          panels: Array.from(document.querySelectorAll('.hl-svgbox')).map((b) => b.getBoundingClientRect().height)};
}"""


SIDE_TEXT_OUTSIDE = """() => {
  const box = document.querySelector('.hl-hips .hl-svgbox').getBoundingClientRect();
  return Array.from(document.querySelectorAll('.hl-hips svg text')).filter((t) => t.textContent).map((t) => {
    const r = t.getBoundingClientRect();
    return [t.textContent, r.left - box.left, box.right - r.right, r.top - box.top, box.bottom - r.bottom];
  }).filter(([, ...gaps]) => Math.min(...gaps) < -0.5);
}"""
"""The side view's texts that stick out of its panel (by more than half a pixel), with their gaps to its edges."""


@pytest.mark.parametrize("size", [(1280, 720), (1440, 900), (1920, 1080)])
def test_controls_readout_and_drawing_fit_the_first_screen_and_side_labels_stay_inside(browser, page_file, size):
    page = open_page(browser, page_file, *size)
    box = page.evaluate(FIT)
    assert box["bottom"] <= box["height"], box
    assert box["scroll"] <= 0 and box["gap"] >= 0, box
    assert min(box["panels"]) >= 250, box  # each drawing has room
    for key in ("Home", "End"):  # the tightest state (the longest lordosis label) and the loosest
        press(page, key)
        assert page.evaluate(SIDE_TEXT_OUTSIDE) == [], key
    page.context.close()


def test_the_dark_theme_applies(browser, page_file):
    page = open_page(browser, page_file, 1440, 900)
    colour = f"() => getComputedStyle(document.querySelector('{ROOT}')).backgroundColor"
    assert page.evaluate(colour) == "rgb(255, 255, 255)"
    page.click(".hl-theme")
    assert page.evaluate(colour) == "rgb(17, 17, 17)"
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(17, 17, 17)"
    line = page.evaluate("() => getComputedStyle(document.querySelector('.hl-trunk')).stroke")
    assert line == "rgb(242, 242, 242)"  # the dark theme's foreground
    page.context.close()


def test_the_range_over_the_assumption_variants_is_drawn_and_said(browser, page_file):
    from biomech.model.variants import compensation_band

    page = open_page(browser, page_file, 1280, 720)
    page.select_option("#hl-mechanism", "geometry")
    page.select_option("#hl-tissue", "Iliopsoas")
    page.evaluate(
        """() => { const s = document.querySelector('.hl-slider'); s.value = '-10';
            s.dispatchEvent(new Event('input', {bubbles: true})); }"""
    )
    drawn = page.evaluate(
        """() => Array.from(document.querySelectorAll('.hl-curves .hl-variants')).map((p) => {
             const b = p.getBBox(); return {cls: p.getAttribute('class'), w: b.width, h: b.height,
             n: (p.getAttribute('d').match(/L/g) || []).length}; })"""
    )
    assert {d["cls"] for d in drawn} == {"hl-variants hl-variants-pelvic_tilt", "hl-variants hl-variants-rotation_used"}
    assert all(d["w"] > 50 and d["n"] > 100 for d in drawn), drawn  # along the whole curve, there and back
    assert max(d["h"] for d in drawn) > 5, drawn  # the tilt's range is open somewhere
    key = page.evaluate("() => document.querySelector('.hl-curves .hl-key').innerText")
    assert "range over assumption variants" in key
    band = compensation_band([-10.0], cue="squeeze_glutes", tissue="Iliopsoas", mechanism="geometry")
    box = page.evaluate(
        """() => { const r = (s) => document.querySelector(s).getBoundingClientRect();
             const sure = r('.hl-sure'), out = r('.hl-readout'), panels = r('.hl-panels');
             return {text: document.querySelector('.hl-sure').textContent, bottom: sure.bottom, right: sure.right,
                     box: out.bottom, boxRight: out.right, panels: panels.top}; }"""
    )
    assert box["text"] == band.sentence(-10.0)
    assert box["bottom"] <= box["box"] + 0.5 and box["right"] <= box["boxRight"] + 0.5, box
    assert box["box"] <= box["panels"] + 0.5, box  # the readout does not run into the drawing
    assert page.refused == [] and page.errors == []
    page.context.close()


def test_the_whole_lifter_is_drawn_small_beside_the_close_up(browser, page_file):
    page = open_page(browser, page_file, 1280, 720)
    inset = page.evaluate(
        """() => {
      const box = document.querySelector('.hl-hips .hl-svgbox').getBoundingClientRect();
      const svg = document.querySelector('.hl-hips .hl-inset');
      const close = document.querySelector('.hl-hips .hl-svg:not(.hl-inset)');
      const r = svg.getBoundingClientRect(), c = close.getBoundingClientRect();
      const drawn = (s) => svg.querySelector(s).getBoundingClientRect();
      return {inside: r.left >= box.left && r.right <= c.left + 0.5 && r.bottom <= box.bottom + 0.5, width: r.width,
              midfoot: drawn('.hl-midfoot').height, feet: drawn('.hl-bone').height,
              bar: svg.querySelector('.hl-bar').getAttribute('d').length};
    }"""
    )
    assert inset["inside"] and inset["width"] >= 40, inset  # left of the close-up, in the side view's box
    # the feet, the bar (a dot) and the mid-foot line drawn
    assert min(inset["midfoot"], inset["bar"], inset["feet"]) > 0, inset
    page.context.close()


@pytest.mark.parametrize("size", [(390, 844), (800, 600)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_below_900_px_in_the_dark_the_whole_lifter_and_the_close_up_stay_apart_and_inside(browser, page_file, size):
    page = open_page(browser, page_file, *size)
    page.click(".hl-theme")
    for key in ("Home", "End"):  # the tightest state and the loosest
        press(page, key)
        box = page.evaluate(
            """() => {
          const box = document.querySelector('.hl-hips .hl-svgbox').getBoundingClientRect();
          const inset = document.querySelector('.hl-hips .hl-inset').getBoundingClientRect();
          const close = document.querySelector('.hl-hips .hl-svg:not(.hl-inset)').getBoundingClientRect();
          const root = document.querySelector('#hiplab');
          const apart = inset.right <= close.left + 0.5 && inset.left >= box.left - 0.5;
          return {apart: apart && close.right <= box.right + 0.5,
                  inset: [inset.width, inset.height], close: close.width,
                  scroll: document.documentElement.scrollWidth - innerWidth,
                  dark: getComputedStyle(root).backgroundColor};
        }"""
        )
        assert box["apart"] and box["scroll"] <= 0 and box["dark"] == "rgb(17, 17, 17)", box
        assert box["inset"][0] >= 60 and box["inset"][1] >= 200 and box["close"] >= 2 * box["inset"][0], box
        assert page.evaluate(SIDE_TEXT_OUTSIDE) == [], key
    assert page.refused == [] and page.errors == []
    page.context.close()
