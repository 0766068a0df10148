"""The stages of the compensation, and where each occurs along a curve of available extension (numpy only).

As the restriction grows the lockout passes through the stages of :data:`STAGES`: none, the
hip's rotation (the blog's first compensation), the pelvis and lower back, and beyond the
voluntary range of the pelvis and lower back. :func:`stage_spans` reads them off the model's
own curve, whichever mechanism computed it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from biomech.model.compensation import Compensation

__all__ = ["STAGES", "STAGE_LABELS", "StageSpan", "stage_spans"]

STAGES: tuple[str, ...] = ("none", "rotational", "lumbopelvic", "beyond_range")
"""Stages in the order they appear as the restriction grows: ``"beyond_range"`` once the
tilt (and the lumbar extension with it) is at its limit and the lockout stays short."""
STAGE_LABELS: dict[str, tuple[str, ...]] = {
    "none": ("no", "compensation"),
    "rotational": ("rotation",),
    "lumbopelvic": ("pelvis", "and back"),
    "beyond_range": ("out of", "range"),
}
"""Each stage's name as the drawings print it on its band of the curves, line by line: the
matplotlib view (:mod:`biomech.views.curves`) and the browser's (the payload's ``stages``,
:func:`biomech.web.payload.lab_payload`, read by ``web/static/lab.js``)."""


@dataclass(frozen=True)
class StageSpan:
    """A stage's interval of available hip extension, in degrees (may be empty).

    Attributes
    ----------
    stage
        One of :data:`STAGES`.
    low, high
        Interval of ``hip_extension_available``; ``low == high`` when the stage
        does not occur (e.g. no rotational stage for a tissue without rotation action).
    """

    stage: str
    low: float
    high: float


def _crossing(x: NDArray[np.float64], y: NDArray[np.float64]) -> float:
    """Where ``y`` (positive at low ``x``, 0 from some ``x`` on) reaches 0: the line through
    the last two positive samples, so exact for a piecewise-linear ``y``."""
    positive = np.flatnonzero(y > 0)
    if positive.size == 0:
        return float(x[0])
    j = int(positive[-1])
    if j == x.size - 1:
        return float(x[-1])
    if j == 0:
        return float((x[0] + x[1]) / 2.0)
    slope = (y[j] - y[j - 1]) / (x[j] - x[j - 1])
    return float(np.clip(x[j] - y[j] / slope if slope < 0 else (x[j] + x[j + 1]) / 2.0, x[j], x[j + 1]))


def stage_spans(curve: Compensation) -> tuple[StageSpan, ...]:
    """Return where each stage occurs along a curve of available extension.

    Read off the model's own curve, whichever mechanism ran: compensation starts where
    the deficit reaches 0, the lumbopelvic stage where the pelvic tilt does, the stage
    beyond the range where the shortfall does (each found
    on the line through the last two samples before it: exact where the model is
    piecewise linear, as the blog's is).

    Parameters
    ----------
    curve
        :func:`~biomech.model.lockout.compensate` over increasing values of ``hip_extension_available``.

    Returns
    -------
    tuple of StageSpan
        One per stage, in the order of :data:`STAGES`.

    Examples
    --------
    >>> from biomech.model.lockout import compensate
    >>> curve = compensate(np.linspace(-30.0, 40.0, 141), mechanism="blog")
    >>> [(s.stage, round(s.low, 2), round(s.high, 2)) for s in stage_spans(curve)]
    [('none', 9.0, 40.0), ('rotational', -2.55, 9.0), ('lumbopelvic', -13.35, -2.55), ('beyond_range', -30.0, -13.35)]
    """
    x = np.asarray(curve.hip_extension_available, dtype=float)
    none_from = _crossing(x, np.asarray(curve.deficit, dtype=float))
    lumbo_to = min(_crossing(x, np.asarray(curve.pelvic_tilt, dtype=float)), none_from)
    beyond_to = min(_crossing(x, np.asarray(curve.shortfall, dtype=float)), lumbo_to)
    bounds = {
        STAGES[0]: (none_from, float(x[-1])),
        STAGES[1]: (lumbo_to, none_from),
        STAGES[2]: (beyond_to, lumbo_to),
        STAGES[3]: (float(x[0]), beyond_to),
    }
    return tuple(StageSpan(stage, *bounds[stage]) for stage in STAGES)
