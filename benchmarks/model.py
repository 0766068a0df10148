"""Time the lockout model: one state and a 141-point curve, for both mechanisms.

For each tissue of the lab and each mechanism (the blog's linear hypothesis and the
muscle geometry), times :func:`biomech.model.lockout.compensate` for one state
(-10 deg available, "squeeze glutes") and for the lab's curve (141 values of available
extension over its whole range), and prints medians, the 95th percentile, and the ratio
geometry / blog. "hip flexors (all)" holds the most parts (8), so it is the slowest.
The geometry runs with its defaults (rotation priced at ``rotation_gain_floor``: every
rotating state is searched twice, for the least rotation alone and the least cost) and,
for comparison, as the least-tilt solver (``rotation_gain_floor`` and
``moment_arm_floor`` 0, row "no price"); the targets apply to the defaults.

Run: ``.venv/bin/python benchmarks/model.py [--repeats 50]``.
Targets (geometry, every tissue): one state median <= 2 ms; the curve median <= 20 ms.
Exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
from timing import timed  # benchmarks/timing.py, beside this script

from biomech.model.lockout import compensate, tissue_choices

STATE_TARGET_MS, CURVE_TARGET_MS = 2.0, 20.0
CURVE = np.linspace(-30.0, 40.0, 141)
NO_PRICE = {"rotation_gain_floor": 0.0, "moment_arm_floor": 0.0}
VARIANTS = (("blog", "blog", {}), ("geometry", "geometry", {}), ("geometry", "no price", NO_PRICE))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=50)
    args = parser.parse_args(argv)
    missed = []
    print(f"{'tissue':<24}{'mechanism':<10}{'state median':>14}{'p95':>8}{'curve median':>14}{'p95':>8}")
    for tissue in tissue_choices("geometry"):
        rows = {}
        for mechanism, label, options in VARIANTS:
            if mechanism not in ("geometry",) and tissue not in tissue_choices("blog"):
                continue
            state = timed(
                lambda t=tissue, m=mechanism, o=options: compensate(-10.0, tissue=t, mechanism=m, **o), args.repeats
            )
            curve = timed(
                lambda t=tissue, m=mechanism, o=options: compensate(CURVE, tissue=t, mechanism=m, **o), args.repeats
            )
            if label == mechanism:
                rows[mechanism] = (state, curve)
            print(f"{tissue:<24}{label:<10}{state[0]:>11.3f} ms{state[1]:>8.3f}{curve[0]:>11.3f} ms{curve[1]:>8.3f}")
            if label != mechanism:
                continue
            if mechanism == "geometry" and (state[0] > STATE_TARGET_MS or curve[0] > CURVE_TARGET_MS):
                missed.append(tissue)
        if len(rows) == 2:
            ratio = rows["geometry"][1][0] / rows["blog"][1][0]
            print(f"{'':<24}{'ratio':<10}{rows['geometry'][0][0] / rows['blog'][0][0]:>11.1f} x{'':>8}{ratio:>11.1f} x")
    print(f"targets (geometry): state median <= {STATE_TARGET_MS:g} ms, curve median <= {CURVE_TARGET_MS:g} ms")
    if missed:
        print(f"MISSED for: {', '.join(missed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
