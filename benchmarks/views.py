"""Benchmark: view update + draw vs clearing and redrawing, and the full slide export.

Run with ``python benchmarks/views.py`` (Agg backend, no pyplot). Prints, per view and
for the live dashboard, the median time of

- ``blit``: ``update(scene)`` + restore the cached background + ``draw_artist`` of
  each animated artist (what the lab does on a slider move; docs/architecture.md, Speed);
- ``draw``: ``update(scene)`` + a full ``canvas.draw()`` with the layout frozen;
- ``clear``: clear the figure, build the view again, ``update`` and ``draw`` (what
  ``interact`` re-plotting does);

and the ratio ``clear / blit`` and ``clear / draw``. Then the time of
``build_scene`` (the model and geometry for one slider position) and of the full
slide export. Not a test: numbers depend on the machine.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from biomech.export import export_figures
from biomech.scene.scene import build_scene
from biomech.style import use_theme
from biomech.views import CurvesView, Dashboard, SagittalView, TableView, TransverseView

# Restrictions a slider sweeps through, all in the lumbopelvic stage of the default
# settings, so the static background (table highlights, curves) stays valid.
SWEEP = [-3.0 - i for i in range(20)]
REPEATS = 2
LAB_SIZE_IN, LAB_DPI = (19.2, 10.8), 62.5  # 1200 x 675 px, the lab's figure
SLIDE_DPI = 100.0  # 1920 x 1080 px

VIEWS: dict[str, Callable] = {
    "sagittal (body)": lambda fig: SagittalView(fig.add_axes((0.05, 0.05, 0.9, 0.9)), labels=False),
    "sagittal (hips)": lambda fig: SagittalView(fig.add_axes((0.05, 0.05, 0.9, 0.9)), region="hips"),
    "transverse": lambda fig: TransverseView(fig.add_axes((0.05, 0.05, 0.9, 0.9))),
    "curves": lambda fig: CurvesView(fig.add_axes((0.08, 0.15, 0.6, 0.75))),
    "table": lambda fig: TableView(fig.add_axes((0.02, 0.02, 0.96, 0.96))),
    "dashboard (live, no table)": lambda fig: Dashboard(fig, table=False),
    "dashboard (with table)": lambda fig: Dashboard(fig, table=True),
}


def _median_ms(samples: list[float]) -> float:
    return 1000.0 * statistics.median(samples)


def bench(make: Callable, dpi: float) -> dict[str, float]:
    """Median seconds of the three paths for one view, over the sweep."""
    scenes = [build_scene(x) for x in SWEEP]
    fig = Figure(figsize=LAB_SIZE_IN, dpi=dpi)
    FigureCanvasAgg(fig)
    view = make(fig)
    view.update(scenes[0])
    fig.canvas.draw()
    fig.set_layout_engine("none")

    draw = []
    for _ in range(REPEATS):
        for scene in scenes:
            t0 = time.perf_counter()
            view.update(scene)
            fig.canvas.draw()
            draw.append(time.perf_counter() - t0)

    for artist in view.animated_artists:
        artist.set_animated(True)
    fig.canvas.draw()
    background = fig.canvas.copy_from_bbox(fig.bbox)
    blit = []
    for _ in range(REPEATS):
        for scene in scenes:
            t0 = time.perf_counter()
            view.update(scene)
            fig.canvas.restore_region(background)
            for artist in view.animated_artists:
                fig.draw_artist(artist)
            fig.canvas.blit(fig.bbox)
            blit.append(time.perf_counter() - t0)

    clear = []
    for scene in scenes[:: max(1, len(scenes) // 10)]:
        t0 = time.perf_counter()
        fig.clear()
        fresh = make(fig)
        fresh.update(scene)
        fig.canvas.draw()
        clear.append(time.perf_counter() - t0)
    return {"blit": _median_ms(blit), "draw": _median_ms(draw), "clear": _median_ms(clear)}


def main() -> None:
    """Print the table of medians and ratios, then the scene and export times."""
    with use_theme("light"):
        for label, dpi in (("lab figure 1200x675", LAB_DPI), ("slide 1920x1080", SLIDE_DPI)):
            print(f"\n{label}: median ms per slider move (Agg)")
            print(f"{'view':<28}{'blit':>8}{'draw':>8}{'clear':>8}{'clear/blit':>12}{'clear/draw':>12}")
            for name, make in VIEWS.items():
                r = bench(make, dpi)
                print(
                    f"{name:<28}{r['blit']:8.1f}{r['draw']:8.1f}{r['clear']:8.1f}"
                    f"{r['clear'] / r['blit']:12.1f}{r['clear'] / r['draw']:12.1f}"
                )
    scene_times = []
    for x in SWEEP:
        t0 = time.perf_counter()
        build_scene(x)
        scene_times.append(time.perf_counter() - t0)
    print(f"\nbuild_scene (model + curve + geometry): {_median_ms(scene_times):.2f} ms median")
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        paths = export_figures(out)
        print(f"full slide export ({len(paths)} files, PNG+SVG+PDF): {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
