"""Time the hip geometry: moment arms of every muscle part at 1,000 postures.

Each repeat calls :func:`biomech.anatomy.geometry.moment_arms` once with 1,000 postures (hip
flexion swept over -20 to 90 deg, the range of notebook 04's slider, with adduction
and rotation varying too), i.e. 27 parts x 3 axes x 1,000 postures, and reports the
median and 95th percentile wall time. The posture slider of notebook 04 needs one
posture per move, so this bounds its geometry cost from above.

Run: ``.venv/bin/python benchmarks/geometry.py [--repeats 200] [--postures 1000]``.
Target: median < 20 ms. Exits 1 if the target is missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time

import numpy as np

from biomech.anatomy.geometry import PARTS, moment_arms

TARGET_MS = 20.0


def postures(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``n`` postures spread over the slider's flexion range, with some ab/adduction and rotation."""
    t = np.linspace(0.0, 1.0, n)
    return -20.0 + 110.0 * t, 15.0 * np.sin(7.0 * t), 30.0 * np.cos(5.0 * t)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--postures", type=int, default=1000)
    args = parser.parse_args(argv)
    angles = postures(args.postures)
    moment_arms(*angles)  # load the data and warm up
    times = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        moment_arms(*angles)
        times.append(1000.0 * (time.perf_counter() - start))
    median = statistics.median(times)
    p95 = float(np.percentile(times, 95))
    print(f"moment_arms: {len(PARTS)} parts x 3 axes x {args.postures} postures, {args.repeats} repeats")
    print(f"median {median:.2f} ms, p95 {p95:.2f} ms (target: median < {TARGET_MS:g} ms)")
    return 0 if median < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
