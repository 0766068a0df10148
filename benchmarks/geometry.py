"""Time the hip and knee geometry: moment arms at 1,000 postures, lengths at 141.

Each repeat calls :func:`biomech.anatomy.geometry.moment_arms` once with 1,000 postures (hip
flexion swept over -20 to 90 deg, the range of notebook 04's slider, with adduction,
rotation and knee flexion varying too), i.e. 27 parts x 4 coordinates x 1,000 postures,
and :func:`biomech.anatomy.geometry.muscle_length` once with 141 postures (a curve at 1-deg
steps), and reports the median and 95th percentile wall times. The posture slider of
notebook 04 needs one posture per move, so this bounds its geometry cost from above.

Run: ``.venv/bin/python benchmarks/geometry.py [--repeats 200] [--postures 1000]``.
Targets: moment_arms median < 20 ms; muscle_length (141 postures) median < 2 ms.
Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
from timing import timed  # benchmarks/timing.py, beside this script

from biomech.anatomy.geometry import PARTS, moment_arms, muscle_length

TARGET_MS = 20.0
LENGTH_TARGET_MS = 2.0
LENGTH_POSTURES = 141


def postures(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``n`` postures over the slider's flexion range, with ab/adduction, rotation and knee flexion."""
    t = np.linspace(0.0, 1.0, n)
    return -20.0 + 110.0 * t, 15.0 * np.sin(7.0 * t), 30.0 * np.cos(5.0 * t), 60.0 - 60.0 * np.cos(3.0 * t)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=200)
    parser.add_argument("--postures", type=int, default=1000)
    args = parser.parse_args(argv)
    angles, curve = postures(args.postures), postures(LENGTH_POSTURES)
    median, p95 = timed(lambda: moment_arms(*angles), args.repeats)
    length_median, length_p95 = timed(lambda: muscle_length(*curve), args.repeats)
    print(f"moment_arms: {len(PARTS)} parts x 4 coordinates x {args.postures} postures, {args.repeats} repeats")
    print(f"median {median:.2f} ms, p95 {p95:.2f} ms (target: median < {TARGET_MS:g} ms)")
    print(f"muscle_length: {len(PARTS)} parts x {LENGTH_POSTURES} postures")
    print(f"median {length_median:.3f} ms, p95 {length_p95:.3f} ms (target: median < {LENGTH_TARGET_MS:g} ms)")
    return 0 if median < TARGET_MS and length_median < LENGTH_TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
