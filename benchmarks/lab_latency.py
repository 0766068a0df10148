"""In-kernel latency of the lab: control change -> canvas rendered, vs. the `interact` pattern.

Both paths are timed in one run, on the same machine, from setting a slider's value to
the new image being ready to send to the page:

- **HipLab**: the model and the moving artists are updated in place and blitted over
  the cached background; ipympl encodes the changed pixels (the diff PNG it sends).
- **interact**: the common notebook pattern, ``ipywidgets.interactive`` calling a
  function that builds a new figure with the same views and renders it to PNG (what
  the inline backend sends), on every change.

Run: ``.venv/bin/python benchmarks/lab_latency.py [--changes 300]``.
Target: median <= 25 ms and >= 4x faster than `interact`.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import statistics
import time

import ipywidgets as widgets
import matplotlib
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from biomech.apps.lab import FIGURE_INCHES, RENDER_SCALE, HipLab
from biomech.scene.scene import build_scene
from biomech.style import use_theme
from biomech.views import Dashboard

matplotlib.use("Agg")


ROOM = "1510x986"
"""The room the page reports at 1920 x 1080 (Voila, presenter layout): a 1510 x 849 px figure."""
DPI = 1510 * RENDER_SCALE / FIGURE_INCHES[0]


def percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def slider_values(n: int) -> list[float]:
    """A sweep back and forth over the valid range in 0.5 deg steps, like arrow keys."""
    grid = np.arange(-30.0, 40.0, 0.5)
    sweep = np.concatenate([grid, grid[-2:0:-1]])  # no repeated value at the turns
    return [float(v) for v in np.resize(sweep, n)]


def time_hiplab(values: list[float]) -> list[float]:
    lab = HipLab(presenter=True, drawing="matplotlib")
    lab.fit(ROOM)  # the full-page figure at 1920 x 1080
    lab.canvas.syncing_data_url = False  # as once a page is connected: send diffs only
    lab.canvas.draw()  # the page's first draw request
    slider = lab.controls["hip_extension_available"]
    times = []
    for v in values:
        t0 = time.perf_counter()
        slider.value = v  # no event loop here: the frame renders, and ipympl encodes the diff
        times.append(time.perf_counter() - t0)
    assert lab.frames_rendered == len(values)
    return times


def time_interact(values: list[float]) -> list[float]:
    slider = widgets.FloatSlider(min=-30, max=40, step=0.5, value=17)
    out = {}

    def show(hip_extension_available: float) -> None:
        with use_theme("light"):
            fig = Figure(figsize=FIGURE_INCHES, dpi=DPI)
            FigureCanvasAgg(fig)
            dashboard = Dashboard(fig, theme="light", table=False)
            dashboard.update(build_scene(hip_extension_available))
            buffer = io.BytesIO()
            fig.savefig(buffer, format="png")
            out["png"] = buffer.getvalue()

    times = []
    with contextlib.redirect_stdout(io.StringIO()):  # interactive's clear_output, in a terminal
        widgets.interactive(show, hip_extension_available=slider)
        for v in values:
            t0 = time.perf_counter()
            slider.value = v
            times.append(time.perf_counter() - t0)
            assert out["png"]
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=300, help="slider changes per path (>= 200)")
    args = parser.parse_args()
    values = slider_values(args.changes)
    lab = time_hiplab(values)
    slow = time_interact(values[: max(50, args.changes // 4)])
    ms = lambda xs: [1000 * x for x in xs]  # noqa: E731
    lab_ms, slow_ms = ms(lab), ms(slow)
    print(f"lab latency, in kernel (Agg, {os.cpu_count()} cores, matplotlib {matplotlib.__version__})")
    print(
        f"  HipLab blit:  n={len(lab_ms):4d}  median {statistics.median(lab_ms):6.1f} ms"
        f"  p95 {percentile(lab_ms, 95):6.1f} ms"
    )
    print(
        f"  interact:     n={len(slow_ms):4d}  median {statistics.median(slow_ms):6.1f} ms"
        f"  p95 {percentile(slow_ms, 95):6.1f} ms"
    )
    print(
        f"  speed-up (median interact / median HipLab): {statistics.median(slow_ms) / statistics.median(lab_ms):.1f}x"
    )


if __name__ == "__main__":
    main()
