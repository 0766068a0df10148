"""Moment arm against hip flexion: one muscle's three axes, or many muscles on one axis.

Both views follow the project's pattern (draw once, update in place): the curves are
set by :meth:`show` when the muscle or the set of muscles changes; :meth:`update`
only moves the current-posture line and markers (:attr:`animated_artists`, for
blitting). They take data, never compute it (:mod:`biomech.anatomy.geometry` and
:mod:`biomech.anatomy.actions_by_posture` do), never call pyplot and never import ipywidgets.

Sign convention on every y axis (the geometry's): positive = flexor, adductor,
internal rotator; negative = extensor, abductor, external rotator. Millimetres.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import cycle
from typing import Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from numpy.typing import ArrayLike

from biomech.style.palette import OKABE_ITO, Theme, get_theme

__all__ = ["AXIS_LABELS", "AxisCurvesView", "MomentArmView"]

AXIS_LABELS: Mapping[str, str] = {
    "flexion": "flexion (+) / extension (\u2212)",
    "adduction": "adduction (+) / abduction (\u2212)",
    "rotation": "internal (+) / external (\u2212) rotation",
}
"""Legend text of each axis, with the sign convention."""

_X_LABEL = "Hip flexion (deg)"
_Y_LABEL = "Moment arm (mm)"


def _axis_styles(theme: Theme) -> dict[str, dict[str, Any]]:
    """Rotation, the compensation's axis, is drawn strongest."""
    return {
        "flexion": {"color": theme.foreground, "ls": "-", "lw": 2.0},
        "adduction": {"color": theme.muted, "ls": "--", "lw": 2.0},
        "rotation": {"color": theme.rotation, "ls": "-", "lw": 3.0},
    }


def _frame(ax: Axes, theme: Theme, flexion_range: tuple[float, float]) -> Line2D:
    """Zero line, labels and the current-posture line (returned, animated)."""
    ax.axhline(0.0, color=theme.muted, lw=1.0)
    ax.set_xlim(*flexion_range)
    ax.set_xlabel(_X_LABEL)
    ax.set_ylabel(_Y_LABEL)
    return ax.axvline(0.0, color=theme.restricting, lw=1.5, alpha=0.8)


def _fit_y(ax: Axes, curves: Sequence[np.ndarray]) -> None:
    values = np.concatenate([np.ravel(c) for c in curves] + [np.zeros(1)])
    values = values[np.isfinite(values)]
    span = max(float(np.max(np.abs(values))), 5.0)
    ax.set_ylim(-1.1 * span, 1.1 * span)


class MomentArmView:
    """One muscle's flexion, adduction and rotation moment arms against hip flexion.

    Parameters
    ----------
    ax
        Axes to draw on.
    theme
        ``"light"``, ``"dark"`` or a :class:`~biomech.style.Theme`.
    flexion_range
        x limits, degrees of hip flexion.
    """

    def __init__(
        self, ax: Axes, *, theme: str | Theme = "light", flexion_range: tuple[float, float] = (-20.0, 90.0)
    ) -> None:
        self.ax = ax
        self.theme = get_theme(theme)
        styles = _axis_styles(self.theme)
        self.now = _frame(ax, self.theme, flexion_range)
        self.curves = {a: ax.plot([], [], label=AXIS_LABELS[a], **s)[0] for a, s in styles.items()}
        self.markers = {a: ax.plot([], [], "o", ms=9, color=s["color"])[0] for a, s in styles.items()}
        self.flips = ax.plot([], [], "o", ms=12, mfc="none", mec=self.theme.restricting, mew=2.0, label="action flips")[
            0
        ]
        self.title = ax.set_title("")
        ax.legend(loc="upper left", fontsize="small", frameon=False)

    @property
    def animated_artists(self) -> tuple[Artist, ...]:
        """The current-posture line and markers."""
        return (self.now, *self.markers.values())

    def show(
        self,
        label: str,
        hip_flexion: ArrayLike,
        moment_arms_mm: Mapping[str, ArrayLike],
        flips: Sequence[float] = (),
    ) -> None:
        """Draw a muscle's curves.

        Parameters
        ----------
        label
            The muscle's table label (the title).
        hip_flexion
            Hip flexion angles (deg), shape ``(N,)``.
        moment_arms_mm
            Axis name -> moment arms (mm), shape ``(N,)``; NaN for a muscle that is
            not modelled.
        flips
            Angles (deg) where an action changes sign, circled on the zero line.
        """
        x = np.asarray(hip_flexion, dtype=float)
        for axis, line in self.curves.items():
            line.set_data(x, np.asarray(moment_arms_mm[axis], dtype=float))
        self.flips.set_data(list(flips), [0.0] * len(flips))
        self.title.set_text(label)
        _fit_y(self.ax, [np.asarray(v, dtype=float) for v in moment_arms_mm.values()])

    def update(self, hip_flexion: float, moment_arms_mm: Mapping[str, float]) -> None:
        """Move the current-posture line and markers (no drawing)."""
        self.now.set_xdata([hip_flexion, hip_flexion])
        for axis, marker in self.markers.items():
            marker.set_data([hip_flexion], [moment_arms_mm[axis]])


class AxisCurvesView:
    """Several muscles' moment arms about one axis against hip flexion.

    Parameters
    ----------
    ax
        Axes to draw on.
    axis
        ``"flexion"``, ``"adduction"`` or ``"rotation"`` (the y label says which sign
        is which).
    theme
        ``"light"``, ``"dark"`` or a :class:`~biomech.style.Theme`.
    flexion_range
        x limits, degrees of hip flexion.
    """

    def __init__(
        self,
        ax: Axes,
        axis: str,
        *,
        theme: str | Theme = "light",
        flexion_range: tuple[float, float] = (-20.0, 90.0),
    ) -> None:
        self.ax = ax
        self.axis = axis
        self.theme = get_theme(theme)
        self.now = _frame(ax, self.theme, flexion_range)
        ax.set_ylabel(f"{_Y_LABEL}\n{AXIS_LABELS[axis]}")
        self.lines: list = []

    @property
    def animated_artists(self) -> tuple[Artist, ...]:
        """The current-posture line."""
        return (self.now,)

    def show(self, hip_flexion: ArrayLike, moment_arms_mm: Mapping[str, ArrayLike]) -> None:
        """Draw one curve per muscle label (replacing any earlier curves).

        Parameters
        ----------
        hip_flexion
            Hip flexion angles (deg), shape ``(N,)``.
        moment_arms_mm
            Label -> moment arms (mm) about this view's axis, shape ``(N,)``.
        """
        for line in self.lines:
            line.remove()
        colours = [c for name, c in OKABE_ITO.items() if name not in ("black", "yellow")]
        styles = cycle([(c, ls) for ls in ("-", "--", ":") for c in colours])
        x = np.asarray(hip_flexion, dtype=float)
        self.lines = [
            self.ax.plot(x, np.asarray(y, dtype=float), color=c, ls=ls, lw=2.5, label=label)[0]
            for (label, y), (c, ls) in zip(moment_arms_mm.items(), styles, strict=False)
        ]
        self.ax.legend(
            handles=self.lines, loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize="small", frameon=False
        )
        _fit_y(self.ax, [np.asarray(v, dtype=float) for v in moment_arms_mm.values()])

    def update(self, hip_flexion: float) -> None:
        """Move the current-posture line (no drawing)."""
        self.now.set_xdata([hip_flexion, hip_flexion])
