"""Browser latency of the lab: arrow key on the slider -> the figure's pixels change.

Serves notebook 01 with Voila on 127.0.0.1, opens it in headless Chromium (Debian's
/usr/bin/chromium, driven by Playwright), focuses the available-hip-extension slider
and presses an arrow key repeatedly. In the page, a capture-phase key listener stamps
the press; when ipympl next paints the figure's canvas (its ``drawImage``) with pixels
that differ, the next animation frame (when the browser shows them) stamps the end;
the difference is one press's latency. The pixels are compared only after a paint, so
the measurement does not take CPU from the page and the kernel while they work.

Run: ``.venv/bin/python benchmarks/browser_latency.py [--presses 60]``.
Target: median <= 80 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parents[1]))
from tests.voila_server import CHROMIUM, CHROMIUM_ARGS, running_voila  # noqa: E402

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
  // the time at the next animation frame, when the browser shows them.
  const drawImage = CanvasRenderingContext2D.prototype.drawImage;
  CanvasRenderingContext2D.prototype.drawImage = function (...args) {
    const out = drawImage.apply(this, args);
    const s = window.__lat;
    if (this.canvas === canvas && s.pressed !== null) {
      const now = sum();
      if (now !== s.last) {
        const pressed = s.pressed;
        s.pressed = null; s.last = now;
        requestAnimationFrame(() => { s.result = performance.now() - pressed; });
      }
    }
    return out;
  };
}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=60, help="key presses (>= 50)")
    parser.add_argument("--viewport", default="1920x1080", help="browser window, WIDTHxHEIGHT in CSS px")
    args = parser.parse_args()
    latencies: list[float] = []
    with running_voila() as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        width, height = (int(v) for v in args.viewport.lower().split("x"))
        page = browser.new_page(viewport={"width": width, "height": height})
        page.goto(url, wait_until="domcontentloaded", timeout=120_000)
        page.wait_for_selector(".hiplab-readout", timeout=180_000)
        page.wait_for_function(
            "() => { const c = document.querySelector('.jupyter-matplotlib-canvas-div canvas');"
            " return c && c.width > 100; }",
            timeout=120_000,
        )
        time.sleep(2.0)
        size = page.evaluate(
            "() => { const c = document.querySelector('.jupyter-matplotlib-canvas-div canvas');"
            " return [c.width, c.height]; }"
        )
        page.evaluate(WATCH)
        handle = page.locator(".hiplab .widget-slider .noUi-handle").first
        handle.focus()
        for i in range(args.presses):
            page.keyboard.press("ArrowLeft" if (i // 40) % 2 == 0 else "ArrowRight")
            page.wait_for_function("() => window.__lat.result !== null", timeout=10_000)
            latencies.append(page.evaluate("() => window.__lat.result"))
            time.sleep(0.15)  # a presenter's pace; the next press starts from a settled frame
        browser.close()
    print(
        f"browser latency, key press -> new pixels (Voila + ipympl + headless Chromium, {os.cpu_count()} cores;"
        f" window {args.viewport}, canvas {size[0]}x{size[1]} px)"
    )
    print(
        f"  n={len(latencies)}  median {statistics.median(latencies):6.1f} ms"
        f"  p95 {float(np.percentile(latencies, 95)):6.1f} ms  max {max(latencies):6.1f} ms"
    )


if __name__ == "__main__":
    main()
