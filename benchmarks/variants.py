"""Time the band over the assumption variants: the lab's whole curve under every variant, against one curve.

For "hip flexors (all)" (8 parts: the most variants, with the slack draws), Iliopsoas (2
parts) and Sartorius (1 part), under both mechanisms, with the cue "squeeze glutes" (the
cue with the most variants), times :func:`biomech.model.variants.compensation_band` over
the lab's 141 values of available extension and :func:`biomech.model.lockout.compensate`
over the same curve, and prints the medians, the 95th percentiles, the number of variants
and the ratio band / one curve. The lab computes the band once per setting (cue, tissue,
mechanism, Advanced values), when the setting changes; a slider move reuses it.

Run: ``.venv/bin/python benchmarks/variants.py [--repeats 10]``.
Target: the band's median <= 250 ms for every row. Exits 1 if it is missed.
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
from timing import timed  # benchmarks/timing.py, beside this script

from biomech.model.lockout import compensate
from biomech.model.variants import compensation_band

BAND_TARGET_MS = 250.0
CURVE = np.linspace(-30.0, 40.0, 141)
TISSUES = ("hip flexors (all)", "Iliopsoas", "Sartorius")
CUE = "squeeze_glutes"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args(argv)
    missed = []
    print(f"{'tissue':<20}{'mechanism':<10}{'variants':>9}{'band median':>14}{'p95':>9}{'one curve':>12}{'ratio':>8}")
    for tissue in TISSUES:
        for mechanism in ("blog", "geometry"):
            n = len(compensation_band(CURVE[:1], cue=CUE, tissue=tissue, mechanism=mechanism).variants)
            band = timed(
                lambda t=tissue, m=mechanism: compensation_band(CURVE, cue=CUE, tissue=t, mechanism=m), args.repeats
            )
            one = timed(lambda t=tissue, m=mechanism: compensate(CURVE, cue=CUE, tissue=t, mechanism=m), args.repeats)
            print(
                f"{tissue:<20}{mechanism:<10}{n:>9}{band[0]:>11.1f} ms{band[1]:>9.1f}"
                f"{one[0]:>9.1f} ms{band[0] / one[0]:>7.1f}x"
            )
            if band[0] > BAND_TARGET_MS:
                missed.append(f"{tissue} ({mechanism})")
    print(f"target: band median <= {BAND_TARGET_MS:g} ms (cue {CUE}, {CURVE.size} points)")
    if missed:
        print(f"MISSED for: {', '.join(missed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
