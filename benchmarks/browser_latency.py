"""Browser latency of the lab: arrow key on the slider -> the figure's pixels change.

Three paths in one run (``--paths`` picks some): ``html``, the one-file page
(``python -m biomech page``) from file://; ``voila-browser``, notebook 01 under Voila
drawn in the browser (the default); ``voila-ipympl``, the same drawn by matplotlib in
the kernel (``BIOMECH_LAB_DRAWING=matplotlib``). For the browser drawing, a key press
is stamped in the page, and the end is stamped in the first task after the next
animation frame once the renderer has painted (its ``data-frames`` changes), so the
frame's style, layout and paint are included. For ipympl the same end stamp follows
the canvas paint:

Serves notebook 01 with Voila on 127.0.0.1, opens it in headless Chromium (Debian's
/usr/bin/chromium, driven by Playwright), focuses the available-hip-extension slider
and presses an arrow key repeatedly. In the page, a capture-phase key listener stamps
the press; when ipympl next paints the figure's canvas (its ``drawImage``) with pixels
that differ, the first task after the next animation frame stamps the end;
the difference is one press's latency. The pixels are compared only after a paint, so
the measurement does not take CPU from the page and the kernel while they work.

In the same run, ``voila-browser`` then changes the setting ``--changes`` times (an arrow
key on the tissue's drop-down, a click on the other cue or mechanism; ``--pause`` seconds
apart, a presenter's pace): from the press to the first task after the frame that paints
a state of the new setting (the renderer's ``data-setting`` changed), split into settings
shown for the first time on the page and settings seen before. ``html`` also loads the
page afresh ten times: navigation start to the first painted state (``data-frames >= 1``).

Run: ``.venv/bin/python benchmarks/browser_latency.py [--presses 60] [--paths html,voila-browser]``.
Targets: median <= 80 ms (ipympl); the browser drawing has no kernel in the loop (median
<= 25 ms, p95 <= 40 ms); a setting change median <= 400 ms; the page's first paint < 1 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parents[1]))
from keys import presses, watch_paints  # noqa: E402  benchmarks/keys.py, beside this script

from tests.voila_server import CHROMIUM, CHROMIUM_ARGS, running_voila  # noqa: E402

WATCH_WEB = watch_paints(".hiplab-web")
"""The browser drawing (biomech.web): a press's latency to the renderer's next paint (``data-frames``)."""

WATCH = """
() => {
  const canvas = document.querySelector('.jupyter-matplotlib-canvas-div canvas');
  const ctx = canvas.getContext('2d', {willReadFrequently: true});
  const sum = () => {
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let h = 0;
    for (let i = 0; i < d.length; i += 16) { h = (h * 31 + d[i] + d[i + 1] + d[i + 2]) | 0; }
    return h;
  };
  window.__lat = {pressed: null, result: null, last: sum()};
  document.addEventListener('keydown', () => {
    window.__lat.pressed = performance.now(); window.__lat.result = null;
  }, true);
  // ipympl paints a new frame with drawImage on the figure's canvas: check the pixels
  // right after each such paint (no polling that would compete for the CPU), and stamp
  // the time in the first task after the next animation frame (the frame that shows them).
  const drawImage = CanvasRenderingContext2D.prototype.drawImage;
  CanvasRenderingContext2D.prototype.drawImage = function (...args) {
    const out = drawImage.apply(this, args);
    const s = window.__lat;
    if (this.canvas === canvas && s.pressed !== null) {
      const now = sum();
      if (now !== s.last) {
        const pressed = s.pressed;
        s.pressed = null; s.last = now;
        requestAnimationFrame(() => setTimeout(() => { s.result = performance.now() - pressed; }, 0));
      }
    }
    return out;
  };
}
"""


PAINTED = "() => { const r = document.querySelector('.hiplab-web'); return r && Number(r.dataset.frames) > 0; }"

WATCH_SETTING = """
() => {
  // A new setting (tissue, cue or mechanism): a click or key press is stamped in the page; the end is
  // the first task after the next animation frame once the renderer has painted (data-frames) a state
  // of another setting than the one shown at the press (data-setting).
  const root = document.querySelector('.hiplab-web');
  window.__set = {pressed: null, before: null, result: null, setting: null};
  const start = () => {
    const s = window.__set;
    s.pressed = performance.now(); s.before = root.dataset.setting; s.result = null;
  };
  document.addEventListener('keydown', start, true);
  document.addEventListener('pointerdown', start, true);
  new MutationObserver(() => {
    const s = window.__set;
    if (s.pressed === null || root.dataset.setting === s.before) return;
    const pressed = s.pressed, setting = root.dataset.setting;
    s.pressed = null;
    requestAnimationFrame(() => setTimeout(() => { s.result = performance.now() - pressed; s.setting = setting; }, 0));
  }).observe(root, {attributes: true, attributeFilter: ['data-frames']});
}
"""
FIRST_PAINT = """
(() => {
  // The one-file page: milliseconds from navigation start to the first task after the animation frame
  // that shows the first painted state (data-frames >= 1).
  window.__firstPaint = null;
  const seen = new MutationObserver((records) => {
    for (const r of records) {
      if (Number(r.target.dataset.frames) >= 1) {
        seen.disconnect();
        requestAnimationFrame(() => setTimeout(() => { window.__firstPaint = performance.now(); }, 0));
        return;
      }
    }
  });
  seen.observe(document, {subtree: true, attributes: true, attributeFilter: ['data-frames']});
})();
"""
CHANGES = ("tissue", "tissue", "cue", "tissue", "mechanism", "tissue", "cue")
"""The order of setting changes, repeated: most of them reach a setting the kernel has not computed yet."""


def voila_ipympl(browser, size: tuple[int, int], count: int) -> tuple[list[float], str]:
    """The lab's matplotlib drawing (ipympl) under Voila."""
    with running_voila(env={"BIOMECH_LAB_DRAWING": "matplotlib"}) as url:
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        page.goto(url, wait_until="domcontentloaded", timeout=120_000)
        page.wait_for_selector(".hiplab-readout", timeout=180_000)
        page.wait_for_function(
            "() => { const c = document.querySelector('.jupyter-matplotlib-canvas-div canvas');"
            " return c && c.width > 100; }",
            timeout=120_000,
        )
        time.sleep(2.0)
        canvas = page.evaluate(
            "() => { const c = document.querySelector('.jupyter-matplotlib-canvas-div canvas');"
            " return c.width + 'x' + c.height; }"
        )
        page.evaluate(WATCH)
        out = presses(page, ".hiplab .widget-slider .noUi-handle", count)
        page.close()
    return out, f"canvas {canvas} px"


def setting_changes(page, count: int, pause: float = 1.5) -> tuple[list[float], list[bool]]:
    """``count`` changes of tissue (arrow key on its drop-down), cue or mechanism (a click on a button).

    Returns each change's latency (ms) and whether its setting was shown for the first time
    on this page (the kernel computed it; a setting seen before comes from its cache).
    """
    page.evaluate(WATCH_SETTING)
    controls = page.locator(".hiplab-controls")
    seen = {page.evaluate("() => document.querySelector('.hiplab-web').dataset.setting").rsplit("|", 1)[0]}
    down, out, first = True, [], []
    for i in range(count):
        what = CHANGES[i % len(CHANGES)]
        if what == "tissue":
            select = controls.locator(".widget-dropdown select").first
            n, at = select.evaluate("s => [s.options.length, s.selectedIndex]")
            down = (down and at < n - 1) or at == 0
            select.focus()
            page.keyboard.press("ArrowDown" if down else "ArrowUp")
        else:
            buttons = (
                controls.locator(".widget-toggle-buttons")
                .nth(0 if what == "cue" else 1)
                .locator("button:not(.mod-active)")
            )
            buttons.first.click()
        page.wait_for_function("() => window.__set.result !== null", timeout=60_000)
        result, setting = page.evaluate("() => [window.__set.result, window.__set.setting]")
        out.append(result)
        setting = setting.rsplit("|", 1)[0]  # mechanism|cue|tissue (the Advanced values do not change here)
        first.append(setting not in seen)
        seen.add(setting)
        time.sleep(pause)  # a presenter's pace: the class looks at the drawing before the next change
    return out, first


def voila_browser(
    browser, size: tuple[int, int], count: int, changes: int = 0, pause: float = 1.5
) -> tuple[list[float], str]:
    """The lab's browser drawing (anywidget + biomech.web's renderer) under Voila; then ``changes`` new settings."""
    with running_voila(env={"BIOMECH_LAB_DRAWING": "browser"}) as url:
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        page.goto(url, wait_until="domcontentloaded", timeout=120_000)
        page.wait_for_function(PAINTED, timeout=180_000)
        time.sleep(2.0)
        page.evaluate(WATCH_WEB)
        out = presses(page, ".hiplab-web .hl-slider", count)
        what = "SVG"
        if changes:
            latencies, first = setting_changes(page, changes, pause)
            new = [t for t, f in zip(latencies, first, strict=True) if f]
            again = [t for t, f in zip(latencies, first, strict=True) if not f]
            what += "\n" + summary("  setting change", latencies, "tissue, cue or mechanism")
            for words, part in (("first visit", new), ("seen before", again)):
                if part:
                    what += "\n" + summary(f"    {words}", part, "")
        page.close()
    return out, what


def summary(name: str, latencies: list[float], what: str) -> str:
    """One line: median, p95 and max of ``latencies`` (ms)."""
    return (
        f"  {name:14s} n={len(latencies)}  median {statistics.median(latencies):6.1f} ms"
        f"  p95 {float(np.percentile(latencies, 95)):6.1f} ms  max {max(latencies):6.1f} ms"
        + (f"  ({what})" if what else "")
    )


def html_file(browser, size: tuple[int, int], count: int, changes: int = 0, loads: int = 10) -> tuple[list[float], str]:
    """The one-file page (python -m biomech page), from file://; its first paint over ``loads`` fresh loads."""
    from biomech.web.page import write_page

    with tempfile.TemporaryDirectory() as folder:
        path = write_page(Path(folder) / "lab.html")
        firsts = []
        for _ in range(loads):
            page = browser.new_page(viewport={"width": size[0], "height": size[1]})
            page.add_init_script(FIRST_PAINT)
            page.goto(path.as_uri())
            page.wait_for_function("() => window.__firstPaint !== null", timeout=60_000)
            firsts.append(page.evaluate("() => window.__firstPaint"))
            page.close()
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        page.goto(path.as_uri())
        page.wait_for_function(PAINTED, timeout=60_000)
        page.evaluate(WATCH_WEB)
        out = presses(page, ".hiplab-web .hl-slider", count)
        page.close()
        mb = path.stat().st_size / 1e6
    return out, f"SVG, file {mb:.2f} MB\n" + summary("  first paint", firsts, "navigation start -> data-frames >= 1")


PATHS = {"html": html_file, "voila-browser": voila_browser, "voila-ipympl": voila_ipympl}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=60, help="key presses per path (>= 50)")
    parser.add_argument("--viewport", default="1920x1080", help="browser window, WIDTHxHEIGHT in CSS px")
    parser.add_argument("--paths", default=",".join(PATHS), help=f"comma-separated, of {', '.join(PATHS)}")
    parser.add_argument("--changes", type=int, default=30, help="setting changes in the Voila lab (voila-browser)")
    parser.add_argument(
        "--pause", type=float, default=1.5, help="seconds between a setting painted and the next change"
    )
    args = parser.parse_args()
    size = tuple(int(v) for v in args.viewport.lower().split("x"))
    print(
        f"browser latency, key press -> new pixels (headless Chromium, {os.cpu_count()} cores; window {args.viewport})"
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        for name in args.paths.split(","):
            if name == "voila-browser":
                latencies, what = voila_browser(browser, size, args.presses, args.changes, args.pause)
            else:
                latencies, what = PATHS[name](browser, size, args.presses)
            first, _, rest = what.partition("\n")
            print(summary(name, latencies, first) + ("\n" + rest if rest else ""))
        browser.close()


if __name__ == "__main__":
    main()
