"""Latency of lesson 03's lift lab: arrow key on the phase slider -> the drawing's new pixels.

Paths (``--paths`` picks some):

- ``voila-lift``: lesson 03 under Voila, the lift drawn in the browser (``bm.LiftLab``:
  anywidget, ``web/static/lab.js`` + ``lift.js``). The kernel sent every phase of both cues
  at once; a key press repaints in the page. A capture-phase key listener stamps the press;
  when the renderer bumps ``data-frames``, the first task after the next animation frame
  stamps the end (the frame's style, layout and paint are included).
- ``voila-png``: the earlier path, for comparison, from a git revision that still has it
  (``--old-rev``, default ``e0a19d2``, exported with ``git archive`` to a temporary folder
  and served from there): an ``ipywidgets`` phase slider, the kernel poses both cues, draws
  the figure with Agg and sends it as a PNG through an ``ipywidgets.Image``. The end is
  stamped after the new image has loaded and the next animation frame.
- ``kernel-png``: the earlier path's kernel work alone (both cues posed, the figure saved as
  PNG), per phase, in a subprocess on the old revision; and ``kernel-pull``: the new path's
  kernel work when the lifter or tissue changes (the whole pull and its payload).

Run: ``.venv/bin/python benchmarks/lift_latency.py [--presses 60] [--viewport 1920x1080]``.
Target: the browser path's median well under one 60 Hz frame's budget of work per press
(no kernel in the loop).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))
from keys import presses, watch_paints  # noqa: E402  benchmarks/keys.py, beside this script

from tests.voila_server import CHROMIUM, CHROMIUM_ARGS, LESSON_03, running_voila  # noqa: E402

WATCH_LIFT = watch_paints(".hl-lift")
"""The lift drawn in the browser: a press's latency to the renderer's next paint (``data-frames``)."""

WATCH_PNG = """
() => {
  // The earlier lift lab: the kernel sends a PNG into an <img> (ipywidgets.Image); stamp after it has loaded.
  const img = document.querySelector('.widget-image');
  window.__lat = {pressed: null, result: null};
  document.addEventListener('keydown', () => {
    window.__lat.pressed = performance.now(); window.__lat.result = null;
  }, true);
  img.addEventListener('load', () => {
    const s = window.__lat;
    if (s.pressed === null) return;
    const pressed = s.pressed;
    s.pressed = null;
    requestAnimationFrame(() => setTimeout(() => { s.result = performance.now() - pressed; }, 0));
  });
}
"""


def voila_lift(browser, size: tuple[int, int], count: int, rev: str) -> tuple[list[float], str]:
    """Lesson 03's lift lab drawn in the browser."""
    with running_voila(notebook=LESSON_03, timeout=180.0) as url:
        page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        page.goto(url, wait_until="domcontentloaded", timeout=120_000)
        page.wait_for_function(
            "() => { const r = document.querySelector('.hl-lift'); return r && Number(r.dataset.frames) > 0; }",
            timeout=240_000,
        )
        page.locator(".hl-lift").scroll_into_view_if_needed()
        time.sleep(2.0)
        page.evaluate(WATCH_LIFT)
        out = presses(page, ".hl-lift .hl-slider", count, first="ArrowRight", timeout=30.0)
        page.close()
    return out, "SVG, 101 phases x 2 cues sent once"


def _old_tree(rev: str, folder: Path) -> Path:
    """The package and lesson 03 at ``rev`` (git archive), unpacked into ``folder``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def voila_png(browser, size: tuple[int, int], count: int, rev: str) -> tuple[list[float], str]:
    """The earlier lift lab (a PNG per move), served from a copy of ``rev``."""
    with tempfile.TemporaryDirectory() as tmp:
        old = _old_tree(rev, Path(tmp))
        env = {"PYTHONPATH": str(old), "PYTHONDONTWRITEBYTECODE": "1"}
        with running_voila(notebook=old / "notebooks" / LESSON_03.name, timeout=180.0, env=env) as url:
            page = browser.new_page(viewport={"width": size[0], "height": size[1]})
            page.goto(url, wait_until="domcontentloaded", timeout=120_000)
            page.wait_for_function(
                "() => { const i = document.querySelector('.widget-image'); return i && i.naturalWidth > 0; }",
                timeout=240_000,
            )
            page.locator(".widget-image").scroll_into_view_if_needed()
            time.sleep(2.0)
            page.evaluate(WATCH_PNG)
            out = presses(page, ".widget-slider .noUi-handle", count, first="ArrowRight", settle=0.3, timeout=30.0)
            size_px = page.evaluate(
                "() => { const i = document.querySelector('.widget-image');"
                " return i.naturalWidth + 'x' + i.naturalHeight; }"
            )
            page.close()
    return out, f"PNG {size_px} px per move, revision {rev}"


KERNEL_PNG = """
import io, statistics, sys, time
from biomech.apps.lift_lab import LiftLab
lab = LiftLab()
out = []
for i in range(int(sys.argv[1])):
    t = time.perf_counter()
    lab.set(phase=(i % 40 + 1) / 100)
    out.append(1000 * (time.perf_counter() - t))
print(" ".join(f"{v:.2f}" for v in out))
"""


def kernel_png(count: int, rev: str) -> tuple[list[float], str]:
    """The earlier path's kernel work per phase (both cues posed, the figure drawn and encoded as PNG)."""
    with tempfile.TemporaryDirectory() as tmp:
        old = _old_tree(rev, Path(tmp))
        env = {**os.environ, "PYTHONPATH": str(old), "PYTHONDONTWRITEBYTECODE": "1"}
        run = subprocess.run(
            [sys.executable, "-c", KERNEL_PNG, str(count)], env=env, cwd=old, check=True, capture_output=True
        )
    return [float(v) for v in run.stdout.split()], f"in the kernel, revision {rev}"


def kernel_pull(count: int) -> tuple[list[float], str]:
    """The new path's kernel work when the lifter or the tissue changes: the whole pull and its payload."""
    from biomech.scene.lift import lift_scenes
    from biomech.web.lift import lift_payload
    from biomech.web.payload import to_json

    out, size = [], 0
    for i in range(min(count, 12)):
        t = time.perf_counter()
        payload = lift_payload(lift_scenes(-20.0 + 2.5 * i))
        out.append(1000 * (time.perf_counter() - t))
        size = len(to_json(payload))
    return out, f"in the kernel, per setting (not per move); payload {size / 1e6:.2f} MB of JSON"


BROWSER_PATHS = {"voila-lift": voila_lift, "voila-png": voila_png}
KERNEL_PATHS = {"kernel-png": kernel_png, "kernel-pull": kernel_pull}


def report(name: str, latencies: list[float], what: str) -> None:
    print(
        f"  {name:12s} n={len(latencies)}  median {statistics.median(latencies):7.1f} ms"
        f"  p95 {float(np.percentile(latencies, 95)):7.1f} ms  max {max(latencies):7.1f} ms  ({what})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=60, help="key presses per path")
    parser.add_argument("--viewport", default="1920x1080", help="browser window, WIDTHxHEIGHT in CSS px")
    parser.add_argument("--paths", default=",".join([*BROWSER_PATHS, *KERNEL_PATHS]), help="comma-separated")
    parser.add_argument("--old-rev", default="e0a19d2", help="a git revision with the PNG-per-move lift lab")
    args = parser.parse_args()
    size = tuple(int(v) for v in args.viewport.lower().split("x"))
    names = args.paths.split(",")
    print(f"lift lab latency, key press -> new pixels ({os.cpu_count()} cores; window {args.viewport})")
    for name in names:
        if name in KERNEL_PATHS:
            latencies, what = kernel_png(args.presses, args.old_rev) if name == "kernel-png" else kernel_pull(12)
            report(name, latencies, what)
    browser_names = [n for n in names if n in BROWSER_PATHS]
    if browser_names:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            for name in browser_names:
                latencies, what = BROWSER_PATHS[name](browser, size, args.presses, args.old_rev)
                report(name, latencies, what)
            browser.close()


if __name__ == "__main__":
    main()
