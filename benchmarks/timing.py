"""Wall-time statistics shared by the benchmarks (medians and 95th percentiles, in ms)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np


def timed(call: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median and 95th percentile wall time of ``call``, ms (after one warm-up call)."""
    call()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        times.append(1000.0 * (time.perf_counter() - start))
    return statistics.median(times), float(np.percentile(times, 95))
